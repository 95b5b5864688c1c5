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
    render_problems,
    tables,
)
from casebook.ui.explore import (
    filtered,
    paragraph_href,
    render_cite,
    render_codeline,
    render_evidence_terms,
    render_exports,
    render_passages,
)
from casebook.ui.routes import (
    ABOUT_URL,
    COMPARE_SECTIONS_URL,
    COOCCURRENCE_URL,
    FILTER_KEY,
    MATCH_KEY,
    OVERVIEW_URL,
    SEARCH_URL,
    TARGET_KEY,
    THEME_PREFIX,
    about_page,
    compare_sections_page,
    cooccurrence_page,
    current_section,
    current_theme,
    current_url_path,
    current_view_params,
    match_mode,
    navigation,
    note_view_param,
    overview_page,
    run_page,
    search_page,
    section_page,
    selected_themes,
    target_anchor,
    theme_page,
)
from casebook.ui.widgets import (
    COVERAGE_NOTE,
    METHOD,
    current_view_url,
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
    view_url,
)
