"""Calls for pilots: publishing, applying, shortlist → pitch → select → pilot → outcome with a report, the
guards of each step, and the cross-lingual search."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.world import make_member, pdf_bytes
from zonebridge.accounts.models import Role
from zonebridge.core.audit import entries_about
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.files import may_read
from zonebridge.core.models import Notification
from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory.models import OrganisationKind
from zonebridge.directory.services import create_organisation
from zonebridge.landing import queries
from zonebridge.landing.models import ApplicationState
from zonebridge.landing.services import scenarios


@pytest.fixture
def deadline():
    return timezone.localdate() + timedelta(days=30)


@pytest.fixture
def port_call(battery_maker, battery_admin, deadline):
    return scenarios.publish_call(
        battery_maker, acting_user=battery_admin, deadline=deadline, chinese_source=ChineseScript.SIMPLIFIED,
        texts={"title_en": "Smart battery inspection at our Lingang plant", "title_zh_hans": "临港工厂电池智能巡检",
               "problem_zh_hans": "电池生产线需要自动化视觉检测。", "site_en": "Lingang plant, line 3",
               "resources_en": "Two weeks of line camera footage", "support_en": "Engineers and a test line"})


@pytest.fixture
def application(port_call, org_admin, fintech_startup):
    return scenarios.apply_to_call(port_call, acting_user=org_admin, applicant=fintech_startup,
                                   proposal="Our vision model spots weld defects.")


def report():
    return SimpleUploadedFile("pilot report.pdf", pdf_bytes("report"), content_type="application/pdf")


def test_an_admin_publishes_a_call_with_converted_chinese(port_call):
    assert port_call.title_zh_hant == "臨港工廠電池智能巡檢"
    assert entries_about(port_call).filter(action="landing.scenariocall.publish").exists()


def test_a_member_who_is_not_an_admin_may_not_publish(battery_maker, deadline):
    member = make_member("plain_member", battery_maker, Role.ORG_MEMBER)
    with pytest.raises(NotAllowed):
        scenarios.publish_call(battery_maker, acting_user=member, deadline=deadline, chinese_source="zh_hans",
                               texts={"title_en": "x"})


def test_a_deadline_in_the_past_is_refused(battery_maker, battery_admin):
    with pytest.raises(DomainError) as refused:
        scenarios.publish_call(battery_maker, acting_user=battery_admin, deadline=date(2000, 1, 1),
                               chinese_source="zh_hans", texts={"title_en": "x"})
    assert refused.value.field == "deadline"


def test_a_start_up_applies_once_and_the_owner_is_told(application, port_call, org_admin, fintech_startup,
                                                        battery_admin):
    assert application.state == ApplicationState.SUBMITTED
    assert Notification.objects.filter(recipient=battery_admin, kind="landing.scenario_application").exists()
    with pytest.raises(Conflict):
        scenarios.apply_to_call(port_call, acting_user=org_admin, applicant=fintech_startup, proposal="again")


def test_the_owner_and_students_may_not_apply(port_call, battery_admin, battery_maker, student, hk_university):
    with pytest.raises(NotAllowed):
        scenarios.apply_to_call(port_call, acting_user=battery_admin, applicant=battery_maker, proposal="x")
    with pytest.raises(NotAllowed):
        scenarios.apply_to_call(port_call, acting_user=student, applicant=hk_university, proposal="x")


def test_applying_after_the_deadline_is_refused(port_call, org_admin, fintech_startup):
    with pytest.raises(Conflict):
        scenarios.apply_to_call(port_call, acting_user=org_admin, applicant=fintech_startup, proposal="late",
                                today=port_call.deadline + timedelta(days=1))


def test_the_owner_takes_an_application_to_a_finished_pilot(application, battery_admin, org_admin):
    application = scenarios.decide(application, "shortlist", acting_user=battery_admin)
    application = scenarios.decide(application, "pitch", acting_user=battery_admin, pitched_on=date(2026, 5, 4),
                                   pitch_notes="Convincing demo")
    application = scenarios.decide(application, "select", acting_user=battery_admin)
    application = scenarios.decide(application, "start_pilot", acting_user=battery_admin,
                                   pilot_start=date(2026, 6, 1), pilot_end=date(2026, 8, 31))
    application = scenarios.decide(application, "complete", acting_user=battery_admin, outcome="adopted",
                                   outcome_notes="Defect escapes down 40%", report=report())
    assert application.state == ApplicationState.COMPLETED and application.outcome == "adopted"
    assert may_read(org_admin, application.report) and may_read(battery_admin, application.report)
    assert Notification.objects.filter(recipient=org_admin, kind="landing.scenario_update").count() == 5
    assert entries_about(application).filter(action="landing.scenarioapplication.complete").exists()


def test_each_step_asks_for_what_it_records(application, battery_admin):
    application = scenarios.decide(application, "shortlist", acting_user=battery_admin)
    with pytest.raises(DomainError) as refused:
        scenarios.decide(application, "pitch", acting_user=battery_admin)
    assert refused.value.field == "pitched_on"
    with pytest.raises(Conflict):
        scenarios.decide(application, "select", acting_user=battery_admin)
    application = scenarios.decide(application, "pitch", acting_user=battery_admin, pitched_on=date(2026, 5, 4))
    application = scenarios.decide(application, "select", acting_user=battery_admin)
    with pytest.raises(DomainError) as refused:
        scenarios.decide(application, "start_pilot", acting_user=battery_admin, pilot_start=date(2026, 6, 1),
                         pilot_end=date(2026, 5, 1))
    assert refused.value.field == "pilot_end"
    application = scenarios.decide(application, "start_pilot", acting_user=battery_admin,
                                   pilot_start=date(2026, 6, 1), pilot_end=date(2026, 6, 30))
    with pytest.raises(DomainError) as refused:
        scenarios.decide(application, "complete", acting_user=battery_admin, outcome="adopted")
    assert refused.value.field == "report"


def test_the_applicant_may_not_decide_and_a_rejected_application_stays_rejected(application, org_admin,
                                                                                 battery_admin):
    with pytest.raises(NotAllowed):
        scenarios.decide(application, "shortlist", acting_user=org_admin)
    application = scenarios.decide(application, "reject", acting_user=battery_admin)
    with pytest.raises(Conflict):
        scenarios.decide(application, "shortlist", acting_user=battery_admin)


def test_a_traditional_chinese_query_finds_a_call_written_in_simplified(port_call, lingang, battery_admin,
                                                                        deadline):
    other = create_organisation(home_zone=lingang, kind=OrganisationKind.COMPANY, slug="port",
                                chinese_source="zh_hans", texts={"name_en": "Port"})
    make_member("port_admin", other, Role.ORG_ADMIN)
    scenarios.publish_call(other, acting_user=battery_admin.__class__.objects.get(username="port_admin"),
                           deadline=deadline, chinese_source="zh_hans",
                           texts={"title_en": "Crane scheduling", "title_zh_hans": "港口起重机调度"})
    assert list(queries.search_calls("電池巡檢")) == [port_call]
    assert list(queries.search_calls("inspection")) == [port_call]
    assert [call.title_en for call in queries.search_calls("起重機")] == ["Crane scheduling"]
    assert len(queries.search_calls("")) == 2
    assert not queries.search_calls("submarine").exists()


def test_the_owner_closes_a_call_and_nobody_applies_any_more(port_call, battery_admin, org_admin, fintech_startup,
                                                             client):
    client.force_login(org_admin)
    assert client.post(f"/en/landing/scenarios/{port_call.pk}/close/").status_code == 403
    client.force_login(battery_admin)
    assert client.post(f"/en/landing/scenarios/{port_call.pk}/close/").status_code == 302
    port_call.refresh_from_db()
    with pytest.raises(NotAllowed):
        scenarios.apply_to_call(port_call, acting_user=org_admin, applicant=fintech_startup, proposal="late")
    assert port_call not in queries.search_calls("")
