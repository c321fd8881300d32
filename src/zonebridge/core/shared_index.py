"""One rank index per corpus, on disk, shared by every process: "one index, many processes".

The corpora: the directory's organisation profiles (`directory.ranking`), the marketplace's postings
(`opportunities.search`) and the calls for pilots (`landing.ranking`). Each app says which rows make its
documents; this module keeps them findable by every process and orders an app's query by the engine.

Where it lives: `RANK_INDEX_DIR` (default `VAR_DIR/rank-index`), one directory per corpus and version,
`opportunities/v00000042/` (the engine's `RankIndex.save` format). Which version is current is a row of
`SearchIndexState` in the database, so every web process and task worker, on one machine or many sharing the
directory, agrees on it.

Who writes: only task workers (Huey tasks and jobs in `tasks.py`/`jobs.py`). A change to a posting or a profile
queues a task after commit; the task takes the corpus's row lock, loads the current version, upserts or removes
the changed documents (the engine re-analyses only those), saves the result as the next version and bumps the
stamp in the same transaction. A full rebuild (a job) builds outside the lock, then swaps in under it and
re-applies what changed meanwhile. Old versions are pruned, keeping a few for readers that are loading.

Who reads: every process holds its current copy (`SharedIndex.current()`); at most every
`RANK_INDEX_CHECK_SECONDS` (1 s) a search reads the stamp (one indexed row) and loads the new version when it
changed (about 20 ms for 3,000 postings: no re-embedding). No request ever builds or changes an index.
"""

import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from zonebridge.core.models import SearchIndexState
from zonebridge.engine.retrieval import Document, RankIndex

logger = logging.getLogger("zonebridge.core.shared_index")

KEEP_VERSIONS = 3


def index_root() -> Path:
    """The directory that holds every corpus's index versions."""
    return Path(getattr(settings, "RANK_INDEX_DIR", None) or Path(settings.VAR_DIR) / "rank-index")


def check_interval() -> float:
    """Seconds between two reads of the version stamp by one process."""
    return float(getattr(settings, "RANK_INDEX_CHECK_SECONDS", 1.0))


@dataclass(frozen=True)
class Hit:
    """One search result: the row's primary key, the engine's score and its reasons (`battery ↔ 電池`)."""

    id: int
    score: float
    why: tuple[str, ...]


class SharedIndex:
    """A corpus's index as every process sees it: read the current version, or (workers) write the next one.

    `load_documents(ids)` returns the engine documents of the given ids that belong in the index (all of them
    when `ids` is None); an id it does not return is removed.
    """

    def __init__(self, name: str, load_documents: Callable[[Iterable[str] | None], list[Document]],
                 changed_since: Callable[[object], list[str]]):
        self.name = name
        self.load_documents = load_documents
        self.changed_since = changed_since
        self._lock = threading.Lock()
        self._index: RankIndex | None = None
        self._version = 0
        self._root: Path | None = None
        self._checked = 0.0

    # ----- reading (every process) -----

    def current(self) -> RankIndex | None:
        """This process's copy of the current version (None before the first build); reloads when it changed."""
        root = index_root()
        now = time.monotonic()
        if root != self._root or now - self._checked >= check_interval():
            self._checked = now
            version = self.stamp()
            if root != self._root or version != self._version:
                with self._lock:
                    self._load(root, version)
        return self._index

    def ranked(self, queryset: QuerySet, query: str, filters: dict | None = None, *,
               keep_unrelated: bool = False) -> list[Hit] | None:
        """The rows of `queryset` that match `query`, in the engine's order with reasons; None before the first
        build (the caller then falls back to its database search).

        The engine is asked for every related document (about 10 ms for 3,000), then the rows the query allows
        are kept in its order: so filters and visibility are exactly the caller's, the order exactly the engine's.
        With `keep_unrelated` (the caller's query has already matched), the rows the engine does not relate to
        the query follow, in the queryset's order.
        """
        index = self.current()
        if index is None or not len(index):
            return None
        matches = index.search(query, k=len(index), filters=filters)
        if keep_unrelated:
            rows = list(queryset.values_list("pk", flat=True))
            allowed = set(rows)
        else:
            allowed = set(queryset.filter(pk__in=[int(m.id) for m in matches]).values_list("pk", flat=True))
        hits = [Hit(int(m.id), m.score, tuple(m.why)) for m in matches if int(m.id) in allowed]
        if keep_unrelated:
            ranked = {hit.id for hit in hits}
            hits += [Hit(pk, 0.0, ()) for pk in rows if pk not in ranked]
        return hits

    def recheck(self) -> None:
        """Read the stamp on the next `current()` call rather than after the interval (after this process wrote)."""
        self._checked = 0.0

    def forget(self) -> None:
        """Drop the current version (the demo's reset): readers see no index, the next write builds it whole."""
        SearchIndexState.objects.filter(name=self.name).delete()

    def stamp(self) -> int:
        """The current version number in the database (0: never built)."""
        return SearchIndexState.objects.filter(name=self.name).values_list("version", flat=True).first() or 0

    def _load(self, root: Path, version: int) -> None:
        if root == self._root and version == self._version:
            return  # another thread loaded it while this one waited
        index = None
        if version:
            try:
                index = RankIndex.load(self.path(version, root))
            except FileNotFoundError:
                # Pruned between reading the stamp and loading (a newer one exists): try again on the next check.
                logger.warning("rank index %s v%s is gone; keeping the loaded copy", self.name, version)
                self._checked = 0.0
                return
        self._index, self._version, self._root = index, version, root

    def path(self, version: int, root: Path | None = None) -> Path:
        """The directory of one version."""
        return (root or index_root()) / self.name / f"v{version:08d}"

    # ----- writing (task workers only) -----

    def apply(self, ids: Iterable[str]) -> int:
        """Bring the documents with `ids` up to date (upsert or remove); return the new version."""
        ids = [str(i) for i in ids]
        with transaction.atomic():
            version = self._lock_stamp()
            index = self._writable(version)
            if index is None:
                # Never built: build everything once (in this worker, never in a request).
                index = RankIndex.build(self.load_documents(None))
            else:
                present = {document.id: document for document in self.load_documents(ids)}
                for document_id in ids:
                    if document_id in present:
                        index.upsert(present[document_id])
                    elif document_id in index:
                        index.remove(document_id)
            return self._publish(index, version)

    def rebuild(self, progress: Callable[[float, str], None] | None = None) -> int:
        """Build the whole index from the database (a job), swap it in and re-apply changes made meanwhile."""
        started = timezone.now()
        documents = self.load_documents(None)
        if progress:
            progress(10, f"{len(documents)} documents")
        index = RankIndex.build(documents)
        with transaction.atomic():
            version = self._lock_stamp()
            return self._publish(index, version, since=started)

    def _lock_stamp(self) -> int:
        SearchIndexState.objects.get_or_create(name=self.name)
        # An UPDATE takes the row lock on PostgreSQL and the write lock on SQLite: one writer per corpus at a time.
        SearchIndexState.objects.filter(name=self.name).update(updated_at=timezone.now())
        return SearchIndexState.objects.select_for_update().get(name=self.name).version

    def _writable(self, version: int) -> RankIndex | None:
        # A fresh copy from disk: the reading copy of this process may be searched by other threads meanwhile.
        if not version:
            return None
        try:
            return RankIndex.load(self.path(version))
        except FileNotFoundError:
            return None

    def _publish(self, index: RankIndex, version: int, since=None) -> int:
        if since is not None:
            changed = self.changed_since(since)
            current = self.load_documents(changed)
            for document in current:
                index.upsert(document)
            kept = {document.id for document in current}
            for document_id in set(changed) - kept:
                if document_id in index:
                    index.remove(document_id)
        new_version = version + 1
        index.save(self.path(new_version))
        SearchIndexState.objects.filter(name=self.name).update(version=new_version, documents=len(index),
                                                               updated_at=timezone.now())
        transaction.on_commit(lambda: self._prune(new_version))
        return new_version

    def _prune(self, newest: int) -> None:
        folder = index_root() / self.name
        for old in folder.glob("v*"):
            try:
                number = int(old.name[1:])
            except ValueError:
                continue
            if number <= newest - KEEP_VERSIONS:
                shutil.rmtree(old, ignore_errors=True)


class RankedRows:
    """The rows of `queryset` in the order of `hits`, loading only the rows of the page asked for: what Django's
    Paginator and the API's pagination need (`len()` and slices), with no ordering by rank in SQL."""

    def __init__(self, queryset: QuerySet, hits: list[Hit]):
        self.queryset, self.hits = queryset, hits

    def __len__(self) -> int:
        return len(self.hits)

    def count(self) -> int:
        """The number of rows."""
        return len(self.hits)

    def __getitem__(self, item):
        hits = self.hits[item] if isinstance(item, slice) else [self.hits[item]]
        rows = self.queryset.in_bulk([hit.id for hit in hits])
        found = [self.shown_as(rows[hit.id], hit) for hit in hits if hit.id in rows]
        return found if isinstance(item, slice) else found[0]

    def shown_as(self, row, hit: Hit):
        """What one ranked row is listed as: the row itself (an app may wrap it with the hit's reasons)."""
        return row
