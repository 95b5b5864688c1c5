"""The "Add an article" page: off by default; with CASEBOOK_UPLOADS=1, a link or an upload
goes through the ingest pipeline and the new case opens at once; cases download as zips."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from casebook import markup
from casebook.ingest import web
from casebook.ingest.source import MAX_INPUT_BYTES, IngestError
from casebook.loader import load_content
from tests import conftest, unreport
from tests.conftest import TINY, content_entries, drawn


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(TINY, root)
    return root


def uploads_env(uploads: bool = True) -> dict[str, str]:
    """The page on or off; links to 127.0.0.1 allowed (the test web server is there)."""
    return {web.UPLOADS_ENV: "1" if uploads else "", web.PRIVATE_ENV: "1"}


def open_app(content, page: str | None = None, uploads: bool = True) -> AppTest:
    return conftest.open_app(content, page, timeout=60, env=uploads_env(uploads))


def run(at: AppTest, content) -> AppTest:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {"CASEBOOK_CONTENT": str(content), **uploads_env()}.items():
            patch.setenv(name, value)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def menu(at: AppTest) -> list[str]:
    pages = at._registered_pages.values()  # noqa: SLF001 - the pages st.navigation registered
    return [page["page_name"] for page in pages]


def test_the_page_is_off_by_default(content):
    assert "Add an article" in menu(open_app(content))
    assert "Add an article" not in menu(open_app(content, uploads=False))
    at = open_app(content, "add-article", uploads=False)
    assert at.title[0].value != "Add an article"


def test_the_uploader_takes_what_the_ingest_takes_whatever_the_server_setting(content):
    """The image sets server.maxUploadSize to 1 MB; the uploader's own limit overrides it."""
    (uploader,) = open_app(content, "add-article").get("file_uploader")
    assert uploader.proto.max_upload_size_mb == web.UPLOAD_LIMIT_MB == 5
    assert 4 * 2**20 < MAX_INPUT_BYTES <= 5 * 2**20


def test_a_link_becomes_a_case_that_opens_at_once(content, web_server):
    at = open_app(content, "add-article")
    assert at.title[0].value == "Add an article"
    at.text_input(key="add_link").input(f"{web_server}/post")
    run(at, content)
    assert at.text_input(key="add_slug").placeholder == "post"
    at.text_input(key="add_slug").input("sahel")
    run(at, content)
    at.button(key="add_go").click()
    run(at, content)
    assert at.sidebar.selectbox(key="case-pick").value == "sahel"  # shown as chosen
    assert at.selectbox(key="case").value == "sahel"
    assert "Added “Peacekeeping after MINUSMA: Lessons for the Sahel”" in at.success[0].value
    assert at.code[0].value.endswith("/?case=sahel")  # the app's full address in a browser
    title = "Peacekeeping after MINUSMA: Lessons for the Sahel"
    link = markup.link("./?case=sahel", f"Open the overview of “{title}” →")
    assert any(link in body for body in drawn(at))
    assert at.text_input(key="add_link").value == at.text_input(key="add_slug").value == ""
    case = load_content(content).case("sahel")
    assert case.source_url == f"{web_server}/post"


@pytest.mark.parametrize(
    ("link", "slug", "message"),
    [
        ("/missing", "web", "error: "),  # the pipeline's own line
        ("/missing", "web", "the server answered 404 Not Found"),
        # the case name's problems are the form field's, said before anything is read
        ("/post", "demo", "A case named “demo” already exists. Choose another name: a case "
                          "is never replaced from the browser."),
        ("/post", "Bad Slug", "The case name “Bad Slug” cannot be used in links: use "
                              "lower-case letters, digits and hyphens, such as “bad-slug”."),
    ],
)  # fmt: skip
def test_errors_are_one_line_and_write_nothing(content, web_server, link, slug, message):
    before = content_entries(content)
    at = open_app(content, "add-article")
    at.text_input(key="add_link").input(f"{web_server}{link}")
    at.text_input(key="add_slug").input(slug)
    run(at, content)
    at.button(key="add_go").click()
    run(at, content)
    assert len(at.error) == 1 and markup.md_escape(message) in at.error[0].value
    assert "--force" not in at.error[0].value  # no command-line advice in the browser
    assert content_entries(content) == before


def test_an_upload_is_read_under_its_own_name_only(content):
    done = web.ingest_upload("../../etc/report.pdf", unreport.build(), "report", content)
    assert done.source.format == "pdf"
    assert (content / "report" / "source" / "article.pdf").is_file()
    assert not (content.parent / "etc").exists()
    with pytest.raises(IngestError, match=r"^notes\.txt: empty file$"):
        web.ingest_upload("notes.txt", b"", "notes", content)
    with pytest.raises(IngestError, match="too large"):
        web.ingest_upload("big.txt", b"x" * (5_000_001), "big", content)


def test_the_case_to_download_is_chosen_by_its_title(content):
    at = open_app(content, "add-article")
    zipped = at.selectbox(key="zip_case")
    assert zipped.options == ["A Tiny Case"] and zipped.value == "demo"
    (button,) = at.get("download_button")  # its file made with the page, not on the click
    assert button.proto.url and not button.proto.HasField("deferred_file_id")


def test_a_case_downloads_as_a_zip_of_its_folder(content):
    archive = zipfile.ZipFile(io.BytesIO(web.case_zip(content / "demo")))
    names = sorted(archive.namelist())
    assert names == sorted(f"demo/{p.name}" for p in (content / "demo").iterdir())
    assert archive.read("demo/case.yaml") == (content / "demo" / "case.yaml").read_bytes()


def test_slugs_are_suggested_from_names_and_links():
    assert web.suggest_slug("UN report 2010.pdf") == "un-report-2010"
    assert web.suggest_slug("https://example.org/news/a-post/?x=1") == "a-post"
    assert web.suggest_slug("???.md") == "new-case"
