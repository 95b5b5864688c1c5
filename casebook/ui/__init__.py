"""The Streamlit boundary: cached data, the page registry and shared widgets.

This package is the only part of casebook that imports Streamlit. Pages and
``dashboard.py`` call it to arrange what the pure core computes.
"""

from casebook.ui.data import (
    CONTENT_ENV,
    ROOT,
    CaseTables,
    content_dir,
    current_case,
    load,
    paragraphs_csv,
    render_problems,
    tables,
)
from casebook.ui.routes import (
    ABOUT_URL,
    FILTER_KEY,
    MATCH_KEY,
    OVERVIEW_URL,
    about_page,
    current_section,
    match_mode,
    navigation,
    overview_page,
    run_page,
    section_page,
    selected_themes,
)
from casebook.ui.widgets import (
    COVERAGE_NOTE,
    METHOD,
    render_badges,
    render_children,
    render_codebook,
    render_evidence,
    render_legend,
    render_paragraph,
    render_paragraphs,
    render_parent_link,
    render_prev_next,
    render_provenance,
    render_section_index,
    render_share_link,
    render_source_line,
    render_style,
)
