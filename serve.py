"""casebook served as an ASGI app: `streamlit run serve.py`.

It is dashboard.py with one addition (casebook/ui/paths.py): an unknown nested path such
as /foo/bar is redirected to /foo, where Streamlit says "Page not found", instead of
showing a blank page. `streamlit run dashboard.py` serves the same app without it.
"""

from starlette.middleware import Middleware
from streamlit.starlette import App

from casebook.ui.paths import NestedPathRedirect

app = App("dashboard.py", middleware=[Middleware(NestedPathRedirect)])
