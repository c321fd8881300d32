"""The API of a round's lists offers what the pages show: nominations with each university's quota, the review's
ranked results (blind for reviewers), the second round, and every list the pages export; bad input is refused per
field, changing nothing."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from tests.programmes.conftest import advance
from tests.world import make_member
from zonebridge.accounts.models import Role
from zonebridge.accounts.services import issue_api_token
from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory.models import OrganisationKind
from zonebridge.directory.services import create_organisation
from zonebridge.programmes import services
from zonebridge.programmes.models import Application, Offer, Round


@pytest.fixture
def api(client):
    def call(user, method, path, body=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(user, 'test')[1]}"} if user else {}
        return client.generic(method, f"/api/v1/programmes{path}", json.dumps(body) if body is not None else "",
                              content_type="application/json", **headers)
    return call


def locs(answer) -> list:
    return [problem["loc"][-1] for problem in answer.json()["detail"]]


@pytest.fixture
def other_university(lingang):
    return create_organisation(home_zone=lingang, kind=OrganisationKind.UNIVERSITY, slug="lingang-u",
                               chinese_source=ChineseScript.SIMPLIFIED,
                               texts={"name_en": "Lingang University", "name_zh_hans": "临港大学"})


@pytest.fixture
def nominated(open_round, coordinator, hk_university, other_university, operator_hk):
    """Harbour University nominated one student (quota 3); Lingang University one (the round's default, 2)."""
    services.set_quota(open_round, hk_university, 3, acting_user=operator_hk)
    ours = services.nominate(open_round, make_member("nominee", hk_university, Role.STUDENT),
                             university=hk_university, acting_user=coordinator, recommendation="Top of her class")
    other_coordinator = make_member("lingang_coordinator", other_university, Role.UNIVERSITY_COORDINATOR)
    theirs = services.nominate(open_round, make_member("lingang_student", other_university, Role.STUDENT),
                               university=other_university, acting_user=other_coordinator)
    return {"ours": ours, "theirs": theirs, "other_coordinator": other_coordinator}


def test_the_operator_lists_every_universitys_nominations_with_quota_used_and_left(api, operator_hk, nominated,
                                                                                 open_round):
    answer = api(operator_hk, "GET", f"/rounds/{open_round.pk}/nominations")
    assert answer.status_code == 200
    body = answer.json()
    assert [(q["university"], q["quota"], q["used"], q["left"]) for q in body["quotas"]] == [
        ("harbour-u", 3, 1, 2), ("lingang-u", 2, 1, 1)]
    assert {n["student"] for n in body["nominations"]} == {"nominee", "lingang_student"}
    ours = next(n for n in body["nominations"] if n["student"] == "nominee")
    assert ours["recommendation"] == "Top of her class" and ours["nominated_by"] == "coordinator"
    assert ours["state"] == "active" and ours["application"] == nominated["ours"].application_id


def test_a_coordinator_lists_only_their_universitys_nominations(api, coordinator, nominated, open_round):
    body = api(coordinator, "GET", f"/rounds/{open_round.pk}/nominations").json()
    assert [(q["university"], q["used"], q["left"]) for q in body["quotas"]] == [("harbour-u", 1, 2)]
    assert [n["student"] for n in body["nominations"]] == ["nominee"]
    services.withdraw_nomination(nominated["ours"], acting_user=coordinator)
    body = api(coordinator, "GET", f"/rounds/{open_round.pk}/nominations").json()
    assert body["quotas"][0]["left"] == 3 and body["nominations"][0]["state"] == "withdrawn"


def test_nominations_are_refused_to_others_and_drafts_hidden(api, student, org_admin, coordinator, operator_hk,
                                                             nominated, open_round, round_, programme):
    assert api(student, "GET", f"/rounds/{open_round.pk}/nominations").status_code == 403
    assert api(org_admin, "GET", f"/rounds/{open_round.pk}/nominations").status_code == 403
    assert api(None, "GET", f"/rounds/{open_round.pk}/nominations").status_code == 401
    assert api(coordinator, "GET", "/rounds/999999/nominations").status_code == 404
    from datetime import timedelta

    from django.utils import timezone

    draft = services.create_round(programme, acting_user=operator_hk,
                                  applications_close_at=timezone.now() + timedelta(days=1),
                                  offer_deadline=timezone.now() + timedelta(days=2))
    assert api(coordinator, "GET", f"/rounds/{draft.pk}/nominations").status_code == 404
    assert api(operator_hk, "GET", f"/rounds/{draft.pk}/nominations").json() == {"quotas": [], "nominations": []}


@pytest.fixture
def scored(open_round, application, second_student, outside_reviewer, operator_hk):
    """Two criteria (weights 3 and 1, scored 0–5); the student scored 5/3, the second student 2/5."""
    second = services.apply_to_round(open_round, acting_user=second_student)
    services.invite_reviewer(open_round, outside_reviewer, acting_user=operator_hk)
    motivation = services.add_criterion(open_round, acting_user=operator_hk, texts={"label_en": "Motivation"},
                                        weight=3)
    skills = services.add_criterion(open_round, acting_user=operator_hk, texts={"label_en": "Skills"}, weight=1)
    for target, (m, s) in ((application, (5, 3)), (second, (2, 5))):
        target = Application.objects.select_related("round__programme").get(pk=target.pk)
        services.score_application(target, acting_user=outside_reviewer, scores={motivation.pk: m, skills.pk: s})
    return {"first": application, "second": second, "criteria": (motivation, skills)}


def test_the_operator_reads_the_ranked_results_with_scores_per_criterion(api, operator_hk, scored, open_round,
                                                                        student):
    answer = api(operator_hk, "GET", f"/rounds/{open_round.pk}/results")
    assert answer.status_code == 200
    first, second = answer.json()
    assert (first["rank"], first["application"], first["name"], first["university"]) == (
        1, scored["first"].pk, str(student), "Harbour University")
    assert second["application"] == scored["second"].pk and second["state"] == "submitted"
    assert [(s["label"], s["weight"], s["mean"]) for s in first["scores"]] == [("Motivation", 3, 5.0),
                                                                               ("Skills", 1, 3.0)]
    assert first["total"] == 90.0 and second["total"] == 55.0  # (3·5 + 1·3) / 20 and (3·2 + 1·5) / 20
    assert first["reviews"] == 1 and second["rank"] == 2


def test_a_reviewer_reads_the_results_blind_and_without_their_conflicts(api, scored, open_round, operator_hk,
                                                                        outside_reviewer, reviewer):
    services.set_blind_review(open_round, True, acting_user=operator_hk)
    rows = api(outside_reviewer, "GET", f"/rounds/{open_round.pk}/results").json()
    assert [row["name"] for row in rows] == [f"Applicant #{scored['first'].pk}", f"Applicant #{scored['second'].pk}"]
    assert {row["university"] for row in rows} == {None}
    assert "student" not in json.dumps(rows) and "Harbour" not in json.dumps(rows)
    # A reviewer of the students' own university: every candidate is a conflict, so no row (and no names).
    services.invite_reviewer(open_round, reviewer, acting_user=operator_hk)
    assert api(reviewer, "GET", f"/rounds/{open_round.pk}/results").json() == []
    operator_rows = api(operator_hk, "GET", f"/rounds/{open_round.pk}/results").json()
    assert [row["university"] for row in operator_rows] == ["Harbour University", "Harbour University"]


def test_results_are_refused_to_who_neither_runs_nor_reviews_the_round(api, scored, open_round, student,
                                                                      coordinator, org_admin, operator_lingang):
    for user in (student, coordinator, org_admin, operator_lingang):
        answer = api(user, "GET", f"/rounds/{open_round.pk}/results")
        assert answer.status_code == 403 and answer.json()["detail"][0]["type"] == "forbidden"


@pytest.fixture
def published(open_round, position, application, second_student, student, org_admin, operator_hk):
    """One place: the student got it and declined it; the second student ranked it but the host did not rank them."""
    second = services.apply_to_round(open_round, acting_user=second_student)
    services.set_student_ranking(application, [position.pk], acting_user=student)
    services.set_student_ranking(second, [position.pk], acting_user=second_student)
    services.set_host_ranking(position, [application.pk], acting_user=org_admin)
    round_ = advance(open_round, operator_hk, "start_review", "start_matching")
    services.run_placement(round_, acting_user=operator_hk)
    services.decline_offer(Offer.objects.get(application=application), acting_user=student)
    return Round.objects.get(pk=round_.pk)


DATES = {"applications_close_at": "2030-01-01T00:00:00Z", "offer_deadline": "2030-02-01T00:00:00Z"}


def test_the_operator_opens_the_second_round_with_the_free_places(api, published, operator_hk, second_student):
    answer = api(operator_hk, "POST", f"/rounds/{published.pk}/second-round", DATES)
    assert answer.status_code == 201
    body = answer.json()
    assert body["state"] == "draft" and body["previous"] == published.pk and body["number"] == 2
    assert body["places"] == 1 and body["candidates"] == 1  # the declined place; the second student carried
    new = Round.objects.get(pk=body["id"])
    assert list(new.applications.values_list("student__username", flat=True)) == ["student2"]
    again = api(operator_hk, "POST", f"/rounds/{published.pk}/second-round", DATES)
    assert again.status_code == 409 and Round.objects.count() == 2


def test_a_bad_second_round_is_refused_per_field_and_changes_nothing(api, published, open_round, operator_hk,
                                                                    operator_lingang, coordinator):
    path = f"/rounds/{published.pk}/second-round"
    assert locs(api(operator_hk, "POST", path, {**DATES, "offer_deadline": "2029-01-01T00:00:00Z"})) == [
        "offer_deadline"]
    assert locs(api(operator_hk, "POST", path, {**DATES, "applications_close_at": "soon"})) == [
        "applications_close_at"]
    assert "offer_deadline" in locs(api(operator_hk, "POST", path, {"applications_close_at": "2030-01-01T00:00Z"}))
    assert api(operator_lingang, "POST", path, DATES).status_code == 403
    assert api(coordinator, "POST", path, DATES).status_code == 403
    assert Round.objects.count() == 1


def test_a_second_round_follows_only_a_published_round(api, open_round, operator_hk):
    answer = api(operator_hk, "POST", f"/rounds/{open_round.pk}/second-round", DATES)
    assert answer.status_code == 409 and "published" in answer.json()["detail"][0]["msg"]
    assert Round.objects.count() == 1


def test_every_list_the_pages_export_downloads_through_the_api(api, published, operator_hk, student):
    answer = api(operator_hk, "GET", f"/rounds/{published.pk}/exports/offers.csv")
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    assert answer["Content-Disposition"] == 'attachment; filename="harbour-summer-round-1-offers.csv"'
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0][0] == "student" and rows[1][0] == str(student) and len(rows) == 2
    for list_name in ("applications", "nominations", "offers", "participants"):
        for fmt in ("csv", "xlsx"):
            answer = api(operator_hk, "GET", f"/rounds/{published.pk}/exports/{list_name}.{fmt}")
            assert answer.status_code == 200, (list_name, fmt)
    workbook = load_workbook(io.BytesIO(api(operator_hk, "GET",
                                            f"/rounds/{published.pk}/exports/applications.xlsx").content))
    assert [cell.value for cell in next(workbook.active.iter_rows())][:2] == ["rank", "student"]


def test_exports_are_refused_as_on_the_pages(api, published, operator_lingang, coordinator, org_admin,
                                             operator_hk):
    for user in (operator_lingang, coordinator, org_admin):
        assert api(user, "GET", f"/rounds/{published.pk}/exports/offers.csv").status_code == 403
    assert api(None, "GET", f"/rounds/{published.pk}/exports/offers.csv").status_code == 401
    assert locs(api(operator_hk, "GET", f"/rounds/{published.pk}/exports/secrets.csv")) == ["list_name"]
    assert locs(api(operator_hk, "GET", f"/rounds/{published.pk}/exports/offers.pdf")) == ["fmt"]
