"""Posting, editing, withdrawing: who may, what is stored, and what leaves the listings by itself."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.opportunities.conftest import post
from zonebridge.core.errors import InvalidFields, NotAllowed
from zonebridge.opportunities import queries, services
from zonebridge.opportunities.models import Kind, Language, Visibility


def test_language_is_detected_and_the_other_script_converted(battery_need):
    assert battery_need.language == Language.ZH_HANS
    assert battery_need.title_zh_hant == "尋找電池管理系統軟件合作夥伴"  # Hong Kong writes 夥伴
    assert battery_need.title_en == ""


def test_traditional_and_english_are_detected():
    assert services.detect_language("尋找上海新能源汽車電池供應商") == Language.ZH_HANT
    assert services.detect_language("Seeking seed investors") == Language.EN
    assert services.detect_language("寻找上海新能源汽车电池供应商") == Language.ZH_HANS


def test_members_and_zone_operators_post_but_others_may_not(battery_maker, battery_admin, operator_lingang,
                                                            org_admin, operator_hk, student):
    post(battery_maker, operator_lingang, title="Pilot sites", description="Test lines for start-ups")
    for outsider in (org_admin, operator_hk, student):
        with pytest.raises(NotAllowed):
            post(battery_maker, outsider, title="Not mine", description="Not mine")


def test_a_title_and_description_are_required(battery_maker, battery_admin):
    with pytest.raises(InvalidFields) as error:
        services.create_opportunity(acting_user=battery_admin, organisation=battery_maker, kind=Kind.JOB,
                                    texts={"title_en": "", "description_en": ""}, language="en")
    assert set(error.value.problems) == {"title_en", "description_en"}


def test_the_last_day_may_not_come_before_the_first(battery_maker, battery_admin):
    today = timezone.localdate()
    with pytest.raises(InvalidFields) as error:
        post(battery_maker, battery_admin, title="Job", description="Engineer", valid_from=today,
             valid_until=today - timedelta(days=1))
    assert "valid_until" in error.value.problems


def test_expired_and_withdrawn_postings_leave_the_listings_by_themselves(battery_maker, battery_admin):
    today = timezone.localdate()
    live = post(battery_maker, battery_admin, title="Open", description="Still open", valid_until=today)
    expired = post(battery_maker, battery_admin, title="Expired", description="Over",
                   valid_from=today - timedelta(days=30), valid_until=today - timedelta(days=1))
    future = post(battery_maker, battery_admin, title="Later", description="Not yet",
                  valid_from=today + timedelta(days=3))
    withdrawn = post(battery_maker, battery_admin, title="Gone", description="Withdrawn")
    services.withdraw_opportunity(withdrawn, acting_user=battery_admin)
    listed = {r.opportunity.pk for r in queries.search(None)[:50]}
    assert listed == {live.pk}
    assert not expired.is_open() and not future.is_open()


def test_edit_keeps_a_hand_written_traditional_text(battery_need, battery_admin):
    updated = services.update_opportunity(battery_need, acting_user=battery_admin,
                                          texts={"title_zh_hant": "徵求電池管理系統夥伴"}, fields={})
    assert updated.title_zh_hant == "徵求電池管理系統夥伴"
    assert "title_zh_hant" in updated.hand_written_fields
    updated = services.update_opportunity(updated, acting_user=battery_admin,
                                          texts={"description_zh_hans": "寻找电池软件团队"}, fields={})
    assert updated.title_zh_hant == "徵求電池管理系統夥伴"
    assert updated.description_zh_hant == "尋找電池軟件團隊"


def test_an_edit_of_a_targeted_posting_is_audited(battery_maker, battery_admin, hk_hub, lingang):
    from zonebridge.core.audit import entries_about

    posting = post(battery_maker, battery_admin, title="Distributor", description="In Hong Kong", target_zone=hk_hub)
    services.update_opportunity(posting, acting_user=battery_admin, texts={}, fields={"target_zone": lingang})
    entry = entries_about(posting).filter(action="opportunities.opportunity.update").get()
    assert (entry.before["target_zone_id"], entry.after["target_zone_id"]) == (hk_hub.pk, lingang.pk)


def test_others_may_not_edit_or_withdraw(battery_need, org_admin):
    with pytest.raises(NotAllowed):
        services.update_opportunity(battery_need, acting_user=org_admin, texts={}, fields={})
    with pytest.raises(NotAllowed):
        services.withdraw_opportunity(battery_need, acting_user=org_admin)


@pytest.mark.parametrize("viewer, sees", [
    ("anonymous", {"public"}),
    ("student", {"public", "signed_in", "partner"}),  # a Hong Kong user: Lingang's partner-zone posting
    ("battery_admin", {"public", "signed_in", "partner"}),  # its own organisation's postings
    ("operator_lingang", {"public", "signed_in", "partner"}),
    ("operator_hk", {"public", "signed_in", "partner"}),
    ("other_lingang_user", {"public", "signed_in"}),  # same zone: not the partner zone
])
def test_visibility_per_role_and_zone(request, viewer, sees, battery_maker, battery_admin, lingang):
    from tests.world import make_user

    postings = {
        "public": post(battery_maker, battery_admin, title="Public", description="For all"),
        "signed_in": post(battery_maker, battery_admin, title="Members", description="Signed in",
                          visibility=Visibility.SIGNED_IN),
        "partner": post(battery_maker, battery_admin, title="Partner", description="Hong Kong only",
                        visibility=Visibility.PARTNER_ZONE),
    }
    if viewer == "anonymous":
        user = None
    elif viewer == "other_lingang_user":
        user = make_user("other_lingang_user", lingang)
    else:
        user = request.getfixturevalue(viewer)
    listed = {r.opportunity.pk for r in queries.search(user)[:50]}
    assert listed == {postings[name].pk for name in sees}
