"""The bare filter app plus CASEBOOK_BENCH_ELEMENTS short Markdown elements under its
title, the same on every rerun: what each element Streamlit draws costs a rerun
(bench/bench_elements.py)."""

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
