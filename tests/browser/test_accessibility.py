"""Accessibility: axe-core (from npm) finds no serious or critical problem on the main pages, at desktop and phone
sizes; on a phone also with the header's menu, the filter panel and the QR code opened."""

import pytest
from playwright.sync_api import expect

from tests.browser.checks import accessibility_problems, on_phone

PAGES = ["/en/", "/zh-hant/organisations/?q=電池", "/zh-hans/organisations/sinovolt/", "/en/accounts/sign-in/",
         "/en/accounts/password-reset/"]
# What a phone folds away, opened before a second check: (page, the summary to tap).
OPENED_ON_A_PHONE = [("/en/", "details.site-menu > summary"),
                     ("/zh-hant/organisations/?zone=lingang", ".filter-panel .phone-toggle > summary"),
                     ("/zh-hans/organisations/sinovolt/", ".page-qr .phone-toggle > summary")]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("device", ["browser_page", "phone_page"])
def test_the_main_pages_have_no_serious_accessibility_problem(live_server_database, request, device, battery_maker):
    page = request.getfixturevalue(device)
    problems = []
    # The pages work under their Content-Security-Policy: the browser reports no blocked script or style.
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    for path in PAGES:
        page.goto(live_server_database.url + path)
        problems += accessibility_problems(page)
    if on_phone(page):
        for path, summary in OPENED_ON_A_PHONE:
            page.goto(live_server_database.url + path)
            page.locator(summary).tap()
            expect(page.locator(summary).locator("xpath=..")).to_have_attribute("open", "")
            problems += accessibility_problems(page)
    assert problems == []
    assert blocked == []

    # The checker itself works: an image without a text alternative is caught.
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert "image-alt" in {violation["id"] for violation in result["violations"]}
