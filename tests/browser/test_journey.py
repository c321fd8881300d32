"""A visitor's journey in a real browser: switch to 繁體, search in Traditional Chinese, find a profile
written in Simplified Chinese, sign in as its admin and edit it — on a desktop by clicking, and on a phone by tapping,
with no page of the journey scrolling sideways."""

import os
import tempfile

import pytest
from playwright.sync_api import expect

from tests.browser.checks import language_watch, on_phone, open_menu, press, scrolls_sideways
from tests.world import PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("device", ["browser_page", "phone_page"])
def test_a_visitor_finds_and_an_admin_edits_a_profile(live_server_database, request, device, battery_admin,
                                                      battery_maker, fintech_startup):
    page = request.getfixturevalue(device)
    page.goto(f"{live_server_database.url}/en/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert not scrolls_sideways(page)

    # The language switch is one tap away on a phone too: it stays in the header's bar.
    press(page.get_by_role("button", name="繁體中文"))
    expect(page).to_have_url(f"{live_server_database.url}/zh-hant/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant-HK")
    assert not scrolls_sideways(page)

    page.locator("#home-search").fill("動力電池")
    page.locator("#home-search").press("Enter")
    results = page.locator(".organisation-list")
    expect(results).to_contain_text("芯伏能源科技有限公司")
    expect(results).not_to_contain_text("潮付科技")
    assert not scrolls_sideways(page)

    press(results.get_by_role("link", name="芯伏能源科技有限公司"))
    expect(page.locator("main")).to_contain_text("為新能源汽車提供動力電池系統")
    assert not scrolls_sideways(page)

    # On a phone, signing in is in the header's menu.
    open_menu(page)
    press(page.locator("a[href='/zh-hant/accounts/sign-in/']"))
    expect(page).to_have_url(f"{live_server_database.url}/zh-hant/accounts/sign-in/")
    page.locator("#id_username").fill("battery_admin")
    page.locator("#id_password").fill(PASSWORD)
    assert not scrolls_sideways(page)
    press(page.locator("main form button[type=submit]"))
    expect(page.locator("header")).to_contain_text("Battery Admin")
    expect(page.locator("header .bell")).to_be_visible()
    if on_phone(page):
        expect(page.get_by_role("link", name="Battery Admin")).to_be_hidden()
        open_menu(page)
    expect(page.get_by_role("link", name="Battery Admin")).to_be_visible()

    page.goto(f"{live_server_database.url}/zh-hant/organisations/sinovolt/")
    press(page.get_by_role("button", name="編輯資料"))
    expect(page).to_have_url(f"{live_server_database.url}/zh-hant/organisations/sinovolt/edit/")
    assert not scrolls_sideways(page)
    page.locator("#id_summary_zh_hans").fill("为电动汽车提供储能电池")
    page.locator("#id_summary_zh_hant").fill("")
    press(page.locator("main form button[type=submit]"))
    expect(page).to_have_url(f"{live_server_database.url}/zh-hant/organisations/sinovolt/")
    expect(page.locator("main")).to_contain_text("為電動汽車提供儲能電池")
    assert not scrolls_sideways(page)

    # Every page so far was in the reader's script (tests/browser/conftest.py checks every page of every test); the
    # check itself works: a Simplified word and a Taiwan word added to this 繁 page are both caught.
    watch = language_watch(page)
    assert watch.problems() == []
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<p>软件 使用者</p>')")
    assert [problem.split(": ", 1)[1] for problem in watch.problems()] == ["'软件' is in the other script",
                                                                           "Taiwan word '使用者'"]
    watch.forget()
    battery_maker.refresh_from_db()
    assert battery_maker.summary_zh_hans == "为电动汽车提供储能电池"
    assert battery_maker.summary_zh_hant == "為電動汽車提供儲能電池"
    page.screenshot(path=os.path.join(tempfile.gettempdir(), f"zonebridge-journey-{device}.png"), full_page=True)
