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
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
