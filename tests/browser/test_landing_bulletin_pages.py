"""The other pages of soft landing and bulletins pass axe and do not scroll sideways on a phone: calls for pilots,
an application with its decisions, the service editor, the bulletin editor, management and subscriptions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.checks import accessibility_problems, scrolls_sideways
from tests.world import PASSWORD
from zonebridge.landing.services import scenarios


@pytest.fixture
def call_with_application(battery_maker, battery_admin, org_admin, fintech_startup):
    call = scenarios.publish_call(battery_maker, acting_user=battery_admin, chinese_source="zh_hans",
                                  deadline=timezone.localdate() + timedelta(days=20),
                                  texts={"title_en": "Line inspection", "title_zh_hans": "产线巡检",
                                         "problem_zh_hans": "焊接缺陷发现太晚。", "site_en": "Plant 3"})
    application = scenarios.apply_to_call(call, acting_user=org_admin, applicant=fintech_startup,
                                          proposal="Our vision model finds weld defects.")
    return call, application


def sign_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/en/accounts/sign-in/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "sign-in" not in url)


def visit(page, base, paths) -> list:
    problems = []
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, path
        problems += accessibility_problems(page)
        if page.viewport_size["width"] < 500:
            assert not scrolls_sideways(page), path
    return problems


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("device", ["browser_page", "phone_page"])
def test_the_other_pages_are_accessible(request, device, live_server_database, call_with_application, battery_admin,
                                        operator_lingang, lingang):
    page = request.getfixturevalue(device)
    base = live_server_database.url
    call, application = call_with_application
    problems = visit(page, base, ["/zh-hant/landing/scenarios/", f"/zh-hant/landing/scenarios/{call.pk}/",
                                  "/zh-hans/bulletins/"])
    sign_in(page, base, "battery_admin")
    problems += visit(page, base, [f"/zh-hans/landing/scenarios/applications/{application.pk}/",
                                   "/zh-hans/landing/scenarios/new/", "/zh-hans/bulletins/subscriptions/"])
    sign_in(page, base, "operator_lingang")
    problems += visit(page, base, ["/zh-hans/landing/services/new/", "/zh-hans/landing/queue/",
                                   "/zh-hans/bulletins/new/", "/zh-hans/bulletins/manage/"])
    assert problems == []
