"""casebook: read a case study by theme. Run with `streamlit run dashboard.py`.

The entry file is the frame around every page: page setup, the theme filter
(bound to the URL, so a link reproduces the view), the router, and the link to
and citation of the current view. Pages live in pages/; the logic lives in the
casebook package.
"""

import streamlit as st

from casebook import links, ui

st.set_page_config(page_title="casebook", page_icon="📘", layout="wide")
ui.render_style()

content = ui.load()
if len(content.cases) > 1:  # with one case there is nothing to choose
    st.sidebar.selectbox(
        "Case",
        [c.slug for c in content.cases],
        key=ui.CASE_KEY,
        bind="query-params",
        help="Which case study to read. The choice is kept in the page URL.",
    )
case = ui.current_case(content)

ui.render_filter(content.codebook)

has_record = bool(ui.case_record(content, case).facts or ui.case_claims(content, case))
several = len(content.cases) > 1
page = st.navigation(ui.navigation(case, content.codebook, has_record, several), expanded=True)
st.set_page_config(page_title=links.tab_title(page.title, case.title))
view_box = st.sidebar.container()
print_box = st.container(key="print-only")  # the view's link and date, on paper only
page_params = ui.run_page(page)
view = ui.view_url(content.codebook, page.url_path, page_params)
ui.render_print_header(print_box, content.codebook, view)
ui.render_share_link(view_box, view)
ui.render_cite(view_box, case, view)
