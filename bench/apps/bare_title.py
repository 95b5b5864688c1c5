"""Reference for the page-load bench: a bare Streamlit page holding only a title."""

import streamlit as st

st.title("A bare page")
