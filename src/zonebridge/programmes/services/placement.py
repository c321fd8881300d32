"""The match: rank lists into the placement engine, a dry-run preview, the committed `PlacementRun` (a job with
a progress bar, once per round), offers with deadlines, answers to them, and a second round for what is left."""

import time
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zonebridge.accounts.models import Membership, Role
from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.jobs import start_job
from zonebridge.core.notifications import notify, notify_many
from zonebridge.engine import placement as engine
from zonebridge.policy import programmes as policy
from zonebridge.programmes import notifications as kinds
from zonebridge.programmes import queries
from zonebridge.programmes.models import (
    IN_THE_RUNNING,
    Application,
    ApplicationSource,
    ApplicationState,
    HostRank,
    Offer,
    OfferState,
    Participant,
    PlacementRun,
    Position,
    Round,
    RoundState,
    StudentRank,
)
from zonebridge.programmes.services.candidates import _names, _round_label
from zonebridge.programmes.services.rounds import ROUND_FLOW

PLACEMENT_JOB = "programmes.placement_run"
NOTIFY_JOB = "programmes.notify_results"


def applicant_id(application_pk: int) -> str:
    """The engine's id of an application."""
    return f"a{application_pk}"


def host_id(position_pk: int) -> str:
    """The engine's id of a position."""
    return f"p{position_pk}"


def _pk(engine_id: str) -> int:
    return int(engine_id[1:])


def market_inputs(round_: Round) -> dict:
    """The round's frozen rank lists as the engine's `place` document (candidates in the running only)."""
    candidate_ids = list(queries.candidates(round_).order_by("pk").values_list("pk", flat=True))
    running = set(candidate_ids)
    student_prefs: dict[int, list[str]] = defaultdict(list)
    for application, position in (StudentRank.objects.filter(application__round=round_)
                                  .order_by("application_id", "rank").values_list("application_id", "position_id")):
        if application in running:
            student_prefs[application].append(host_id(position))
    host_prefs: dict[int, list[str]] = defaultdict(list)
    for position, application in (HostRank.objects.filter(position__round=round_)
                                  .order_by("position_id", "rank").values_list("position_id", "application_id")):
        if application in running:
            host_prefs[position].append(applicant_id(application))
    positions = list(round_.positions.order_by("pk").values_list("pk", "capacity"))
    return {
        "applicants": [{"id": applicant_id(pk), "prefs": student_prefs.get(pk, [])} for pk in candidate_ids],
        "hosts": [{"id": host_id(pk), "capacity": capacity, "prefs": host_prefs.get(pk, [])}
                  for pk, capacity in positions],
        "optimal": "applicant",
    }


def solve(inputs: dict):
    """Run the engine on a `place` document: (placement, stability report, explanations, engine seconds)."""
    started = time.perf_counter()
    placement = engine.place([engine.Applicant(a["id"], a["prefs"]) for a in inputs["applicants"]],
                             [engine.Host(h["id"], h["capacity"], h["prefs"]) for h in inputs["hosts"]],
                             optimal=inputs.get("optimal", "applicant"))
    report = engine.audit(placement.market, placement.host_of)
    explanations = engine.explain(placement)
    return placement, report, explanations, time.perf_counter() - started


def statistics(round_: Round, inputs: dict, assignment: dict) -> dict:
    """How many were placed, in all, by host organisation and by university."""
    positions = {p.pk: p for p in round_.positions.select_related("host")}
    universities = dict(queries.candidates(round_).values_list("pk", "university__name_en"))
    by_host: dict[str, dict] = {}
    for position in positions.values():
        row = by_host.setdefault(position.host.name, {"places": 0, "placed": 0})
        row["places"] += position.capacity
    by_university: dict[str, dict] = defaultdict(lambda: {"candidates": 0, "placed": 0})
    for applicant in inputs["applicants"]:
        by_university[universities.get(_pk(applicant["id"]), "?")]["candidates"] += 1
    placed = 0
    for applicant, host in assignment.items():
        if host is None:
            continue
        placed += 1
        by_host[positions[_pk(host)].host.name]["placed"] += 1
        by_university[universities.get(_pk(applicant), "?")]["placed"] += 1
    return {
        "candidates": len(inputs["applicants"]),
        "places": sum(h["capacity"] for h in inputs["hosts"]),
        "placed": placed,
        "unplaced": len(inputs["applicants"]) - placed,
        "by_host": dict(sorted(by_host.items())),
        "by_university": dict(sorted(by_university.items())),
    }


def _check_may_match(round_: Round, acting_user) -> None:
    if not policy.manages(acting_user, round_.programme):
        raise NotAllowed(_("Only the programme's operators run the match."))
    if round_.state in (RoundState.DRAFT, RoundState.OPEN, RoundState.REVIEW):
        raise Conflict(_("“%(round)s” is still %(state)s: freeze the rank lists (start matching) before running "
                         "the match.") % {"round": round_.label, "state": round_.get_state_display()}, field="round")
    if round_.state != RoundState.MATCHING or PlacementRun.objects.filter(round=round_).exists():
        raise Conflict(_("The match of “%(round)s” has already run: its results are published.") % {
            "round": round_.label}, field="round")


def preview_match(round_: Round, *, acting_user) -> dict:
    """A dry run of the match: what it would give, with statistics; nothing is written."""
    if not policy.manages(acting_user, round_.programme):
        raise NotAllowed(_("Only the programme's operators preview the match."))
    if round_.state not in (RoundState.REVIEW, RoundState.MATCHING):
        raise Conflict(_("“%(round)s” is %(state)s: a preview needs the review or matching stage.") % {
            "round": round_.label, "state": round_.get_state_display()}, field="round")
    inputs = market_inputs(round_)
    placement, report, _explanations, seconds = solve(inputs)
    stats = statistics(round_, inputs, placement.assignment)
    stats.update(stable=report.stable, engine_seconds=round(seconds, 4))
    return stats


def start_placement_run(round_: Round, *, acting_user):
    """Start the committed match as a job (once per round); returns the job to follow."""
    with transaction.atomic():
        locked = Round.objects.select_for_update(of=("self",)).select_related("programme").get(pk=round_.pk)
        _check_may_match(locked, acting_user)
        if locked.offer_deadline <= timezone.now():
            raise DomainError(_("The offer deadline of “%(round)s” has passed: set a later one before running "
                                "the match.") % {"round": locked.label}, field="offer_deadline")
        job = start_job(PLACEMENT_JOB, acting_user=acting_user, params={"round": locked.pk},
                        exclusive_key=f"{PLACEMENT_JOB}:{locked.pk}")
        audit.record("programmes.round.start_match", actor=acting_user, target=locked, after={"job": str(job.pk)})
    return job


def run_placement(round_: Round, *, acting_user, progress=lambda percent, message="": None, job=None) -> PlacementRun:
    """Compute the match and commit it in one transaction: the run, offers, notifications, published round."""
    progress(5, _("Reading the rank lists…"))
    inputs = market_inputs(round_)
    progress(25, _("Placing %(count)s candidates…") % {"count": len(inputs["applicants"])})
    placement, report, explanations, seconds = solve(inputs)
    stats = statistics(round_, inputs, placement.assignment)
    progress(60, _("Saving offers and telling everyone…"))
    with transaction.atomic():
        locked = Round.objects.select_for_update(of=("self",)).select_related("programme__host_zone").get(pk=round_.pk)
        _check_may_match(locked, acting_user)
        run = PlacementRun.objects.create(
            round=locked, job=job, started_by=acting_user, inputs=inputs, assignment=placement.assignment,
            explanations=explanations, stats=stats, stable=report.stable,
            blocking_pairs=[list(pair) for pair in report.blocking_pairs], engine_seconds=round(seconds, 4))
        offers = Offer.objects.bulk_create([
            Offer(round=locked, run=run, position_id=_pk(host), application_id=_pk(applicant),
                  deadline=locked.offer_deadline)
            for applicant, host in placement.assignment.items() if host is not None])
        ROUND_FLOW.apply(locked, "publish", acting_user=acting_user)
        audit.record("programmes.placement_run.create", actor=acting_user, target=run,
                     after={"placed": stats["placed"], "candidates": stats["candidates"], "stable": report.stable,
                            "offers": len(offers)})
        # Telling ~everyone is thousands of rows: its own job, queued with the run (so a run that rolls back
        # tells nobody) and run after it commits, in one transaction of its own.
        start_job(NOTIFY_JOB, acting_user=acting_user, params={"run": run.pk}, exclusive_key=f"{NOTIFY_JOB}:{run.pk}")
    progress(100, _("Done."))
    return run


def notify_results(run: PlacementRun, *, progress=lambda percent, message="": None) -> int:
    """Tell every candidate (their offer, or that they are unplaced), the hosts and the operator; once."""
    with transaction.atomic():
        run = PlacementRun.objects.select_for_update(of=("self",)).select_related(
            "round__programme__host_zone", "started_by").get(pk=run.pk)
        if run.notified_at is not None:
            return 0
        offers = list(run.offers.all())
        unassigned = [applicant for applicant, host in run.assignment.items() if host is None]
        progress(10, _("Telling %(count)s candidates and their hosts…") % {"count": len(run.assignment)})
        count = _notify_results(run.round, run, offers, unassigned, run.started_by)
        run.notified_at = timezone.now()
        run.save(update_fields=["notified_at"])
    return count


def _deadline_text(round_: Round, deadline=None) -> str:
    zone = ZoneInfo(round_.programme.host_zone.time_zone)
    moment = timezone.localtime(deadline or round_.offer_deadline, zone)
    return f"{moment:%Y-%m-%d %H:%M} ({round_.programme.host_zone.time_zone})"


def _notify_results(round_: Round, run: PlacementRun, offers: list[Offer], unassigned: list[str],
                    acting_user) -> int:
    """Every notification of a run's results, written in bulk (thousands of candidates: one insert a batch)."""
    round_label = _round_label(round_)
    positions = {p.pk: p for p in round_.positions.select_related("host")}
    students = dict(Application.objects.filter(round=round_).values_list("pk", "student_id"))
    from zonebridge.accounts.models import User

    users = User.objects.in_bulk(set(students.values()) | {getattr(acting_user, "pk", None)} - {None})
    deadline = _deadline_text(round_)
    my_url = reverse("programmes:my_programmes")
    # Names and links are the same for every offer of a position: render them once.
    position_names = {pk: (_names(p, "title"), _names(p.host)) for pk, p in positions.items()}
    notices = []
    for offer in offers:
        title, host = position_names[offer.position_id]
        notices.append((users[students[offer.application_id]], kinds.OFFER,
                        {"position": title, "host": host, "deadline": deadline},
                        reverse("programmes:offer_detail", args=[offer.pk])))
    unplaced = {"round": round_label}
    notices += [(users[students[_pk(applicant)]], kinds.UNPLACED, unplaced, my_url) for applicant in unassigned]
    filled = Counter(offer.position_id for offer in offers)
    admins = defaultdict(set)
    for organisation, user in Membership.objects.filter(
            organisation__in={p.host_id for p in positions.values()}, role=Role.ORG_ADMIN).values_list(
            "organisation_id", "user_id"):
        admins[organisation].add(user)
    admin_users = User.objects.in_bulk({u for group in admins.values() for u in group})
    for position in positions.values():
        url = reverse("programmes:position_detail", args=[position.pk])
        for user in admins.get(position.host_id, ()):
            notices.append((admin_users[user], kinds.HOST_RESULT, {
                "position": position_names[position.pk][0], "filled": filled.get(position.pk, 0),
                "capacity": position.capacity}, url))
    if acting_user is not None and getattr(acting_user, "pk", None):
        notices.append((acting_user, kinds.RUN_FINISHED, {"round": round_label, "placed": len(offers)},
                        reverse("programmes:run_detail", args=[run.pk])))
    notify_many(notices)
    return len(notices)


def _answer_params(offer: Offer, answer) -> dict:
    from zonebridge.core.notifications import in_every_language

    return {"student": str(offer.application.student), "answer": in_every_language(answer),
            "position": _names(offer.position, "title")}


def _notify_host(offer: Offer, answer) -> None:
    from zonebridge.accounts.models import User

    for user in User.objects.filter(memberships__organisation=offer.position.host_id,
                                    memberships__role=Role.ORG_ADMIN).distinct():
        notify(user, kinds.OFFER_ANSWERED, params=_answer_params(offer, answer),
               url=reverse("programmes:position_detail", args=[offer.position_id]))


def accept_offer(offer: Offer, *, acting_user) -> Participant:
    """The student accepts an offer before its deadline, if a place is still free; they join the cohort."""
    from django.utils.translation import gettext_lazy

    if not policy.may_respond_to_offer(acting_user, offer):
        raise NotAllowed(_("Only the student an offer is made to answers it."))
    with transaction.atomic():
        # The position's row serialises everyone accepting a place there: the last place goes to one of them.
        position = Position.objects.select_for_update(of=("self",)).select_related("host", "round__programme").get(
            pk=offer.position_id)
        offer = Offer.objects.select_for_update(of=("self",)).select_related("application__student").get(pk=offer.pk)
        if offer.state != OfferState.OPEN:
            raise Conflict(_("This offer is already %(state)s.") % {"state": offer.get_state_display().lower()})
        if offer.is_past_deadline:
            raise Conflict(_("The offer for “%(position)s” had to be answered by %(deadline)s; it can no longer "
                             "be accepted.") % {"position": position.title,
                                                 "deadline": _deadline_text(position.round, offer.deadline)},
                               field="offer")
        if queries.accepted_count(position) >= position.capacity:
            raise Conflict(_("The last place at “%(position)s” has just been taken; your offer has lapsed.") % {
                "position": position.title}, field="offer")
        if Offer.objects.filter(application=offer.application, state=OfferState.ACCEPTED).exists():
            raise Conflict(_("You have already accepted another offer in this round."), field="offer")
        offer.state, offer.responded_at = OfferState.ACCEPTED, timezone.now()
        offer.save(update_fields=["state", "responded_at"])
        participant = Participant.objects.create(programme=position.round.programme, offer=offer,
                                                 student=offer.application.student, position=position)
        audit.record("programmes.offer.accept", actor=acting_user, target=offer,
                     before={"state": OfferState.OPEN}, after={"state": OfferState.ACCEPTED})
        offer.position = position
        _notify_host(offer, gettext_lazy("accepted"))
    return participant


def decline_offer(offer: Offer, *, acting_user) -> Offer:
    """The student declines an offer; the place can go to a second round."""
    from django.utils.translation import gettext_lazy

    if not policy.may_respond_to_offer(acting_user, offer):
        raise NotAllowed(_("Only the student an offer is made to answers it."))
    with transaction.atomic():
        offer = (Offer.objects.select_for_update(of=("self",))
                 .select_related("position__host", "application__student").get(pk=offer.pk))
        if offer.state != OfferState.OPEN:
            raise Conflict(_("This offer is already %(state)s.") % {"state": offer.get_state_display().lower()})
        offer.state, offer.responded_at = OfferState.DECLINED, timezone.now()
        offer.save(update_fields=["state", "responded_at"])
        audit.record("programmes.offer.decline", actor=acting_user, target=offer,
                     before={"state": OfferState.OPEN}, after={"state": OfferState.DECLINED})
        _notify_host(offer, gettext_lazy("declined"))
    return offer


def free_places(position: Position) -> int:
    """Places of a position not taken by an accepted offer nor held by an open offer still in time."""
    held = position.offers.filter(state=OfferState.OPEN, deadline__gt=timezone.now()).count()
    return max(0, position.capacity - queries.accepted_count(position) - held)


def open_second_round(round_: Round, *, acting_user, applications_close_at, offer_deadline) -> Round:
    """A second round (in draft) with the first round's free places and its candidates still without a place."""
    from zonebridge.programmes.services.rounds import create_round

    if not policy.manages(acting_user, round_.programme):
        raise NotAllowed(_("Only the programme's operators open a second round."))
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round_.pk)
        if locked.state not in (RoundState.PUBLISHED, RoundState.CLOSED):
            raise Conflict(_("A second round follows a round whose results are published."))
        if Round.objects.filter(previous=locked).exists():
            raise Conflict(_("“%(round)s” already has a second round.") % {"round": locked.label})
        new = create_round(locked.programme, acting_user=acting_user, applications_close_at=applications_close_at,
                           offer_deadline=offer_deadline, default_quota=locked.default_quota, previous=locked)
        carried = 0
        for position in locked.positions.select_related("host").prefetch_related("universities"):
            places = free_places(position)
            if not places:
                continue
            copy = Position(round=new, host=position.host, kind=position.kind, capacity=places,
                            location=position.location, work_mode=position.work_mode, stipend=position.stipend,
                            starts_on=position.starts_on, carried_from=position,
                            chinese_source=position.chinese_source, hand_written_fields=position.hand_written_fields,
                            **{f"{f}_{s}": getattr(position, f"{f}_{s}") for f in Position.TRILINGUAL_FIELDS
                               for s in ("en", "zh_hans", "zh_hant")})
            copy.save()
            copy.universities.set(position.universities.all())
            carried += places
        # Who accepted, still holds an offer, or declined one (their choice) is not carried over.
        placed = set(Offer.objects.filter(round=locked, state__in=(OfferState.ACCEPTED, OfferState.OPEN,
                                                                   OfferState.DECLINED))
                     .values_list("application_id", flat=True))
        waiting = (Application.objects.filter(round=locked, state__in=(*IN_THE_RUNNING, ApplicationState.WAITLISTED))
                   .exclude(pk__in=placed))
        Application.objects.bulk_create([
            Application(round=new, student_id=a.student_id, university_id=a.university_id,
                        source=ApplicationSource.CARRIED, statement=a.statement, languages=a.languages)
            for a in waiting])
        audit.record("programmes.round.second_round", actor=acting_user, target=new,
                     after={"previous": locked.pk, "places": carried})
    return new


def offer_free_place(position: Position, application: Application, *, acting_user, deadline=None) -> Offer:
    """After the match, the operator offers a free place (declined, withdrawn or left empty) directly to an
    eligible candidate without a place, to answer by `deadline` (default: the round's); when several are offered
    the same place, the first to accept takes it."""
    if not policy.manages(acting_user, position.round.programme):
        raise NotAllowed(_("Only the programme's operators offer free places."))
    if deadline is not None and deadline <= timezone.now():
        raise DomainError(_("The answer deadline must be in the future."), field="deadline")
    with transaction.atomic():
        position = (Position.objects.select_for_update(of=("self",))
                    .select_related("round__programme__host_zone", "host").get(pk=position.pk))
        round_ = position.round
        if round_.state != RoundState.PUBLISHED:
            raise Conflict(_("Free places are offered once the round's results are published."))
        deadline = deadline or round_.offer_deadline
        if deadline <= timezone.now():
            raise DomainError(_("The round's offer deadline has passed: give the candidate a later one."),
                              field="deadline")
        if application.round_id != round_.pk or application.state not in (*IN_THE_RUNNING,
                                                                          ApplicationState.WAITLISTED):
            raise DomainError(_("This candidate is not in “%(round)s”.") % {"round": round_.label},
                              field="application")
        if queries.accepted_count(position) >= position.capacity:
            raise Conflict(_("“%(position)s” has no free place.") % {"position": position.title})
        if Offer.objects.filter(application=application, state__in=(OfferState.OPEN, OfferState.ACCEPTED)).exists():
            raise Conflict(_("This candidate already has an offer."), field="application")
        if not queries.direct_offer_candidates(position).filter(pk=application.pk).exists():
            raise DomainError(_("%(student)s is not an eligible candidate for “%(position)s”: choose one from the "
                                "list shown.") % {"student": application.student, "position": position.title},
                              field="application")
        offer = Offer.objects.create(round=round_, position=position, application=application, deadline=deadline)
        audit.record("programmes.offer.create", actor=acting_user, target=offer,
                     after={"direct": True, "deadline": deadline.isoformat()})
        notify(application.student, kinds.OFFER, url=reverse("programmes:offer_detail", args=[offer.pk]),
               params={"position": _names(position, "title"), "host": _names(position.host),
                       "deadline": _deadline_text(round_, deadline)})
    return offer


def freed_places(round_: Round, *, acting_user) -> list[dict]:
    """The operator's view of a published round's free places: per position with a free place, how it came free
    (declined, withdrawn, left empty by the match) and the eligible candidates without a place, host's order first.
    """
    if not policy.manages(acting_user, round_.programme):
        raise NotAllowed(_("Only the programme's operators see the free places."))
    if round_.state != RoundState.PUBLISHED:
        return []
    rows = []
    for position in round_.positions.select_related("host").order_by("title_en", "pk"):
        free = free_places(position)
        if not free:
            continue
        states = Counter(position.offers.values_list("state", flat=True))
        from_run = position.offers.filter(run__isnull=False).count()
        rows.append({"position": position, "free": free, "declined": states.get(OfferState.DECLINED, 0),
                     "withdrawn": states.get(OfferState.WITHDRAWN, 0),
                     "unanswered": position.offers.filter(state=OfferState.OPEN, deadline__lte=timezone.now()).count(),
                     "left_empty": max(0, position.capacity - from_run),
                     "candidates": queries.direct_offer_candidates(position)})
    return rows


def explanation_for_student(run: PlacementRun, application: Application) -> list[dict]:
    """Why an unplaced candidate got no place: one line per position they ranked, with the engine's reason."""
    entry = run.explanations.get("applicants", {}).get(applicant_id(application.pk))
    if entry is None:
        return []
    titles = {p.pk: p for p in Position.objects.filter(
        pk__in=[_pk(h["host"]) for h in entry["hosts"]]).select_related("host")}
    return [{"position": titles.get(_pk(h["host"])), "reason": h["reason"]} for h in entry["hosts"]]


def explanation_for_position(run: PlacementRun, position: Position) -> dict | None:
    """Why a position has empty places: per candidate it ranked, the engine's reason (or None when full)."""
    entry = run.explanations.get("hosts", {}).get(host_id(position.pk))
    if entry is None:
        return None
    applications = Application.objects.in_bulk([_pk(a["applicant"]) for a in entry["applicants"]])
    placed_at = Position.objects.in_bulk([_pk(a["placed_at"]) for a in entry["applicants"] if a.get("placed_at")])
    return {"filled": entry["filled"], "capacity": entry["capacity"], "lines": [
        {"application": applications.get(_pk(a["applicant"])), "reason": a["reason"],
         "placed_at": placed_at.get(_pk(a["placed_at"])) if a.get("placed_at") else None}
        for a in entry["applicants"]]}

