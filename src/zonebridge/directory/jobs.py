"""Long work of the directory, run as jobs with progress: rebuilding the search indexes."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zonebridge.core.jobs import job_kind
from zonebridge.directory.models import Organisation
from zonebridge.directory.ranking import ORGANISATIONS
from zonebridge.directory.search import build_search_document
from zonebridge.directory.services import sector_names

REBUILD_SEARCH_INDEX = "directory.rebuild_search_index"
BATCH = 500


@job_kind(REBUILD_SEARCH_INDEX, label=gettext_lazy("Rebuild the directory's search index"))
def rebuild_search_index(job, progress) -> dict:
    """Recompute every organisation's search tokens (written together, so a failure changes none), then the
    engine's profiles index that orders the results."""
    total = Organisation.objects.count()
    documents: dict[int, str] = {}
    organisations = Organisation.objects.select_related("home_zone").prefetch_related("sectors").order_by("pk")
    for done, organisation in enumerate(organisations.iterator(chunk_size=BATCH), start=1):
        documents[organisation.pk] = build_search_document(organisation, sector_names(organisation))
        if done % 100 == 0 or done == total:
            progress(60 * done / max(total, 1), _("Indexed %(done)s of %(total)s organisations.") % {
                "done": done, "total": total})
    progress(60, _("Saving the index…"))
    with transaction.atomic():
        rows = [Organisation(pk=pk, search_document=document) for pk, document in documents.items()]
        Organisation.objects.bulk_update(rows, ["search_document"], batch_size=BATCH)
    progress(70, _("Ordering results by relevance…"))
    ORGANISATIONS.rebuild()
    ORGANISATIONS.recheck()
    return {"summary": _("%(total)s organisations indexed.") % {"total": total},
            "url": reverse("directory:organisation_list"), "organisations": total}
