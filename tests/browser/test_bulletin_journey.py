"""Bulletins in a real browser: Lingang's operator publishes a call in 简体 for Hong Kong start-ups; a Hong Kong
founder sees it in 繁體 on the site and in their Atom feed, while a Lingang company does not. The same steps run
on a phone (390 px, by tapping): results before filters, nothing scrolls sideways."""

import feedparser
import pytest
from playwright.sync_api import expect

from tests.browser.checks import accessibility_problems, scrolls_sideways
from tests.world import PASSWORD
from zonebridge.bulletins.models import Bulletin

TITLE_HANS = "临港—香港初创企业落地计划开始申请"
TITLE_HANT = "臨港—香港初創企業落地計劃開始申請"


def journey(page, base: str, hk_hub, *, phone: bool):
    problems = []

    def press(locator):
        locator.tap() if phone else locator.click()

    def check_page():
        problems.extend(accessibility_problems(page))
        if phone:
            assert not scrolls_sideways(page), page.url

    def sign_in(language, username):
        page.context.clear_cookies()
        page.goto(f"{base}/{language}/accounts/sign-in/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(PASSWORD)
        press(page.locator("main form button[type=submit]"))
        expect(page.locator("header")).to_contain_text(username.replace("_", " ").title())

    # Lingang's operator writes in Simplified Chinese, for Hong Kong start-ups only.
    sign_in("zh-hans", "operator_lingang")
    page.goto(f"{base}/zh-hans/bulletins/new/")
    expect(page.locator("h1")).to_have_text("撰写公告")
    page.locator("#id_topic").select_option("call")
    page.locator(f"input[name=target_zones][value='{hk_hub.pk}']").check()
    page.locator("input[name=target_kinds][value=startup]").check()
    page.locator("#id_chinese_source").select_option("zh_hans")
    page.locator("#id_title_en").fill("Lingang–Hong Kong landing programme opens")
    page.locator("#id_title_zh_hans").fill(TITLE_HANS)
    page.locator("#id_summary_zh_hans").fill("六个月免费工位和注册协助。")
    page.locator("#id_body_zh_hans").fill("已有产品的香港初创企业可于下月底前申请。")
    check_page()
    press(page.get_by_role("button", name="发布"))
    expect(page.locator("h1")).to_have_text(TITLE_HANS)
    expect(page.locator("main")).to_contain_text("已上线")
    bulletin = Bulletin.objects.get()
    assert bulletin.title_zh_hant == TITLE_HANT
    check_page()

    # A Hong Kong founder reads it in Traditional Chinese, on the site...
    sign_in("zh-hant", "org_admin")
    page.goto(f"{base}/zh-hant/bulletins/")
    results = page.locator(".bulletin-list")
    expect(results).to_contain_text(TITLE_HANT)
    expect(results).to_contain_text("六個月免費工位和註冊協助。")
    if phone:
        assert results.bounding_box()["y"] < page.locator("aside form").bounding_box()["y"]
    check_page()
    press(results.get_by_role("link", name=TITLE_HANT))
    expect(page.locator("main")).to_contain_text("已有產品的香港初創企業可於下月底前申請。")
    check_page()

    # ...and in their personal Atom feed of calls, in the same language.
    page.goto(f"{base}/zh-hant/bulletins/")
    feed_url = page.locator("a[data-topic=call]").get_attribute("href")
    feed = feedparser.parse(page.request.get(base + feed_url).body())
    assert not feed.bozo and feed.feed.language == "zh-hant"
    assert [entry.title for entry in feed.entries] == [TITLE_HANT]
    assert feed.entries[0].link.endswith(f"/zh-hant/bulletins/{bulletin.pk}/")
    autodiscovery = page.locator("link[rel=alternate][type='application/atom+xml']")
    assert autodiscovery.count() == 4

    # A Lingang company is not in the audience.
    sign_in("zh-hans", "battery_admin")
    page.goto(f"{base}/zh-hans/bulletins/")
    expect(page.locator(".bulletin-list")).not_to_contain_text(TITLE_HANS)
    assert problems == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_operator_publishes_for_hong_kong_start_ups(live_server_database, browser_page, hk_hub, operator_lingang,
                                                       org_admin, battery_admin):
    journey(browser_page, live_server_database.url, hk_hub, phone=False)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_same_journey_on_a_phone(live_server_database, phone_page, hk_hub, operator_lingang, org_admin,
                                     battery_admin):
    journey(phone_page, live_server_database.url, hk_hub, phone=True)
