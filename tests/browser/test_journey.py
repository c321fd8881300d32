"""A visitor's journey in a real browser: switch to 繁體, search in Traditional Chinese, find a profile
written in Simplified Chinese, sign in as its admin and edit it."""

import os
import tempfile

import pytest
from playwright.sync_api import expect

from tests.browser.checks import language_problems
from tests.world import PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_visitor_finds_and_an_admin_edits_a_profile(live_server_database, browser_page, battery_admin, battery_maker,
                                                      fintech_startup):
    page = browser_page
    page.goto(f"{live_server_database.url}/en/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.get_by_role("button", name="繁體中文").click()
    expect(page).to_have_url(f"{live_server_database.url}/zh-hant/")
    wording = language_problems(page)
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant-HK")

    page.locator("#home-search").fill("動力電池")
    page.locator("#home-search").press("Enter")
    results = page.locator(".organisation-list")
    expect(results).to_contain_text("芯伏能源科技有限公司")
    expect(results).not_to_contain_text("潮付科技")

    wording += language_problems(page)
    results.get_by_role("link", name="芯伏能源科技有限公司").click()
    expect(page.locator("main")).to_contain_text("為新能源汽車提供動力電池系統")

    page.locator("a[href='/zh-hant/accounts/sign-in/']").click()
    page.locator("#id_username").fill("battery_admin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("header")).to_contain_text("Battery Admin")

    page.goto(f"{live_server_database.url}/zh-hant/organisations/sinovolt/")
    wording += language_problems(page)
    page.get_by_role("button", name="編輯資料").click()
    wording += language_problems(page)
    page.locator("#id_summary_zh_hans").fill("为电动汽车提供储能电池")
    page.locator("#id_summary_zh_hant").fill("")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server_database.url}/zh-hant/organisations/sinovolt/")
    expect(page.locator("main")).to_contain_text("為電動汽車提供儲能電池")

    wording += language_problems(page)
    assert wording == []
    # The check itself works: a Simplified word and a Taiwan word on this 繁 page are both caught.
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<p>软件 使用者</p>')")
    assert len(language_problems(page)) == 2
    battery_maker.refresh_from_db()
    assert battery_maker.summary_zh_hans == "为电动汽车提供储能电池"
    assert battery_maker.summary_zh_hant == "為電動汽車提供儲能電池"
    page.screenshot(path=os.path.join(tempfile.gettempdir(), "zonebridge-journey.png"), full_page=True)
