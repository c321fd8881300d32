"""The pages of programmes by role: forms keep what was typed, refusals say what and where, three languages."""

import pytest

from tests.programmes.conftest import advance, post
from zonebridge.core.models import Job
from zonebridge.programmes import queries, services
from zonebridge.programmes.models import Nomination, Offer, PlacementRun, Position


@pytest.fixture
def signed_in(client):
    def as_user(user):
        client.force_login(user)
        return client
    return as_user


def test_the_programme_pages_show_in_three_languages(client, open_round, position):
    for language, title in (("en", "Harbour Summer Internships"), ("zh-hant", "海港暑期實習計劃"),
                            ("zh-hans", "海港暑期实习计划")):
        page = client.get(f"/{language}/programmes/harbour-summer/")
        assert page.status_code == 200 and title in page.content.decode()
        round_page = client.get(f"/{language}/programmes/rounds/{open_round.pk}/")
        assert "Payments engineer intern" in round_page.content.decode()


def test_a_draft_round_is_hidden_but_from_its_operators(client, round_, operator_hk, student, signed_in):
    assert client.get(f"/en/programmes/rounds/{round_.pk}/").status_code == 404
    assert signed_in(student).get(f"/en/programmes/rounds/{round_.pk}/").status_code == 404
    assert signed_in(operator_hk).get(f"/en/programmes/rounds/{round_.pk}/").status_code == 200


def test_an_operator_creates_a_programme_and_a_mistake_keeps_the_input(signed_in, operator_hk, lingang, hk_hub):
    client = signed_in(operator_hk)
    page = client.post("/en/programmes/new/", {"slug": "p1", "home_zone": lingang.pk, "host_zone": hk_hub.pk,
                                               "starts_on": "2027-06-01", "ends_on": "2027-05-01",
                                               "chinese_source": "zh_hans", "title_en": "Kept title",
                                               "title_zh_hans": "保留的标题"})
    body = page.content.decode()
    assert page.status_code == 200 and "cannot end before it starts" in body and "保留的标题" in body
    page = client.post("/en/programmes/new/", {"slug": "p1", "home_zone": lingang.pk, "host_zone": hk_hub.pk,
                                               "starts_on": "2027-06-01", "ends_on": "2027-08-01",
                                               "chinese_source": "zh_hans", "title_en": "Kept title",
                                               "title_zh_hans": "保留的标题"})
    assert page.status_code == 302 and page["Location"] == "/en/programmes/p1/"


def test_a_coordinator_over_quota_sees_why_on_the_form(signed_in, open_round, coordinator, student, second_student,
                                                       operator_hk, hk_university):
    services.set_quota(open_round, hk_university, 1, acting_user=operator_hk)
    client = signed_in(coordinator)
    url = f"/zh-hant/programmes/rounds/{open_round.pk}/nominations/"
    assert client.post(url, {"student": student.pk, "recommendation": "Excellent"}).status_code == 302
    page = client.post(url, {"student": second_student.pk, "recommendation": "Also excellent"})
    body = page.content.decode()
    assert page.status_code == 200 and "Also excellent" in body
    assert Nomination.objects.count() == 1
    nomination = Nomination.objects.get()
    client.post(f"/en/programmes/nominations/{nomination.pk}/withdraw/")
    assert Nomination.objects.get().state == "withdrawn"


def test_a_student_ranks_with_buttons(signed_in, application, position, open_round, org_admin, fintech_startup,
                                      student):
    second = post(open_round, org_admin, fintech_startup, "Risk analyst intern")
    client = signed_in(student)
    url = f"/en/programmes/rounds/{open_round.pk}/ranking/"
    client.post(url, {"move": f"add:{position.pk}"})
    client.post(url, {"position": [position.pk], "move": f"add:{second.pk}"})
    client.post(url, {"position": [position.pk, second.pk], "move": f"up:{second.pk}"})
    assert queries.student_ranking(application) == [second, position]
    page = client.get(url)
    assert page.status_code == 200 and 'data-rank-list' in page.content.decode()


def test_a_rank_list_with_a_position_not_open_to_the_student_is_refused_with_a_message(
        signed_in, application, position, open_round, org_admin, fintech_startup, battery_maker, student):
    closed = post(open_round, org_admin, fintech_startup, "Closed one", universities=[battery_maker])
    client = signed_in(student)
    page = client.post(f"/en/programmes/rounds/{open_round.pk}/ranking/", {"position": [closed.pk], "save": "1"},
                       follow=True)
    assert "Choice 1 (Closed one) is not open to you" in page.content.decode()
    assert queries.student_ranking(application) == []


def test_the_operator_previews_runs_and_the_student_accepts(signed_in, application, position, open_round, student,
                                                            org_admin, operator_hk,
                                                            django_capture_on_commit_callbacks):
    services.set_student_ranking(application, [position.pk], acting_user=student)
    services.set_host_ranking(position, [application.pk], acting_user=org_admin)
    client = signed_in(operator_hk)
    match_url = f"/en/programmes/rounds/{open_round.pk}/match/"
    page = client.post(match_url, follow=True)
    assert "is still Open for applications" in page.content.decode()
    advance(open_round, operator_hk, "start_review", "start_matching")
    assert "1 of 1 candidates placed" in client.get(match_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(match_url)
    job = Job.objects.get(kind=services.PLACEMENT_JOB)
    assert started["Location"] == f"/en/jobs/{job.pk}/"
    run = PlacementRun.objects.get()
    assert "1 of 1 candidates placed" in client.get(f"/en/programmes/runs/{run.pk}/").content.decode()
    client = signed_in(student)
    offer = Offer.objects.get()
    client.post(f"/zh-hans/programmes/offers/{offer.pk}/", {"action": "accept"})
    assert Offer.objects.get().state == "accepted"
    assert "<strong>Accepted</strong>" in client.get(f"/en/programmes/offers/{offer.pk}/").content.decode()


def test_exports_open_in_excel(signed_in, application, operator_hk, open_round):
    client = signed_in(operator_hk)
    csv = client.get(f"/en/programmes/rounds/{open_round.pk}/export/applications.csv")
    assert csv.content.startswith("\ufeff".encode()) and "Harbour University" in csv.content.decode()
    xlsx = client.get(f"/en/programmes/rounds/{open_round.pk}/export/applications.xlsx")
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(xlsx.content)).active
    assert [cell.value for cell in sheet[2]][1:4] == ["Student", "student", "Harbour University"]
    assert client.get(f"/en/programmes/rounds/{open_round.pk}/export/secrets.csv").status_code == 404


def test_a_host_posts_a_position_and_ranks(signed_in, open_round, org_admin, fintech_startup, application):
    client = signed_in(org_admin)
    page = client.post(f"/en/programmes/rounds/{open_round.pk}/positions/new/", {
        "host": fintech_startup.pk, "kind": "internship", "capacity": 2, "work_mode": "remote",
        "chinese_source": "zh_hant", "title_en": "Remote analyst", "title_zh_hant": "遙距分析員實習"})
    position = Position.objects.get(title_en="Remote analyst")
    assert page["Location"] == f"/en/programmes/positions/{position.pk}/"
    assert position.title_zh_hans == "遥距分析员实习"
    client.post(f"/en/programmes/positions/{position.pk}/ranking/", {"move": f"add:{application.pk}"})
    assert queries.host_ranking(position) == [application]


def test_the_cv_shows_to_a_host_across_the_border_only_with_consent(signed_in, open_round, position, org_admin,
                                                                    lingang, cv_upload):
    from tests.world import make_member
    from zonebridge.accounts.models import Role
    from zonebridge.accounts.services import grant_consent, update_account_settings
    from zonebridge.directory.services import create_organisation

    shanghai_u = create_organisation(home_zone=lingang, kind="university", slug="lingang-u", chinese_source="zh_hans",
                                     texts={"name_en": "Lingang University"})
    shanghai_student = make_member("sh_student", shanghai_u, Role.STUDENT)
    update_account_settings(shanghai_student, acting_user=shanghai_student, account={}, profile={}, cv=cv_upload)
    application = services.apply_to_round(open_round, acting_user=shanghai_student)
    # TidePay's admin (Hong Kong) hosts a position in the round and sees the Shanghai student's application...
    client = signed_in(org_admin)
    url = f"/en/programmes/applications/{application.pk}/"
    assert client.get(url).status_code == 200
    # ... but not the CV until the student consents to cross-border provision.
    assert "my cv.pdf" not in client.get(url).content.decode()
    grant_consent(shanghai_student)
    assert "my cv.pdf" in client.get(url).content.decode()


def test_a_programme_address_that_a_page_uses_is_refused(operator_hk, lingang, hk_hub):
    from datetime import date

    from zonebridge.core.errors import DomainError

    with pytest.raises(DomainError) as error:
        services.create_programme(acting_user=operator_hk, texts={"title_en": "Mine"}, fields={
            "slug": "my", "home_zone": lingang, "host_zone": hk_hub, "starts_on": date(2027, 1, 1),
            "ends_on": date(2027, 2, 1)})
    assert error.value.field == "slug"


def test_a_candidate_sees_only_the_positions_open_to_them(signed_in, application, position, open_round, org_admin,
                                                          fintech_startup, battery_maker, student, client):
    post(open_round, org_admin, fintech_startup, "Only for Lingang students", universities=[battery_maker])
    assert "Only for Lingang students" not in signed_in(student).get(
        f"/en/programmes/rounds/{open_round.pk}/").content.decode()
    assert "Only for Lingang students" in signed_in(org_admin).get(
        f"/en/programmes/rounds/{open_round.pk}/").content.decode()
