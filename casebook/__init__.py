"""casebook: read a case-study article by theme.

The pure core (no Streamlit): content model, loading and validation, the
seed conversion, tagging, coverage frames, figures and the command line.
``casebook.ui`` is the one module that talks to Streamlit.
"""
