"""Use cases of candidates: applying, nominating within a quota, withdrawing, rank lists on both sides, and the
operator's decisions."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zonebridge.accounts.models import Membership, Role
from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed, full_clean
from zonebridge.core.notifications import in_every_language, notify
from zonebridge.policy import programmes as policy
from zonebridge.programmes import notifications as kinds
from zonebridge.programmes import queries
from zonebridge.programmes.models import (
    IN_THE_RUNNING,
    Application,
    ApplicationSource,
    ApplicationState,
    HostRank,
    Nomination,
    NominationState,
    Position,
    Round,
    RoundState,
    StudentRank,
)
from zonebridge.programmes.services.rounds import quota_for

# Rank lists change while candidates may still join: open and in review; they freeze for the match.
RANKING_STATES = (RoundState.OPEN, RoundState.REVIEW)
LONGEST_RANK_LIST = 50


def _round_label(round_: Round) -> dict:
    """The round's label in every language, as a notification parameter."""
    from django.utils import translation

    labels = {}
    for language, suffix in (("en", "en"), ("zh-hans", "zh_hans"), ("zh-hant", "zh_hant")):
        with translation.override(language):
            labels[suffix] = round_.label
    return labels


def _names(obj, field: str = "name") -> dict:
    return {suffix: obj.in_language(field, suffix) for suffix in ("en", "zh_hans", "zh_hant")}


def apply_to_round(round_: Round, *, acting_user, statement: str = "", languages: str = "") -> Application:
    """A student applies to an open round (once)."""
    university = policy.student_university(acting_user)
    if university is None:
        raise NotAllowed(_("Only students apply to programmes."))
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round_.pk)
        if locked.state != RoundState.OPEN:
            raise Conflict(_("“%(round)s” is not open for applications.") % {"round": locked.label})
        if Application.objects.filter(round=locked, student=acting_user).exists():
            raise Conflict(_("You have already applied to “%(round)s”.") % {"round": locked.label})
        application = Application(round=locked, student=acting_user, university=university,
                                  statement=statement.strip(), languages=languages.strip())
        full_clean(application)
        application.save()
        audit.record("programmes.application.create", actor=acting_user, target=application,
                     after={"round": locked.pk, "source": application.source})
    return application


def nominate(round_: Round, student, *, university, acting_user, recommendation: str = "") -> Nomination:
    """A coordinator nominates a student of their university, within the university's quota for the round."""
    if not policy.coordinated_universities(acting_user).filter(pk=university.pk).exists():
        raise NotAllowed(_("Only coordinators of %(university)s nominate its students.") % {
            "university": university.name})
    if not Membership.objects.filter(user=student, organisation=university, role=Role.STUDENT).exists():
        raise DomainError(_("%(student)s is not a student of %(university)s.") % {
            "student": student, "university": university.name}, field="student")
    with transaction.atomic():
        # The round's row is the lock every nomination of the round takes: two coordinators of one university
        # cannot both take its last place.
        locked = Round.objects.select_for_update().get(pk=round_.pk)
        if locked.state not in (RoundState.OPEN, RoundState.REVIEW):
            raise Conflict(_("Nominations for “%(round)s” are closed: the round is %(state)s.") % {
                "round": locked.label, "state": locked.get_state_display()})
        quota = quota_for(locked, university)
        used = Nomination.objects.filter(round=locked, university=university, state=NominationState.ACTIVE).count()
        if used >= quota:
            raise Conflict(_("%(university)s has used all %(quota)s nominations of “%(round)s”: withdraw one "
                             "before nominating %(student)s.") % {
                "university": university.name, "quota": quota, "round": locked.label, "student": student},
                field="student")
        if Nomination.objects.filter(round=locked, student=student, state=NominationState.ACTIVE).exists():
            raise Conflict(_("%(student)s is already nominated for “%(round)s”.") % {
                "student": student, "round": locked.label}, field="student")
        application = Application.objects.select_for_update().filter(round=locked, student=student).first()
        if application is None:
            application = Application.objects.create(round=locked, student=student, university=university,
                                                     source=ApplicationSource.NOMINATION)
        elif application.state == ApplicationState.WITHDRAWN:
            application.state = ApplicationState.SUBMITTED
            application.save(update_fields=["state"])
        nomination = Nomination(round=locked, university=university, student=student, application=application,
                                nominated_by=acting_user, recommendation=recommendation.strip())
        full_clean(nomination, exclude=["application"])
        nomination.save()
        audit.record("programmes.nomination.create", actor=acting_user, target=nomination,
                     after={"student": student.username, "university": university.slug, "used": used + 1,
                            "quota": quota})
        notify(student, kinds.NOMINATED, params={"university": _names(university), "round": _round_label(locked)},
               url=_my_url())
    return nomination


# A nomination can be withdrawn until the round closes; after the match, with the offer it led to.
WITHDRAWABLE_STATES = (RoundState.OPEN, RoundState.REVIEW, RoundState.MATCHING, RoundState.PUBLISHED)


def withdraw_nomination(nomination: Nomination, *, acting_user) -> Nomination:
    """A coordinator withdraws a nomination until the round closes; after the match the nominee's offer (open or
    accepted) is withdrawn with it and its place is free again."""
    if not policy.coordinated_universities(acting_user).filter(pk=nomination.university_id).exists():
        raise NotAllowed(_("Only coordinators of the nominating university withdraw its nominations."))
    with transaction.atomic():
        locked_round = (Round.objects.select_for_update(of=("self",)).select_related("programme__host_zone")
                        .get(pk=nomination.round_id))
        nomination = (Nomination.objects.select_for_update(of=("self",)).select_related("application", "university",
                                                                                          "student")
                      .get(pk=nomination.pk))
        if nomination.state != NominationState.ACTIVE:
            raise Conflict(_("This nomination is already withdrawn."))
        if locked_round.state not in WITHDRAWABLE_STATES:
            raise Conflict(_("“%(round)s” is %(state)s: its nominations can no longer be withdrawn.") % {
                "round": locked_round.label, "state": locked_round.get_state_display()})
        if locked_round.state == RoundState.MATCHING and _match_is_running(locked_round):
            # The running match read the candidates already; it would offer the nominee a place.
            raise Conflict(_("The match of “%(round)s” is running: withdraw the nomination once its results are "
                             "published.") % {"round": locked_round.label})
        nomination.state = NominationState.WITHDRAWN
        nomination.withdrawn_at = timezone.now()
        nomination.save(update_fields=["state", "withdrawn_at"])
        application = nomination.application
        offers = _withdraw_offers(application, acting_user) if locked_round.state == RoundState.PUBLISHED else []
        if application.source == ApplicationSource.NOMINATION or offers:
            # Without the nomination the student is no longer a candidate (nor, after the match, a nominee).
            application.state = ApplicationState.WITHDRAWN
            application.save(update_fields=["state"])
        audit.record("programmes.nomination.withdraw", actor=acting_user, target=nomination,
                     before={"state": NominationState.ACTIVE},
                     after={"state": NominationState.WITHDRAWN, "round_state": locked_round.state,
                            "offers_withdrawn": [offer.pk for offer in offers]})
        _tell_withdrawal(locked_round, nomination, offers)
    return nomination


def _match_is_running(round_: Round) -> bool:
    from zonebridge.core.models import ACTIVE_JOB_STATES, Job
    from zonebridge.programmes.services.placement import PLACEMENT_JOB

    return Job.objects.filter(exclusive_key=f"{PLACEMENT_JOB}:{round_.pk}", state__in=ACTIVE_JOB_STATES).exists()


def _withdraw_offers(application: Application, acting_user) -> list:
    """Withdraw the application's open or accepted offers (and the participation an accepted one began)."""
    from zonebridge.programmes.models import Offer, OfferState, Participant, ParticipantState

    # Lock order as in accepting an offer (position, then offer): a withdrawal and an acceptance of the same
    # offer take turns.
    held = list(Offer.objects.filter(application=application, state__in=(OfferState.OPEN, OfferState.ACCEPTED))
                .values_list("position_id", flat=True))
    list(Position.objects.select_for_update().filter(pk__in=held).order_by("pk"))
    offers = list(Offer.objects.select_for_update(of=("self",)).select_related("position__host")
                  .filter(application=application, state__in=(OfferState.OPEN, OfferState.ACCEPTED)))
    now = timezone.now()
    for offer in offers:
        before = offer.state
        offer.state, offer.responded_at = OfferState.WITHDRAWN, now
        offer.save(update_fields=["state", "responded_at"])
        if before == OfferState.ACCEPTED:
            Participant.objects.filter(offer=offer).update(state=ParticipantState.WITHDRAWN)
        audit.record("programmes.offer.withdraw", actor=acting_user, target=offer, before={"state": before},
                     after={"state": OfferState.WITHDRAWN})
    return offers


def _tell_withdrawal(round_: Round, nomination: Nomination, offers: list) -> None:
    """Tell the student; once matching has started, the programme's operators; the hosts of freed places."""
    from django.urls import reverse

    from zonebridge.accounts.models import User

    round_label = _round_label(round_)
    if not offers:
        notify(nomination.student, kinds.NOMINATION_WITHDRAWN, params={"round": round_label}, url=_my_url())
    params = {"round": round_label, "university": _names(nomination.university),
              "student": str(nomination.student)}
    for offer in offers:
        position = _names(offer.position, "title")
        notify(nomination.student, kinds.OFFER_WITHDRAWN, params={"round": round_label, "position": position},
               url=_my_url())
        url = reverse("programmes:position_detail", args=[offer.position_id])
        for admin in User.objects.filter(memberships__organisation=offer.position.host_id,
                                         memberships__role=Role.ORG_ADMIN).distinct():
            notify(admin, kinds.PLACE_FREED, params={**params, "position": position}, url=url)
    if round_.state in (RoundState.MATCHING, RoundState.PUBLISHED):
        url = (reverse("programmes:free_places", args=[round_.pk]) if round_.state == RoundState.PUBLISHED
               else reverse("programmes:round_detail", args=[round_.pk]))
        for operator in round_.programme.host_zone.operators.all():
            notify(operator, kinds.NOMINEE_WITHDRAWN, params=params, url=url)


def _my_url() -> str:
    from django.urls import reverse

    return reverse("programmes:my_programmes")


def set_student_ranking(application: Application, position_ids: list[int], *, acting_user) -> list[StudentRank]:
    """Replace a student's rank list with `position_ids` (most wanted first); each must be open to them."""
    if application.student_id != getattr(acting_user, "pk", None):
        raise NotAllowed(_("Only the student ranks their positions."))
    _check_rank_list(position_ids, "positions")
    with transaction.atomic():
        locked_round = Round.objects.select_for_update().get(pk=application.round_id)
        if locked_round.state not in RANKING_STATES:
            raise Conflict(_("Rank lists of “%(round)s” are frozen: the round is %(state)s.") % {
                "round": locked_round.label, "state": locked_round.get_state_display()})
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.state not in IN_THE_RUNNING:
            raise Conflict(_("Your application is %(state)s: it does not take part in the match.") % {
                "state": application.get_state_display()})
        allowed = queries.open_position_ids(application)
        for index, position_id in enumerate(position_ids):
            if position_id not in allowed:
                title = Position.objects.filter(pk=position_id).values_list("title_en", flat=True).first()
                raise DomainError(_("Choice %(place)s (%(position)s) is not open to you in “%(round)s”: "
                                    "pick positions from the list shown.") % {
                    "place": index + 1, "position": title or f"#{position_id}", "round": locked_round.label},
                    field="positions")
        before = list(application.ranks.order_by("rank").values_list("position_id", flat=True))
        application.ranks.all().delete()
        ranks = StudentRank.objects.bulk_create([
            StudentRank(application=application, position_id=position_id, rank=index)
            for index, position_id in enumerate(position_ids, start=1)])
        audit.record("programmes.application.rank", actor=acting_user, target=application,
                     before={"positions": before}, after={"positions": list(position_ids)})
    return ranks


def set_host_ranking(position: Position, application_ids: list[int], *, acting_user) -> list[HostRank]:
    """Replace a position's rank list with `application_ids` (most wanted first); each must be a candidate the
    position is open to."""
    if not policy.may_manage_position(acting_user, position):
        raise NotAllowed(_("Only the host organisation's admins rank its candidates."))
    _check_rank_list(application_ids, "applications", longest=2000)
    with transaction.atomic():
        locked_round = Round.objects.select_for_update().get(pk=position.round_id)
        if locked_round.state not in RANKING_STATES:
            raise Conflict(_("Rank lists of “%(round)s” are frozen: the round is %(state)s.") % {
                "round": locked_round.label, "state": locked_round.get_state_display()})
        allowed = set(queries.candidates_for(position).values_list("pk", flat=True))
        for index, application_id in enumerate(application_ids):
            if application_id not in allowed:
                raise DomainError(_("Choice %(place)s (application #%(id)s) is not a candidate for “%(position)s”.")
                                  % {"place": index + 1, "id": application_id, "position": position.title},
                                  field="applications")
        before = list(position.host_ranks.order_by("rank").values_list("application_id", flat=True))
        position.host_ranks.all().delete()
        ranks = HostRank.objects.bulk_create([
            HostRank(position=position, application_id=application_id, rank=index)
            for index, application_id in enumerate(application_ids, start=1)])
        audit.record("programmes.position.rank", actor=acting_user, target=position,
                     before={"applications": before}, after={"applications": list(application_ids)})
    return ranks


def _check_rank_list(ids: list, field: str, longest: int = LONGEST_RANK_LIST) -> None:
    if len(ids) != len(set(ids)):
        raise DomainError(_("A rank list names each choice once."), field=field)
    if len(ids) > longest:
        raise DomainError(_("A rank list holds at most %(count)s choices.") % {"count": longest}, field=field)


DECISIONS = {"accept": ApplicationState.ACCEPTED, "waitlist": ApplicationState.WAITLISTED,
             "reject": ApplicationState.REJECTED}


def decide_application(application: Application, decision: str, *, acting_user) -> Application:
    """The operator accepts, waitlists or rejects an application during the round's review (or while open)."""
    if not policy.manages(acting_user, application.round.programme):
        raise NotAllowed(_("Only the programme's operators decide on applications."))
    if decision not in DECISIONS:
        raise DomainError(_("Choose accept, waitlist or reject."), field="decision")
    with transaction.atomic():
        locked_round = Round.objects.select_for_update().get(pk=application.round_id)
        if locked_round.state not in RANKING_STATES:
            raise Conflict(_("Decisions on “%(round)s” are closed: the round is %(state)s.") % {
                "round": locked_round.label, "state": locked_round.get_state_display()})
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.state == ApplicationState.WITHDRAWN:
            raise Conflict(_("This application was withdrawn."))
        before = application.state
        application.state = DECISIONS[decision]
        application.decided_at = timezone.now()
        application.save(update_fields=["state", "decided_at"])
        audit.record("programmes.application.decide", actor=acting_user, target=application,
                     before={"state": before}, after={"state": application.state})
        notify(application.student, kinds.DECISION, url=_my_url(), params={
            "round": _round_label(locked_round),
            "decision": in_every_language(ApplicationState(application.state).label)})
    return application


def nominations_for(round_: Round, *, acting_user) -> dict:
    """The round's nominations the reader may see (the operators: every university's; a coordinator: their own
    universities'), newest first, and per university its quota, how many it used and how many are left."""
    from django.db.models import Count, Q

    from zonebridge.directory.models import Organisation
    from zonebridge.programmes.models import UniversityQuota

    nominations = round_.nominations.select_related("student", "university", "nominated_by")
    if policy.sees_all_nominations(acting_user, round_):
        # Every university that nominated someone or was given a quota (the rest have the default, unused).
        universities = Organisation.objects.filter(
            Q(pk__in=round_.nominations.values("university_id")) | Q(pk__in=round_.quotas.values("university_id")))
    else:
        universities = policy.coordinated_universities(acting_user)
        if not universities.exists():
            raise NotAllowed(_("Only the programme's operators and university coordinators see a round's "
                               "nominations."))
        nominations = nominations.filter(university__in=universities)
    universities = list(universities.order_by("slug"))
    set_quotas = dict(UniversityQuota.objects.filter(round=round_, university__in=universities)
                      .values_list("university_id", "quota"))
    used = dict(round_.nominations.filter(university__in=universities).values("university_id")
                .annotate(active=Count("pk", filter=Q(state=NominationState.ACTIVE)))
                .values_list("university_id", "active"))
    quotas = []
    for university in universities:
        quota = set_quotas.get(university.pk, round_.default_quota)
        taken = used.get(university.pk, 0)
        quotas.append({"university": university, "quota": quota, "used": taken, "left": max(quota - taken, 0)})
    return {"quotas": quotas, "nominations": list(nominations)}
