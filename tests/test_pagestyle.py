"""The page's constant stylesheet and script (casebook/pagestyle.py)."""

from __future__ import annotations

from casebook.pagestyle import SCROLL_TO_FRAGMENT
from tests.conftest import CONTENT, open_app


def page_scripts(page: str, **query) -> list[str]:
    """The scripts a page of the shipped case sends (the filter's chip colours carry none)."""
    at = open_app(CONTENT, page, **query)
    return [html.proto.body for html in at.get("html") if "<script" in html.proto.body]


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
    assert len(plain) == 1
    assert hostile == plain
    assert "future-outlook-p5" not in plain[0]


def test_scroll_to_fragment_reads_the_id_and_never_evaluates_it():
    script = SCROLL_TO_FRAGMENT.strip()
    assert (script.startswith("<script>"), script.endswith("</script>")) == (True, True)
    assert "decodeURIComponent(window.location.hash.slice(1))" in script
    assert "document.getElementById(id)" in script
    assert [word for word in ("eval(", "innerHTML", "document.write", "Function(")
            if word in script] == []  # fmt: skip
