"""casebook: read a case study by theme. Run with `streamlit run dashboard.py`.

The entry file is the frame around every page: page setup, the theme filter
(bound to the URL, so a link reproduces the view), the router, and the link to
and citation of the current view. Pages live in pages/; the logic lives in the
casebook package.

`streamlit run` reads this file in two ways. It finds `app` at the bottom, so it
imports the file once, as the module `dashboard`, and serves that ASGI app
(Streamlit's `App`, as `uvicorn dashboard:app` would). Each reader's session then
runs the file as its script (`__name__ == "__main__"`): that is `main()`, the frame.
Serving it as an `App` lets two things happen before the first reader comes:
- Streamlit's legacy multipage mode is turned off. With a pages/ folder beside the
  entry file, Streamlit 1.67 starts in that mode until some session has run
  st.navigation (a process-wide flag): a server's first deep link would show "Page
  not found" over the right page, and a page reconnecting after a restart would add
  entries to the browser's history. Every page here is routed by st.navigation.
- An unknown nested path such as /foo/bar is redirected to /foo, where Streamlit
  says "Page not found", instead of showing a blank page (casebook/ui/paths.py).
- The HTML of each page carries its title and description for link previews, which
  Streamlit has no setting for (casebook/ui/preview.py).
"""

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager
from streamlit.starlette import App

from casebook import links, ui
from casebook.ingest.web import uploads_enabled
from casebook.ui.paths import NestedPathRedirect
from casebook.ui.preview import LinkPreview


def main() -> None:
    """One run of the frame: the current case's menu, its filter, its page and links."""
    st.set_page_config(page_title="casebook", page_icon="📘", layout="wide")
    ui.render_style()

    content = ui.load()
    pending = ui.take_pending_case()  # a case just added opens at once
    ui.render_unknown_case(content)
    if len(content.slugs) > 1:  # with one case there is nothing to choose
        ui.labelled_choice(  # titles for readers, the folder name in the URL
            st.sidebar,
            "Case",
            content.slugs,
            ui.case_names(content),
            ui.CASE_KEY,
            index=content.slugs.index(content.default_slug),  # a link without ?case= opens it
            chosen=pending,
            filter_mode="contains",
            help="Which case study to read (type part of its title to search). The choice is "
            "kept in the page URL.",
        )
        ui.render_broken_cases(content)
    problems = ui.chosen_problems(content)
    if problems:  # this case does not load: its problems, in place of its pages
        st.navigation([ui.problems_page(problems)]).run()
        st.stop()
    case = ui.current_case(content)

    has_record = bool(ui.case_record(content, case).facts or ui.case_claims(content, case))
    several = len(content.cases) > 1
    menu = ui.navigation(case, content.codebook, has_record, several, uploads_enabled())
    page = st.navigation(menu, expanded=True)
    # The filter comes after st.navigation: there its widget ids are the same in every run
    # (before it, a server's first run gives them other ids; see casebook/ui/filterbar.py).
    ui.render_filter(content.codebook, ui.follows_filter(page.url_path))
    st.set_page_config(page_title=links.tab_title(page.title, case.title))
    view_box = st.sidebar.container()
    print_box = st.container(key="print-only")  # the view's link and date, on paper only
    view = ui.read_view(content.codebook)  # the filter is drawn: read the view once, for all
    page_params = ui.run_page(page, view)
    url = ui.view_url(view, page.url_path, page_params)
    ui.render_print_header(print_box, content.codebook, view, url)
    ui.render_share_link(view_box, url)
    ui.render_cite(view_box, case, url)


if __name__ == "__main__":  # a session runs the file: draw the frame
    main()
else:  # `streamlit run` imports the file to serve it (see above)
    PagesManager.uses_pages_directory = False
    app = App(__file__, middleware=[Middleware(NestedPathRedirect), Middleware(LinkPreview)])
