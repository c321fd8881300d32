"""Accessibility: axe-core (from npm) finds no serious or critical problem on the main pages."""

import pytest

from tests.browser.checks import accessibility_problems

PAGES = ["/en/", "/zh-hant/organisations/?q=電池", "/zh-hans/organisations/sinovolt/", "/en/accounts/sign-in/",
         "/en/accounts/password-reset/"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_main_pages_have_no_serious_accessibility_problem(live_server_database, browser_page, battery_maker):
    page = browser_page
    problems = []
    # The pages work under their Content-Security-Policy: the browser reports no blocked script or style.
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    for path in PAGES:
        page.goto(live_server_database.url + path)
        problems += accessibility_problems(page)
    assert problems == []
    assert blocked == []

    # The checker itself works: an image without a text alternative is caught.
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert "image-alt" in {violation["id"] for violation in result["violations"]}
