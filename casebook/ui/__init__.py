"""The Streamlit boundary: cached data, the page registry and shared widgets.

This package is the only part of casebook that imports Streamlit. Pages and
``dashboard.py`` call it to arrange what the pure core computes; it re-exports only what
they (and the tests) use: the rest is reached in its own module.
"""

from casebook.ui.cases import (
    CASE_KEY,
    OPEN_CASE_KEY,
    case_names,
    chosen_problems,
    current_case,
    problems_page,
    render_broken_cases,
    render_unknown_case,
    take_pending_case,
)
from casebook.ui.data import (
    content_dir,
    figure,
    kept,
    load,
    refresh,
    shared,
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
from casebook.ui.figures import render_chart
from casebook.ui.filterbar import labelled_choice, render_filter
from casebook.ui.method import method_text, render_agreement
from casebook.ui.record import (
    CLAIMS_METHOD,
    KIND_HELP,
    absolute,
    case_claims,
    case_record,
    flagger,
    keep,
    render_candidates,
    render_claims_by_section,
    render_corrections,
    render_fact_cards,
    review_summary,
)
from casebook.ui.routes import (
    ABOUT_URL,
    CLAIMS_URL,
    COMPARE_SECTIONS_URL,
    COOCCURRENCE_URL,
    FACTS_URL,
    OVERVIEW_URL,
    SEARCH_URL,
    THEME_PREFIX,
    current_section,
    current_theme,
    current_view,
    follows_filter,
    navigation,
    note_view_param,
    page,
    read_view,
    run_page,
    target_anchor,
)
from casebook.ui.sectiontext import (
    NO_OWN_TEXT,
    paragraph_blocks,
    render_paragraphs,
    section_side,
)
from casebook.ui.widgets import (
    COVERAGE_NOTE,
    GRID_NOTE,
    current_view_url,
    render_badges,
    render_breadcrumb,
    render_children,
    render_codebook,
    render_html,
    render_prev_next,
    render_print_header,
    render_provenance,
    render_section_index,
    render_share_link,
    render_source_line,
    render_style,
    view_url,
)
