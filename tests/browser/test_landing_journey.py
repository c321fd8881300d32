"""Soft landing in a real browser: a Hong Kong start-up requests desk space in Lingang in 繁體, Lingang's
operator triages, assigns, works on and delivers it in 简体, and the start-up rates it. The same steps run on
a phone (390 px, by tapping): results come before the filters and nothing scrolls sideways."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import accessibility_problems, scrolls_sideways
from tests.world import PASSWORD
from zonebridge.landing.models import Category, RequestState, Service, ServiceRequest
from zonebridge.landing.services.catalogue import save_service


@pytest.fixture
def lingang_desks(lingang, operator_lingang):
    return save_service(
        Service(zone=lingang, slug="lingang-desks"), acting_user=operator_lingang,
        texts={"name_en": "Desks at the Lingang landing pad", "name_zh_hans": "临港落地空间工位",
               "description_zh_hans": "滴水湖科创大楼的固定工位。", "eligibility_zh_hans": "香港初创企业"},
        fields={"category": Category.SPACE, "sla_days": 5, "capacity_per_month": 10, "partner_zone_only": True,
                "eligible_kinds": "startup,company", "chinese_source": "zh_hans"})


class Steps:
    """The journey's steps on one page; on a phone they tap instead of click and check the layout."""

    def __init__(self, page, base: str, phone: bool):
        self.page, self.base, self.phone, self.problems = page, base, phone, []

    def press(self, locator):
        locator.tap() if self.phone else locator.click()

    def check_page(self):
        self.problems += accessibility_problems(self.page)
        if self.phone:
            assert not scrolls_sideways(self.page), self.page.url

    def sign_in(self, language: str, username: str):
        self.page.context.clear_cookies()
        self.page.goto(f"{self.base}/{language}/accounts/sign-in/")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(PASSWORD)
        self.press(self.page.locator("main form button[type=submit]"))
        expect(self.page.locator("header")).to_contain_text(username.replace("_", " ").title())


def journey(page, base: str, *, phone: bool):
    steps = Steps(page, base, phone)

    # A Hong Kong start-up asks for desks in Lingang, in Traditional Chinese.
    steps.sign_in("zh-hant", "org_admin")
    page.goto(f"{base}/zh-hant/landing/")
    expect(page.locator("h1")).to_have_text("軟着陸服務")
    services = page.locator(".landing-services")
    expect(services).to_contain_text("臨港落地空間工位")
    if phone:  # results before filters
        assert services.bounding_box()["y"] < page.locator("aside form").bounding_box()["y"]
    steps.check_page()
    steps.press(services.get_by_role("link", name="臨港落地空間工位"))
    expect(page.locator("main")).to_contain_text("5 個工作天")
    steps.press(page.get_by_role("button", name="申請此服務").or_(page.get_by_role("link", name="申請此服務")))
    page.locator("#id_units").fill("2")
    page.locator("#id_month").fill("2099-05")
    page.locator("#id_details").fill("我們三人團隊下月到埗，需要兩個工位。")
    steps.check_page()
    steps.press(page.get_by_role("button", name="提交申請"))
    expect(page.locator("#request-state")).to_have_text("已提交")
    request = ServiceRequest.objects.get()
    expect(page).to_have_url(re.compile(rf"/zh-hant/landing/requests/{request.pk}/$"))
    steps.check_page()

    # Lingang's operator works on it in Simplified Chinese.
    steps.sign_in("zh-hans", "operator_lingang")
    page.goto(f"{base}/zh-hans/landing/queue/")
    queue = page.locator(".landing-queue")
    expect(queue).to_contain_text(request.reference)
    steps.check_page()
    steps.press(queue.get_by_role("link", name=re.compile(request.reference)))
    for action, state in (("triage", "已受理"), ("assign", "已指派"), ("start", "处理中"), ("deliver", "已交付")):
        steps.press(page.locator(f"button[data-action={action}]"))
        expect(page.locator("#request-state")).to_have_text(state)
    steps.check_page()

    # The start-up rates the delivered service.
    steps.sign_in("zh-hant", "org_admin")
    page.goto(f"{base}/zh-hant/landing/requests/{request.pk}/")
    expect(page.locator("#request-state")).to_have_text("已交付")
    steps.press(page.get_by_label("5 — 非常滿意"))
    page.locator("#id_comment").fill("安排妥當，非常感謝。")
    steps.check_page()
    steps.press(page.get_by_role("button", name="提交評價並關閉"))
    expect(page.locator("#request-state")).to_have_text("已結束")
    expect(page.locator("#request-rating")).to_contain_text("5/5")

    request.refresh_from_db()
    assert request.state == RequestState.CLOSED and request.rating == 5
    assert request.booking.units == 2
    assert steps.problems == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_start_up_requests_desk_space_and_rates_it(live_server_database, browser_page, lingang_desks, org_admin,
                                                     fintech_startup, operator_lingang):
    journey(browser_page, live_server_database.url, phone=False)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_same_journey_on_a_phone(live_server_database, phone_page, lingang_desks, org_admin, fintech_startup,
                                     operator_lingang):
    journey(phone_page, live_server_database.url, phone=True)
