"""The About page's account of the method: the rule in full, and how well it agrees with
independent coders (read from eval/results.json)."""

from __future__ import annotations

import streamlit as st

from casebook import semantic, trust
from casebook.model import Codebook

METHOD = """\
Every paragraph is read against each theme of the codebook by one rule, the same for
every theme and every case:

1. The text is split into lower-case words. A codebook term (a word or a phrase) matches
   its words in sequence; each word matches every word with the same English stem (the
   Snowball stemmer's: `attack` matches attacks, attacked, attacking), and a term ending
   in `*` matches any ending (`insurgen*`: insurgent, insurgents, insurgency).
2. Within a theme the longest match wins and no word counts twice; words inside the
   theme's *exclude* phrases ("Security Council") do not count.
3. Each match adds 1 to the theme's score. A *strong term*, one that names the theme
   outright ("insurgency", "humanitarian aid"), adds {min_score:g}; so does a term that is
   an item of an explicit list ("military, political, humanitarian, and development
   activities"), since the list states that the paragraph covers each item.
4. {neighbours}
5. A paragraph is **coded** with a theme when the score reaches **{min_score:g}**: one
   passing mention is not a theme.

The evidence is kept: *Evidence*, under every paragraph, opens to show each theme's score, the
words behind it and the nearest examples that added to it, with their similarity. An
editor can **pin** a paragraph's themes in its content file (a line
`<!-- themes: security political -->` just above it); pinned themes are shown solid with
a 📌, computed ones outlined, and pins always win over the rule.
"""

NEIGHBOURS = """\
**Nearest coded examples.** Where the words leave a theme undecided (its score
   short of {min_score:g} by no more than {reach:g}), the paragraph is also
   compared with the {count} coded paragraphs of the codebook's examples
   (`content/examples.yaml`), by sentence vectors ({model}, computed on the server
   without any network) and their cosine similarity (1 for the same wording), over its
   first {max_words} words. Each of its {k} most similar examples whose similarity
   reaches {similarity:.2f} adds {weight:g} to the score of each theme that example
   carries. An example never votes on a paragraph of its own text. Where the words
   settle every theme, the examples could change nothing and are not consulted."""

NOT_MEASURED = "Agreement with independent coders has not been measured for this codebook yet."
NO_NEIGHBOURS = "No coded examples are compared: the codebook's rules ask for none."


def method_text(codebook: Codebook) -> str:
    """The rule in full, with this codebook's numbers."""
    rules = codebook.rules
    neighbours = NO_NEIGHBOURS
    if rules.neighbours and codebook.examples:
        neighbours = NEIGHBOURS.format(
            count=len(codebook.examples), model=semantic.MODEL, max_words=semantic.MAX_WORDS,
            k=rules.neighbours, similarity=rules.neighbour_similarity,
            weight=rules.neighbour_weight, min_score=rules.paragraph_min_score,
            reach=rules.neighbours * rules.neighbour_weight,
        )  # fmt: skip
    return METHOD.format(min_score=rules.paragraph_min_score, neighbours=neighbours)


def render_agreement(codebook: Codebook) -> None:
    """The measured agreement with independent coders, read from eval/results.json."""
    results = trust.read_results()
    if results is None:
        st.markdown(NOT_MEASURED)
        return
    held = results["held-out"]
    st.markdown(trust.agreement_table(held, codebook))
    st.caption(trust.corpus_sentence(held, results.get("measured", "date unknown")))
