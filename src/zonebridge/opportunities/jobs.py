"""Long work of the marketplace, run as jobs with progress: rebuild both indexes and every recommendation."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zonebridge.core.jobs import job_kind
from zonebridge.opportunities import recommendations

RECOMPUTE_ALL = "opportunities.recompute_all"


@job_kind(RECOMPUTE_ALL, label=gettext_lazy("Rebuild the marketplace's search index and recommendations"))
def recompute_all(job, progress) -> dict:
    """Rebuild the postings and profiles indexes, then every stored recommendation."""
    counts = recommendations.recompute_all(lambda pct, msg="": progress(pct, _("Recomputing recommendations…")))
    return {"summary": _("%(opportunities)s postings and %(organisations)s organisations indexed and matched.")
            % counts, "url": reverse("opportunities:list"), **counts}
