"""A report three levels deep in the real browser: the menu shows each section's depth
(indented, and in words for screen readers), the breadcrumb leads up the chain."""

from __future__ import annotations

import pytest

from casebook.ingest import pipeline
from tests.conftest import copy_codebook
from tests.e2e.accessibility import describe, serious_violations
from tests.e2e.conftest import _visited, free_port, start_app_on, wait_for_app
from tests.test_nesting import MARKDOWN


@pytest.fixture(scope="module")
def outline_url(tmp_path_factory, reader_context):
    root = copy_codebook(tmp_path_factory.mktemp("outline") / "content")
    source = root.parent / "report.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    pipeline.ingest(source, "report", root)
    port = free_port()
    process = start_app_on(port, env={"CASEBOOK_CONTENT": str(root)})
    yield from _visited(reader_context, f"http://127.0.0.1:{port}", process)


def test_the_menu_shows_depth_and_the_breadcrumb_leads_up(page, outline_url):
    page.goto(f"{outline_url}/1-voter-registration?theme=political")
    wait_for_app(page)
    menu = page.get_by_test_id("stSidebarNav")
    third = menu.get_by_role("link", name="level 3: 1. Voter registration", exact=True)
    second = menu.get_by_role("link", name="level 2: A. Elections", exact=True)
    top = menu.get_by_role("link", name="II. Political developments", exact=True)
    assert top.bounding_box()["x"] == second.bounding_box()["x"]  # the arrow icon marks it
    assert third.bounding_box()["x"] >= second.bounding_box()["x"] + 16  # 1.25rem in

    crumbs = page.locator(".st-key-breadcrumb").get_by_role("link")
    names = crumbs.locator("p").all_inner_texts()  # the labels, icons (aria-hidden) aside
    assert names == ["Part of: II. Political developments", "A. Elections"]
    crumbs.nth(1).click()
    page.wait_for_url("**/a-elections?theme=political")
    wait_for_app(page)
    heading = page.locator("[data-testid='stMainBlockContainer'] h1").first
    assert heading.inner_text() == "A. Elections"
    main = page.get_by_test_id("stMainBlockContainer")
    links = main.get_by_role("link").locator("p").all_inner_texts()
    first = links.index("1. Voter registration")
    assert links[first : first + 2] == ["1. Voter registration", "2. Polling"]
    assert "B. Dialogue" not in links  # a sibling, not a child (and neither before nor after)
    found = serious_violations(page)  # the breadcrumb and the children's links among it
    assert not found, describe(found)
