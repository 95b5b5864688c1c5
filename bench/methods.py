"""Which way of coding themes to use: candidate methods compared on the tuning part alone.

Run: python bench/methods.py [--no-write]

Each method codes every text of the tuning part (eval/corpus, `split: tuning`) and the
MINUSMA seed having learned from, or compared with, the other texts only (leave one text
out), and is scored against the blind hand-coding of those paragraphs. The held-out part
is never read: it stays for measuring the chosen method (python bench/agreement.py).

The candidates:
- the codebook rule, words alone, and words with the nearest coded examples (the rule as
  the dashboard runs it: casebook/tagging.py);
- the nearest coded examples alone: the 7 most similar paragraphs of the other texts vote,
  weighted by similarity; a theme is coded where 40% of the vote carries it;
- logistic regression, one model per theme, trained on the other texts, over: the rule's
  word scores and the WordLlama vector; the stems (tf-idf) and the rule's word scores; the
  stems alone. Learned models are what a trained classifier could add to the rule.

Also measured once by hand, the same way: all-MiniLM-L6-v2 sentence vectors (a 90 MB
model run with PyTorch) in place of WordLlama's; see bench/RESULTS.md, issue 11.

The rule's terms were edited on these same texts, so its figures here are optimistic; the
learned models are not (they never see the text they code). Writes its section of
bench/RESULTS.md.
"""

from __future__ import annotations

import dataclasses
import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import benchlib  # noqa: E402
from bench.agreement import load_pairs  # noqa: E402
from bench.tune import parts  # noqa: E402
from casebook import matching, semantic  # noqa: E402
from casebook.agreement import agreement  # noqa: E402
from casebook.tagging import code_texts  # noqa: E402

NEIGHBOURS, VOTE = 7, 0.4
# Inverse regularisation of each learned model: the best of 0.3, 1, 3, 10 and 30 measured
# this same way (stems alone need little regularisation: their words are many and sparse).
STRENGTH = {"scores vector": 1.0, "stems scores": 1.0, "stems": 10.0}


@dataclasses.dataclass
class Part:
    """The coded paragraphs of the tuning texts and the seed, with what each method reads."""

    groups: np.ndarray  # the text each paragraph comes from
    texts: list[str]
    hand: np.ndarray  # paragraphs × themes, 1 where the coder saw the theme
    scores: np.ndarray  # the rule's word scores (no examples)
    rule: np.ndarray  # the rule as the dashboard runs it (words and examples)
    vectors: np.ndarray  # WordLlama unit vectors


def gather(codebook) -> Part:
    tuning, seed = parts(codebook)
    groups, texts, hand, rule = [], [], [], []
    for source, part_texts, part_hand in [*tuning, seed]:
        groups += [source] * len(part_texts)
        texts += part_texts
        hand += [[t in h for t in codebook.ids] for h in part_hand]
        codings = code_texts(part_texts, codebook, leave_out=source)
        rule += [[c[t].coded for t in codebook.ids] for c in codings]
    words_only = dataclasses.replace(codebook.rules, neighbours=0)
    codings = code_texts(texts, dataclasses.replace(codebook, rules=words_only))
    scores = np.array([[c[t].score for t in codebook.ids] for c in codings])
    return Part(np.array(groups), texts, np.array(hand, dtype=int), scores,
                np.array(rule, dtype=bool), semantic.embed(texts))  # fmt: skip


def vote(train_vectors, train_hand, vectors) -> np.ndarray:
    """Share of the similarity-weighted vote of the nearest paragraphs, per theme."""
    similarity = vectors @ train_vectors.T
    nearest = np.argsort(-similarity, axis=1)[:, :NEIGHBOURS]
    weights = np.maximum(np.take_along_axis(similarity, nearest, axis=1), 0)
    votes = (weights[:, :, None] * train_hand[nearest]).sum(axis=1)
    return votes / np.maximum(weights.sum(axis=1, keepdims=True), 1e-9)


def _stems(text: str) -> list[str]:
    return [matching.stem(word.text) for word in matching.words(text)]


def features(part: Part, kind: str, train, test):
    """(train matrix, test matrix) for a learned model."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer

    blocks = []
    if "scores" in kind:
        blocks.append((np.log1p(part.scores[train]), np.log1p(part.scores[test])))
    if "vector" in kind:
        blocks.append((part.vectors[train], part.vectors[test]))
    if "stems" in kind:
        tfidf = TfidfVectorizer(analyzer=_stems, min_df=2, sublinear_tf=True)
        found = tfidf.fit_transform([part.texts[i] for i in np.flatnonzero(train)])
        blocks.append((found, tfidf.transform([part.texts[i] for i in np.flatnonzero(test)])))
    return tuple(hstack([csr_matrix(b[side]) for b in blocks]).tocsr() for side in (0, 1))


def learned(part: Part, kind: str, train, test) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    train_x, test_x = features(part, kind, train, test)
    found = np.zeros((int(test.sum()), part.hand.shape[1]), dtype=bool)
    for theme in range(part.hand.shape[1]):
        model = LogisticRegression(C=STRENGTH[kind], max_iter=3000).fit(
            train_x, part.hand[train, theme]
        )
        found[:, theme] = model.predict_proba(test_x)[:, 1] >= 0.5
    return found


def leave_one_text_out(part: Part, method) -> np.ndarray:
    found = np.zeros_like(part.hand, dtype=bool)
    for group in dict.fromkeys(part.groups):
        test = part.groups == group
        found[test] = method(~test, test)
    return found


def methods(part: Part, min_score: float) -> dict:
    def model(kind):
        return lambda train, test: learned(part, kind, train, test)

    return {
        "rule, words alone": lambda _train, test: part.scores[test] >= min_score,
        "rule, words and 3 nearest examples (the dashboard's)": lambda _tr, test: part.rule[test],
        f"nearest examples alone ({NEIGHBOURS}, vote ≥ {VOTE:.0%})": lambda train, test: vote(
            part.vectors[train], part.hand[train], part.vectors[test]
        ) >= VOTE,
        "learned: word scores + WordLlama vector": model("scores vector"),
        "learned: stems + word scores": model("stems scores"),
        "learned: stems alone": model("stems"),
    }  # fmt: skip


def main() -> int:
    args = benchlib.arguments(__doc__, server=False).parse_args()
    warnings.filterwarnings("ignore", category=FutureWarning)
    codebook = load_pairs()[0]
    part = gather(codebook)
    hand = [[t for t, on in zip(codebook.ids, row, strict=True) if on] for row in part.hand]
    rows = []
    for name, method in methods(part, codebook.rules.paragraph_min_score).items():
        found = leave_one_text_out(part, method)
        coded = [[t for t, on in zip(codebook.ids, row, strict=True) if on] for row in found]
        *themes, micro = agreement(coded, hand, codebook.ids)
        rows.append([name, f"{micro.f1:.3f}", f"{micro.kappa:.3f}",
                     f"{min(r.precision for r in themes):.2f}",
                     " / ".join(f"{r.f1:.2f}" for r in themes)])  # fmt: skip
    texts = len(dict.fromkeys(part.groups))
    head = ["method", "micro-F1", "kappa", "lowest precision", "F1 per theme (" + ", ".join(
        codebook.ids) + ")"]  # fmt: skip
    body = (
        f"Leave one text out over the tuning part and the seed ({texts} texts, "
        f"{len(part.texts)} paragraphs); never the held-out part. The rule's terms were "
        f"edited on these texts (its figures are optimistic); the learned models never see "
        f"the text they code.\n\n{benchlib.table(head, rows)}\n\nRerun: `python bench/methods.py`."
    )
    print(body)
    if not args.no_write:
        benchlib.write_section("methods", "Choosing the method (tuning part only)", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
