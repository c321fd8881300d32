"""Accessibility: axe-core (from npm) finds no serious or critical problem on the main pages."""

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["/en/", "/zh-hant/organisations/?q=電池", "/zh-hans/organisations/sinovolt/", "/en/accounts/sign-in/",
         "/en/accounts/password-reset/"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_main_pages_have_no_serious_accessibility_problem(live_server_database, browser_page, battery_maker):
    page = browser_page
    problems = []
    for path in PAGES:
        page.goto(live_server_database.url + path)
        page.evaluate(AXE.read_text())  # through the DevTools protocol: the site's CSP rightly refuses inline scripts
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        problems += [(path, v["id"], v["impact"], v["nodes"][0]["target"]) for v in result["violations"]
                     if v["impact"] in ("serious", "critical")]
    assert problems == []

    # The checker itself works: an image without a text alternative is caught.
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert "image-alt" in {violation["id"] for violation in result["violations"]}
