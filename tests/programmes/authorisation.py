"""Authorisation rules of programmes (collected by tests/test_authorisation_matrix.py).

The world: a Lingang → Hong Kong programme run by the Hong Kong hub's operators; an open round with a position at
TidePay, the student's application (ranked both ways), a nomination by the coordinator and the reviewer invited
(a conflict: same university as the student); a draft round; a published round whose match offered the student
a place, which they accepted, with the mentor assigned.
"""

from datetime import date, timedelta

from django.utils import timezone

from tests.authorisation import FORBIDDEN, LOGIN, NOT_FOUND, UNAUTHENTICATED, Rule, everyone, only, signed_in

MANAGERS = ("zone_operator", "superuser")
OPERATORS = ("zone_operator", "other_zone_operator", "superuser")
PROGRAMME = {"slug": "matrix-programme"}
ROUND = "<lang>/programmes/rounds/<int:round_id>/"
OFFER_VIEWERS = ("student", "org_admin", *MANAGERS)


def _offer_answer() -> dict[str, str]:
    """Only the student answers; those who may see the offer but not answer get 403, the rest 404."""
    expected = only("student", others=NOT_FOUND)
    expected.update(dict.fromkeys(("org_admin", *MANAGERS), FORBIDDEN))
    return expected


PAGES = [
    Rule("<lang>/programmes/", everyone()),
    Rule("<lang>/programmes/new/", only(*OPERATORS)),
    Rule("<lang>/programmes/my/", signed_in()),
    Rule("<lang>/programmes/<slug:slug>/", everyone(), params=PROGRAMME),
    Rule("<lang>/programmes/<slug:slug>/", everyone(NOT_FOUND), params={"slug": "no-such-programme"}),
    Rule("<lang>/programmes/<slug:slug>/rounds/new/", only(*MANAGERS), params=PROGRAMME),
    Rule("<lang>/programmes/<slug:slug>/cohort/", only("mentor", *MANAGERS), params=PROGRAMME),
    Rule(ROUND, everyone()),
    Rule(ROUND + "transition/", only(*MANAGERS), method="POST", data={"action": "start_review"}),
    Rule(ROUND + "apply/", only("student")),
    Rule(ROUND + "nominations/", only("coordinator")),
    Rule(ROUND + "ranking/", only("student")),
    Rule(ROUND + "positions/new/", only("org_admin", *MANAGERS)),
    Rule(ROUND + "settings/", only(*MANAGERS)),
    Rule(ROUND + "review/", only("reviewer", *MANAGERS)),
    Rule(ROUND + "results/", only(*MANAGERS)),
    Rule(ROUND + "match/", only(*MANAGERS)),
    Rule(ROUND + "second-round/", only(*MANAGERS), method="POST"),
    Rule(ROUND + "free-places/", only(*MANAGERS)),
    Rule(ROUND + "export/<slug:list_name>.<slug:fmt>", only(*MANAGERS)),
    Rule(ROUND + "export/<slug:list_name>.<slug:fmt>", only(*MANAGERS), params={"list_name": "offers", "fmt": "xlsx"}),
    Rule("<lang>/programmes/nominations/<int:nomination_id>/withdraw/", only("coordinator"), method="POST"),
    Rule("<lang>/programmes/positions/<int:position_id>/", everyone()),
    Rule("<lang>/programmes/positions/<int:position_id>/ranking/", only("org_admin", *MANAGERS)),
    Rule("<lang>/programmes/applications/<int:application_id>/",
         only("student", "org_admin", "coordinator", *MANAGERS)),
    Rule("<lang>/programmes/runs/<int:run_id>/", only(*MANAGERS)),
    Rule("<lang>/programmes/offers/<int:offer_id>/", only(*OFFER_VIEWERS, others=NOT_FOUND)),
    Rule("<lang>/programmes/offers/<int:offer_id>/", _offer_answer(), method="POST", data={"action": "decline"}),
    Rule("<lang>/programmes/participants/<int:participant_id>/",
         only("student", "org_admin", "mentor", *MANAGERS)),
]

API_MANAGERS = only(*MANAGERS, anonymous=UNAUTHENTICATED)
PARTICIPANT_VIEWERS = only("student", "org_admin", "mentor", *MANAGERS, anonymous=UNAUTHENTICATED)
NEW_PROGRAMME = {"slug": "api-programme", "home_zone": "lingang", "host_zone": "hk-hub", "starts_on": "2028-06-01",
                 "ends_on": "2028-08-31", "title_en": "API programme"}
API = [
    Rule("/api/v1/programmes", everyone()),
    Rule("/api/v1/programmes/{slug}", everyone(), params=PROGRAMME),
    Rule("/api/v1/programmes/{slug}", everyone(NOT_FOUND), params={"slug": "no-such-programme"}),
    Rule("/api/v1/programmes/rounds/{round_id}", everyone()),
    Rule("/api/v1/programmes/rounds/{round_id}/positions", everyone()),
    # The zone operator closes applications first; the superuser's second "start review" is out of order (409).
    Rule("/api/v1/programmes/rounds/{round_id}/transitions", {**API_MANAGERS, "superuser": "409"}, method="POST",
         data={"action": "start_review"}),
    Rule("/api/v1/programmes/rounds/{round_id}/applications", only("student", anonymous=UNAUTHENTICATED),
         method="POST", data={"statement": "Applied through the API"}),
    Rule("/api/v1/programmes/rounds/{round_id}/positions", only("org_admin", *MANAGERS, anonymous=UNAUTHENTICATED),
         method="POST", data={"host": "tidepay", "title_en": "API intern", "capacity": 1}),
    # The only invited reviewer studies at the student's university: a conflict of interest, so nobody may score.
    Rule("/api/v1/programmes/applications/{application_id}/reviews", only(anonymous=UNAUTHENTICATED),
         method="POST", data={"scores": {}}),
    Rule("/api/v1/programmes/applications/{application_id}/decision", API_MANAGERS, method="POST",
         data={"decision": "accept"}),
    Rule("/api/v1/programmes/rounds/{round_id}/nominations", only("coordinator", anonymous=UNAUTHENTICATED),
         method="POST", data={"student": "nominee2", "recommendation": "From the matrix"}),
    Rule("/api/v1/programmes/nominations/{nomination_id}/withdraw", only("coordinator", anonymous=UNAUTHENTICATED),
         method="POST"),
    Rule("/api/v1/programmes/rounds/{round_id}/ranking", only("student", anonymous=UNAUTHENTICATED)),
    Rule("/api/v1/programmes/rounds/{round_id}/ranking", only("student", anonymous=UNAUTHENTICATED), method="PUT",
         data={"positions": []}),
    Rule("/api/v1/programmes/positions/{position_id}/ranking",
         only("org_admin", *MANAGERS, anonymous=UNAUTHENTICATED), method="PUT", data={"applications": []}),
    Rule("/api/v1/programmes/rounds/{round_id}/preview", API_MANAGERS, method="POST"),
    # The zone operator's run is queued first: the superuser's press is the second and gets 409 (one run a round).
    Rule("/api/v1/programmes/rounds/{round_id}/runs", {**API_MANAGERS, "superuser": "409"}, method="POST"),
    Rule("/api/v1/programmes/runs/{run_id}", API_MANAGERS),
    Rule("/api/v1/programmes/offers", signed_in(anonymous=UNAUTHENTICATED)),
    Rule("/api/v1/programmes/offers/{offer_id}/accept", {**_offer_answer(), "anonymous": UNAUTHENTICATED},
         method="POST"),
    Rule("/api/v1/programmes/offers/{offer_id}/decline", {**_offer_answer(), "anonymous": UNAUTHENTICATED},
         method="POST"),
    # Running programmes (programmes/api_manage.py). The superuser comes after the zone operator: the slug is taken.
    Rule("/api/v1/programmes", {**only("zone_operator", anonymous=UNAUTHENTICATED), "superuser": "422"},
         method="POST", data=NEW_PROGRAMME),
    Rule("/api/v1/programmes/{slug}", API_MANAGERS, method="PATCH", params=PROGRAMME,
         data={"title_en": "Matrix programme, renamed"}),
    Rule("/api/v1/programmes/{slug}/rounds", everyone(), params=PROGRAMME),
    Rule("/api/v1/programmes/{slug}/rounds", API_MANAGERS, method="POST", params=PROGRAMME,
         data={"applications_close_at": "2030-01-01T00:00:00Z", "offer_deadline": "2030-02-01T00:00:00Z"}),
    Rule("/api/v1/programmes/rounds/{round_id}/quotas", API_MANAGERS),
    Rule("/api/v1/programmes/rounds/{round_id}/quotas/{university}", API_MANAGERS, method="PUT", data={"quota": 3}),
    Rule("/api/v1/programmes/rounds/{round_id}/criteria", only("reviewer", *MANAGERS, anonymous=UNAUTHENTICATED)),
    Rule("/api/v1/programmes/rounds/{round_id}/criteria", API_MANAGERS, method="POST",
         data={"label_en": "Motivation", "weight": 2}),
    Rule("/api/v1/programmes/rounds/{round_id}/reviewers", API_MANAGERS),
    Rule("/api/v1/programmes/rounds/{round_id}/reviewers", API_MANAGERS, method="POST", data={"reviewer": "reviewer"}),
    Rule("/api/v1/programmes/rounds/{round_id}/free-places", API_MANAGERS),
    Rule("/api/v1/programmes/rounds/{round_id}/blind-review", API_MANAGERS, method="PUT", data={"blind_review": True}),
    Rule("/api/v1/programmes/rounds/{round_id}/review-queue",
         only("reviewer", *MANAGERS, anonymous=UNAUTHENTICATED)),
    Rule("/api/v1/programmes/applications/{application_id}",
         only("student", "org_admin", "coordinator", *MANAGERS, anonymous=UNAUTHENTICATED)),
    # The zone operator offers the free place first; the superuser's second offer to the same candidate is refused.
    Rule("/api/v1/programmes/positions/{position_id}/offers/{application_id}",
         {**API_MANAGERS, "superuser": "409"}, method="POST",
         params={"position_id": "@free_position_id", "application_id": "@waiting_application_id"}),
    # A round's lists (programmes/api_results.py): the coordinator reads their university's nominations; the
    # reviewer the results (their only candidate is a conflict: no row); exports as the pages.
    Rule("/api/v1/programmes/rounds/{round_id}/nominations",
         only("coordinator", *MANAGERS, anonymous=UNAUTHENTICATED)),
    Rule("/api/v1/programmes/rounds/{round_id}/results", only("reviewer", *MANAGERS, anonymous=UNAUTHENTICATED)),
    # The zone operator opens the second round first; the superuser's is refused (a round has one).
    Rule("/api/v1/programmes/rounds/{round_id}/second-round", {**API_MANAGERS, "superuser": "409"}, method="POST",
         data={"applications_close_at": "2030-01-01T00:00:00Z", "offer_deadline": "2030-02-01T00:00:00Z"}),
    Rule("/api/v1/programmes/rounds/{round_id}/exports/{list_name}.{fmt}", API_MANAGERS),
    Rule("/api/v1/programmes/rounds/{round_id}/exports/{list_name}.{fmt}", API_MANAGERS,
         params={"list_name": "offers", "fmt": "xlsx"}),
    Rule("/api/v1/programmes/{slug}/participants", only("mentor", *MANAGERS, anonymous=UNAUTHENTICATED),
         params=PROGRAMME),
    Rule("/api/v1/programmes/participants/{participant_id}", PARTICIPANT_VIEWERS),
    Rule("/api/v1/programmes/participants/{participant_id}/mentor", API_MANAGERS, method="PUT",
         data={"mentor": "mentor"}),
    Rule("/api/v1/programmes/participants/{participant_id}/check-ins", PARTICIPANT_VIEWERS),
    Rule("/api/v1/programmes/participants/{participant_id}/check-ins",
         only("mentor", *MANAGERS, anonymous=UNAUTHENTICATED), method="POST", data={"note": "Settling in well."}),
    Rule("/api/v1/programmes/participants/{participant_id}/complete", {**API_MANAGERS, "superuser": "409"},
         method="POST"),
    # Nobody answered the survey yet: those who may read it get 404.
    Rule("/api/v1/programmes/participants/{participant_id}/feedback",
         only("student", "org_admin", "mentor", *MANAGERS, others=FORBIDDEN, anonymous=UNAUTHENTICATED)
         | dict.fromkeys(("student", "org_admin", "mentor", *MANAGERS), NOT_FOUND)),
    # The participation is not completed yet: the participant gets 409, everyone else 403.
    Rule("/api/v1/programmes/participants/{participant_id}/feedback",
         {**only(anonymous=UNAUTHENTICATED), "student": "409"}, method="POST", data={"rating": 5}),
]

PATH_VALUES = {
    # The round (and offer) a route needs: the match's operations a round waiting for it, the rest the open one.
    "round_id": "@round_for",
    "nomination_id": "@nomination_id",
    "position_id": "@position_id",
    "application_id": "@application_id",
    "run_id": "@run_id",
    "offer_id": "@offer_for",
    "participant_id": "@participant_id",
    "list_name": "applications",
    "university": "harbour-u",
    "fmt": "csv",
}


def build_world(world: dict) -> dict:
    """The programme, its rounds and what the path parameters name."""
    from tests.world import make_member
    from zonebridge.accounts.models import Role
    from zonebridge.directory.models import Organisation, Zone
    from zonebridge.programmes import services
    from zonebridge.programmes.models import Offer, Participant, PlacementRun, Position, Round, RoundState

    users = world["users"]
    operator, student = users["zone_operator"], users["student"]
    tidepay = Organisation.objects.get(slug="tidepay")
    university = Organisation.objects.get(slug="harbour-u")
    programme = services.create_programme(acting_user=operator, texts={"title_en": "Matrix programme"}, fields={
        "slug": "matrix-programme", "home_zone": Zone.objects.get(slug="lingang"), "host_zone": tidepay.home_zone,
        "starts_on": date(2027, 6, 1), "ends_on": date(2027, 8, 31)})
    now = timezone.now()
    dates = {"applications_close_at": now + timedelta(days=5), "offer_deadline": now + timedelta(days=15)}

    def new_round():
        round_ = services.create_round(programme, acting_user=operator, **dates)
        position = services.save_position(Position(round=round_, host=tidepay), acting_user=operator,
                                          texts={"title_en": "Matrix intern"}, fields={"capacity": 2})
        return services.transition_round(round_, "open", acting_user=operator), position

    open_round, position = new_round()
    application = services.apply_to_round(open_round, acting_user=student, statement="Matrix")
    services.set_student_ranking(application, [position.pk], acting_user=student)
    services.set_host_ranking(position, [application.pk], acting_user=operator)
    nominee = make_member("nominee", university, Role.STUDENT)
    make_member("nominee2", university, Role.STUDENT)
    nomination = services.nominate(open_round, nominee, university=university, acting_user=users["coordinator"])
    services.invite_reviewer(open_round, users["reviewer"], acting_user=operator)
    draft = services.create_round(programme, acting_user=operator, **dates)

    # A published round: the match offered the student a place, which they accepted.
    published, published_position = new_round()
    placed = services.apply_to_round(published, acting_user=student)
    services.set_student_ranking(placed, [published_position.pk], acting_user=student)
    # A candidate its host did not rank: left without a place, to be offered the free one directly.
    waiting_student = make_member("programme_waiting", university, Role.STUDENT)
    waiting = services.apply_to_round(published, acting_user=waiting_student)
    services.set_student_ranking(waiting, [published_position.pk], acting_user=waiting_student)
    services.set_host_ranking(published_position, [placed.pk], acting_user=operator)
    for name in ("start_review", "start_matching"):
        services.transition_round(published, name, acting_user=operator)
    run = services.run_placement(Round.objects.get(pk=published.pk), acting_user=operator)
    offer = Offer.objects.get(run=run)
    participant = services.accept_offer(offer, acting_user=student)
    services.assign_mentor(participant, users["mentor"], acting_user=operator)
    # A second offer, still open, for the answer rules.
    other = services.apply_to_round(new_round()[0], acting_user=student)
    open_offer = Offer.objects.create(round=other.round, position=other.round.positions.get(), application=other,
                                      deadline=now + timedelta(days=3))

    # A round waiting for its match (for the preview and run operations).
    matching, _position = new_round()
    for name in ("start_review", "start_matching"):
        services.transition_round(matching, name, acting_user=operator)
    assert Round.objects.get(pk=matching.pk).state == RoundState.MATCHING
    assert PlacementRun.objects.count() == 1 and Participant.objects.count() == 1
    assert not Offer.objects.filter(application=waiting).exists()
    fresh, _fresh_position = new_round()  # open, and the student has not applied yet

    def round_for(route: str) -> int:
        if route.endswith("/applications"):
            return fresh.pk
        if "free-places" in route or "second-round" in route:
            return published.pk
        return matching.pk if route.endswith(("/preview", "/runs")) else open_round.pk

    def offer_for(route: str) -> int:
        return open_offer.pk if "api/" in route else offer.pk

    return {"round_for": round_for, "offer_for": offer_for, "draft_round_id": draft.pk, "position_id": position.pk,
            "application_id": application.pk, "nomination_id": nomination.pk, "run_id": run.pk,
            "free_position_id": published_position.pk, "waiting_application_id": waiting.pk,
            "participant_id": participant.pk}


__all__ = ["LOGIN"]
