"""Real-browser tests: the app served by `streamlit run`, driven by Playwright in Debian's Chromium.

Never `playwright install`: the browser is /usr/bin/chromium (apt package chromium).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def pytest_collection_modifyitems(items):
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            raise pytest.UsageError("CI must install Debian's chromium for the browser tests")
        skip = pytest.mark.skip(reason="no /usr/bin/chromium (apt-get install chromium)")
        for item in items:
            if "e2e" in str(item.fspath):
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("streamlit did not become healthy in time")


def start_app() -> tuple[str, subprocess.Popen]:
    """Start `streamlit run dashboard.py` on a free loopback port; return its URL and process."""
    port = _free_port()
    return f"http://127.0.0.1:{port}", start_app_on(port)


def stop_app(process: subprocess.Popen) -> None:
    """Stop a server started here (the benchmarks stop theirs with this too): asked to end,
    then killed after 10 s, and waited for either way, so that no process is left behind."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def reader_context(browser, browser_context_args):
    """One browser profile shared by the tests that ask for `page`: Streamlit's script bundle
    is fetched and compiled once per server, not once per test. A test that needs a fresh
    browser (empty cache and storage) opens its own context."""
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


@pytest.fixture
def page(reader_context):
    """A new tab for each test, in the shared profile (see reader_context)."""
    tab = reader_context.new_page()
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def app_url(reader_context):
    """The dashboard for the whole test session, after one visit to its home page (the first
    run loads the content and fills the caches, so no test waits for it)."""
    url, process = start_app()
    yield from _visited(reader_context, url, process)


@pytest.fixture(scope="session")
def two_case_url(tmp_path_factory, reader_context):
    """The dashboard on a copy of the content with a second case ingested from the HTML
    fixture, for the whole session, after one visit to its home page (see app_url)."""
    root = tmp_path_factory.mktemp("cases") / "content"
    shutil.copytree(ROOT / "content", root)
    article = ROOT / "tests" / "fixtures" / "ingest" / "messy_post.html"
    subprocess.run(
        [sys.executable, "-m", "casebook", "ingest", str(article), "--case", "messy-post",
         "--content", str(root)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    port = _free_port()
    process = start_app_on(port, env={"CASEBOOK_CONTENT": str(root)})
    yield from _visited(reader_context, f"http://127.0.0.1:{port}", process)


def _visited(context, url: str, process: subprocess.Popen):
    """Yield ``url`` once its home page has been visited in ``context`` (see app_url); stop
    the server afterwards."""
    try:
        page = context.new_page()
        page.goto(url)
        wait_for_app(page)
        page.close()
        yield url
    finally:
        stop_app(process)


def wait_for_app(page, seconds: float = 30) -> None:
    """Wait until the script has run and the page shows its heading."""
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=seconds * 1000
    )
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=seconds * 1000)
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=seconds * 1000
    )
    page.wait_for_timeout(300)
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=seconds * 1000
    )


def download(page, button: str):
    """Click a download button and return the download (a click that lands while a rerun
    is finishing may be dropped, so one more click is allowed)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError  # noqa: PLC0415

    for attempt in (1, 2):
        wait_for_app(page)
        try:
            with page.expect_download(timeout=15_000) as started:
                page.get_by_role("button", name=button).click()
            return started.value
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def filter_bar(page):
    """The theme filter and any/all, at the top of every page."""
    return page.locator(".st-key-filter-bar")


def chips(page) -> list[str]:
    """The themes chosen in the filter, as ids (the chips show the codebook's labels)."""
    from casebook.loader import load_content  # noqa: PLC0415 - only the browser tests need it

    ids = {t.label: t.id for t in load_content(ROOT / "content").codebook.themes}
    group = filter_bar(page).get_by_role("group", name="Selected values")
    labels = [tag.get_attribute("aria-label") for tag in group.locator("[data-tag]").all()]
    return [ids.get(label, label) for label in labels]


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    return _free_port()


def start_app_on(
    port: int, *flags: str, env: dict[str, str] | None = None, base_path: str = "",
    script: str = "dashboard.py", cwd: Path = ROOT,
) -> subprocess.Popen:  # fmt: skip
    """Start the dashboard as start_app does, on a given port, with extra command-line flags
    and environment variables (e.g. STREAMLIT_SERVER_COOKIE_SECRET); wait until it is healthy
    under base_path (the --server.baseUrlPath it was given, if any). ``script`` may be
    another app beside it (the benchmarks' reference apps); ``cwd`` another checkout's
    folder, whose own dashboard.py it then runs."""
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false", *flags,
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}" + (f"/{base_path}" if base_path else "")
    try:
        _wait_healthy(url, process)
    except RuntimeError:
        process.kill()
        raise
    return process


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_config(site: Path, directory: Path) -> Path:
    """A main nginx.conf around `site` (an http-level file such as deploy/nginx.conf) that keeps
    every file nginx writes in `directory`: no system paths, any user. The access log names the
    upstream that served each request."""
    # As root, nginx's workers would run as nobody and could not write the temp directories.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    temp = "".join(
        f"    {kind}_temp_path {directory / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = directory / "nginx.conf"
    conf.write_text(
        f"{user}worker_processes 1;\nevents {{ worker_connections 256; }}\nhttp {{\n"
        "    log_format upstream '$request_uri $status $upstream_addr';\n"
        f"    access_log {directory / 'access.log'} upstream;\n{temp}"
        f"    include {site};\n}}\n",
        encoding="utf-8",
    )
    return conf


def nginx_command(conf: Path, *flags: str) -> list[str]:
    """Run nginx in the foreground on `conf`, with its pid and error log beside it."""
    directory = conf.parent
    log = directory / "error.log"
    settings = f"daemon off; pid {directory / 'nginx.pid'}; error_log {log};"
    return [NGINX, "-p", str(directory), "-c", str(conf), "-e", str(log), "-g", settings, *flags]


def start_nginx(conf: Path, app_url: str) -> subprocess.Popen:
    """Start nginx on `conf` and wait until the app is healthy through it at app_url."""
    process = subprocess.Popen(
        nginx_command(conf), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_healthy(app_url, process, seconds=10)
    except RuntimeError as error:
        process.kill()
        log = (conf.parent / "error.log").read_text(encoding="utf-8", errors="replace")
        raise RuntimeError(f"nginx: {error}\n{log[-2000:]}") from None
    return process
