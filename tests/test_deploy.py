"""The deployment files do what docs/DEPLOY.md says, without Docker, a cloud or a browser.

The image's start command runs as written, in a copy of exactly what .dockerignore lets
into the build, with 127.0.0.1 and a free port in place of 0.0.0.0:8501.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import urllib.request
from pathlib import Path

import pytest
import yaml
from streamlit.web.server.app_discovery import discover_asgi_app

from casebook import pagestyle
from casebook.ingest import web
from casebook.loader import load_content
from tests.conftest import CONTENT, ROOT
from tests.e2e.conftest import (
    NGINX,
    _wait_healthy,
    free_port,
    nginx_command,
    nginx_config,
    stop_app,
)

DEPLOY_DOC = (ROOT / "docs" / "DEPLOY.md").read_text(encoding="utf-8")
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
# Streamlit 1.67's backgrounds when a theme section sets none.
BACKGROUNDS = {"light": "#ffffff", "dark": "#171614"}


def instructions(dockerfile: str) -> list[tuple[str, str]]:
    """The Dockerfile as (INSTRUCTION, arguments), continuation lines joined, comments out."""
    joined = re.sub(r"\\\n\s*", " ", dockerfile)
    lines = (line.strip() for line in joined.splitlines())
    return [
        (keyword.upper(), rest.strip())
        for keyword, _, rest in (line.partition(" ") for line in lines)
        if keyword and not keyword.startswith("#")
    ]


DOCKERFILE = instructions((ROOT / "Dockerfile").read_text(encoding="utf-8"))


def arguments(keyword: str) -> list[str]:
    return [rest for name, rest in DOCKERFILE if name == keyword]


def exec_form(keyword: str) -> list[str]:
    """The last such instruction's command, which must be in JSON (exec) form."""
    (*_, rest) = arguments(keyword)
    command = rest.split(" CMD ", 1)[-1] if keyword == "HEALTHCHECK" else rest
    return json.loads(command)


def on_loopback(command: list[str], port: int) -> list[str]:
    """The image's command for this machine: streamlit from this Python, 127.0.0.1, port."""
    swapped = [sys.executable, "-m", "streamlit"] if command[0] == "streamlit" else command[:1]
    for part in command[1:]:
        part = part.replace("--server.address=0.0.0.0", "--server.address=127.0.0.1")
        swapped.append(part.replace("8501", str(port)))
    return swapped


def ignored(path: str, patterns: list[str]) -> bool:
    """Whether .dockerignore keeps `path` out of the build: the last matching pattern wins,
    and a pattern that matches a folder matches everything in it."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    result = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        regex = glob_regex(pattern.removeprefix("!").strip("/"))
        if any(regex.fullmatch(prefix) for prefix in prefixes):
            result = not negated
    return result


def glob_regex(pattern: str) -> re.Pattern:
    out = ""
    for token in re.split(r"(\*\*/|\*\*|\*|\?)", pattern):
        out += {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}.get(
            token, re.escape(token)
        )
    return re.compile(out)


def dockerignore() -> list[str]:
    text = (ROOT / ".dockerignore").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def build_context() -> list[str]:
    """Every file of the work tree that `docker build .` would send."""
    patterns = dockerignore()
    files = []
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in names:
            path = Path(folder, name).relative_to(ROOT).as_posix()
            if not ignored(path, patterns):
                files.append(path)
    return sorted(files)


@pytest.fixture(scope="module")
def image(tmp_path_factory) -> Path:
    """The image's WORKDIR as the Dockerfile's COPY instructions fill it from the context."""
    (workdir,) = arguments("WORKDIR")
    app = tmp_path_factory.mktemp("image") / workdir.strip("/")
    context = build_context()
    for rest in arguments("COPY"):
        *sources, target = [word for word in rest.split() if not word.startswith("--")]
        assert target == "." or target.endswith("/"), "COPY into a folder of the WORKDIR"
        for source in sources:
            assert source == "." or source in context, f"COPY {source}: not in the build context"
            chosen = {f: f for f in context} if source == "." else {source: Path(source).name}
            for path, name in chosen.items():
                (app / target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / path, app / target / name)
    return app


def image_env() -> dict[str, str]:
    env = {}
    for rest in arguments("ENV"):
        env |= dict(re.findall(r"(\w+)=(\S+)", rest))
    return env


def run_image(app: Path, port: int, base_path: str = "") -> subprocess.Popen:
    env = os.environ | image_env()
    if base_path:
        env["STREAMLIT_SERVER_BASE_URL_PATH"] = base_path  # as `docker run -e …` sets it
    return subprocess.Popen(
        on_loopback(exec_form("ENTRYPOINT"), port),
        cwd=app,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def healthcheck(port: int, base_path: str = "") -> int:
    env = os.environ | ({"STREAMLIT_SERVER_BASE_URL_PATH": base_path} if base_path else {})
    command = on_loopback(exec_form("HEALTHCHECK"), port)
    return subprocess.run(command, env=env, capture_output=True, timeout=30).returncode


def require(tool: str, install: str) -> str:
    """The tool's path; without it, skip here and fail in CI (.ci/run installs it).
    Tools installed by pip are looked for beside this Python too."""
    path = shutil.which(tool) or shutil.which(tool, path=sysconfig.get_path("scripts"))
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"CI must install {tool} ({install})")
    pytest.skip(f"no {tool} ({install})")


# --- Dockerfile ---------------------------------------------------------------------------


def test_dockerfile_lints_clean():
    hadolint = require("hadolint", "pip install -r requirements-dev.txt")
    result = subprocess.run(
        [hadolint, "Dockerfile"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_image_is_slim_python_run_by_a_user_of_its_own():
    assert arguments("FROM") == ["python:3.11-slim"]
    assert arguments("EXPOSE") == ["8501"]
    *_, user = arguments("USER")
    assert user.split(":")[0] not in {"root", "0"}
    assert user.isdigit()  # numeric, so that Kubernetes' runAsNonRoot can check it


def test_image_starts_streamlit_on_all_interfaces_headless():
    command = exec_form("ENTRYPOINT")  # exec form: streamlit is PID 1 and gets the signals
    assert command[:3] == ["streamlit", "run", "dashboard.py"]  # the README's command
    assert {"--server.address=0.0.0.0", "--server.port=8501", "--server.headless=true"} <= set(
        command
    )


def test_streamlit_run_serves_dashboard_py_as_an_app_and_the_import_draws_nothing():
    """`streamlit run dashboard.py` finds `app` and imports the file as the module
    `dashboard` (docs/DEPLOY.md): that turns Streamlit's legacy pages/ mode off before any
    session; the frame is drawn only when a session runs the file as its script."""
    assert discover_asgi_app(ROOT / "dashboard.py").import_string == "dashboard:app"
    code = (
        "import dashboard\n"
        "from streamlit.runtime.pages_manager import PagesManager\n"
        "print(PagesManager.uses_pages_directory, type(dashboard.app).__name__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert (done.stdout.split(), done.stderr) == (["False", "App"], "")


def test_image_turns_off_what_no_deployment_needs():
    """The image's ENV reaches Streamlit: no agent API, uploads no larger than the ingest
    takes (the server refuses a larger body whatever the uploader says), no static file
    serving (docs/DEPLOY.md, "Before a link goes public")."""
    shown = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        env=os.environ | image_env(), capture_output=True, text=True, timeout=60,
    ).stdout  # fmt: skip
    upload = f"maxUploadSize = {web.UPLOAD_LIMIT_MB}"
    for line in ("enableAgentApi = false", upload, "enableStaticServing = false"):
        assert re.search(rf"^{line}$", shown, re.MULTILINE), line


def test_healthcheck_needs_no_curl():
    command = exec_form("HEALTHCHECK")
    assert command[0] == "python"
    assert "urllib.request" in command[-1] and "_stcore/health" in command[-1]
    assert [rest for _, rest in DOCKERFILE if "curl" in rest or "wget" in rest] == []


def test_build_context_bakes_in_the_app_and_its_content_and_nothing_else():
    context = set(build_context())
    needed = {"dashboard.py", "requirements.txt", ".streamlit/config.toml"}
    needed |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py")}
    needed |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "casebook").rglob("*.py")}
    needed |= {p.relative_to(ROOT).as_posix() for p in CONTENT.rglob("*") if p.is_file()}
    needed |= {"eval/results.json"}  # the About page's agreement figures
    assert needed - context == set()
    patterns = dockerignore()
    kept_out = [
        ".streamlit/secrets.toml",
        "tests/test_deploy.py",
        ".git/config",
        "docs/DEPLOY.md",
        "casebook/__pycache__/model.cpython-311.pyc",
        ".venv/bin/python",
        "eval/corpus/unmit-sg-2007-50.yaml",
        "eval/labels/coder-c.yaml",
    ]
    assert [path for path in kept_out if not ignored(path, patterns)] == []


def test_baked_in_content_is_valid(image):
    result = subprocess.run(
        [sys.executable, "-m", "casebook", "check"],
        cwd=image,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("base_path", ["", "casebook"])
def test_image_command_serves_the_app_and_its_healthcheck_passes(image, base_path):
    port = free_port()
    prefix = f"/{base_path}" if base_path else ""
    process = run_image(image, port, base_path)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}{prefix}", process)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{prefix}/", timeout=5) as page:
            assert page.status == 200 and b"<title>" in page.read()
        assert healthcheck(port, base_path) == 0
    finally:
        stop_app(process)
    assert healthcheck(port, base_path) != 0  # and it fails once the app is gone


# --- .streamlit/config.toml ---------------------------------------------------------------


def test_config_suits_a_public_deployment():
    assert CONFIG["client"]["toolbarMode"] == "viewer"
    assert CONFIG["client"]["showErrorDetails"] in {"type", "none", False}  # no traceback
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["server"]["enableCORS"] is True
    assert CONFIG["server"]["enableXsrfProtection"] is True
    per_deployment = {"baseUrlPath", "allowedHosts", "corsAllowedOrigins", "cookieSecret"}
    assert per_deployment.isdisjoint(CONFIG["server"])  # they go in the environment


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted([luminance(first), luminance(second)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_theme_uses_the_codebook_colours_and_reads_well(mode):
    theme = CONFIG["theme"][mode]
    codebook = load_content(CONTENT).codebook
    background = theme.get("backgroundColor", BACKGROUNDS[mode])
    assert theme["primaryColor"] in {t.colour for t in codebook.themes}
    assert contrast(theme["primaryColor"], "#ffffff") >= 4.5  # white text on chips, buttons
    assert contrast(theme["primaryColor"], background) >= 3  # a control against the page
    assert theme["primaryColor"] == pagestyle.FOCUS_COLOUR  # so is the keyboard focus ring
    assert contrast(theme["linkColor"], background) >= 4.5  # link text


# --- deploy/nginx.conf --------------------------------------------------------------------


def test_nginx_template_is_valid_and_keeps_what_streamlit_needs(tmp_path):
    site = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for needed in [
        "map $http_upgrade $connection_upgrade",
        "proxy_set_header Upgrade $http_upgrade;",
        "proxy_set_header Connection $connection_upgrade;",
        "proxy_http_version 1.1;",
        "proxy_set_header Host $http_host;",
        "proxy_read_timeout 1d;",
        "location /casebook/ {",
        "proxy_pass http://casebook;",
        "hash $remote_addr consistent;",
    ]:
        assert needed in site, needed
    require(NGINX, "apt-get install nginx")
    result = subprocess.run(
        nginx_command(nginx_config(ROOT / "deploy" / "nginx.conf", tmp_path), "-t"),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr


# --- docs/DEPLOY.md -----------------------------------------------------------------------


def test_every_streamlit_variable_named_is_one_streamlit_reads():
    from streamlit import config

    files = [ROOT / "Dockerfile", ROOT / "deploy" / "nginx.conf"]
    text = DEPLOY_DOC + "".join(f.read_text(encoding="utf-8") for f in files)
    named = set(re.findall(r"STREAMLIT_[A-Z_]+[A-Z]", text))
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in named
    read = {option.env_var for option in config.get_config_options().values()}
    assert named - read == set()


def test_lists_in_variables_are_split_on_spaces():
    env = os.environ | {
        "STREAMLIT_SERVER_CORS_ALLOWED_ORIGINS": "https://a.example https://b.example",
        "STREAMLIT_SERVER_COOKIE_SECRET": "shared-by-every-replica",
    }
    result = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    shown = result.stdout
    assert re.search(
        r'corsAllowedOrigins = \[\s*"https://a.example",\s*"https://b.example",', shown
    )
    assert 'cookieSecret = "shared-by-every-replica"' in shown


def test_kubernetes_example_has_probes_affinity_and_one_secret():
    (block,) = re.findall(r"```yaml\n(.*?)```", DEPLOY_DOC, re.DOTALL)
    documents = {d["kind"]: d for d in yaml.safe_load_all(block)}
    pod = documents["Deployment"]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert documents["Deployment"]["spec"]["replicas"] >= 2
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["ports"] == [{"containerPort": 8501}]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": 8501}
    secret = {e["name"]: e.get("valueFrom") for e in container["env"]}
    assert secret["STREAMLIT_SERVER_COOKIE_SECRET"]["secretKeyRef"]["name"] == "casebook"
    assert documents["Service"]["spec"]["sessionAffinity"] == "ClientIP"
    annotations = documents["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"


def test_docker_commands_in_the_doc_publish_the_image_port():
    runs = re.findall(r"^ *docker run .*?(?<!\\)$", DEPLOY_DOC, re.MULTILINE | re.DOTALL)
    assert len(runs) == 4
    for run in runs:
        assert re.search(r"-p (127\.0\.0\.1:)?8501:8501", run), run
