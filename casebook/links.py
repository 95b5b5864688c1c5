"""Links between views. Relative hrefs, so they work under a proxy's sub-path too."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

FILTER_KEY, MATCH_KEY, CASE_KEY = "theme", "match", "case"


def view_query(
    selected: list[str], mode: str, extra: dict[str, str] | None = None, case: str = ""
) -> str:
    """The query string of a view: the case (when there is a choice), the theme filter (and
    any/all when it matters), then the page's own parameters."""
    pairs = [(CASE_KEY, case)] if case else []
    pairs += [(FILTER_KEY, theme) for theme in selected]
    if mode != "any" and len(selected) > 1:
        pairs.append((MATCH_KEY, mode))
    pairs.extend((key, value) for key, value in (extra or {}).items() if value)
    return urlencode(pairs)


@dataclass(frozen=True)
class View:
    """The view a reader is on, as its link carries it: the case (when there is a choice),
    the theme filter and its any/all mode. Built once per rerun; every link, export name,
    citation and filtered list of that rerun is made from the same one."""

    themes: tuple[str, ...] = ()
    mode: str = "any"
    case: str = ""

    def query(self, extra: dict[str, str] | None = None) -> str:
        """The query string of this view, with a page's own parameters after it."""
        return view_query(list(self.themes), self.mode, extra, self.case)


def href(url_path: str, query: str = "", anchor: str = "") -> str:
    """A relative link to a page of the app: 'lessons-learned?theme=security#lessons-learned-p2'."""
    target = quote(url_path) or "./"
    if query:
        target += f"?{query}"
    if anchor:
        target += f"#{quote(anchor)}"
    return target


def tab_title(page: str, case: str, limit: int = 32) -> str:
    """The browser tab's title: the page, the case (shortened), the app.
    'Political stability · Analyzing the Impact of the UN… · casebook'."""
    if len(case) > limit:
        case = case[:limit].rsplit(" ", 1)[0].rstrip(",:;") + "…"
    return " · ".join(part for part in (page, case, "casebook") if part)
