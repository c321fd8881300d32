"""`zonebridge backup` and `zonebridge restore`: a round trip gives back the same site; a bad archive changes nothing.

Runs on SQLite and on PostgreSQL (the suite runs twice). transaction=True: a backup reads, and a restore
replaces, committed data, as on a real site.
"""

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from zonebridge.accounts.models import User
from zonebridge.directory.models import Organisation
from zonebridge.directory.search import search_organisations
from zonebridge.directory.services import update_organisation_profile

pytestmark = pytest.mark.django_db(transaction=True)


def database_fingerprint() -> dict[str, tuple[int, str]]:
    """Row count and a hash of the sorted rows of every table, search indexes included."""
    fingerprint = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows = sorted(repr(row) for row in cursor.fetchall())
            fingerprint[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return fingerprint


def files_fingerprint(*roots: Path) -> dict[str, str]:
    """Every file under `roots` and the hash of its bytes."""
    return {f"{root.name}/{path.relative_to(root)}": hashlib.sha256(path.read_bytes()).hexdigest()
            for root in roots for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture
def site(settings, tmp_path, org_admin, student, battery_maker, fintech_startup):
    """A small site: the test world, public uploads and private files (the setting core will add)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    (settings.MEDIA_ROOT / "logos").mkdir(parents=True)
    (settings.MEDIA_ROOT / "logos" / "tidepay.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (settings.MEDIA_ROOT / "logos" / "芯伏.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (settings.PRIVATE_MEDIA_ROOT / "cv").mkdir(parents=True)
    (settings.PRIVATE_MEDIA_ROOT / "cv" / "student.pdf").write_bytes(b"%PDF-1.7 personal data")
    return {"roots": (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT), "org_admin": org_admin,
            "organisation": fintech_startup, "archive": tmp_path / "site.tar.gz"}


def state(site) -> tuple[dict, dict]:
    return database_fingerprint(), files_fingerprint(*site["roots"])


def change_everything(site) -> None:
    """Edit rows, delete rows, add, change and delete files: what a restore must undo."""
    update_organisation_profile(site["organisation"], acting_user=site["org_admin"],
                                texts={"summary_en": "Changed after the backup"}, fields={})
    User.objects.filter(username="student").delete()
    media, private = site["roots"]
    (media / "logos" / "tidepay.png").write_bytes(b"overwritten")
    (media / "logos" / "芯伏.svg").unlink()
    (media / "new-upload.txt").write_text("added after the backup")
    (private / "cv" / "student.pdf").unlink()


def test_a_round_trip_restores_the_same_site(site, capsys):
    before = state(site)
    call_command("backup", str(site["archive"]))
    assert "Backed up the" in capsys.readouterr().out
    change_everything(site)
    assert state(site) != before
    call_command("restore", str(site["archive"]), "--noinput")
    assert state(site) == before
    # The search index came back with its table: a Traditional query still finds the Simplified profile.
    assert list(search_organisations(Organisation.objects.all(), "動力電池").values_list("slug", flat=True)) == [
        "sinovolt"]


def test_the_archive_has_a_manifest_with_counts_and_checksums(site):
    call_command("backup", str(site["archive"]))
    with tarfile.open(site["archive"]) as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
        names = set(archive.getnames())
    assert manifest["format"] == "zonebridge-backup" and manifest["version"] == 1
    assert manifest["database_vendor"] == connection.vendor and manifest["created_at"]
    assert manifest["file_counts"] == {"media": 2, "private_media": 1}
    assert names == {"manifest.json", *manifest["members"]}
    assert "files/private_media/cv/student.pdf" in manifest["members"]
    assert all(len(facts["sha256"]) == 64 for facts in manifest["members"].values())


def rewrite(archive: Path, change) -> None:
    """Rewrite `archive` member by member through `change(name, data, manifest) -> data or None (drop)`."""
    with tarfile.open(archive) as source:
        members = {member.name: source.extractfile(member).read() for member in source.getmembers()}
    manifest = json.loads(members["manifest.json"])
    changed = {name: change(name, data, manifest) for name, data in members.items() if name != "manifest.json"}
    changed["manifest.json"] = json.dumps(manifest).encode()
    with tarfile.open(archive, "w:gz") as target:
        for name, data in changed.items():
            if data is not None:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                target.addfile(info, io.BytesIO(data))


def truncate(archive: Path) -> None:
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])


def not_an_archive(archive: Path) -> None:
    archive.write_text("this is not a backup")


def damaged_file(archive: Path) -> None:
    rewrite(archive, lambda name, data, manifest: b"tampered" if name.endswith("student.pdf") else data)


def damaged_database(archive: Path) -> None:
    def flip_a_byte(name, data, manifest):
        if not name.startswith("database."):
            return data
        return data[:1000] + bytes([data[1000] ^ 0xFF]) + data[1001:]

    rewrite(archive, flip_a_byte)


def other_vendor(archive: Path) -> None:
    def relabel(name, data, manifest):
        manifest["database_vendor"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"
        return data

    rewrite(archive, relabel)


def newer_migrations(archive: Path) -> None:
    def add_migration(name, data, manifest):
        manifest["migrations"] = [*manifest["migrations"][:-1], ["directory", "9999_from_the_future"]]
        return data

    rewrite(archive, add_migration)


def unlisted_member(archive: Path) -> None:
    rewrite(archive, lambda name, data, manifest: data)
    with tarfile.open(archive) as source:
        members = [(member, source.extractfile(member).read()) for member in source.getmembers()]
    with tarfile.open(archive, "w:gz") as target:
        for member, data in members:
            target.addfile(member, io.BytesIO(data))
        info = tarfile.TarInfo("files/media/../../escape.sh")
        info.size = 2
        target.addfile(info, io.BytesIO(b"hi"))


def missing_member(archive: Path) -> None:
    rewrite(archive, lambda name, data, manifest: None if name.endswith("tidepay.png") else data)


@pytest.mark.parametrize("damage, message", [
    (truncate, "not a readable backup archive"),
    (not_an_archive, "not a readable backup archive"),
    (damaged_file, "does not match its checksum"),
    (damaged_database, "does not match its checksum"),
    (other_vendor, "Restore it into a site with the same database"),
    (newer_migrations, "9999_from_the_future"),
    (unlisted_member, "which its manifest does not list"),
    (missing_member, "which its manifest lists"),
], ids=lambda value: getattr(value, "__name__", None))
def test_a_bad_archive_is_refused_and_changes_nothing(site, damage, message):
    call_command("backup", str(site["archive"]))
    damage(site["archive"])
    change_everything(site)
    changed = state(site)
    with pytest.raises(CommandError, match=message) as refused:
        call_command("restore", str(site["archive"]), "--noinput")
    assert "Nothing was changed." in str(refused.value)
    assert state(site) == changed
