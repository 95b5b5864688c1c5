"""Small HTML fragments for the pages, built with every dynamic value escaped.

Article text, titles and anything that came from a URL pass through :func:`escape`;
colours come from the validated codebook. The stylesheet these fragments use is
``pagestyle.py``'s; the record's fragments (facts, sources, claims) are ``recordmarkup.py``'s,
the tables of figures (coverage bars, sections × themes, counts) ``tablemarkup.py``'s.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from urllib.parse import quote

from casebook.contrast import darker
from casebook.model import Codebook, Theme
from casebook.validate import COLOUR
from casebook.wording import counted

# The fragments go through st.markdown, which reads Markdown between HTML tags: these
# characters become character references, which Markdown shows and never acts on
# (links, images, emphasis, code, formulas), and so do bare addresses, which it would
# turn into links.
_MARKDOWN_ACTIVE = {ord(c): f"&#{ord(c)};" for c in "\\`*_[]~$"}
_BARE_ADDRESS = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=www)(\.)")


def escape(text: str, quote: bool = True) -> str:
    """Text as literal HTML and literal Markdown: no tag, link, emphasis or formula."""
    out = html.escape(text, quote=quote).translate(_MARKDOWN_ACTIVE)
    return _BARE_ADDRESS.sub(lambda m: f"&#{ord(m.group())};", out)


def theme_colour(theme: Theme) -> str:
    return theme.colour if COLOUR.match(theme.colour) else "#767676"


def badge(theme: Theme, pinned: bool = False) -> str:
    """A theme badge, always with its label: solid with a pin when an editor fixed it
    (white on a shade of the theme colour dark enough for 4.5:1), outlined with a dot of
    the theme colour when computed (the text keeps the page's own colour, in either mode)."""
    colour = theme_colour(theme)
    label = escape(theme.label)
    if pinned:
        title = f"{label}: pinned by an editor"
        solid = darker(colour)
        style = f"background:{solid};border-color:{solid};color:#ffffff"
        return f'<span class="cb-badge" style="{style}" title="{title}">📌 {label}</span>'
    title = f"{label}: coded by the tagging rule"
    dot = f'<span class="cb-dot" style="background:{colour}" aria-hidden="true"></span>'
    return (
        f'<span class="cb-badge" style="border-color:{colour}" title="{title}">{dot}{label}</span>'
    )


def _css_string(text: str) -> str:
    """Text as a quoted CSS string: everything but letters and digits as a hex escape."""
    return '"' + "".join(c if c.isalnum() else f"\\{ord(c):06x}" for c in text) + '"'


def chip_style(codebook: Codebook, picker_key: str) -> str:
    """The filter's chips in their themes' colours: white on a shade of each colour dark
    enough for 4.5:1 (the picker shows labels, so a chip is found by its label)."""
    rules = "".join(
        f".st-key-{picker_key} [data-tag][aria-label={_css_string(theme.label)}]"
        f"{{background:{darker(theme_colour(theme))};color:#ffffff}}"
        for theme in codebook.themes
    )
    return f"<style>{rules}</style>"


def badges(theme_ids: Sequence[str], codebook: Codebook, pinned: bool = False) -> str:
    return "".join(badge(codebook.theme(t), pinned) for t in theme_ids if t in codebook.ids)


def paragraph(
    text: str,
    anchor: str,
    theme_ids: Sequence[str],
    codebook: Codebook,
    pinned: bool = False,
    highlight: bool = False,
    target: bool = False,
) -> str:
    """One paragraph with its theme badges; the left rule takes the first theme's colour.
    ``highlight`` marks a match of the filter, ``target`` the paragraph a link pointed at."""
    rule = theme_colour(codebook.theme(theme_ids[0])) if theme_ids else "rgba(128,128,128,0.25)"
    classes = "cb-para" + (" cb-match" if highlight else "") + (" cb-target" if target else "")
    marks = badges(theme_ids, codebook, pinned) or '<span class="cb-muted">no theme</span>'
    return (
        f'<div class="{classes}" id="{escape(anchor)}" style="border-left-color:{rule}">'
        f"<div>{marks}</div><p>{escape(text)}</p></div>"
    )


def term_lists(theme: Theme) -> str:
    """A theme's strong terms, then its other terms, each named once."""
    strong = ", ".join(theme.strong_terms) or "none"
    others = ", ".join(t for t in dict.fromkeys(theme.terms) if t not in theme.strong_terms)
    return f"Strong terms: {strong}. Other terms: {others or 'none'}."


def md_escape(text: str) -> str:
    """Text shown literally inside Markdown (no emphasis, links or HTML)."""
    out = html.escape(text, quote=False)
    for char in "\\`*_{}[]()#+-.!|~>$":
        out = out.replace(char, "\\" + char)
    return _BARE_ADDRESS.sub(lambda m: "\\" + m.group(), out)


def quoted_value(value: str, longest: int = 40) -> str:
    """A value from a link as a notice quotes it: in quotes, cut after ``longest``
    characters, literal in Markdown."""
    return f"“{md_escape(value if len(value) <= longest else value[:longest] + '…')}”"


def md_bold_only(text: str) -> str:
    """Text shown literally inside Markdown but for **bold** (a chart note's emphasis): no
    links, HTML or other markup."""
    return md_escape(text).replace(r"\*\*", "**")


def md_link(label: str, url: str) -> str:
    """A Markdown link whose label is literal and whose address cannot end early: every
    character that could close it (space, parenthesis, bracket, angle) is percent-encoded."""
    return f"[{md_escape(label)}]({quote(url, safe=_URL_SAFE)})"


_URL_SAFE = ":/?#@!$&'*+,;=%~"  # beside letters, digits and -._ : never ( ) [ ] < > or space


def _examples_html(examples) -> str:
    """The nearest coded examples behind a theme, each with its first words and similarity."""
    return "; ".join(
        f"“{escape(e['opening'])}” ({escape(e['example'])}, similarity {e['similarity']:.2f})"
        for e in examples
    )


def evidence(row, codebook: Codebook) -> str:
    """Why a paragraph carries its themes, in a disclosure under it that opens on a click or
    Enter: each theme's score, matched terms and the nearest coded examples that added to
    the score. Every piece escaped."""
    threshold = codebook.rules.paragraph_min_score
    head = ""
    if row.pinned:
        names = ", ".join(codebook.theme(t).label for t in row.themes)
        head = (
            f"<p>📌 <strong>Pinned by an editor:</strong> {escape(names)}. The rule's findings:</p>"
        )
    items = []
    for theme in codebook.themes:
        score = row.scores[theme.id]
        terms = row.evidence[theme.id]
        examples = row.examples[theme.id]
        verdict = "coded" if score >= threshold else "below threshold"
        found = ", ".join(escape(term) for term in terms) if terms else "no terms found"
        if examples:
            found += f". Near coded examples: {_examples_html(examples)}"
        items.append(
            f"<li><strong>{escape(theme.label)}</strong>: score {score:g}, {verdict}. {found}</li>"
        )
    rule = f'<p class="cb-muted">A theme is coded at score {threshold:g} or more (see About).</p>'
    return (
        '<details class="cb-evidence"><summary>Evidence</summary>'
        f"{head}<ul>{''.join(items)}</ul>{rule}</details>"
    )


KWIC_LINES = 10  # per paragraph: the page stays light whatever a paragraph holds


def kwic(hits) -> str:
    """Keyword-in-context lines, the matches marked (on the server, so the browser only
    draws them); every piece escaped; at most KWIC_LINES, then how many more."""
    shown = hits[:KWIC_LINES]
    lines = (f"{escape(h.before)}<mark>{escape(h.match)}</mark>{escape(h.after)}" for h in shown)
    more = len(hits) - len(shown)
    note = f'<div class="cb-muted">… and {counted(more, "more hit")} in this paragraph</div>'
    return "".join(f'<div class="cb-kwic">{line}</div>' for line in lines) + (note if more else "")


def link(href: str, label: str) -> str:
    """A link to another view of the app, opened in the same tab."""
    return f'<a class="cb-link" href="{escape(href)}" target="_self">{escape(label)}</a>'


def print_header(url: str, filter_text: str, day: str) -> str:
    """What a printed view carries at its top: where it came from, the filter, the date."""
    return (
        f'<div class="cb-muted">Printed from casebook on {escape(day)} · {escape(filter_text)}'
        f"<br>{escape(url)}</div>"
    )


def share_link(url: str) -> str:
    """The URL of a view as text to read and select (never a live link: it is this page)."""
    return f'<div class="cb-share"><code>{escape(url)}</code></div>'


def link_list(items) -> str:
    """A bulleted list of links, from (href, label) pairs."""
    lines = "".join(f"<li>{link(href, label)}</li>" for href, label in items)
    return f'<ul class="cb-links">{lines}</ul>'


def passage(heading: str, body_html: str, marks: str, href: str) -> str:
    """A passage shown away from its section: where it is, its themes, the text, a way back."""
    return (
        f'<div class="cb-para"><div class="cb-muted">{escape(heading)}</div>'
        f"<div>{marks}</div>{body_html}<div>{link(href, 'Open in context →')}</div></div>"
    )


def text_block(text: str) -> str:
    return f"<p>{escape(text)}</p>"
