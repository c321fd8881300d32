"""Stored recommendations, recomputed by task workers (never on a page view).

* For an organisation: the postings that fit its profile and its own postings (its profile text and the titles
  of what it posted are the query), other organisations' open postings only.
* For a posting: the organisations whose profiles fit it (the posting's text is the query over profiles).

A changed posting refreshes its own fitting organisations and the "for you" lists of those organisations and
of every organisation that had it recommended; a changed profile refreshes that organisation's list and the
fitting organisations of the postings recommended to it.
"""

from django.db import transaction
from django.utils import timezone

from zonebridge.directory.models import Organisation
from zonebridge.directory.ranking import ORGANISATIONS, organisation_text
from zonebridge.engine.retrieval.evaluation import ANSWERING_KIND
from zonebridge.opportunities.models import Opportunity, Recommendation, RecommendationKind
from zonebridge.opportunities.search import OPPORTUNITIES, opportunity_text
from zonebridge.policy.opportunities import open_q

KEEP = 10  # stored per organisation or posting
CANDIDATES = 40  # asked of the engine before dropping own, closed and withdrawn postings
BATCH = 200  # organisations per engine call (one embedding batch)
OWN_POSTINGS = 3  # an organisation's newest open postings that ask for their answers


def profile_query(organisation: Organisation, own_titles: list[str]) -> str:
    """The query that stands for an organisation: its profile and what it posted."""
    return "\n".join([organisation_text(organisation), *own_titles])


def current_index(shared):
    """The worker's copy of a corpus index, built once if it never was."""
    index = shared.current()
    if index is None:
        shared.apply([])
        shared.recheck()
        index = shared.current()
    return index


def refresh_for_organisations(organisation_ids, progress=None) -> int:
    """Recompute the "for you" lists of these organisations; return how many lists were written.

    Each organisation asks two kinds of question: its profile (any posting that fits what it does), and each
    of its open postings (up to OWN_POSTINGS), answered by postings of the other direction — its need by
    offers, its offer by needs (the engine's complementary-kind rule). A posting found both ways keeps its best
    score and those reasons.
    """
    index = current_index(OPPORTUNITIES)
    organisation_ids = list(organisation_ids)
    written = 0
    for start in range(0, len(organisation_ids), BATCH):
        chunk = list(Organisation.objects.filter(pk__in=organisation_ids[start:start + BATCH]))
        own: dict[int, list[Opportunity]] = {}
        for posting in Opportunity.objects.filter(open_q(), organisation__in=chunk).order_by("-created_at"):
            own.setdefault(posting.organisation_id, []).append(posting)
        texts, filters, owners_of_query = [], [], []
        for organisation in chunk:
            mine = own.get(organisation.pk, [])[:OWN_POSTINGS]
            texts.append(profile_query(organisation, [p.title_en or p.title_zh_hans or p.title_zh_hant for p in mine]))
            # An organisation that only needs (or only offers) is shown the other direction by its profile too:
            # another company's copy of its own need cannot help it.
            directions = {p.direction for p in mine}
            filters.append({"kind": ANSWERING_KIND[directions.pop()]} if len(directions) == 1 else None)
            owners_of_query.append(organisation.pk)
            for posting in mine:
                texts.append(opportunity_text(posting))
                filters.append({"kind": ANSWERING_KIND[posting.direction]})
                owners_of_query.append(organisation.pk)
        results = index.search_many(texts, k=CANDIDATES, filters=filters) if texts else []
        candidate_ids = {int(m.id) for matches in results for m in matches}
        owners = dict(Opportunity.objects.filter(open_q(), pk__in=candidate_ids).values_list("pk", "organisation_id"))
        best: dict[int, dict[int, object]] = {}
        for organisation_id, matches in zip(owners_of_query, results):
            found = best.setdefault(organisation_id, {})
            for match in matches:
                posting_id = int(match.id)
                if owners.get(posting_id, organisation_id) == organisation_id:
                    continue  # closed, withdrawn, or its own
                if posting_id not in found or match.score > found[posting_id].score:
                    found[posting_id] = match
        now = timezone.now()
        rows = []
        for organisation in chunk:
            kept = sorted(best.get(organisation.pk, {}).values(), key=lambda m: -m.score)[:KEEP]
            rows += [Recommendation(kind=RecommendationKind.FOR_ORGANISATION, organisation=organisation,
                                    opportunity_id=int(m.id), rank=rank, score=round(m.score, 4),
                                    reasons=m.why, computed_at=now) for rank, m in enumerate(kept, start=1)]
        with transaction.atomic():
            Recommendation.objects.filter(kind=RecommendationKind.FOR_ORGANISATION, organisation__in=chunk).delete()
            Recommendation.objects.bulk_create(rows)
        written += len(chunk)
        if progress:
            progress(written / max(len(organisation_ids), 1), "")
    return written


def refresh_for_opportunities(opportunity_ids) -> list[int]:
    """Recompute the fitting organisations of these postings; return the organisation ids now fitting any."""
    index = current_index(ORGANISATIONS)
    postings = list(Opportunity.objects.filter(pk__in=list(opportunity_ids)).select_related("organisation"))
    open_ids = set(Opportunity.objects.filter(open_q(), pk__in=[p.pk for p in postings]).values_list("pk", flat=True))
    live = [p for p in postings if p.pk in open_ids]
    results = index.search_many([opportunity_text(p) for p in live], k=KEEP + 1) if live else []
    now = timezone.now()
    rows, fitting = [], set()
    for posting, matches in zip(live, results):
        kept = [m for m in matches if int(m.id) != posting.organisation_id][:KEEP]
        fitting.update(int(m.id) for m in kept)
        rows += [Recommendation(kind=RecommendationKind.FITS_POSTING, organisation_id=int(m.id), opportunity=posting,
                                rank=rank, score=round(m.score, 4), reasons=m.why, computed_at=now)
                 for rank, m in enumerate(kept, start=1)]
    with transaction.atomic():
        Recommendation.objects.filter(kind=RecommendationKind.FITS_POSTING,
                                      opportunity_id__in=[p.pk for p in postings]).delete()
        Recommendation.objects.bulk_create(rows)
    return sorted(fitting)


def opportunity_changed(opportunity_id: int) -> None:
    """A posting was created, edited or withdrawn: update the index, then the recommendations it touches."""
    OPPORTUNITIES.apply([str(opportunity_id)])
    OPPORTUNITIES.recheck()
    had_it = set(Recommendation.objects.filter(kind=RecommendationKind.FOR_ORGANISATION,
                                               opportunity_id=opportunity_id).values_list("organisation_id", flat=True))
    fitting = refresh_for_opportunities([opportunity_id])
    refresh_for_organisations(sorted(had_it | set(fitting)))


def organisation_changed(organisation_id: int) -> None:
    """A profile changed (and the directory re-indexed it): its "for you" list and the fits of what it is
    offered."""
    refresh_for_organisations([organisation_id])
    offered = Recommendation.objects.filter(kind=RecommendationKind.FOR_ORGANISATION,
                                            organisation_id=organisation_id).values_list("opportunity_id", flat=True)
    refresh_for_opportunities(list(offered))


def recompute_all(progress=None) -> dict:
    """Rebuild both indexes and every stored recommendation (a job)."""
    report = progress or (lambda pct, msg="": None)
    report(2, "index of postings")
    OPPORTUNITIES.rebuild()
    OPPORTUNITIES.recheck()
    report(15, "index of organisations")
    ORGANISATIONS.rebuild()
    ORGANISATIONS.recheck()
    report(30, "organisations")
    organisation_ids = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    refresh_for_organisations(organisation_ids, progress=lambda share, msg: report(30 + 50 * share, msg))
    report(80, "postings")
    opportunity_ids = list(Opportunity.objects.filter(open_q()).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(opportunity_ids), BATCH):
        refresh_for_opportunities(opportunity_ids[start:start + BATCH])
        report(80 + 20 * min(1.0, (start + BATCH) / max(len(opportunity_ids), 1)), "postings")
    return {"organisations": len(organisation_ids), "opportunities": len(opportunity_ids)}
