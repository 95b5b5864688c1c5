"""Reference for the filter-change bench: a title and one multiselect bound to the URL,
in the sidebar like the dashboard's theme filter.

With CASEBOOK_BENCH_ELEMENTS=N in its environment it draws N short Markdown elements
more under the title, the same on every rerun: what each element Streamlit draws costs
a rerun (bench/bench_elements.py)."""

import os

import streamlit as st

st.sidebar.multiselect(
    "Themes",
    ["security", "political", "humanitarian", "partnerships"],
    key="theme",
    bind="query-params",
    placeholder="All themes",
)
st.title("A bare filter")
for number in range(int(os.environ.get("CASEBOOK_BENCH_ELEMENTS", "0"))):
    st.markdown(f"Element {number + 1}")
