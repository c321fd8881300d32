"""Calls for pilots as a corpus of the cross-lingual engine (`core.shared_index`), searched like postings.

Every call is indexed (closed ones too: the search's query condition drops them); a published call is added by
a task after commit. Before the first build the search falls back to matching normalised tokens.
"""

from zonebridge.core.shared_index import SharedIndex
from zonebridge.engine.retrieval import Document
from zonebridge.landing.models import ScenarioCall


def call_text(call: ScenarioCall) -> str:
    """What the engine reads of a call: its texts in English and in the Chinese script it was written in."""
    parts = []
    for suffix in ("en", call.chinese_source):
        text = " ".join(getattr(call, f"{field}_{suffix}") for field in call.TRILINGUAL_FIELDS)
        if text.strip():
            parts.append(text.strip())
    return "\n".join(parts)


def call_documents(ids=None) -> list[Document]:
    """Engine documents of the calls with `ids` (all when None)."""
    rows = ScenarioCall.objects.select_related("owner__home_zone")
    if ids is not None:
        rows = rows.filter(pk__in=[int(i) for i in ids])
    return [Document(str(c.pk), call_text(c), zone=c.owner.home_zone.slug) for c in rows.order_by("pk")]


def _new_calls(moment) -> list[str]:
    # Calls are never edited after publishing (closing changes no text): only new ones can be missed by a rebuild.
    return [str(pk) for pk in ScenarioCall.objects.filter(created_at__gte=moment).values_list("pk", flat=True)]


CALLS = SharedIndex("calls", call_documents, _new_calls)
