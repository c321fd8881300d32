"""Use cases of the marketplace: posting, interest and introductions, outcomes, saved searches and digests.

Every change of a posting queues, after commit, the task that updates the shared index and the stored
recommendations (`tasks.py`); nothing here ranks or embeds in the request.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zonebridge.accounts.services import log_personal_data_view
from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, InvalidFields, NotAllowed, NotFound, full_clean
from zonebridge.core.notifications import notify
from zonebridge.core.tasks import send_email_later
from zonebridge.core.trilingual import ChineseScript, apply_texts
from zonebridge.core.workflow import Transition, Workflow
from zonebridge.directory.models import Organisation
from zonebridge.engine.text import is_traditional
from zonebridge.opportunities import notifications as kinds
from zonebridge.opportunities import queries
from zonebridge.opportunities.models import (
    InterestExpression,
    InterestState,
    IntroductionRoute,
    Language,
    Opportunity,
    Outcome,
    SavedSearch,
)
from zonebridge.policy import opportunities as policy

# Expressions of interest one organisation may send in 24 hours (spam and scraping guard).
INTEREST_LIMIT_PER_DAY = 10
# When both sides are asked how an accepted introduction went.
FOLLOW_UP_AFTER = timedelta(days=91)
SAVED_SEARCH_LIMIT = 20
UNSUBSCRIBE_SALT = "zonebridge.opportunities.unsubscribe"
PLAIN_FIELDS = ("direction", "kind", "target_zone", "valid_from", "valid_until", "visibility")
# What the audit trail records of an edit (column values, so a zone is its id).
AUDITED_FIELDS = ("direction", "kind", "target_zone_id", "valid_from", "valid_until", "visibility", "title_en",
                  "title_zh_hans", "title_zh_hant")
CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def detect_language(text: str) -> str:
    """`en`, `zh_hans` or `zh_hant`: Chinese when the text has ideographs, in the script it mostly uses."""
    if not CHINESE.search(text or ""):
        return Language.EN
    return Language.ZH_HANT if is_traditional(text) else Language.ZH_HANS


def texts_in(language: str | None, title: str, description: str) -> tuple[str, dict[str, str]]:
    """The language and the trilingual field values of a text written once (language detected when empty)."""
    language = language or detect_language(f"{title} {description}")
    return language, {f"title_{language}": title, f"description_{language}": description}


def schedule_refresh(opportunity_id: int) -> None:
    from zonebridge.opportunities.tasks import opportunity_changed_task

    transaction.on_commit(lambda: opportunity_changed_task(opportunity_id))


def _params(opportunity: Opportunity) -> dict:
    return {"title": {s: opportunity.in_language("title", s) for s in ("en", "zh_hans", "zh_hant")},
            "organisation": {s: opportunity.organisation.in_language("name", s) for s in ("en", "zh_hans", "zh_hant")}}


def _check_texts(opportunity: Opportunity) -> None:
    problems = {}
    if not any(getattr(opportunity, f"title_{s}") for s in ("en", "zh_hans", "zh_hant")):
        problems[f"title_{opportunity.language}"] = _("Give the posting a title.")
    if not any(getattr(opportunity, f"description_{s}") for s in ("en", "zh_hans", "zh_hant")):
        problems[f"description_{opportunity.language}"] = _("Describe what you offer or need.")
    if opportunity.valid_until and opportunity.valid_from and opportunity.valid_until < opportunity.valid_from:
        problems["valid_until"] = _("The last day comes before the first.")
    if problems:
        raise InvalidFields(problems)


def create_opportunity(*, acting_user, organisation: Organisation, kind: str, texts: dict[str, str],
                       language: str | None = None, sectors=(), **fields) -> Opportunity:
    """Post an offer or need for `organisation`; texts in one language, the other Chinese script converted."""
    if not policy.may_post_for(acting_user, organisation):
        raise NotAllowed(_("You may not post for this organisation."))
    if not language:
        language = detect_language(" ".join(v for k, v in texts.items() if not k.endswith("_en")) or
                                   " ".join(texts.values()))
    opportunity = Opportunity(organisation=organisation, kind=kind, language=language,
                              created_by=acting_user if getattr(acting_user, "pk", None) else None,
                              chinese_source=ChineseScript.TRADITIONAL if language == Language.ZH_HANT
                              else ChineseScript.SIMPLIFIED,
                              **{name: value for name, value in fields.items() if name in PLAIN_FIELDS})
    with transaction.atomic():
        apply_texts(opportunity, texts)
        _check_texts(opportunity)
        full_clean(opportunity)
        opportunity.save()
        opportunity.sectors.set(sectors)
        audit.record("opportunities.opportunity.create", actor=acting_user, target=opportunity,
                     after={"kind": kind, "organisation": organisation.slug, "visibility": opportunity.visibility})
        schedule_refresh(opportunity.pk)
    return opportunity


def update_opportunity(opportunity: Opportunity, *, acting_user, texts: dict[str, str], fields: dict,
                       sectors=None) -> Opportunity:
    """Edit a posting (texts in any language; a converted script edited by hand stays as written)."""
    if not policy.may_edit_opportunity(acting_user, opportunity):
        raise NotAllowed(_("You may not edit this posting."))
    with transaction.atomic():
        opportunity = Opportunity.objects.select_for_update().select_related("organisation__home_zone").get(
            pk=opportunity.pk)
        before = audit.snapshot(opportunity, AUDITED_FIELDS)
        for name in (*PLAIN_FIELDS, "language", "chinese_source"):
            if name in fields:
                setattr(opportunity, name, fields[name])
        apply_texts(opportunity, texts)
        _check_texts(opportunity)
        full_clean(opportunity)
        opportunity.save()
        if sectors is not None:
            opportunity.sectors.set(sectors)
        audit.record("opportunities.opportunity.update", actor=acting_user, target=opportunity, before=before,
                     after=audit.snapshot(opportunity, AUDITED_FIELDS))
        schedule_refresh(opportunity.pk)
    return opportunity


def withdraw_opportunity(opportunity: Opportunity, *, acting_user) -> Opportunity:
    """Take a posting off the listings for good (it leaves the index and every recommendation)."""
    if not policy.may_edit_opportunity(acting_user, opportunity):
        raise NotAllowed(_("You may not withdraw this posting."))
    with transaction.atomic():
        opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
        if opportunity.withdrawn_at is not None:
            raise Conflict(_("This posting was already withdrawn."))
        opportunity.withdrawn_at = timezone.now()
        opportunity.save(update_fields=["withdrawn_at", "updated_at"])
        audit.record("opportunities.opportunity.withdraw", actor=acting_user, target=opportunity)
        schedule_refresh(opportunity.pk)
    return opportunity


# --- Expressions of interest -----------------------------------------------------------------------------

def _posting_still_open(interest: InterestExpression):
    if not interest.opportunity.is_open():
        return _("The posting is no longer open.")
    return None


INTEREST_FLOW = Workflow("opportunities.interestexpression", transitions=[
    Transition("accept", source=[InterestState.SENT], target=InterestState.ACCEPTED, label=gettext_lazy("Accept"),
               allowed=policy.may_decide_interest, guard=_posting_still_open),
    Transition("decline", source=[InterestState.SENT], target=InterestState.DECLINED, label=gettext_lazy("Decline"),
               allowed=policy.may_decide_interest),
    Transition("withdraw", source=[InterestState.SENT], target=InterestState.WITHDRAWN, label=gettext_lazy("Withdraw"),
               allowed=policy.may_withdraw_interest),
])


def express_interest(opportunity: Opportunity, *, acting_user, organisation: Organisation,
                     message: str) -> InterestExpression:
    """Send `organisation`'s interest in a posting, with a message; at most INTEREST_LIMIT_PER_DAY a day."""
    if not policy.acts_for(acting_user, organisation):
        raise NotAllowed(_("You may only express interest for an organisation you belong to."))
    if not policy.may_view_opportunity(acting_user, opportunity):
        raise NotFound(_("No such posting."))
    if organisation.pk == opportunity.organisation_id:
        raise DomainError(_("This is your own organisation's posting."), field="organisation")
    if not opportunity.is_open():
        raise Conflict(_("The posting is no longer open."))
    if not (message or "").strip():
        raise DomainError(_("Write a message: say who you are and what you propose."), field="message")
    with transaction.atomic():
        # The organisation's row lock serialises its senders, so two requests cannot both pass the limit.
        Organisation.objects.select_for_update().get(pk=organisation.pk)
        sent_today = InterestExpression.objects.filter(
            organisation=organisation, created_at__gte=timezone.now() - timedelta(days=1)).count()
        if sent_today >= INTEREST_LIMIT_PER_DAY:
            # A Conflict like every refusal of the page; its type tells an API client it is the limit.
            raise Conflict(_("Your organisation has sent %(limit)s expressions of interest in the last 24 hours, "
                             "the most allowed. Try again tomorrow.") % {"limit": INTEREST_LIMIT_PER_DAY},
                           code="throttled")
        interest = InterestExpression(opportunity=opportunity, organisation=organisation, sent_by=acting_user,
                                      message=message.strip())
        full_clean(interest, exclude=["opportunity", "organisation"])
        try:
            with transaction.atomic():
                interest.save()
        except IntegrityError:
            raise Conflict(_("Your organisation has already expressed interest in this posting.")) from None
        audit.record("opportunities.interest.send", actor=acting_user, target=interest,
                     after={"opportunity": opportunity.pk, "organisation": organisation.slug})
        url = reverse("opportunities:interest_detail", args=[interest.pk])
        params = {**_params(opportunity),
                  "sender": {s: organisation.in_language("name", s) for s in ("en", "zh_hans", "zh_hant")}}
        for person in _owner_side_people(opportunity):
            notify(person, kinds.INTEREST_RECEIVED, params=params, url=url)
    return interest


def _owner_side_people(opportunity: Opportunity):
    """Who answers for a posting: its author if still a member, else the organisation's admins."""
    organisation = opportunity.organisation
    people = [m.user for m in organisation.memberships.select_related("user").filter(
        role__in=policy.POSTING_ROLES, user__is_active=True)]
    author = opportunity.created_by
    if author is not None and any(p.pk == author.pk for p in people):
        return [author]
    admins = [m.user for m in organisation.memberships.select_related("user").filter(
        role="org_admin", user__is_active=True)]
    return admins or people


def zone_operators_of(interest: InterestExpression):
    """The active operators of both zones of an interest."""
    zones = {interest.organisation.home_zone, interest.opportunity.organisation.home_zone}
    return {user.pk: user for zone in zones for user in zone.operators.filter(is_active=True)}.values()


def accept_interest(interest: InterestExpression, *, acting_user) -> InterestExpression:
    """Accept: both sides get an introduction, contacts shared directly only if both consented (or one zone)."""
    direct = policy.contacts_may_be_shared(interest.sent_by, acting_user)
    now = timezone.now()
    with transaction.atomic():
        interest = INTEREST_FLOW.apply(interest, "accept", acting_user=acting_user, changes={
            "decided_by_id": acting_user.pk, "decided_at": now, "follow_up_due": now + FOLLOW_UP_AFTER,
            "introduction_route": IntroductionRoute.DIRECT if direct else IntroductionRoute.OPERATOR})
        interest = _reload(interest)
        url = reverse("opportunities:interest_detail", args=[interest.pk])
        params = {**_params(interest.opportunity),
                  "sender": {s: interest.organisation.in_language("name", s) for s in ("en", "zh_hans", "zh_hant")}}
        notify(interest.sent_by, kinds.INTEREST_ACCEPTED, params=params, url=url)
        notify(acting_user, kinds.INTRODUCTION_READY, params=params, url=url)
        if not direct:
            for operator in zone_operators_of(interest):
                notify(operator, kinds.INTRODUCTION_REQUESTED, params=params, url=url)
    return interest


def decline_interest(interest: InterestExpression, *, acting_user) -> InterestExpression:
    """Decline an interest; its sender is told."""
    with transaction.atomic():
        interest = INTEREST_FLOW.apply(interest, "decline", acting_user=acting_user,
                                       changes={"decided_by_id": acting_user.pk, "decided_at": timezone.now()})
        interest = _reload(interest)
        notify(interest.sent_by, kinds.INTEREST_DECLINED, params=_params(interest.opportunity),
               url=reverse("opportunities:interest_detail", args=[interest.pk]))
    return interest


def withdraw_interest(interest: InterestExpression, *, acting_user) -> InterestExpression:
    """The sender takes back an interest that was not answered yet."""
    return INTEREST_FLOW.apply(interest, "withdraw", acting_user=acting_user)


def apply_interest_action(interest: InterestExpression, action: str, *, acting_user) -> InterestExpression:
    """Run the workflow action named `action` (accept, decline, withdraw)."""
    actions = {"accept": accept_interest, "decline": decline_interest, "withdraw": withdraw_interest}
    if action not in actions:
        raise DomainError(_("Unknown action “%(action)s”.") % {"action": action}, field="action")
    return actions[action](interest, acting_user=acting_user)


def _reload(interest: InterestExpression) -> InterestExpression:
    return InterestExpression.objects.select_related(
        "opportunity__organisation__home_zone", "organisation__home_zone", "sent_by", "decided_by").get(pk=interest.pk)


@dataclass
class Introduction:
    """What one viewer sees of an accepted interest's introduction: both contacts, or the operators to go through."""

    route: str
    # {"sender": {...}, "owner": {...}} with name, email and phone; None when they may not be shown to this viewer.
    contacts: dict | None = None
    operators: list = field(default_factory=list)


def _contact(viewer, person) -> dict | None:
    """A party's contact details (a view across the border is logged as a personal-data view)."""
    if person is None:
        return None
    profile = getattr(person, "profile", None)
    log_personal_data_view(viewer, person, channel="introduction")
    return {"name": person.display_name or person.username,
            "email": (profile and profile.contact_email) or person.email, "phone": profile.phone if profile else ""}


def introduction_for(interest: InterestExpression, *, viewer) -> Introduction | None:
    """The introduction `viewer` may see (None until accepted): the two contacts only on the direct route, while
    both people's consent still holds (or they share a zone), and only to the two sides; else the operators.

    The one place this is decided: the page and the API both show what it returns.
    """
    if interest.state != InterestState.ACCEPTED:
        return None
    shared = (interest.introduction_route == IntroductionRoute.DIRECT
              and policy.contacts_may_be_shared(interest.sent_by, interest.decided_by)
              and (policy.is_owner_side(viewer, interest) or policy.is_sender_side(viewer, interest)))
    if shared:
        return Introduction(route=interest.introduction_route, contacts={
            "sender": _contact(viewer, interest.sent_by), "owner": _contact(viewer, interest.decided_by)})
    return Introduction(route=interest.introduction_route, operators=list(zone_operators_of(interest)))


def broker_introduction(interest: InterestExpression, *, acting_user) -> InterestExpression:
    """A zone operator introduces the two sides themselves (the route when contacts may not be shared)."""
    if not policy.may_broker(acting_user, interest):
        raise NotAllowed(_("Only the zones' operators broker introductions."))
    with transaction.atomic():
        interest = InterestExpression.objects.select_for_update().get(pk=interest.pk)
        if interest.state != InterestState.ACCEPTED:
            raise Conflict(_("Only an accepted interest can be introduced."))
        if interest.brokered_at is not None:
            raise Conflict(_("These two were already introduced."))
        interest.brokered_by, interest.brokered_at = acting_user, timezone.now()
        if interest.follow_up_sent_at is None:
            # Through the operators the two sides meet only now: the three months count from here.
            interest.follow_up_due = interest.brokered_at + FOLLOW_UP_AFTER
        interest.save(update_fields=["brokered_by", "brokered_at", "follow_up_due"])
        audit.record("opportunities.interest.broker", actor=acting_user, target=interest)
        interest = _reload(interest)
        params = {**_params(interest.opportunity), "operator": acting_user.display_name or acting_user.username}
        url = reverse("opportunities:interest_detail", args=[interest.pk])
        for person in {interest.sent_by, interest.decided_by} - {None}:
            notify(person, kinds.INTRODUCED, params=params, url=url)
    return interest


def record_outcome(interest: InterestExpression, *, acting_user, outcome: str) -> InterestExpression:
    """Say how an accepted introduction went (no reply, talking, deal, pilot, investment)."""
    if not policy.may_record_outcome(acting_user, interest):
        raise NotAllowed(_("You may not report on this introduction."))
    if outcome not in Outcome.values or not outcome:
        raise DomainError(_("Choose an outcome."), field="outcome")
    with transaction.atomic():
        interest = InterestExpression.objects.select_for_update().get(pk=interest.pk)
        if interest.state != InterestState.ACCEPTED:
            raise Conflict(_("Only an accepted interest has an outcome."))
        before = audit.snapshot(interest, ["outcome"])
        interest.outcome, interest.outcome_at = outcome, timezone.now()
        interest.save(update_fields=["outcome", "outcome_at"])
        audit.record("opportunities.interest.outcome", actor=acting_user, target=interest, before=before,
                     after={"outcome": outcome})
    return interest


def send_due_follow_ups(now=None) -> int:
    """Ask both sides of every introduction accepted three months ago how it went (a daily task); once each."""
    now = now or timezone.now()
    sent = 0
    due = InterestExpression.objects.filter(state=InterestState.ACCEPTED, follow_up_due__lte=now,
                                            follow_up_sent_at__isnull=True).values_list("pk", flat=True)
    for pk in list(due):
        with transaction.atomic():
            # Claimed by the update, so two workers never both send it.
            if not InterestExpression.objects.filter(pk=pk, follow_up_sent_at__isnull=True).update(
                    follow_up_sent_at=now):
                continue
            interest = _reload(interest=InterestExpression(pk=pk))
            params = {**_params(interest.opportunity),
                      "sender": {s: interest.organisation.in_language("name", s) for s in ("en", "zh_hans", "zh_hant")}}
            url = reverse("opportunities:interest_detail", args=[pk])
            for person in {interest.sent_by, interest.decided_by} - {None}:
                notify(person, kinds.FOLLOW_UP, params=params, url=url)
            sent += 1
    return sent


# --- Saved searches and the weekly digest ---------------------------------------------------------------

def save_search(*, acting_user, q: str = "", kind: str = "", sector=None, zone=None) -> SavedSearch:
    """Save a search for the weekly digest."""
    if not policy.signed_in(acting_user):
        raise NotAllowed(_("Sign in to save a search."))
    with transaction.atomic():
        if SavedSearch.objects.select_for_update().filter(user=acting_user).count() >= SAVED_SEARCH_LIMIT:
            raise Conflict(_("You have saved %(limit)s searches, the most allowed. Delete one first.")
                           % {"limit": SAVED_SEARCH_LIMIT})
        saved = SavedSearch(user=acting_user, q=(q or "").strip(), kind=kind or "", sector=sector, zone=zone,
                            last_sent_at=timezone.now())
        full_clean(saved)
        saved.save()
    return saved


def delete_saved_search(saved: SavedSearch, *, acting_user) -> None:
    """Delete one of your saved searches."""
    if not policy.owns_saved_search(acting_user, saved):
        raise NotFound(_("No such saved search."))
    saved.delete()


def set_digest(saved: SavedSearch, *, acting_user, active: bool) -> SavedSearch:
    """Turn the weekly e-mail of one of your saved searches on or off."""
    if not policy.owns_saved_search(acting_user, saved):
        raise NotFound(_("No such saved search."))
    SavedSearch.objects.filter(pk=saved.pk).update(is_active=active)
    saved.is_active = active
    return saved


def unsubscribe_token(saved: SavedSearch) -> str:
    """The signed token of a saved search's one-click unsubscribe link."""
    return signing.dumps(saved.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe(token: str) -> SavedSearch:
    """Stop the digest of the saved search the token names (no sign-in needed: the token is the proof)."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise NotFound(_("This unsubscribe link is not valid.")) from None
    saved = SavedSearch.objects.filter(pk=pk).first()
    if saved is None:
        raise NotFound(_("This saved search no longer exists."))
    SavedSearch.objects.filter(pk=pk).update(is_active=False)
    saved.is_active = False
    return saved


DIGEST_SIZE = 10


def send_weekly_digests(now=None) -> int:
    """Mail every active saved search's new matches since its last digest, in the reader's language."""
    now = now or timezone.now()
    mailed = 0
    searches = SavedSearch.objects.filter(is_active=True, user__is_active=True).exclude(user__email="").select_related(
        "user", "sector", "zone")
    for saved in searches:
        since = saved.last_sent_at or saved.created_at
        results = queries.search(saved.user, q=saved.q, kind=saved.kind, sector=saved.sector, zone=saved.zone)
        fresh = [r for r in results[:200] if r.opportunity.created_at > since][:DIGEST_SIZE]
        SavedSearch.objects.filter(pk=saved.pk).update(last_sent_at=now)
        if not fresh:
            continue
        language = saved.user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            context = {"saved": saved, "results": fresh, "user": saved.user, "site_url": settings.SITE_URL,
                       "unsubscribe_url": settings.SITE_URL + reverse("opportunities:unsubscribe",
                                                                      args=[unsubscribe_token(saved)]),
                       "search_url": settings.SITE_URL + reverse("opportunities:list")}
            subject = loader.render_to_string("opportunities/email/digest_subject.txt", context).strip()
            body = loader.render_to_string("opportunities/email/digest.txt", context)
        send_email_later(subject, body, [saved.user.email])
        mailed += 1
    return mailed
