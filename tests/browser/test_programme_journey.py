"""The internship match in a real browser, on a desktop and on a phone: a coordinator nominates, the student ranks
positions by keyboard, the host ranks the student, the operator previews the match, runs it and watches the
progress bar, and the student accepts the offer. Pages are checked with axe, under the CSP, in 繁體 and 简体."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.checks import accessibility_problems, scrolls_sideways
from tests.world import PASSWORD
from zonebridge.programmes import queries, services
from zonebridge.programmes.models import Offer, Position


@pytest.fixture
def static_served(settings):
    """The live server serves static files from the apps' folders (its handler knows no manifest names), so the
    pages run with their style sheets and scripts: the rank list's keyboard moves come from ranking.js."""
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


@pytest.fixture
def journey_round(operator_hk, org_admin, fintech_startup, lingang, hk_hub):
    programme = services.create_programme(acting_user=operator_hk, texts={
        "title_en": "Harbour Summer Internships", "title_zh_hant": "海港暑期實習計劃"}, fields={
        "slug": "harbour-summer", "home_zone": lingang, "host_zone": hk_hub, "starts_on": date(2027, 6, 1),
        "ends_on": date(2027, 8, 31), "chinese_source": "zh_hant"})
    now = timezone.now()
    round_ = services.create_round(programme, acting_user=operator_hk, applications_close_at=now + timedelta(days=7),
                                   offer_deadline=now + timedelta(days=14))
    for title, chinese in (("Payments engineer intern", "支付工程師實習生"), ("Risk analyst intern", "風險分析實習生")):
        services.save_position(Position(round=round_, host=fintech_startup), acting_user=org_admin,
                               texts={"title_en": title, "title_zh_hant": chinese},
                               fields={"capacity": 1, "chinese_source": "zh_hant", "work_mode": "hybrid"})
    return services.transition_round(round_, "open", acting_user=operator_hk)


class Journey:
    """One browser page driving the site as one person after another; every page visited is checked."""

    def __init__(self, page, base_url: str):
        self.page, self.base = page, base_url
        self.problems: list = []
        self.blocked: list = []
        self.sideways: list = []
        page.on("console", lambda m: "Content Security Policy" in m.text and self.blocked.append(m.text))

    def sign_in(self, username: str) -> None:
        self.page.context.clear_cookies()
        self.page.goto(f"{self.base}/en/accounts/sign-in/")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(PASSWORD)
        self.page.locator("main form button[type=submit]").click()
        expect(self.page.locator("header")).to_contain_text("Sign out")

    def visit(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.check()

    def check(self) -> None:
        self.problems += accessibility_problems(self.page)
        if scrolls_sideways(self.page):
            self.sideways.append(self.page.url)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("device", ["browser_page", "phone_page"])
def test_coordinator_student_host_operator_and_the_match(request, device, live_server_database, static_served,
                                                        journey_round,
                                                        coordinator, student, org_admin, operator_hk):
    journey = Journey(request.getfixturevalue(device), live_server_database.url)
    page, round_id = journey.page, journey_round.pk
    payments, risk = journey_round.positions.order_by("title_en")

    # The coordinator nominates the student, on a 繁體 page.
    journey.sign_in("coordinator")
    journey.visit(f"/zh-hant/programmes/rounds/{round_id}/nominations/")
    expect(page.locator("main")).to_contain_text("海港大學：已使用 0 / 5 個提名名額")
    page.locator("#id_student").select_option(label="Student (student)")
    page.locator("#id_recommendation").fill("She built our payments society's app.")
    page.get_by_role("button", name="提名", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("已提名 Student")
    journey.check()

    # The student adds both positions, then moves the second up with the keyboard and saves, on a 简体 page.
    journey.sign_in("student")
    journey.visit(f"/zh-hans/programmes/rounds/{round_id}/ranking/")
    page.get_by_role("button", name=re.compile("添加.*支付工程师实习生")).click()
    page.get_by_role("button", name=re.compile("添加.*风险分析实习生")).click()
    rows = page.locator("[data-rank-list] li[data-id]")
    expect(rows).to_have_count(2)
    rows.nth(1).focus()
    page.keyboard.press("Alt+ArrowUp")
    expect(rows.nth(0)).to_have_attribute("data-id", str(risk.pk))
    expect(page.locator("[data-rank-status]")).to_contain_text("风险分析实习生: 1 / 2")
    page.get_by_role("button", name="保存我的志愿排序").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("排序已保存")
    journey.check()
    application = journey_round.applications.get(student=student)
    assert queries.student_ranking(application) == [risk, payments]

    # The host ranks the student for both positions.
    journey.sign_in("org_admin")
    for position in (risk, payments):
        journey.visit(f"/en/programmes/positions/{position.pk}/ranking/")
        page.get_by_role("button", name=re.compile("Add.*Student")).click()
        page.get_by_role("button", name="Save the rank list").click()
        expect(page.locator(".messages")).to_contain_text("Your rank list is saved.")
    assert queries.host_ranking(risk) == [application]

    # The operator freezes the lists, previews the match, runs it and watches the progress bar.
    journey.sign_in("operator_hk")
    journey.visit(f"/en/programmes/rounds/{round_id}/match/")
    page.get_by_role("button", name="Run the match").click()  # too early: the round is still open
    expect(page.locator(".messages")).to_contain_text("is still Open for applications: freeze the rank lists")
    journey.visit(f"/en/programmes/rounds/{round_id}/")
    page.get_by_role("button", name="Close applications and start the review").click()
    page.get_by_role("button", name="Freeze the rank lists and start matching").click()
    expect(page.locator(".messages")).to_contain_text("The round is now: Matching.")
    page.get_by_role("link", name="The match: preview and run").click()
    expect(page.locator("#preview")).to_contain_text("1 of 1 candidates placed, 2 places in all.")
    expect(page.locator("#preview")).to_contain_text("The placement is stable.")
    journey.check()
    page.get_by_role("button", name="Run the match").click()
    progress = page.locator("#job-progress progress")
    expect(progress).to_be_visible()
    expect(page.locator("#job-progress")).to_have_attribute("data-state", "succeeded", timeout=20_000)
    expect(progress).to_have_attribute("value", "100")
    journey.check()
    page.get_by_role("button", name="See the result").click()
    expect(page.locator("main")).to_contain_text("1 of 1 candidates placed")
    journey.check()
    for path in ("/zh-hant/programmes/", "/zh-hans/programmes/harbour-summer/",
                 f"/en/programmes/rounds/{round_id}/results/", f"/en/programmes/rounds/{round_id}/settings/",
                 f"/en/programmes/positions/{payments.pk}/"):
        journey.visit(path)
    expect(page.locator("main")).to_contain_text("The match filled 0 of 1 places.")  # why the place is unfilled

    # The student sees the offer (and the notification) and accepts it, in 繁體.
    journey.sign_in("student")
    journey.visit("/zh-hant/programmes/my/")
    page.get_by_role("link", name="取錄：潮付科技 的風險分析實習生").click()
    journey.check()
    page.get_by_role("button", name="接受取錄").click()
    expect(page.locator(".messages")).to_contain_text("你已接受取錄，歡迎加入計劃！")
    expect(page.locator(".prog-offer-state")).to_contain_text("已接受")
    assert Offer.objects.get().state == "accepted"

    assert journey.problems == []
    assert journey.blocked == []
    assert journey.sideways == []
