"""Recommended matches: the ranking engine reads every participant's offers (and organisation) in any of the
three languages and finds the best answers to each person's needs. Run as a task (`events.tasks`): building the
index embeds every text, which takes seconds for a few hundred participants."""

from django.db import transaction
from django.utils import timezone

from zonebridge.events.models import Event, Registration, RegistrationState

RECOMMENDATIONS_PER_PERSON = 8


def _offer_text(registration: Registration) -> str:
    organisation = registration.organisation
    return " ".join(filter(None, [registration.offers_en, registration.offers_zh_hans, registration.offers_zh_hant,
                                  organisation.name_en, organisation.summary_en, organisation.summary_zh_hans,
                                  organisation.summary_zh_hant]))


def _need_text(registration: Registration) -> str:
    return " ".join(filter(None, [registration.needs_en, registration.needs_zh_hans, registration.needs_zh_hant]))


def refresh_recommendations(event: Event) -> int:
    """Rank every approved participant's offers against every participant's needs; store each person's best
    matches (other organisations only). Returns how many people got recommendations."""
    from zonebridge.engine.retrieval import Document, RankIndex

    started = timezone.now()
    people = list(Registration.objects.filter(event=event, state=RegistrationState.APPROVED)
                  .select_related("organisation"))
    index = RankIndex.build([Document(id=str(r.pk), text=_offer_text(r)) for r in people]) if people else None
    asking = [r for r in people if _need_text(r)]
    results = index.search_many([_need_text(r) for r in asking], RECOMMENDATIONS_PER_PERSON + 4) if asking else []
    organisation_of = {r.pk: r.organisation_id for r in people}
    stored = {r.pk: [] for r in people}
    for registration, matches in zip(asking, results):
        stored[registration.pk] = [
            [int(m.id), list(m.why)] for m in matches
            if m.score > 0 and organisation_of[int(m.id)] != registration.organisation_id
        ][:RECOMMENDATIONS_PER_PERSON]
    with transaction.atomic():
        for pk, recommendations in stored.items():
            # update() keeps updated_at: a refresh is not a change of the person's profile.
            Registration.objects.filter(pk=pk).update(recommendations=recommendations)
        Event.objects.filter(pk=event.pk).update(recommendations_refreshed_at=started)
    return sum(bool(value) for value in stored.values())
