"""Checks every browser journey runs on the pages it visits: accessibility (axe-core), no sideways scrolling, and
Chinese in the reader's script with Hong Kong (not Taiwan) wording (`LanguageWatch`, on every page of every test)."""

import re
import weakref
from pathlib import Path

import pytest

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
SCRIPT_OF_PAGE = {"zh-Hant-HK": "zh_hant", "zh-Hans-CN": "zh_hans"}

# What a reader sees and hears of the page, as its runs of Chinese characters: the text, the title, and the
# labels a screen reader speaks. Text in another language on purpose (the language switch's "简体中文", an English
# name, a field holding the other script's version) carries its own `lang` and is left out.
SEEN_CHINESE = """() => {
    const page = document.documentElement.lang;
    if (!document.body) return {url: location.href, lang: page, runs: []};
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('[lang]').forEach((e) => { if (e.lang !== page) e.remove(); });
    const labels = [...clone.querySelectorAll('[title], [aria-label], [placeholder], [alt]')].map((e) =>
        ['title', 'aria-label', 'placeholder', 'alt'].map((name) => e.getAttribute(name) || '').join(' '));
    const text = [document.title, clone.textContent, ...labels].join(' ');
    return {url: location.href, lang: page, runs: [...new Set(text.match(/[\\u3400-\\u9fff]+/g) || [])].sort()};
}"""


def chinese_runs(text: str) -> list[str]:
    """The distinct runs of Chinese characters in `text`."""
    return sorted(set(re.findall(r"[\u3400-\u9fff]+", text or "")))


def wording_problems(where: str, script: str | None, runs) -> list[str]:
    """Runs of Chinese in the other script than `script` (`zh_hans` / `zh_hant`), and Taiwan words for 繁 readers."""
    if script not in ("zh_hans", "zh_hant"):
        return []
    runs = list(runs)
    problems = [f"{where}: {run!r} is in the other script" for run in runs
                if script_of(run) not in (None, script)]
    if script == "zh_hant":
        problems += [f"{where}: Taiwan word {word!r}" for word in TAIWAN_WORDS if any(word in run for run in runs)]
    return problems


def language_problems(page) -> list[str]:
    """Characters of the other script, and Taiwan words on a 繁 page, in what the reader sees of the page now."""
    seen = page.evaluate(SEEN_CHINESE)
    return sorted(set(wording_problems(seen["url"], SCRIPT_OF_PAGE.get(seen["lang"]), seen["runs"])))


# Installed in every page of a watched browser context: reports what the reader sees once the document is parsed
# and again whenever it changes (htmx swaps, scripts), so pages reached by a click, a form or htmx are checked too.
WATCH_SCRIPT = """(() => {
    const seen = SEEN;
    let last = '';
    let timer = null;
    window.__zonebridgeReportChinese = () => {
        clearTimeout(timer);
        const report = seen();
        const key = JSON.stringify(report);
        if (key === last) return Promise.resolve();
        last = key;
        return window.zonebridgeSeenChinese(report);
    };
    const later = () => { clearTimeout(timer); timer = setTimeout(window.__zonebridgeReportChinese, 50); };
    document.addEventListener('DOMContentLoaded', () => {
        window.__zonebridgeReportChinese();
        new MutationObserver(later).observe(document, {subtree: true, childList: true, characterData: true,
                                                       attributes: true, attributeFilter: ['lang', 'title',
                                                       'aria-label', 'placeholder', 'alt']});
    });
})();""".replace("SEEN", SEEN_CHINESE, 1)


class LanguageWatch:
    """Every page a browser context shows in a Chinese UI, checked for the other script and Taiwan words.

    tests/browser/conftest.py fails the test when the watch saw a problem; a test reads `problems()` to check the
    watch itself, and `forget()` what it planted on purpose.
    """

    def __init__(self, context):
        self.context = context
        self.seen: dict[tuple, None] = {}
        context.expose_binding("zonebridgeSeenChinese", self._saw)
        context.add_init_script(WATCH_SCRIPT)

    def _saw(self, source, report) -> None:
        for problem in wording_problems(report["url"], SCRIPT_OF_PAGE.get(report["lang"]), report["runs"]):
            self.seen[problem] = None

    def problems(self) -> list[str]:
        """Everything seen so far, including what is on the open pages now."""
        for page in self.context.pages:
            try:
                page.evaluate("() => window.__zonebridgeReportChinese && window.__zonebridgeReportChinese()")
            except Exception:  # noqa: BLE001 — a page mid-navigation reports its next document itself
                pass
        return list(self.seen)

    def forget(self) -> None:
        """Drop the problems seen so far (a test that planted one to check the watch)."""
        self.problems()
        self.seen.clear()


# The watches of a test's browser contexts (its item's stash), and the watch of each context.
LANGUAGE_WATCHES = pytest.StashKey[list]()
_WATCH_OF_CONTEXT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def watch_language(context, item) -> LanguageWatch:
    """Watch every page of `context` for the rest of the test `item` (the page fixtures call this)."""
    watch = LanguageWatch(context)
    item.stash.setdefault(LANGUAGE_WATCHES, []).append(watch)
    _WATCH_OF_CONTEXT[context] = watch
    return watch


def language_watch(page) -> LanguageWatch:
    """The watch of the page's browser context."""
    return _WATCH_OF_CONTEXT[page.context]
