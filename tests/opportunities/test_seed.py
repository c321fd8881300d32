"""The demo's marketplace: postings in all three languages, interests in every state, the index built by a job."""

from django.db.models import F
from django.utils import timezone

from zonebridge.core.jobs import run_job
from zonebridge.core.models import Job
from zonebridge.demo.seed import seed_demo
from zonebridge.opportunities import queries
from zonebridge.opportunities.jobs import RECOMPUTE_ALL
from zonebridge.opportunities.models import InterestExpression, InterestState, Opportunity, Recommendation


def test_the_seed_writes_postings_and_queues_the_index_build(db):
    report = seed_demo(seed=5, scale="small")
    assert report.counts["opportunities"] == Opportunity.objects.count() > 60
    assert set(Opportunity.objects.values_list("language", flat=True)) == {"en", "zh_hans", "zh_hant"}
    assert set(InterestExpression.objects.values_list("state", flat=True)) == set(InterestState.values)
    assert not Opportunity.objects.filter(valid_until__lt=F("valid_from")).exists()
    assert Opportunity.objects.filter(valid_until__lt=timezone.localdate()).exists()  # some expired
    job = Job.objects.get(kind=RECOMPUTE_ALL)
    assert run_job(job.pk).state == "succeeded"
    assert Recommendation.objects.exists()
    hits = queries.search(None, q="电池")
    assert hits.count() > 0 and hits[0].why
