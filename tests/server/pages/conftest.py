"""Fixtures for the browser tests: a real `atkg serve` on loopback over the session's real build, and
Debian's Chromium driven by Playwright. Every page a test opens must log no console error, raise no
script error, and send no request beyond loopback (the pages work offline)."""

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The flags that let Debian's Chromium run headless as root in a container (see CLIENTS.md).
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"]
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


@pytest.fixture(scope="session")
def site(real_site):
    """The session's server on the real build."""
    return real_site


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, launched by Playwright (not Playwright's own browser download)."""
    assert Path(CHROMIUM).exists(), f"Chromium is not installed at {CHROMIUM}: run .ci/install-clients.sh"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory):
    """The folder the tests write their screenshots to."""
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def browser_page(chromium, site):
    """A fresh page (own cookies) that records console errors, script errors and requests off loopback."""
    context = chromium.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = {"console": [], "script": [], "outside": []}
    page.on("console", lambda message: message.type == "error" and problems["console"].append(
        f"{message.text} at {message.location.get('url')}"))
    page.on("pageerror", lambda error: problems["script"].append(str(error)))
    page.on("request", lambda request: _on_loopback(request.url) or problems["outside"].append(request.url))
    page.set_default_timeout(20_000)
    yield page
    context.close()
    assert problems == {"console": [], "script": [], "outside": []}


def _on_loopback(url):
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOOPBACK
