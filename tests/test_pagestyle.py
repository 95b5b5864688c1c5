"""The page's constant stylesheet and script (casebook/pagestyle.py)."""

from __future__ import annotations

from casebook.pagestyle import KEEP_VIEW_IN_LINKS, SCROLL_TO_FRAGMENT
from tests.conftest import CONTENT, LINK_SCRIPT, open_app


def page_scripts(page: str, **query) -> list[str]:
    """The scripts a page of the shipped case sends (the filter's chip colours carry none)."""
    at = open_app(CONTENT, page, **query)
    return [html.proto.body for html in at.get("html") if "<script" in html.proto.body]


def test_every_page_carries_the_link_script_once_and_the_same():
    for page in ("", "future-outlook", "search", "about"):
        scripts = page_scripts(page, theme=["</script><b>x"], q="<i>")
        assert [body.endswith(LINK_SCRIPT) for body in scripts][:1] == [True]
        assert sum(LINK_SCRIPT in body for body in scripts) == 1


def test_the_link_script_copies_only_the_views_keys_from_the_pages_own_url():
    script = KEEP_VIEW_IN_LINKS
    assert 'var KEYS = ["case", "theme", "match"];' in script
    assert "new URLSearchParams(window.location.search)" in script
    assert "target.origin !== window.location.origin" in script  # the app's own links only
    assert [word for word in ("eval(", "innerHTML", "document.write", "Function(")
            if word in script] == []  # fmt: skip


def test_the_scroll_script_is_the_same_whatever_the_link_says():
    """Nothing from the URL is written into the script (the browser reads the fragment
    itself): two deep links, one with markup in every parameter, get the same script."""
    plain = page_scripts("future-outlook", p="future-outlook-p5")
    hostile = page_scripts(
        "lessons-learned",
        p="lessons-learned-p2",
        theme=["security", "</script><script>alert(1)//"],
        match="all",
        q='"><img src=x onerror=alert(1)>',
    )
    assert len(plain) == 2  # the frame's link script, then the scroll script
    assert hostile == plain
    assert "future-outlook-p5" not in plain[1]


def test_scroll_to_fragment_reads_the_id_and_never_evaluates_it():
    script = SCROLL_TO_FRAGMENT.strip()
    assert (script.startswith("<script>"), script.endswith("</script>")) == (True, True)
    assert "decodeURIComponent(window.location.hash.slice(1))" in script
    assert "document.getElementById(id)" in script
    assert [word for word in ("eval(", "innerHTML", "document.write", "Function(")
            if word in script] == []  # fmt: skip
