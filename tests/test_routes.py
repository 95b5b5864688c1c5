"""Running the chosen page again in a rerun of the view's fragment (dashboard.py), with
Streamlit's own page class and run."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _runs_again() -> None:
    import streamlit as st

    from casebook.ui import routes

    ran = []
    chosen = st.navigation([st.Page(lambda: ran.append(1), title="A page", url_path="a-page")])
    chosen.run()  # Streamlit's own run: the page is now marked as run
    routes._run_again(chosen)
    routes._run_again(chosen)  # each fragment rerun is another run
    st.write(f"ran {len(ran)} times")


def test_a_page_that_has_run_runs_again():
    at = AppTest.from_function(_runs_again).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["ran 3 times"]


def _falls_back() -> None:
    import streamlit as st
    from streamlit.errors import StreamlitAPIException

    from casebook.ui import routes

    class RunOnce(st.Page):
        """As a later Streamlit might keep the mark: out of _run_again's sight."""

        def run(self) -> None:
            if st.session_state["runs"] == 1:
                raise StreamlitAPIException("run once", error_id=routes._RUN_ONCE)

    runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
    routes._run_again(RunOnce(lambda: None, title="Kept", url_path="kept"))
    st.write(f"drawn in run {runs}")


def test_a_page_that_cannot_run_again_asks_for_a_full_run():
    at = AppTest.from_function(_falls_back).run()
    assert not at.exception
    assert at.session_state["runs"] == 2  # the first run asked for a second
    assert [m.value for m in at.markdown] == ["drawn in run 2"]


def _fails() -> None:
    import streamlit as st
    from streamlit.errors import StreamlitAPIException

    from casebook.ui import routes

    class Broken(st.Page):
        def run(self) -> None:
            raise StreamlitAPIException("something else went wrong")

    routes._run_again(Broken(lambda: None, title="Broken", url_path="broken"))


def test_other_errors_of_a_page_are_not_hidden():
    at = AppTest.from_function(_fails).run()
    assert [e.proto.type for e in at.exception] == ["streamlit.errors.StreamlitAPIException"]
