"""Use cases of programmes and rounds: create them, move a round through its states, set quotas, the rubric,
reviewers, and post positions."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zonebridge.core import audit
from zonebridge.core.errors import DomainError, NotAllowed, full_clean
from zonebridge.core.trilingual import apply_texts
from zonebridge.core.workflow import Transition, Workflow
from zonebridge.policy import programmes as policy
from zonebridge.programmes.models import Criterion, Position, Programme, Round, RoundState, UniversityQuota

PROGRAMME_PLAIN_FIELDS = ("slug", "home_zone", "host_zone", "starts_on", "ends_on", "documents_required",
                          "chinese_source")
POSITION_PLAIN_FIELDS = ("kind", "capacity", "location", "work_mode", "stipend", "starts_on", "chinese_source")
# Zones by id: the audit trail stores plain values.
AUDITED_PROGRAMME_FIELDS = [f"{name}_id" if name.endswith("_zone") else name for name in PROGRAMME_PLAIN_FIELDS] + [
    "title_en", "eligibility_en"]
EDITABLE_STATES = (RoundState.DRAFT, RoundState.OPEN, RoundState.REVIEW)
# Addresses under /programmes/ that a programme's slug would shadow.
RESERVED_SLUGS = frozenset({"new", "my", "rounds", "positions", "applications", "nominations", "runs", "offers",
                            "participants"})


def _manages(user, round_: Round) -> bool:
    return policy.manages(user, round_.programme)


def _has_positions(round_: Round):
    if not round_.positions.exists():
        return _("Add at least one position before opening the round.")
    return None


def _has_run(round_: Round) -> bool:
    from zonebridge.programmes.models import PlacementRun

    return PlacementRun.objects.filter(round=round_).exists()


ROUND_FLOW = Workflow("programmes.round", transitions=[
    Transition("open", source=[RoundState.DRAFT], target=RoundState.OPEN, label=gettext_lazy("Open for applications"),
               allowed=_manages, guard=_has_positions),
    Transition("start_review", source=[RoundState.OPEN], target=RoundState.REVIEW,
               label=gettext_lazy("Close applications and start the review"), allowed=_manages),
    Transition("reopen", source=[RoundState.REVIEW], target=RoundState.OPEN,
               label=gettext_lazy("Reopen for applications"), allowed=_manages),
    Transition("start_matching", source=[RoundState.REVIEW], target=RoundState.MATCHING,
               label=gettext_lazy("Freeze the rank lists and start matching"), allowed=_manages),
    Transition("back_to_review", source=[RoundState.MATCHING], target=RoundState.REVIEW,
               label=gettext_lazy("Back to review"), allowed=_manages,
               guard=lambda r: _("The match has run; the round cannot go back.") if _has_run(r) else None),
    # Only the placement run publishes (programmes.services.placement), never a button.
    Transition("publish", source=[RoundState.MATCHING], target=RoundState.PUBLISHED,
               label=gettext_lazy("Publish the results"), allowed=_manages,
               guard=lambda r: None if _has_run(r) else _("Only the match publishes a round's results.")),
    Transition("close", source=[RoundState.PUBLISHED], target=RoundState.CLOSED,
               label=gettext_lazy("Close the round"), allowed=_manages),
])
# Transitions a person may choose on the round's page (publishing happens through the match).
BUTTON_TRANSITIONS = ("open", "start_review", "reopen", "start_matching", "back_to_review", "close")


# What a state change means for the candidates and hosts of the round (who are told).
STATE_NEWS = {
    "start_review": gettext_lazy("Applications are closed and the review has started."),
    "reopen": gettext_lazy("The round is open for applications again; rank lists can change."),
    "start_matching": gettext_lazy("Rank lists are frozen; the match comes next."),
    "back_to_review": gettext_lazy("The round is back in review; rank lists can change again."),
    "close": gettext_lazy("The round is closed."),
}


def transition_round(round_: Round, name: str, *, acting_user) -> Round:
    """Move a round to its next state through the workflow (locks, checks, audits) and tell those it concerns."""
    if name not in BUTTON_TRANSITIONS:
        raise DomainError(_("Unknown action “%(action)s”.") % {"action": name}, field="action")
    with transaction.atomic():
        round_ = ROUND_FLOW.apply(round_, name, acting_user=acting_user)
        if name in STATE_NEWS:
            _tell_round(round_, STATE_NEWS[name])
    return round_


def _tell_round(round_: Round, what) -> None:
    """Notify the round's candidates and the admins of its hosts of a state change."""
    from django.urls import reverse

    from zonebridge.accounts.models import Membership, Role, User
    from zonebridge.core.notifications import in_every_language, notify
    from zonebridge.programmes.models import IN_THE_RUNNING

    students = set(round_.applications.filter(state__in=IN_THE_RUNNING).values_list("student_id", flat=True))
    hosts = set(Membership.objects.filter(role=Role.ORG_ADMIN, organisation__in=round_.positions.values("host"))
                .values_list("user_id", flat=True))
    round_label = {}
    for language, suffix in (("en", "en"), ("zh-hans", "zh_hans"), ("zh-hant", "zh_hant")):
        from django.utils import translation

        with translation.override(language):
            round_label[suffix] = round_.label
    params = {"round": round_label, "state": in_every_language(RoundState(round_.state).label),
              "what": in_every_language(what)}
    url = reverse("programmes:round_detail", args=[round_.pk])
    for user in User.objects.filter(pk__in=students | hosts):
        notify(user, "programmes.round_state", params=params, url=url)


def create_programme(*, acting_user, texts: dict, fields: dict) -> Programme:
    """Create an exchange programme hosted by a zone the acting operator runs."""
    host_zone = fields.get("host_zone")
    if not policy.may_create_programme(acting_user) or (
            host_zone is not None and not policy.operated_zones(acting_user).filter(pk=host_zone.pk).exists()):
        raise NotAllowed(_("Only operators of the host zone create its programmes."))
    programme = Programme(created_by=acting_user, **{k: v for k, v in fields.items() if k in PROGRAMME_PLAIN_FIELDS})
    if not (texts.get("title_en") or "").strip():
        raise DomainError(_("An English title is required."), field="title_en")
    if programme.slug in RESERVED_SLUGS:
        raise DomainError(_("“%(slug)s” is reserved; choose another address.") % {"slug": programme.slug},
                          field="slug")
    if programme.starts_on and programme.ends_on and programme.ends_on < programme.starts_on:
        raise DomainError(_("The programme cannot end before it starts."), field="ends_on")
    with transaction.atomic():
        apply_texts(programme, texts)
        full_clean(programme)
        programme.save()
        audit.record("programmes.programme.create", actor=acting_user, target=programme,
                     after={"slug": programme.slug, "title_en": programme.title_en})
    return programme


def create_round(programme: Programme, *, acting_user, applications_close_at, offer_deadline,
                 default_quota: int = 5, previous: Round | None = None) -> Round:
    """Add a round (in draft) to a programme."""
    if not policy.manages(acting_user, programme):
        raise NotAllowed(_("Only the programme's operators add rounds."))
    if offer_deadline <= applications_close_at:
        raise DomainError(_("Offers must be answered after applications close."), field="offer_deadline")
    with transaction.atomic():
        Programme.objects.select_for_update().get(pk=programme.pk)
        number = (programme.rounds.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        round_ = Round(programme=programme, number=number, applications_close_at=applications_close_at,
                       offer_deadline=offer_deadline, default_quota=default_quota, previous=previous)
        full_clean(round_)
        round_.save()
        audit.record("programmes.round.create", actor=acting_user, target=round_, after={"number": number})
    return round_


def set_quota(round_: Round, university, quota: int, *, acting_user) -> UniversityQuota:
    """Set how many students `university` may nominate in the round (not below what it already nominated)."""
    from zonebridge.programmes.models import NominationState

    if not _manages(acting_user, round_):
        raise NotAllowed(_("Only the programme's operators set quotas."))
    if quota < 0 or quota > 1000:
        raise DomainError(_("A quota is between 0 and 1,000."), field="quota")
    with transaction.atomic():
        Round.objects.select_for_update().get(pk=round_.pk)
        used = round_.nominations.filter(university=university, state=NominationState.ACTIVE).count()
        if quota < used:
            raise DomainError(_("%(university)s has already nominated %(used)s students; the quota cannot be "
                                "lower.") % {"university": university.name, "used": used}, field="quota")
        row, _created = UniversityQuota.objects.update_or_create(round=round_, university=university,
                                                                 defaults={"quota": quota})
        audit.record("programmes.round.set_quota", actor=acting_user, target=round_,
                     after={"university": university.slug, "quota": quota})
    return row


def quota_for(round_: Round, university) -> int:
    """How many students `university` may nominate in the round."""
    row = UniversityQuota.objects.filter(round=round_, university=university).values_list("quota", flat=True).first()
    return round_.default_quota if row is None else row


def add_criterion(round_: Round, *, acting_user, texts: dict, weight: int, max_score: int = 5) -> Criterion:
    """Add a criterion with its weight to the round's rubric (before the review starts)."""
    if not _manages(acting_user, round_):
        raise NotAllowed(_("Only the programme's operators define the rubric."))
    if round_.state not in (RoundState.DRAFT, RoundState.OPEN):
        raise DomainError(_("The rubric is fixed once the review has started."), field="label_en")
    if not (texts.get("label_en") or "").strip():
        raise DomainError(_("Name the criterion in English."), field="label_en")
    criterion = Criterion(round=round_, weight=weight, max_score=max_score, chinese_source="zh_hans")
    criterion.round = round_
    with transaction.atomic():
        apply_texts(criterion, texts)
        full_clean(criterion)
        criterion.save()
        audit.record("programmes.criterion.create", actor=acting_user, target=criterion,
                     after={"label_en": criterion.label_en, "weight": weight, "max_score": max_score})
    return criterion


def invite_reviewer(round_: Round, reviewer, *, acting_user) -> None:
    """Invite a person with a reviewer role to score the round's applications."""
    from zonebridge.accounts.models import Role

    if not _manages(acting_user, round_):
        raise NotAllowed(_("Only the programme's operators invite reviewers."))
    if not reviewer.memberships.filter(role=Role.REVIEWER).exists():
        raise DomainError(_("%(name)s has no reviewer role.") % {"name": reviewer}, field="reviewer")
    with transaction.atomic():
        round_.reviewers.add(reviewer)
        audit.record("programmes.round.invite_reviewer", actor=acting_user, target=round_,
                     after={"reviewer": reviewer.username})


def save_position(position: Position, *, acting_user, texts: dict, fields: dict, universities=None) -> Position:
    """Post (or edit) a position at a host organisation of the programme's host zone, while the round is not
    yet matched."""
    round_ = position.round
    if position.pk is None and not (policy.manages(acting_user, round_.programme) or
                                    policy.hosted_organisations(acting_user).filter(pk=position.host_id).exists()):
        raise NotAllowed(_("Only the host organisation's admins post its positions."))
    if position.pk is not None and not policy.may_manage_position(acting_user, position):
        raise NotAllowed(_("Only the host organisation's admins edit its positions."))
    if round_.state not in EDITABLE_STATES:
        raise DomainError(_("Positions of “%(round)s” can no longer change: the round is %(state)s.") % {
            "round": round_.label, "state": round_.get_state_display()}, field="capacity")
    if position.host.home_zone_id != round_.programme.host_zone_id:
        raise DomainError(_("%(host)s is not in the programme's host zone.") % {"host": position.host.name},
                          field="host")
    for name in POSITION_PLAIN_FIELDS:
        if name in fields:
            setattr(position, name, fields[name])
    if not (texts.get("title_en", position.title_en) or "").strip():
        raise DomainError(_("An English title is required."), field="title_en")
    with transaction.atomic():
        created = position.pk is None
        apply_texts(position, texts)
        full_clean(position, exclude=["carried_from"])
        position.save()
        if universities is not None:
            position.universities.set(universities)
        audit.record("programmes.position." + ("create" if created else "update"), actor=acting_user,
                     target=position, after={"capacity": position.capacity, "title_en": position.title_en})
    return position



def update_programme(programme: Programme, *, acting_user, texts: dict, fields: dict) -> Programme:
    """Edit a programme's dates, zones and texts (its operators)."""
    if not policy.manages(acting_user, programme):
        raise NotAllowed(_("Only the programme's operators edit it."))
    with transaction.atomic():
        locked = Programme.objects.select_for_update(of=("self",)).select_related("host_zone").get(pk=programme.pk)
        before = audit.snapshot(locked, AUDITED_PROGRAMME_FIELDS)
        for name in PROGRAMME_PLAIN_FIELDS:
            if name in fields:
                setattr(locked, name, fields[name])
        if locked.ends_on < locked.starts_on:
            raise DomainError(_("The programme cannot end before it starts."), field="ends_on")
        apply_texts(locked, texts)
        full_clean(locked)
        locked.save()
        audit.record("programmes.programme.update", actor=acting_user, target=locked, before=before,
                     after=audit.snapshot(locked, AUDITED_PROGRAMME_FIELDS))
    return locked


def set_blind_review(round_: Round, blind: bool, *, acting_user) -> Round:
    """Make the round's review blind (reviewers see neither names, universities nor CVs) or not, until the match."""
    if not _manages(acting_user, round_):
        raise NotAllowed(_("Only the programme's operators decide whether the review is blind."))
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round_.pk)
        if locked.state not in EDITABLE_STATES:
            raise DomainError(_("The review of “%(round)s” is over: it can no longer become blind or open.") % {
                "round": locked.label}, field="blind_review")
        before = locked.blind_review
        locked.blind_review = bool(blind)
        locked.save(update_fields=["blind_review"])
        audit.record("programmes.round.blind_review", actor=acting_user, target=locked,
                     before={"blind_review": before}, after={"blind_review": locked.blind_review})
    return locked
