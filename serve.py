"""casebook served as an ASGI app: `streamlit run serve.py`.

It is dashboard.py with two additions that need code to run before the first visitor:
- an unknown nested path such as /foo/bar is redirected to /foo, where Streamlit says
  "Page not found", instead of showing a blank page (casebook/ui/paths.py);
- the first deep link after a start lands on its page without a "Page not found" dialog.
  With a pages/ folder beside the entry file, Streamlit 1.67 starts in its legacy
  multipage mode until some session has run st.navigation (a process-wide flag); the
  app routes with st.navigation only, so the flag is cleared here, before any session.
`streamlit run dashboard.py` serves the same app without them.
"""

from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager
from streamlit.starlette import App

from casebook.ui.paths import NestedPathRedirect

PagesManager.uses_pages_directory = False  # see above: st.navigation routes every page

app = App("dashboard.py", middleware=[Middleware(NestedPathRedirect)])
