"""Small HTML fragments for the pages, built with every dynamic value escaped.

Article text, titles and anything that came from a URL pass through
``html.escape``; colours come from the validated codebook.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from casebook.model import Codebook, Theme
from casebook.validate import COLOUR

STYLE = """
<style>
.cb-badge{display:inline-block;padding:0.05rem 0.55rem;margin:0 0.3rem 0.25rem 0;
  border-radius:1rem;font-size:0.8rem;font-weight:600;line-height:1.5;border:2px solid}
.cb-para{padding:0.35rem 0 0.35rem 0.9rem;margin:0.2rem 0 0.1rem 0;
  border-left:4px solid rgba(128,128,128,0.25)}
.cb-para p{margin:0.15rem 0 0 0}
.cb-para.cb-match{background:rgba(0,114,178,0.07)}
.cb-muted{opacity:0.7;font-size:0.85rem}
.cb-para:target,.cb-para.cb-target{outline:3px solid #E69F00;outline-offset:4px;
  background:rgba(230,159,0,0.12)}
.cb-kwic{font-size:0.95rem;margin:0.2rem 0}
.cb-kwic mark{background:#F0E442;color:#000000;padding:0 0.15rem;border-radius:0.2rem}
.cb-link{font-size:0.85rem}
</style>
"""


def _colour(theme: Theme) -> str:
    return theme.colour if COLOUR.match(theme.colour) else "#777777"


def badge(theme: Theme, pinned: bool = False) -> str:
    """A theme badge: solid with a pin when an editor fixed it, outlined when computed."""
    colour = _colour(theme)
    label = escape(theme.label)
    if pinned:
        title = f"{label}: pinned by an editor"
        style = f"background:{colour};border-color:{colour};color:#ffffff"
        return f'<span class="cb-badge" style="{style}" title="{title}">📌 {label}</span>'
    title = f"{label}: coded by the tagging rule"
    style = f"border-color:{colour};color:{colour}"
    return f'<span class="cb-badge" style="{style}" title="{title}">{label}</span>'


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
    rule = _colour(codebook.theme(theme_ids[0])) if theme_ids else "rgba(128,128,128,0.25)"
    classes = "cb-para" + (" cb-match" if highlight else "") + (" cb-target" if target else "")
    marks = badges(theme_ids, codebook, pinned) or '<span class="cb-muted">no theme</span>'
    return (
        f'<div class="{classes}" id="{escape(anchor)}" style="border-left-color:{rule}">'
        f"<div>{marks}</div><p>{escape(text)}</p></div>"
    )


def md_escape(text: str) -> str:
    """Text shown literally inside Markdown (no emphasis, links or HTML)."""
    out = escape(text, quote=False)
    for char in "\\`*_{}[]()#+-.!|~>$":
        out = out.replace(char, "\\" + char)
    return out


def evidence_markdown(row, codebook: Codebook) -> str:
    """Why a paragraph carries its themes: each theme's score and matched terms."""
    threshold = codebook.rules.paragraph_min_score
    lines = []
    if row.pinned:
        names = ", ".join(codebook.theme(t).label for t in row.themes)
        lines.append(f"📌 **Pinned by an editor:** {md_escape(names)}. The rule's findings:")
    for theme in codebook.themes:
        score = row.scores[theme.id]
        terms = row.evidence[theme.id]
        verdict = "coded" if score >= threshold else "below threshold"
        found = ", ".join(md_escape(term) for term in terms) if terms else "no terms found"
        lines.append(f"- **{md_escape(theme.label)}**: score {score:g}, {verdict}. {found}")
    lines.append(f"\nA theme is coded at score {threshold:g} or more (see About).")
    return "\n".join(lines)


def kwic(hits) -> str:
    """Keyword-in-context lines, the matches marked; every piece escaped."""
    lines = (f"{escape(h.before)}<mark>{escape(h.match)}</mark>{escape(h.after)}" for h in hits)
    return "".join(f'<div class="cb-kwic">{line}</div>' for line in lines)


def link(href: str, label: str) -> str:
    """A link to another view of the app, opened in the same tab."""
    return f'<a class="cb-link" href="{escape(href)}" target="_self">{escape(label)}</a>'


def passage(heading: str, body_html: str, marks: str, href: str) -> str:
    """A passage shown away from its section: where it is, its themes, the text, a way back."""
    return (
        f'<div class="cb-para"><div class="cb-muted">{escape(heading)}</div>'
        f"<div>{marks}</div>{body_html}<div>{link(href, 'Open in context →')}</div></div>"
    )


def text_block(text: str) -> str:
    return f"<p>{escape(text)}</p>"


# Scrolls to the element named by the URL's #fragment once the page has drawn it. Streamlit
# scrolls to its own heading anchors on load, not to anchors inside Markdown. A constant:
# nothing from the text or the URL is written into it; the id is looked up, never evaluated.
SCROLL_TO_FRAGMENT = """
<script>
(function () {
  var id = decodeURIComponent(window.location.hash.slice(1));
  if (!id || window.__casebookScrolled === window.location.href) { return; }
  var tries = 0;
  (function look() {
    var target = document.getElementById(id);
    if (target) {
      window.__casebookScrolled = window.location.href;
      target.scrollIntoView({block: "center"});
    } else if (tries++ < 40) {
      window.setTimeout(look, 100);
    }
  })();
})();
</script>
"""


def count(number: int, noun: str) -> str:
    """'1 paragraph', '3 paragraphs'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
