"""The marketplace in a real browser, on a desktop and on a phone: a Shanghai company posts a need in 简体; a
Hong Kong start-up signed in with the 繁體 UI sees it recommended with a reason, sends interest; the Shanghai
company accepts; both see the introduction."""

import os
import tempfile

import pytest
from playwright.sync_api import expect

from tests.browser.checks import accessibility_problems, open_menu, press, scrolls_sideways
from tests.world import PASSWORD, make_member
from zonebridge.accounts.models import Consent, ConsentPurpose, Role
from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory.models import OrganisationKind
from zonebridge.directory.services import create_organisation
from zonebridge.opportunities.models import InterestExpression, InterestState

TITLE_HANS = "寻找电池管理系统软件合作伙伴"
TITLE_HANT = "尋找電池管理系統軟件合作夥伴"


@pytest.fixture
def marketplace(settings, tmp_path, battery_admin, hk_hub, sectors):
    """A Hong Kong BMS start-up with an admin; both admins consent to cross-border contact sharing."""
    settings.RANK_INDEX_DIR = tmp_path / "rank-index"
    settings.RANK_INDEX_CHECK_SECONDS = 0
    cellsense = create_organisation(
        home_zone=hk_hub, kind=OrganisationKind.STARTUP, slug="cellsense", chinese_source=ChineseScript.TRADITIONAL,
        sectors=[sectors["battery"]],
        texts={"name_en": "CellSense", "name_zh_hant": "電芯智能",
               "summary_en": "Battery management system software for electric vehicles",
               "summary_zh_hant": "為電動車提供電池管理系統軟件"})
    founder = make_member("cell_founder", cellsense, Role.ORG_ADMIN)
    founder.preferred_language = "zh-hant"
    founder.save()
    for user in (battery_admin, founder):
        Consent.objects.create(user=user, purpose=ConsentPurpose.CROSS_BORDER_PROVISION)
    return {"founder": founder}


def sign_in(page, base: str, lang: str, username: str) -> None:
    page.goto(f"{base}/{lang}/accounts/sign-in/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("header")).to_contain_text(username.replace("_", " ").title())


def sign_out(page) -> None:
    open_menu(page)  # on a phone, signing out is in the header's menu
    with page.expect_navigation():
        press(page.locator("header form.inline button[type=submit]"))


def check_page(page, phone: bool) -> None:
    assert accessibility_problems(page) == []
    if phone:
        assert not scrolls_sideways(page), page.url


def screenshot(page, name: str, phone: bool) -> None:
    """Keep a picture of the page for a person to look at (in the temporary directory)."""
    device = "phone" if phone else "desktop"
    page.screenshot(path=os.path.join(tempfile.gettempdir(), f"zonebridge-{name}-{device}.png"), full_page=True)


def journey(page, base: str, phone: bool) -> None:
    # A Shanghai company posts a need, in Simplified Chinese, from the 简体 UI.
    sign_in(page, base, "zh-hans", "battery_admin")
    page.goto(f"{base}/zh-hans/opportunities/")
    check_page(page, phone)
    page.get_by_role("button", name="发布提供或需求").click()
    page.select_option("#id_direction", "need")
    page.select_option("#id_kind", "technology_request")
    page.locator("#id_title").fill(TITLE_HANS)
    page.locator("#id_description").fill("我们在临港建设动力电池工厂，寻找香港的电池管理系统（BMS）软件团队合作。")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(TITLE_HANS)
    check_page(page, phone)
    sign_out(page)

    # A Hong Kong start-up, signed in with the 繁體 UI, sees it recommended with a reason.
    sign_in(page, base, "zh-hant", "cell_founder")
    page.goto(f"{base}/zh-hant/opportunities/recommended/")
    card = page.locator(".opp-card", has_text=TITLE_HANT)
    expect(card).to_be_visible()
    expect(card.locator(".opp-why .tag").first).to_be_visible()
    expect(page.locator("h1")).to_have_text("為你推薦")
    check_page(page, phone)

    # The search finds it from English too, with the reason on the hit; on a phone results come before filters.
    page.goto(f"{base}/zh-hant/opportunities/?q=battery+management+software")
    expect(page.locator(".opp-card").first).to_contain_text(TITLE_HANT)
    # The reason reads in the reader's script: the author wrote 电池, a 繁體 reader sees 電池.
    expect(page.locator(".opp-card").first.locator(".opp-why")).to_contain_text("battery ↔ 電池")
    expect(page.locator(".opp-card").first).to_contain_text("需求")
    if phone:
        assert page.locator("#results").bounding_box()["y"] < page.locator("#filters").bounding_box()["y"]
    check_page(page, phone)
    screenshot(page, "opportunities", phone)

    card = page.locator(".opp-card", has_text=TITLE_HANT).first
    card.get_by_role("link", name=TITLE_HANT).click()
    page.locator("#id_message").fill("我們開發電池管理系統軟件，希望與貴公司合作。")
    page.get_by_role("button", name="發送合作意向").click()
    expect(page.locator("h1")).to_have_text("合作意向")
    expect(page.locator(".opp-state")).to_have_text("已發送")
    sign_out(page)

    # The Shanghai company accepts.
    sign_in(page, base, "zh-hans", "battery_admin")
    page.goto(f"{base}/zh-hans/opportunities/interests/")
    page.get_by_role("link", name=f"电芯智能 → {TITLE_HANS}").click()
    page.get_by_role("button", name="接受").click()
    expect(page.locator(".opp-introduction")).to_contain_text("cell_founder@contact.example")
    check_page(page, phone)
    sign_out(page)

    # The start-up sees the introduction too, with the company's contact.
    sign_in(page, base, "zh-hant", "cell_founder")
    page.goto(f"{base}/zh-hant/opportunities/interests/")
    page.get_by_role("link", name=f"電芯智能 → {TITLE_HANT}").click()
    expect(page.locator(".opp-introduction h2")).to_have_text("引薦")
    expect(page.locator(".opp-introduction")).to_contain_text("battery_admin@contact.example")
    check_page(page, phone)
    screenshot(page, "introduction", phone)
    assert InterestExpression.objects.get().state == InterestState.ACCEPTED


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_need_is_posted_recommended_answered_and_introduced(live_server_database, browser_page, marketplace):
    journey(browser_page, live_server_database.url, phone=False)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_same_journey_on_a_phone(live_server_database, phone_page, marketplace):
    journey(phone_page, live_server_database.url, phone=True)
