"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live
server, for pages whose script matters."""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA: what UK public sector sites must meet. The
# best-practice rule `region` (all content inside landmarks) is run as well, because screen
# reader users move through a page by its landmarks.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
REFLOW_WIDTH = 320
DESKTOP = {"width": 1280, "height": 900}

# Bookkeeping for the terminal summary: how many pages axe checked and what it found.
AXE_TALLY = {"pages": 0, "violations": 0}

# WCAG 1.4.12: the text spacing a user's own style sheet may apply.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Key elements whose text must not be cut off by their own box.
CLIPPED_ELEMENTS_SCRIPT = """
() => Array.from(document.querySelectorAll(
    "h1, h2, label, legend, .govuk-button, .govuk-link, .govuk-tag, th, td, .govuk-hint, "
    + ".govuk-error-message, .govuk-summary-list__key, .govuk-summary-list__value"))
  .filter(element => element.offsetParent !== null)
  .filter(element => {
    const style = getComputedStyle(element);
    // Text hidden on purpose for screen readers only is clipped to one pixel.
    if (element.clientWidth <= 1 || style.clip.startsWith("rect")) return false;
    const hides = value => value === "hidden" || value === "clip";
    return (hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
      || (hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1);
  })
  .map(element => element.outerHTML.slice(0, 120))
"""

# The innermost elements that reach past the right edge of the window: what to fix.
WIDE_ELEMENTS_SCRIPT = """
() => Array.from(document.querySelectorAll("body *"))
  .filter(element => element.getBoundingClientRect().right > innerWidth + 1)
  .filter(element => !Array.from(element.children)
    .some(child => child.getBoundingClientRect().right > innerWidth + 1))
  .slice(0, 3).map(element => element.outerHTML.slice(0, 120))
"""


class PageAudit:
    """Runs axe-core, the 320-pixel reflow check, 200% zoom and text spacing on the page the
    browser shows, and keeps what failed so one run reports every page."""

    def __init__(self, page):
        self.page = page
        self.failures = []

    def axe(self, name, context=None):
        # Evaluated through the DevTools protocol, so the page's content security policy,
        # which rightly refuses injected script tags, does not block it.
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE_SCRIPT.read_text())
        # Colours are judged as they end up, not part-way through a fade-in (the admin's
        # messages animate in); endless animations cannot finish and are left running.
        self.page.evaluate(
            """document.getAnimations().forEach(animation => {
                try { animation.finish(); } catch (endless) {} })"""
        )
        results = self.page.evaluate(
            """([context, tags]) => axe.run(context || document,
                {runOnly: {type: "tag", values: tags}, rules: {region: {enabled: true}},
                 resultTypes: ["violations"]})""",
            [context, WCAG_TAGS],
        )
        AXE_TALLY["pages"] += 1
        AXE_TALLY["violations"] += len(results["violations"])
        for violation in results["violations"]:
            targets = [node["html"][:160] for node in violation["nodes"]][:3]
            self.failures.append(f"{name}: axe {violation['id']} ({violation['help']}) {targets}")

    def reflow(self, name):
        size = self.page.viewport_size
        self.page.set_viewport_size({"width": REFLOW_WIDTH, "height": 720})
        widths = self.page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        if widths[0] > widths[1]:
            wide = self.page.evaluate(WIDE_ELEMENTS_SCRIPT)
            self.failures.append(f"{name}: scrolls sideways at {REFLOW_WIDTH}px {widths}: {wide}")
        self.page.set_viewport_size(size)

    def zoom_and_text_spacing(self, name):
        """200% zoom is the desktop window at half its CSS width; then WCAG 1.4.12 spacing."""
        size = self.page.viewport_size
        self.page.set_viewport_size({"width": DESKTOP["width"] // 2, "height": 450})
        # A constructed style sheet, as a user's own style sheet would be: the page's content
        # security policy refuses inline <style> elements.
        self.page.evaluate(
            """css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
                document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""",
            TEXT_SPACING_CSS,
        )
        clipped = self.page.evaluate(CLIPPED_ELEMENTS_SCRIPT)
        widths = self.page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        self.screenshot(f"{name} (200% and text spacing)")
        self.page.evaluate("document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1)")
        self.page.set_viewport_size(size)
        if clipped:
            self.failures.append(f"{name}: text clipped with text spacing: {clipped}")
        if widths[0] > widths[1]:
            self.failures.append(f"{name}: scrolls sideways at 200% with text spacing")

    def screenshot(self, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        filename = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
        self.page.screenshot(path=SCREENSHOTS / f"{filename}.png", full_page=True)

    def check(self, name, context=None):
        """Every check on the page as it is now."""
        self.axe(name, context)
        self.screenshot(name)
        self.reflow(name)
        self.zoom_and_text_spacing(name)

    def assert_clean(self):
        assert self.failures == [], "\n".join(self.failures)


@pytest.fixture
def audit(page):
    page.set_viewport_size(DESKTOP)
    return PageAudit(page)


@pytest.fixture
def demo_portal(live_site):
    """The live server with every area's demo content: accounts, children, forms, messages."""
    from django.core.management import call_command

    call_command("load_demo_content", stdout=StringIO())
    return live_site


@pytest.fixture
def browser_sign_in(page, live_site):
    """Signs the browser in as a user, both factors done, through a session cookie."""
    from django.conf import settings
    from django.test import Client

    from portal_pages.accounts.testing import sign_in_verified

    def sign_in(user):
        client = sign_in_verified(Client(), user)
        cookie = settings.SESSION_COOKIE_NAME
        page.context.add_cookies(
            [{"name": cookie, "value": client.cookies[cookie].value, "url": live_site.url}]
        )

    return sign_in


def pytest_terminal_summary(terminalreporter):
    if AXE_TALLY["pages"]:
        terminalreporter.write_sep(
            "-",
            f"axe-core checked {AXE_TALLY['pages']} pages against {', '.join(WCAG_TAGS)}: "
            f"{AXE_TALLY['violations']} violations",
        )
