"""Checks every browser journey runs on the pages it visits: accessibility (axe-core) and no sideways scrolling."""

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def accessibility_problems(page) -> list[tuple]:
    """axe-core's serious and critical findings on the page as it is now: (url, rule, impact, first target)."""
    # Evaluated through the browser's debugging protocol, not as an inline <script>: the pages'
    # Content-Security-Policy (no inline scripts) stays on while they are checked.
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(page.url, v["id"], v["impact"], v["nodes"][0]["target"]) for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


def scrolls_sideways(page) -> bool:
    """True when the page is wider than the viewport (on a phone: the reader must scroll sideways)."""
    # Compared with the root's clientWidth (the viewport less any scroll bar), not innerWidth: a mobile browser
    # widens its layout viewport to fit wide content, so there innerWidth grows with the page and hides the overflow.
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


def on_phone(page) -> bool:
    """Whether the page is phone-sized (the phone_page fixture): steps there tap, and the header is folded."""
    return page.viewport_size["width"] < 600


def press(locator) -> None:
    """Tap the element on a phone, click it elsewhere."""
    if on_phone(locator.page):
        locator.tap()
    else:
        locator.click()


def open_menu(page) -> None:
    """On a phone, open the header's menu (the links of the apps, the account, sign in and out) if it is closed."""
    if on_phone(page) and page.locator("details.site-menu[open]").count() == 0:
        page.locator("details.site-menu > summary").tap()
