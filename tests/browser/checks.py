"""Checks every browser journey runs on the pages it visits: accessibility (axe-core) and no sideways scrolling."""

import re
from pathlib import Path

from zonebridge.engine.text import script_of

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



# Words a Hong Kong reader takes for Taiwan's (Hong Kong writes 電郵地址, 用戶名稱, 個人資料, 令牌, 軟件, 網上).
TAIWAN_WORDS = ("信箱", "使用者", "個人資訊", "權杖", "軟體", "線上", "這個欄位是必須的")


def language_problems(page) -> list[str]:
    """Characters of the other script, and Taiwan words on a 繁 page, in the text the reader sees."""
    lang = page.evaluate("document.documentElement.lang")
    wanted = {"zh-Hant-HK": "zh_hant", "zh-Hans-CN": "zh_hans"}.get(lang)
    if wanted is None:
        return []
    # Text in another language on purpose (the language switch's "简体中文", an English name) carries its own lang.
    text = page.evaluate("""() => { const clone = document.body.cloneNode(true);
        clone.querySelectorAll('[lang]').forEach((e) => { if (e.lang !== document.documentElement.lang) e.remove(); });
        return clone.textContent; }""")
    problems = []
    for run in set(re.findall(r"[\u3400-\u9fff]+", text)):
        script = script_of(run)
        if script is not None and script != wanted:
            problems.append(f"{page.url}: {run!r} is in the other script")
    if wanted == "zh_hant":
        problems += [f"{page.url}: Taiwan word {word!r}" for word in TAIWAN_WORDS if word in text]
    return sorted(problems)
