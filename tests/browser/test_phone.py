"""The frame on a 390 × 844 phone: results before filters, a filter panel that works without JavaScript and counts
the filters in use, header controls big enough to tap, the QR code folded away, and no page that scrolls sideways."""

import pytest
from playwright.sync_api import expect

from tests.browser.checks import open_menu, scrolls_sideways
from tests.world import PASSWORD

PHONE_HEIGHT = 844
TOUCH_TARGET = 44


def sign_in(page, base: str, username: str, language: str = "en") -> None:
    """Sign in through the sign-in page, by tapping."""
    page.goto(f"{base}/{language}/accounts/sign-in/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").tap()
    expect(page.locator("header .bell")).to_be_visible()


def small_header_controls(page) -> list:
    """Visible links, buttons and summaries of the header smaller than a fingertip: (text, width, height)."""
    return page.evaluate("""(minimum) => [...document.querySelectorAll('header a, header button, header summary')]
        .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
        .map(e => [e.textContent.trim(), e.getBoundingClientRect()])
        .filter(([, box]) => box.width < minimum || box.height < minimum)
        .map(([text, box]) => [text, Math.round(box.width), Math.round(box.height)])""", TOUCH_TARGET)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_directory_shows_its_first_result_above_the_fold_and_filters_from_a_button(
        live_server_database, phone_page, battery_maker, fintech_startup, hk_university):
    page = phone_page
    page.goto(f"{live_server_database.url}/en/organisations/")
    first = page.locator(".organisation-list > li").first
    expect(first).to_be_visible()
    assert first.bounding_box()["y"] < PHONE_HEIGHT
    panel = page.locator(".filter-panel .phone-panel")
    expect(panel).to_be_hidden()
    expect(page.locator("#id_q")).to_be_visible()  # the search box stays in view
    assert not scrolls_sideways(page)

    # Two filters in use: the button says so, and the results still come first.
    page.goto(f"{live_server_database.url}/en/organisations/?zone=lingang&kind=company")
    toggle = page.locator(".filter-panel .phone-toggle > summary")
    expect(toggle).to_contain_text("2 active")
    expect(panel).to_be_hidden()
    expect(page.locator(".organisation-list")).to_contain_text("Sinovolt Energy")
    assert page.locator(".organisation-list > li").first.bounding_box()["y"] < PHONE_HEIGHT

    # The panel opens from the button; with htmx, a change reloads the results and the count.
    toggle.tap()
    expect(panel).to_be_visible()
    page.locator("#id_kind").select_option("startup")
    expect(page.locator(".organisation-list")).not_to_contain_text("Sinovolt Energy")
    page.locator("#id_zone").select_option("")
    expect(toggle).to_contain_text("1 active")
    expect(page.locator(".organisation-list")).to_contain_text("TidePay")
    assert not scrolls_sideways(page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_filter_panel_works_without_javascript(live_server_database, phone_page_without_javascript,
                                                   battery_maker, fintech_startup):
    page = phone_page_without_javascript
    page.goto(f"{live_server_database.url}/zh-hant/organisations/")
    panel = page.locator(".filter-panel .phone-panel")
    toggle = page.locator(".filter-panel .phone-toggle > summary")
    expect(panel).to_be_hidden()
    expect(toggle).not_to_contain_text("已選")

    toggle.tap()
    expect(panel).to_be_visible()
    page.locator("#id_zone").select_option("lingang")
    page.locator(".filter-panel .phone-panel button[type=submit]").tap()
    expect(page).to_have_url(f"{live_server_database.url}/zh-hant/organisations/?q=&zone=lingang&kind=&sector=&stage=")
    expect(toggle).to_contain_text("已選 1 項")
    expect(panel).to_be_hidden()
    results = page.locator(".organisation-list")
    expect(results).to_contain_text("芯伏能源科技有限公司")
    expect(results).not_to_contain_text("潮付科技")

    # The search box submits from the keyboard, with the filters of the panel kept.
    page.locator("#id_q").fill("支付")
    page.locator("#id_q").press("Enter")
    expect(toggle).to_contain_text("已選 1 項")
    expect(results).not_to_contain_text("芯伏能源科技有限公司")
    # The header's menu opens without JavaScript too.
    open_menu(page)
    expect(page.locator("header a[href='/zh-hant/accounts/sign-in/']")).to_be_visible()
    assert not scrolls_sideways(page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_header_controls_are_big_enough_to_tap_and_the_bar_keeps_language_and_bell(live_server_database, phone_page,
                                                                                   battery_admin):
    page = phone_page
    page.goto(f"{live_server_database.url}/en/")
    assert small_header_controls(page) == []
    expect(page.get_by_role("button", name="简体中文")).to_be_visible()
    expect(page.locator("header a[href='/en/organisations/']")).to_be_hidden()
    header_height = page.locator("header").bounding_box()["height"]
    assert header_height < 2 * TOUCH_TARGET + 16  # one compact bar, not rows of buttons

    open_menu(page)
    expect(page.locator("header a[href='/en/organisations/']")).to_be_visible()
    expect(page.locator("header a[href='/en/accounts/sign-in/']")).to_be_visible()
    assert small_header_controls(page) == []

    sign_in(page, live_server_database.url, "battery_admin", language="zh-hant")
    bell = page.locator("header .bell")
    expect(bell).to_be_visible()
    expect(page.get_by_role("button", name="English")).to_be_visible()
    assert small_header_controls(page) == []
    open_menu(page)
    expect(page.get_by_role("link", name="Battery Admin")).to_be_visible()
    expect(page.get_by_role("button", name="登出")).to_be_visible()
    assert small_header_controls(page) == []

    # One tap on a language: the same page in that language.
    page.get_by_role("button", name="简体中文").tap()
    expect(page).to_have_url(f"{live_server_database.url}/zh-hans/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("device", ["browser_page", "phone_page"])
def test_a_detail_page_carries_its_own_qr_code(live_server_database, request, device, battery_maker):
    page = request.getfixturevalue(device)
    url = f"{live_server_database.url}/zh-hans/organisations/sinovolt/"
    page.goto(url)
    code = page.get_by_role("img", name=f"本页二维码：{url}")
    if device == "phone_page":
        # A phone rarely scans its own screen: the code waits behind a button.
        expect(code).to_be_hidden()
        page.get_by_text("显示二维码").tap()
    expect(code).to_be_visible()
    box = code.bounding_box()
    assert 100 <= box["width"] <= 200 and box["width"] == box["height"]
    assert not scrolls_sideways(page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_page_scrolls_sideways_on_a_phone(live_server_database, phone_page, battery_admin, battery_maker,
                                            fintech_startup):
    page = phone_page
    base = live_server_database.url
    for path in ["/en/", "/en/accounts/sign-in/", "/zh-hant/accounts/password-reset/", "/en/no-such-page/"]:
        page.goto(base + path)
        assert not scrolls_sideways(page), path

    sign_in(page, base, "battery_admin")
    # A token with a long name fills the tokens table and, through its notification, the notification list.
    page.goto(f"{base}/en/accounts/settings/api-tokens/")
    page.locator("#id_name").fill("Synchronisation of the partnership office's customer relationship database")
    page.locator("main form button[type=submit]").last.tap()
    expect(page.locator("#new-token")).to_be_visible()
    for path in ["/en/accounts/settings/api-tokens/", "/zh-hant/organisations/?zone=lingang&kind=company",
                 "/zh-hans/organisations/sinovolt/", "/zh-hans/organisations/sinovolt/edit/",
                 "/en/people/battery_admin/", "/zh-hant/accounts/settings/", "/en/notifications/",
                 "/zh-hans/notifications/settings/"]:
        page.goto(base + path)
        expect(page.locator("main h1")).to_be_visible()
        assert not scrolls_sideways(page), path

    # Forms are one column: every field of the profile editor starts at the left edge.
    page.goto(f"{base}/zh-hans/organisations/sinovolt/edit/")
    lefts = page.evaluate("[...document.querySelectorAll('main input:not([type=hidden]):not([type=checkbox]), "
                          "main textarea, main select')].map(e => Math.round(e.getBoundingClientRect().left))")
    assert len(lefts) > 10 and max(lefts) - min(lefts) <= 4  # (a file input's frame sits 2 px further out)

    # The check itself catches a page wider than the phone; a wide table in .table-scroll scrolls in its own box.
    wide_table = "'<table><tr><td>' + 'x'.repeat(80) + '</td></tr></table>'"
    page.evaluate(f"document.querySelector('main').insertAdjacentHTML('beforeend', {wide_table})")
    assert scrolls_sideways(page)
    page.evaluate("document.querySelector('main > table:last-child').remove()")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<div class=\"table-scroll\" "
                  f"tabindex=\"0\" role=\"region\" aria-label=\"wide\">' + {wide_table} + '</div>')")
    assert not scrolls_sideways(page)
    assert page.evaluate("document.querySelector('.table-scroll').scrollWidth > "
                         "document.querySelector('.table-scroll').clientWidth")
