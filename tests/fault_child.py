"""The other process of tests/test_faults.py: reads the state of an organisation, or edits it and stops mid-way.

    python -m tests.fault_child snapshot        print the organisation's state as JSON
    python -m tests.fault_child edit-and-pause  run the profile edit; after its last write, before COMMIT,
                                                print PAUSED and wait to be killed

The database is the one DATABASE_URL names; the test gives the file or database its world lives in.
"""

import json
import os
import re
import sys
import time

SLUG = "tidepay"
# The edit every fault test interrupts: plain fields, texts (with a converted script) and the sectors change.
EDIT_TEXTS = {"summary_en": "Blockchain settlement for ports", "name_zh_hant": "潮付區塊鏈"}
EDIT_FIELDS = {"stage": "series_a"}
EDIT_SECTORS = ("batteries",)
EDIT_QUERY = "blockchain"
# The statement after which the edit pauses: the search-document write, the last one before COMMIT.
LAST_WRITE = re.compile(r'^UPDATE "directory_organisation" SET "search_document"')
PAUSE_SECONDS = 60


def state_of(slug: str = SLUG) -> dict:
    """Everything the profile edit writes: the row, its sectors, and what the search index finds."""
    from zonebridge.directory.models import Organisation
    from zonebridge.directory.search import search_organisations

    organisation = Organisation.objects.get(slug=slug)
    row = Organisation.objects.filter(pk=organisation.pk).values().get()
    return {
        "row": json.loads(json.dumps(row, default=str)),
        "sectors": sorted(organisation.sectors.values_list("slug", flat=True)),
        "found_by_new_words": list(search_organisations(Organisation.objects.all(), EDIT_QUERY)
                                   .values_list("slug", flat=True)),
    }


def run_edit() -> None:
    """Apply the edit through the real service, as the organisation's admin."""
    from zonebridge.accounts.models import Membership, Role
    from zonebridge.directory.models import Organisation, Sector
    from zonebridge.directory.services import update_organisation_profile

    organisation = Organisation.objects.get(slug=SLUG)
    admin = Membership.objects.filter(organisation=organisation, role=Role.ORG_ADMIN).first().user
    update_organisation_profile(organisation, acting_user=admin, texts=dict(EDIT_TEXTS), fields=dict(EDIT_FIELDS),
                                sectors=list(Sector.objects.filter(slug__in=EDIT_SECTORS)))


def _pause_after_last_write(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if LAST_WRITE.match(sql):
        print("PAUSED", flush=True)
        # Bounded, so a test that fails to kill us does not leave a process behind for long.
        time.sleep(PAUSE_SECONDS)
    return result


def main(argv: list[str]) -> None:
    """Run one mode: `snapshot` or `edit-and-pause`."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zonebridge.settings")
    import django

    django.setup()
    from django.db import connection

    if argv[0] == "snapshot":
        print(json.dumps(state_of(), ensure_ascii=False))
    elif argv[0] == "edit-and-pause":
        with connection.execute_wrapper(_pause_after_last_write):
            run_edit()
        print("COMMITTED", flush=True)
    else:
        raise SystemExit(f"unknown mode {argv[0]!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
