"""Reference for the page-load bench: a title and one small Plotly chart.

Plotly's browser bundle alone roughly doubles a bare page's load, so this is the floor for
any page with a chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("A bare page with a chart")
figure = go.Figure(go.Bar(x=["a", "b", "c", "d"], y=[3, 1, 4, 2]))
st.plotly_chart(figure, key="chart")
