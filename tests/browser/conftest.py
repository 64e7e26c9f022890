"""Browser tests against the real production server: gunicorn serving the demo from a fresh
SQLite database, driven by Debian's Chromium through Playwright, checked with axe-core.

One server, one browser, two tabs (a phone and a desktop) and a small phone without JavaScript
for the whole session."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_DIR / "screenshots"
TOOLS_DIR = REPO_DIR / ".tools"
AXE_PATH = TOOLS_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The widths every page is seen at: a small phone and an ordinary desktop.
VIEWPORTS = {375: {"width": 375, "height": 800}, 1280: {"width": 1280, "height": 900}}
# Settings the developer's shell may carry that would send the demo somewhere else.
ENVIRONMENT_TO_DROP = (
    "DATABASE_URL",
    "CACHE_URL",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "DEBUG",
    "ALLOWED_HOSTS",
    "MUNICIPIUM_INDEX_HOSTS",
)


def _municipium_command() -> list[str]:
    script = Path(sys.executable).with_name("municipium")
    return [str(script)] if script.exists() else [sys.executable, "-m", "municipium.cli"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, cwd=REPO_DIR, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )


def _wait_until_healthy(process: subprocess.Popen, url: str, log: Path, seconds: int = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"The server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"The server did not answer {url} within {seconds} s:\n{log.read_text()}")


@dataclass(frozen=True)
class Server:
    port: int
    var_dir: Path | None = None  # MUNICIPIUM_VAR_DIR: media/ is under it
    env: dict = field(default_factory=dict, compare=False, repr=False)

    def url(self, site: str, path: str = "/") -> str:
        return f"http://{site}.localhost:{self.port}{path}"

    def python(self, code: str) -> str:
        """Run ``code`` in Django's shell against the server's database (what staff would do
        in the admin, done through the services); what it prints."""
        command = [*_municipium_command(), "shell", "--no-imports", "-c", code]
        result = subprocess.run(command, env=self.env, cwd=REPO_DIR, capture_output=True, text=True)
        if result.returncode != 0:
            pytest.fail(f"{code}\nfailed:\n{result.stdout}\n{result.stderr}", pytrace=False)
        return result.stdout


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    """`municipium serve` (gunicorn, two workers) on a free port, with the demo loaded into a
    temporary MUNICIPIUM_VAR_DIR."""
    var_dir = tmp_path_factory.mktemp("municipium-var")
    env = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT_TO_DROP}
    # Under pytest the settings would choose test mode: the server must run as in a deployment.
    env.update(MUNICIPIUM_VAR_DIR=str(var_dir), MUNICIPIUM_ENV="dev", PYTHONUNBUFFERED="1")
    municipium = _municipium_command()
    _run([*municipium, "migrate", "--noinput"], env)
    _run([*municipium, "demo"], env)
    _run([*municipium, "collectstatic", "--noinput", "--verbosity", "0"], env)

    port = _free_port()
    log = var_dir / "serve.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [*municipium, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            env=env,
            cwd=REPO_DIR,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_until_healthy(process, f"http://127.0.0.1:{port}/healthz", log)
        yield Server(port=port, var_dir=var_dir, env=env)
    finally:
        # `municipium serve` execs gunicorn: the process is the arbiter, which stops its workers.
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_PATH.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("axe-core is missing and npm is not installed to fetch it.")
        install = ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(TOOLS_DIR)]
        subprocess.run([npm, *install, "axe-core@4"], check=True, capture_output=True)
    return AXE_PATH.read_text()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def save_screenshot(page, name: str) -> Path:
    """Keep a full-page screenshot in SCREENSHOT_DIR. Headless Chromium now and then answers
    'Unable to capture screenshot' when no frame is ready (a known Chromium flake, seen once in
    CI on a 320 px page); the screenshot is evidence, not a check, so one more try after the
    next frame is taken before giving up."""
    from playwright.sync_api import Error

    SCREENSHOT_DIR.mkdir(exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    try:
        page.screenshot(path=path, full_page=True)
    except Error as error:
        if "Unable to capture screenshot" not in str(error):
            raise
        page.wait_for_timeout(250)
        page.screenshot(path=path, full_page=True)
    return path


@dataclass
class Tab:
    """A browser tab that remembers the console errors of the last page it opened."""

    page: object
    axe_source: str
    errors: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location.get('url')})")

    def open(self, url: str, *, status: int = 200):
        self.errors.clear()
        response = self.page.goto(url, wait_until="load")
        assert response is not None, url
        assert response.status == status, f"{url} answered {response.status}, not {status}"
        self.page.evaluate("document.fonts.ready.then(() => true)")
        if status >= 400:
            # Chromium reports the document's own error status as a console error.
            self.errors[:] = [e for e in self.errors if f"({response.url})" not in e]
        return response

    def refused(self, status: int = 400) -> None:
        """The form just sent was refused on purpose (its errors shown with ``status``): the
        browser's console line for that answer is expected, not a problem of the page."""
        self.errors[:] = [e for e in self.errors if f"status of {status}" not in e]

    def axe_violations(self) -> list[str]:
        """axe-core's WCAG 2.1 A and AA violations on the current page, one line per element."""
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(self.axe_source)
        # Colours are checked as they stay, not halfway through a fade (Wagtail's messages
        # fade in: axe once measured a lighter red mid-transition): the finite CSS animations
        # and transitions are let finish first.
        self.page.evaluate(
            """() => Promise.all(document.getAnimations()
                .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
                .map((a) => a.finished.catch(() => null)))"""
        )
        violations = self.page.evaluate(
            """async (tags) => {
                const results = await axe.run(document, {
                    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
                });
                return results.violations.map((v) => ({
                    id: v.id, help: v.help, impact: v.impact,
                    nodes: v.nodes.map((n) => ({
                        target: n.target.join(" "), summary: n.failureSummary,
                    })),
                }));
            }""",
            WCAG_TAGS,
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']}\n    at {node['target']}: {node['summary']}"
            for v in violations
            for node in v["nodes"]
        ]

    @property
    def width(self) -> int:
        return self.page.viewport_size["width"]

    def screenshot(self, name: str) -> Path:
        return save_screenshot(self.page, f"{name}-{self.width}")

    def foreign_links(self) -> list[str]:
        """Links that leave the server under test for another port of the same host name:
        a page URL built from the Site's configured port instead of the request. The
        accessibility declaration's site address is content that staff write, not a built URL."""
        return self.page.evaluate(
            """() => [...document.querySelectorAll("a[href]:not(#a11y-url)")]
                .filter((a) => a.hostname.endsWith(".localhost") && a.host !== location.host)
                .map((a) => a.href)"""
        )

    def overflow(self) -> int:
        """How many CSS pixels the page is wider than the window (sideways scrolling)."""
        return self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )

    def check(self, name: str) -> None:
        """The checks every page gets, all reported at once: a screenshot, no console error,
        no sideways scrolling, no link to another server, no axe-core violation."""
        self.screenshot(name)
        problems = [*self.errors]
        if (overflow := self.overflow()) > 0:
            problems.append(f"the page scrolls sideways by {overflow} px")
        problems += [f"link to another server: {href}" for href in self.foreign_links()]
        problems += self.axe_violations()
        assert not problems, (
            f"{len(problems)} problem(s) on {self.page.url} at {self.width} px:\n"
            + "\n".join(problems)
        )


@pytest.fixture(scope="session")
def tabs(browser, axe_source) -> Iterator[dict[int, Tab]]:
    """One tab per width, reused by every test."""
    contexts, result = [], {}
    for width, viewport in VIEWPORTS.items():
        phone = width < 600
        context = browser.new_context(
            viewport=viewport, is_mobile=phone, has_touch=phone, device_scale_factor=1
        )
        contexts.append(context)
        result[width] = Tab(page=context.new_page(), axe_source=axe_source)
    yield result
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def no_script_page(browser):
    """The smallest phone width we design for (320 px), with JavaScript switched off: every
    page must work without it. (axe-core cannot run here: it needs the page's scripts.)"""
    context = browser.new_context(
        viewport={"width": 320, "height": 640},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )
    yield context.new_page()
    context.close()
