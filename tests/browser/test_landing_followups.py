"""Soft landing's follow-ups in a real browser, on a desktop and a phone: Lingang's operator sees a request
awaiting its first response, fills the reply box from a canned reply (in the requester's 繁體) and sends it; the
start-up reopens the delivered request with a reason; a reader chooses a daily digest. Every page passes axe and
nothing scrolls sideways on a phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.checks import accessibility_problems, scrolls_sideways
from tests.landing.conftest import advance
from tests.world import PASSWORD
from zonebridge.bulletins.models import ReaderSettings
from zonebridge.landing.models import CannedReply, Category, RequestState, Service, ServiceRequest
from zonebridge.landing.services import replies as reply_services
from zonebridge.landing.services import requests as request_services
from zonebridge.landing.services.catalogue import save_service


@pytest.fixture
def awaiting_request(lingang, operator_lingang, org_admin, fintech_startup):
    """TidePay (whose admin reads 繁體) asked Lingang's legal clinic; Lingang keeps a canned welcome."""
    org_admin.preferred_language = "zh-hant"
    org_admin.save()
    service = save_service(Service(zone=lingang, slug="lingang-legal"), acting_user=operator_lingang,
                           texts={"name_en": "Legal and tax clinic", "name_zh_hans": "法律与税务咨询"},
                           fields={"category": Category.LEGAL_TAX, "sla_days": 3, "chinese_source": "zh_hans"})
    reply_services.save_canned_reply(CannedReply(zone=lingang), acting_user=operator_lingang, chinese_source="zh_hans",
                                     texts={"title_en": "Received", "title_zh_hans": "已收到",
                                            "body_en": "We are on it.", "body_zh_hans": "我们正在处理您的申请。"})
    return request_services.submit_request(service, acting_user=org_admin, organisation=fintech_startup,
                                           details="合約審閱")


def sign_in(page, base, language, username):
    page.context.clear_cookies()
    page.goto(f"{base}/{language}/accounts/sign-in/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "sign-in" not in url)


def checked(page) -> list:
    problems = accessibility_problems(page)
    if page.viewport_size["width"] < 500:
        assert not scrolls_sideways(page), page.url
    return problems


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("device", ["browser_page", "phone_page"])
def test_a_canned_first_response_and_a_reopened_request(request, device, live_server_database, awaiting_request,
                                                         operator_lingang, org_admin):
    page = request.getfixturevalue(device)
    base = live_server_database.url
    url = f"{base}/zh-hans/landing/requests/{awaiting_request.pk}/"

    # The operator filters the queue for requests nobody has answered yet.
    sign_in(page, base, "zh-hans", "operator_lingang")
    page.goto(f"{base}/zh-hans/landing/queue/?first_response=awaiting")
    expect(page.locator(".landing-queue")).to_contain_text(awaiting_request.reference)
    expect(page.locator(".landing-queue")).to_contain_text("等待首次回复")
    problems = checked(page)
    page.goto(url)
    expect(page.locator("#first-response")).to_contain_text("等待团队首次回复")
    page.locator("#id_body").fill("潮付科技：")
    page.locator("#id_canned_reply").select_option(label="已收到")
    page.get_by_role("button", name="插入").click()
    expect(page.locator("#id_body")).to_have_value("潮付科技：\n\n我們正在處理您的申請。")
    problems += checked(page)
    page.get_by_role("button", name="发送留言").click()
    # Sent in the requester's 繁體; the operator's 简体 page shows it converted, with the note saying so.
    expect(page.locator(".landing-thread")).to_contain_text("我们正在处理您的申请。")
    expect(page.locator("#first-response")).not_to_contain_text("等待")
    page.goto(f"{base}/zh-hans/landing/replies/")
    expect(page.locator("main")).to_contain_text("已收到")
    problems += checked(page)

    # Delivered; the start-up finds something missing and reopens it.
    delivered = advance(ServiceRequest.objects.get(pk=awaiting_request.pk), "triage", "assign", "start", "deliver",
                        by=operator_lingang, assignee=operator_lingang)
    sign_in(page, base, "zh-hant", "org_admin")
    page.goto(f"{base}/zh-hant/landing/requests/{delivered.pk}/")
    expect(page.locator(".landing-thread")).to_contain_text("我們正在處理您的申請。")
    page.get_by_role("button", name="重新開啟").click()
    expect(page.locator("#id_reopen_reason_error")).to_contain_text("請說明重新開啟申請的原因")
    page.locator("#id_reopen_reason").fill("漏咗第二份合約。")
    problems += checked(page)
    page.get_by_role("button", name="重新開啟").click()
    expect(page.locator("#request-state")).to_have_text("處理中")
    expect(page.locator("#request-reopened")).to_contain_text("漏咗第二份合約。")
    reopened = ServiceRequest.objects.get(pk=delivered.pk)
    assert reopened.state == RequestState.IN_PROGRESS and reopened.assignee == operator_lingang

    # The reader wants the digest every day.
    page.goto(f"{base}/zh-hant/bulletins/subscriptions/")
    page.get_by_label("每日").check()
    page.get_by_label("新聞").check()
    problems += checked(page)
    page.get_by_role("button", name="儲存").first.click()
    expect(page.get_by_label("每日")).to_be_checked()
    assert ReaderSettings.objects.get(user=org_admin).digest_frequency == "daily"
    assert problems == []
