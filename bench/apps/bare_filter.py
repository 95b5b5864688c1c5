"""Reference for the filter-change bench: a title and one multiselect bound to the URL,
in the sidebar like the dashboard's theme filter."""

import streamlit as st

st.sidebar.multiselect(
    "Themes",
    ["security", "political", "humanitarian", "partnerships"],
    key="theme",
    bind="query-params",
    placeholder="All themes",
)
st.title("A bare filter")
