"""In the real browser, deployed: a shared link through nginx under a sub-path, from several
fresh browsers across two replicas, and across a restart of the app, gives the same view.

Everything runs on loopback. Chromium reaches the public name `casebook.test` at 127.0.0.1
(a host-resolver rule), so the app sees a real public Host and Origin, as behind a proxy.
The replicas are not warmed: the first reader of each comes by a deep link.
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import secrets
import time
import tomllib
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.e2e.conftest import (
    CHROMIUM_ARGS,
    NGINX,
    ROOT,
    chips,
    filter_bar,
    free_port,
    nginx_config,
    start_app_on,
    start_nginx,
    stop_app,
    wait_for_app,
)

PUBLIC_HOST = "casebook.test"  # a reserved name; never resolved outside this browser
BASE = "casebook"
LINK = "lessons-learned?theme=security&theme=political"
SECTION_LINK = "security-improvements?theme=security&theme=political"
STREAM = f"/{BASE}/_stcore/stream"
THEMES = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]


@dataclass
class Deployment:
    proxy: str  # the public URL of the app, through nginx
    replicas: list[str]  # each replica's own URL, same public name
    ports: list[int]
    access_log: Path
    processes: list  # the replicas' processes, in the order of ports


def view(page) -> dict:
    """What a reader sees: heading, chosen themes, highlighted paragraphs, errors, the URL."""
    url = urlparse(page.url)
    return {
        "heading": page.locator("[data-testid='stMainBlockContainer'] h1").first.inner_text(),
        "chips": chips(page),
        "highlighted": page.locator(".cb-para.cb-match").evaluate_all("els => els.map(e => e.id)"),
        "exceptions": page.get_by_test_id("stException").count(),
        "dialogs": page.get_by_role("dialog").count(),
        "page": url.path.rsplit("/", 1)[-1],
        "query": parse_qs(url.query),
    }


def share_link(page) -> str:
    return page.get_by_test_id("stSidebar").locator(".cb-share").inner_text()


def open_views(browser, *urls: str) -> list[dict]:
    """Open each url in a fresh browser context of its own (a colleague's browser), all at
    once, and return what each shows, share link included."""
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in urls]
    try:
        pages = [context.new_page() for context in contexts]
        for page, url in zip(pages, urls, strict=True):
            page.goto(url)
        views = []
        for page in pages:
            wait_for_app(page)
            views.append(view(page) | {"share link": share_link(page).replace("\n", "")})
        return views
    finally:
        for context in contexts:
            context.close()


def distinct_ports(count: int) -> list[int]:
    ports: set[int] = set()
    while len(ports) < count:
        ports.add(free_port())
    return sorted(ports)


def site_config(listen: int, upstreams: list[int]) -> str:
    """deploy/nginx.conf with its EDIT lines filled in for loopback, and nothing else changed."""
    text = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    servers = "".join(f"    server 127.0.0.1:{port};\n" for port in upstreams)
    for pattern, replacement in [
        (r"^( *)listen 80;", rf"\g<1>listen 127.0.0.1:{listen};"),
        (r"server_name casebook\.example\.org;", f"server_name {PUBLIC_HOST};"),
        (r"(?:^ *server 127\.0\.0\.1:\d+;.*\n)+", servers),
    ]:
        text, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
        assert count == 1, f"deploy/nginx.conf no longer has one match for {pattern}"
    return text


@pytest.fixture(scope="module")
def public_browser(browser_type, browser_type_launch_args):
    """Chromium that finds the public name at 127.0.0.1, and uses no proxy."""
    rules = f"MAP {PUBLIC_HOST} 127.0.0.1"
    args = [*CHROMIUM_ARGS, "--no-proxy-server", f"--host-resolver-rules={rules}"]
    browser = browser_type.launch(**{**browser_type_launch_args, "args": args})
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def deployment(public_browser, tmp_path_factory):
    """Two replicas of the app under /casebook/, with one cookie secret, behind nginx."""
    if not Path(NGINX).exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's nginx for the proxy tests (see .ci/run)")
        pytest.skip("no nginx (apt-get install nginx)")
    proxy_port, *ports = distinct_ports(3)
    origin = f"http://{PUBLIC_HOST}:{proxy_port}"
    env = {
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
        "STREAMLIT_SERVER_ALLOWED_HOSTS": PUBLIC_HOST,
        "STREAMLIT_SERVER_CORS_ALLOWED_ORIGINS": origin,
    }
    directory = tmp_path_factory.mktemp("nginx")
    site = directory / "casebook.conf"
    site.write_text(site_config(proxy_port, ports), encoding="utf-8")
    processes = []
    try:
        for port in ports:
            flag = f"--server.baseUrlPath={BASE}"
            processes.append(start_app_on(port, flag, env=env, base_path=BASE))
        conf = nginx_config(site, directory)
        processes.append(start_nginx(conf, f"http://127.0.0.1:{proxy_port}/{BASE}"))
        replicas = [f"http://{PUBLIC_HOST}:{port}/{BASE}" for port in ports]
        log = directory / "access.log"
        yield Deployment(f"{origin}/{BASE}", replicas, ports, log, processes[:2])
    finally:
        for process in reversed(processes):
            stop_app(process)


@pytest.fixture(scope="module")
def direct_view(public_browser, deployment):
    """The shared link opened on each replica directly, without the proxy: one view."""
    views = open_views(public_browser, *(f"{replica}/{LINK}" for replica in deployment.replicas))
    for seen in views:
        seen.pop("share link")  # it names the replica's own address
    assert views[0] == views[1]
    assert views[0]["chips"] == ["security", "political"]
    assert views[0]["highlighted"] and views[0]["exceptions"] == views[0]["dialogs"] == 0
    return views[0]


def test_shared_link_through_the_proxy_sub_path_gives_the_direct_view(
    public_browser, deployment, direct_view
):
    """The link at the public address, through nginx and /casebook/, websocket included."""
    context = public_browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    sockets = []
    page.on("websocket", lambda socket: sockets.append(socket))
    page.goto(f"{deployment.proxy}/{LINK}")
    wait_for_app(page)  # waits for the websocket to be connected, through nginx
    assert view(page) == direct_view
    assert page.url == f"{deployment.proxy}/{LINK}"
    assert share_link(page).replace("\n", "") == f"{deployment.proxy}/{LINK}"
    assert [urlparse(socket.url).path for socket in sockets] == [STREAM]
    assert urlparse(sockets[0].url).netloc == urlparse(deployment.proxy).netloc
    context.close()


def websocket_handshake(port: int, host: str) -> int:
    """The status nginx returns for a websocket opened with this Host (Origin to match)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", STREAM, skip_host=True)
        headers = {
            "Host": host,
            "Origin": f"http://{host}",
            "Upgrade": "websocket",
            "Connection": "Upgrade",
            "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
            "Sec-WebSocket-Version": "13",
        }
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


def test_proxy_keeps_the_host_and_the_app_refuses_any_other(deployment):
    """nginx passes the Host on (the app allows only the public name, so a replaced Host
    would be refused), and a DNS-rebinding Host is refused. No browser needed."""
    port = urlparse(deployment.proxy).port
    assert websocket_handshake(port, f"{PUBLIC_HOST}:{port}") == 101
    assert websocket_handshake(port, f"rebound.test:{port}") == 403
    health = f"http://127.0.0.1:{port}/{BASE}/_stcore/health"
    with urllib.request.urlopen(health, timeout=5) as response:
        assert response.status == 200


def test_replicas_are_alive_and_every_fresh_browser_gets_the_same_view(
    public_browser, deployment, direct_view
):
    """Three colleagues open the link at once, each in a fresh browser."""
    for port in deployment.ports:
        url = f"http://127.0.0.1:{port}/{BASE}/_stcore/health"
        with urllib.request.urlopen(url, timeout=5) as response:
            assert response.status == 200
    for seen in open_views(public_browser, *[f"{deployment.proxy}/{LINK}"] * 3):
        assert seen.pop("share link") == f"{deployment.proxy}/{LINK}"
        assert seen == direct_view
    # Sticky: every request from this reader's address reached one and the same replica.
    assert len(served_by(deployment, websockets=3)) == 1


def served_by(deployment: Deployment, websockets: int = 0) -> set[int]:
    """The ports of the replicas that nginx sent this reader's requests to, once the log
    holds at least that many closed websockets."""
    upstreams = {line.split()[-1] for line in logged_requests(deployment.access_log, websockets)}
    ports = {int(upstream.rsplit(":", 1)[1]) for upstream in upstreams}
    assert ports <= set(deployment.ports)
    return ports


def test_when_a_replica_goes_away_its_readers_reconnect_to_the_other(public_browser, deployment):
    """The reader's replica stops (this test runs last on the deployment: it stays down).
    The open page reconnects through nginx to the other replica, which answers the next
    choice in the theme picker."""
    context = public_browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    sockets = count_frames(page)
    page.goto(f"{deployment.proxy}/{LINK}")
    wait_for_app(page)
    before = view(page)
    (sticky,) = served_by(deployment)
    stop_app(deployment.processes[deployment.ports.index(sticky)])
    # nginx sends the retry to the other replica at once: the page may not even show that it
    # was reconnecting. The second websocket is the sign.
    wait_until(page, lambda: len(sockets) == 2, 30, "a websocket to the other replica")
    wait_for_app(page)
    assert view(page) == before
    # The reader's next choice, in the labelled theme picker, is drawn by the other replica.
    filter_bar(page).get_by_role("button", name="Remove Political").click()
    page.wait_for_url(f"{deployment.proxy}/lessons-learned?theme=security")
    wait_for_app(page)
    after = view(page)
    assert after["chips"] == ["security"]
    assert after["highlighted"] != before["highlighted"]
    assert sockets[1] > 0
    context.close()
    (fresh,) = open_views(public_browser, f"{deployment.proxy}/lessons-learned?theme=security")
    fresh.pop("share link")
    assert fresh == after  # what a fresh browser shows for the same link


def logged_requests(log: Path, websockets: int, seconds: float = 5) -> list[str]:
    """The proxied requests in nginx's access log. A websocket is logged when it closes:
    wait (a little) for as many as expected."""
    deadline = time.monotonic() + seconds
    while True:
        lines = log.read_text(encoding="utf-8").splitlines()
        proxied = [line for line in lines if line.startswith(f"/{BASE}/")]
        if sum(STREAM in line for line in proxied) >= websockets or time.monotonic() > deadline:
            return proxied
        time.sleep(0.2)


def test_open_page_reconnects_after_a_restart_and_the_link_still_works(browser):
    """Stop the app under an open, filtered section and start it again on the same port.
    Streamlit 1.67's page reconnects by itself and keeps what it shows (it does not rerun
    until the reader acts); the reader's next choices in the theme picker are then drawn by
    the new server, and each adds one entry to the browser's history, so Back retraces
    them (in Streamlit's legacy pages/ mode, the new server's first run added entries of
    its own, and Back could land on the overview)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    app = start_app_on(port)
    try:
        open_views(browser, f"{url}/")  # the server has had a reader before
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        sockets = count_frames(page)
        page.goto(f"{url}/{SECTION_LINK}")
        wait_for_app(page)
        before = view(page)
        assert before["chips"] == ["security", "political"] and before["highlighted"]
        shared = [share_link(page).replace("\n", "")]
        page.evaluate("window.notReloaded = true")
        opened = history_length(page)

        stop_app(app)
        page.wait_for_selector(
            "[data-testid='stApp']:not([data-test-connection-state='CONNECTED'])", timeout=10_000
        )
        app = start_app_on(port)
        # Streamlit's frontend retries by itself and keeps what it shows: the same view.
        wait_until(page, lambda: len(sockets) == 2, 30, "a new websocket to the new server")
        wait_for_app(page)
        assert view(page) == before
        assert page.url == f"{url}/{SECTION_LINK}"
        # And it is live: the new server answers the reader's next choices in the labelled
        # theme picker, by mouse and by keyboard, still without a reload.
        filter_bar(page).get_by_role("button", name="Remove Security").click()
        page.wait_for_url(f"{url}/security-improvements?theme=political")
        wait_for_app(page)
        removed = view(page)
        assert removed["chips"] == ["political"] and removed["highlighted"] != before["highlighted"]
        assert removed["exceptions"] == removed["dialogs"] == 0
        assert history_length(page) == opened + 1
        shared.append(share_link(page).replace("\n", ""))
        choose_theme(page, "Security")  # back to the first view
        page.wait_for_url(f"{url}/{SECTION_LINK}")
        wait_for_app(page)
        assert view(page) == before
        assert share_link(page).replace("\n", "") == shared[0]
        assert sockets[1] > 0  # drawn by the new server
        assert page.evaluate("window.notReloaded") is True
        assert history_length(page) == opened + 2
        page.go_back()  # Back retraces the reader's two choices
        page.wait_for_url(f"{url}/security-improvements?theme=political")
        wait_for_app(page)
        assert view(page) == removed
        page.go_back()
        page.wait_for_url(f"{url}/{SECTION_LINK}")
        wait_for_app(page)
        assert view(page) == before
        context.close()

        # Fresh browsers get the same views from the new server, and the same share links.
        links = [f"{url}/{SECTION_LINK}", f"{url}/security-improvements?theme=political"]
        fresh = open_views(browser, *links)
        assert [seen.pop("share link") for seen in fresh] == links == shared
        assert fresh == [before, removed]
    finally:
        stop_app(app)


def history_length(page) -> int:
    """How many entries the tab's history holds (Back goes through them)."""
    return page.evaluate("history.length")


def choose_theme(page, label: str) -> None:
    """Add a theme as a reader does with the keyboard: type its label in the picker, Enter."""
    filter_bar(page).get_by_test_id("stMultiSelect").locator("input").click()
    page.keyboard.type(label)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def count_frames(page) -> list[int]:
    """How many frames each websocket the page opens has received, in order of opening."""
    counts: list[int] = []

    def on_websocket(socket) -> None:
        index = len(counts)
        counts.append(0)

        def on_frame(_payload) -> None:
            counts[index] += 1

        socket.on("framereceived", on_frame)

    page.on("websocket", on_websocket)
    return counts


def wait_until(page, condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds:g} s: {what}")
        page.wait_for_timeout(100)


def rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_light_and_dark_modes_follow_the_browser_in_the_codebook_accent(
    browser, browser_context_args, app_url, scheme
):
    """config.toml's [theme.light] and [theme.dark], as the browser's preference picks."""
    context = browser.new_context(**browser_context_args, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{app_url}/{SECTION_LINK}")
    wait_for_app(page)
    assert page.get_by_test_id("stException").count() == 0
    page.locator(".cb-bars").wait_for()  # the section's own figure drawn
    style = "e => getComputedStyle(e).backgroundColor"
    channels = re.findall(r"\d+", page.get_by_test_id("stApp").evaluate(style))
    assert (sum(map(int, channels[:3])) < 3 * 128) == (scheme == "dark")
    group = filter_bar(page).get_by_role("group", name="Selected values")
    chip = group.locator("[data-tag]").first
    assert chip.evaluate(style) == rgb(THEMES[scheme]["primaryColor"])
    context.close()
