"""Add an article: upload a file or paste a link; the ingest pipeline makes a new case.

Registered only when the server allows uploads (CASEBOOK_UPLOADS=1); see
casebook/ingest/web.py for the limits, the same as the command line's.
"""

import streamlit as st

from casebook import markup, ui, validate
from casebook.ingest import web
from casebook.ingest.source import MAX_INPUT_BYTES, IngestError

content = ui.load()
root = ui.content_dir()
if st.session_state.pop("add_clear", False):  # an article was just added: a fresh form
    st.session_state["add_link"] = st.session_state["add_slug"] = ""
    st.session_state["add_form"] = st.session_state.get("add_form", 0) + 1  # a new uploader

st.title("Add an article")
st.markdown(
    "Upload a plain-text, Markdown, HTML or text PDF file, or paste a link to a web page "
    f"or a PDF (up to {MAX_INPUT_BYTES // 1_000_000} MB). The article is read into a new "
    "case: sections from its headings, each paragraph coded by the codebook's rule."
)
upload = st.file_uploader(
    "File", type=web.UPLOAD_TYPES, key=f"add_file-{st.session_state.get('add_form', 0)}",
    max_upload_size=web.UPLOAD_LIMIT_MB,
)  # fmt: skip
link = st.text_input("or a link", key="add_link", placeholder="https://…")
default = web.suggest_slug(upload.name if upload else link) if (upload or link) else ""
slug = st.text_input(
    "Case name", key="add_slug", placeholder=default,
    help="The new case's folder and its name in links (?case=…): lower-case words and hyphens.",
) or default  # fmt: skip


def name_problem(slug: str) -> str:
    """Why the case name cannot be used, said about the name (the form's field), or ""."""
    if not validate.SLUG.match(slug):
        return (
            f"The case name “{slug}” cannot be used in links: use lower-case letters, "
            f"digits and hyphens, such as “{web.suggest_slug(slug)}”."
        )
    if (root / slug).exists():
        return (
            f"A case named “{slug}” already exists. Choose another name: a case is never "
            "replaced from the browser."
        )
    return ""


clicked = st.button("Add the article", type="primary", key="add_go", disabled=not (upload or link))
problem = name_problem(slug) if clicked else ""
if problem:
    st.error(markup.md_escape(problem), icon=":material/error:")
elif clicked:
    bar = st.progress(0.0, text="Reading the article…")
    try:
        if upload is not None:
            done = web.ingest_upload(upload.name, upload.getvalue(), slug, root, bar.progress)
        else:
            done = web.ingest_link(link, slug, root, bar.progress)
    except (IngestError, OSError) as error:
        bar.empty()
        st.error(markup.md_escape(f"error: {error}"), icon=":material/error:")
    else:
        bar.progress(1.0, text="Done")
        ui.refresh(root)
        st.session_state[ui.OPEN_CASE_KEY] = done.case.slug
        st.session_state["add_done"] = (done.case.slug, done.case.title, done.warnings)
        st.session_state["add_clear"] = True
        st.rerun()

added = st.session_state.get("add_done")
if added and added[0] in {case.slug for case in content.cases}:
    added_slug, title, warnings = added
    shown = markup.md_escape(title)
    st.success(
        f"Added “{shown}”. It is now the case shown in the menu; its address for links is "
        "under the link to it.",
        icon="✅",
    )
    # a plain link: the whole page loads at the case's address (a page link switched
    # pages but left ?case= out of the address bar)
    ui.render_html(markup.link(f"./?case={added_slug}", f"Open the overview of “{title}” →"))
    st.code(ui.absolute(f"?case={added_slug}"), language=None)  # the full address, to share
    for warning in warnings:
        st.warning(markup.md_escape(warning))

st.divider()
st.header("Download a case")
st.caption("A zip of the case's folder, to unpack into `content/` and keep.")
names = ui.case_names(content)
choice = st.selectbox(
    "Case", [c.slug for c in content.cases], key="zip_case", format_func=names.__getitem__
)
if choice:
    st.download_button(
        "Download the case as a zip", data=web.case_zip(root / choice),
        file_name=f"{choice}.zip", mime="application/zip", key="zip_go",
    )  # fmt: skip
