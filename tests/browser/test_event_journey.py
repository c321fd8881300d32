"""A matchmaking day in a real browser, on a desktop and on a phone: a participant registers and requests a
meeting, the host accepts, the operator schedules with the progress bar and publishes, both see their agenda,
and the participant downloads the .ics (parsed back)."""

import icalendar
import pytest
from playwright.sync_api import expect

from tests.browser.checks import accessibility_problems, open_menu, press, scrolls_sideways
from tests.events.conftest import event_fields, join
from tests.world import PASSWORD
from zonebridge.events.models import Category
from zonebridge.events.services import setup


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/en/accounts/sign-in/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    press(page.locator("main form button[type=submit]"))
    open_menu(page)  # on a phone, the account's controls are in the header's menu
    expect(page.get_by_role("button", name="Sign out")).to_be_attached()


def sign_out(page) -> None:
    open_menu(page)
    with page.expect_navigation():
        press(page.get_by_role("button", name="Sign out"))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("device", ["browser_page", "phone_page"])
def test_register_request_accept_schedule_agenda_ics(request, device, live_server_database, org_admin,
                                                     battery_admin, battery_maker, operator_hk, hk_hub):
    page = request.getfixturevalue(device)
    phone = device == "phone_page"
    base = live_server_database.url
    event = setup.create_event(acting_user=operator_hk, zone=hk_hub, slug="harbour-day",
                               texts={"title_en": "Harbour matchmaking day", "title_zh_hant": "海港配對日",
                                      "venue_en": "Harbour Hall"},
                               fields=event_fields(requires_approval=False))
    setup.open_event(event, acting_user=operator_hk)
    join(event, battery_admin, battery_maker, Category.HOST, offers_en="Battery packs for electric vehicles")
    problems, sideways = [], []

    def check_page():
        problems.extend(accessibility_problems(page))
        if phone and scrolls_sideways(page):
            sideways.append(page.url)

    # A participant registers...
    sign_in(page, base, "org_admin")
    page.goto(f"{base}/en/events/")
    check_page()
    page.get_by_role("link", name="Harbour matchmaking day").click()
    page.get_by_role("button", name="Register").click()
    page.locator("#id_category").select_option("visitor")
    page.locator("#id_needs_en").fill("battery supplier")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("You are registered.")
    check_page()

    # ...finds the host and requests a meeting with a note.
    page.get_by_role("button", name="Find people to meet").click()
    expect(page.locator(".ev-participants")).to_contain_text("Battery packs for electric vehicles")
    check_page()
    page.get_by_role("button", name="Request a meeting with Battery Admin").first.click()
    page.locator("#id_note").fill("Can we talk about battery packs?")
    page.get_by_role("button", name="Send request").click()
    expect(page.locator("#sent")).to_contain_text("Battery Admin")
    sign_out(page)

    # The host accepts.
    sign_in(page, base, "battery_admin")
    page.goto(f"{base}/en/events/harbour-day/requests/")
    expect(page.locator("#received")).to_contain_text("Can we talk about battery packs?")
    check_page()
    page.get_by_role("button", name="Accept").click()
    expect(page.locator(".messages")).to_contain_text("You accepted the meeting.")
    sign_out(page)

    # The operator schedules all (a job with a progress bar), sees the result and publishes.
    sign_in(page, base, "operator_hk")
    page.goto(f"{base}/en/events/harbour-day/schedule/")
    page.get_by_role("button", name="Schedule all").click()
    expect(page.locator("#job-progress progress")).to_have_attribute("value", "100")
    expect(page.locator("#job-progress")).to_contain_text("1 of 1 meetings scheduled")
    check_page()
    page.get_by_role("button", name="See the result").click()
    expect(page.locator("#ev-run-result")).to_contain_text("proven to be the best possible")
    check_page()
    page.get_by_role("button", name="Publish the schedule").click()
    expect(page.locator(".messages")).to_contain_text("1 meetings confirmed")
    sign_out(page)

    # Both see the meeting on their agenda; the participant downloads the .ics.
    sign_in(page, base, "battery_admin")
    page.goto(f"{base}/en/events/harbour-day/agenda/")
    expect(page.locator("#agenda")).to_contain_text("Org Admin")
    page.goto(f"{base}/zh-hant/events/harbour-day/agenda/")
    expect(page.locator("h1")).to_contain_text("我的議程")
    expect(page.locator("h1")).to_contain_text("海港配對日")
    check_page()
    page.goto(f"{base}/en/events/harbour-day/agenda/")
    sign_out(page)
    sign_in(page, base, "org_admin")
    page.goto(f"{base}/zh-hans/events/harbour-day/agenda/")
    expect(page.locator("h1")).to_contain_text("我的日程")
    page.goto(f"{base}/en/events/harbour-day/agenda/")
    expect(page.locator("#agenda")).to_contain_text("Battery Admin")
    check_page()
    with page.expect_download() as download:
        page.locator("#download-ics").click()
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    (entry,) = calendar.walk("VEVENT")
    assert entry["DTSTART"].params["TZID"] == "Asia/Hong_Kong"
    assert "Battery Admin" in str(entry["SUMMARY"])
    assert problems == []
    assert sideways == []
