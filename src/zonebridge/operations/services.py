"""Back up and restore a site: its database and its uploaded files, in one verifiable archive.

The archive is a tar.gz holding `manifest.json`, the database and the files:

    manifest.json                  format, versions, database vendor, creation time, applied migrations,
                                   file counts, and the SHA-256 and size of every other member
    database.sqlite3 | database.pgdump
    files/media/...                MEDIA_ROOT
    files/private_media/...        PRIVATE_MEDIA_ROOT, when the site has one

How the database is copied:
- SQLite: the sqlite3 online-backup API, which copies a consistent snapshot even while the site writes; a restore
  copies the archived database back with the same API, which replaces the live one in a single transaction.
- PostgreSQL: `pg_dump --format=custom` (Debian's postgresql-client), which copies everything exactly, including
  what Django's dumpdata cannot see (the generated tsvector column and its GIN index, sequences, triggers); a
  restore replays it through `psql --single-transaction` after dropping and recreating the `public` schema, so
  the database is either wholly the archived one or left as it was.

A restore reads and checks the whole archive (manifest, vendor, checksums, no unexpected members, migrations this
code knows) before it changes anything; a refused archive changes nothing.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

ARCHIVE_FORMAT = "zonebridge-backup"
ARCHIVE_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup could not be made, or an archive was refused; the message says why, for the operator."""


@dataclass(frozen=True)
class BackupSummary:
    """What a backup wrote or a restore put back."""

    path: Path
    vendor: str
    file_counts: dict[str, int]
    created_at: str


def file_roots() -> dict[str, Path]:
    """The directories of uploaded files to keep, by their name in the archive."""
    roots = {"media": Path(settings.MEDIA_ROOT)}
    private = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if private:
        roots["private_media"] = Path(private)
    return roots


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def applied_migrations() -> list[list[str]]:
    """The migrations applied to this database, as sorted [app, name] pairs."""
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def _zonebridge_version() -> str:
    try:
        return version("zonebridge")
    except PackageNotFoundError:
        return "unknown"


# --- the database, per vendor


def _postgres_command(program: str) -> tuple[list[str], dict[str, str]]:
    """A PostgreSQL client program with this site's connection options, and its environment."""
    path = shutil.which(program)
    if path is None:
        raise BackupError(f"{program} is not installed; install Debian's postgresql-client (the version of the "
                          "server or newer) to back up or restore a PostgreSQL database.")
    db = connection.settings_dict
    args = [path, "--host", db["HOST"] or "localhost", "--port", str(db["PORT"] or 5432)]
    if db["USER"]:
        args += ["--username", db["USER"]]
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or os.environ.get("PGPASSWORD", "")}
    return args, env


def _run(args: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{what} failed: {result.stderr.strip() or result.stdout.strip()}")


def dump_database(target: Path) -> None:
    """Write a consistent copy of this site's database to `target`."""
    if connection.vendor == "sqlite":
        if connection.in_atomic_block:
            raise BackupError("Back up outside a transaction.")
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
            # One self-contained file in the archive, whatever journal mode the site runs in.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    elif connection.vendor == "postgresql":
        args, env = _postgres_command("pg_dump")
        _run(args + ["--format=custom", "--no-owner", "--no-privileges", "--file", str(target),
                     connection.settings_dict["NAME"]], env, "pg_dump")
    else:
        raise BackupError(f"Backing up a {connection.vendor} database is not supported.")


def load_database(source: Path) -> None:
    """Replace this site's database with the archived one, all at once or not at all."""
    if connection.in_atomic_block:
        raise BackupError("Restore outside a transaction.")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        archived = sqlite3.connect(source)
        try:
            archived.backup(connection.connection)
        finally:
            archived.close()
        return
    script_args, env = _postgres_command("pg_restore")
    psql_args, _env = _postgres_command("psql")
    with tempfile.TemporaryDirectory() as work:
        script = Path(work) / "restore.sql"
        with open(script, "w") as out:
            # Start from an empty schema, so tables the archive does not have do not survive the restore.
            out.write("DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n")
            out.flush()
            result = subprocess.run(script_args + ["--no-owner", "--no-privileges", "--file", "-", str(source)],
                                    env=env, stdout=out, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            raise BackupError(f"pg_restore could not read the archived database: {result.stderr.strip()}")
        # Our own session must not hold anything the restore drops.
        connection.close()
        _run(psql_args + ["--no-psqlrc", "--quiet", "--single-transaction", "--set", "ON_ERROR_STOP=1",
                          "--dbname", connection.settings_dict["NAME"], "--file", str(script)], env, "psql")


# --- archives


def create_backup(path: Path) -> BackupSummary:
    """Write a backup archive of the database and the uploaded files to `path` (replaced only when complete)."""
    path = Path(path)
    vendor = connection.vendor
    if vendor not in DATABASE_MEMBERS:
        raise BackupError(f"Backing up a {vendor} database is not supported.")
    created_at = timezone.now().isoformat()
    with tempfile.TemporaryDirectory() as work:
        database = Path(work) / DATABASE_MEMBERS[vendor]
        dump_database(database)
        members = {DATABASE_MEMBERS[vendor]: database}
        counts = {}
        for name, root in file_roots().items():
            files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
            counts[name] = len(files)
            for file in files:
                members[f"files/{name}/{file.relative_to(root).as_posix()}"] = file
        manifest = {
            "format": ARCHIVE_FORMAT,
            "version": ARCHIVE_VERSION,
            "zonebridge_version": _zonebridge_version(),
            "database_vendor": vendor,
            "created_at": created_at,
            "migrations": applied_migrations(),
            "file_counts": counts,
            "members": {name: {"sha256": sha256_of(file), "bytes": file.stat().st_size}
                        for name, file in members.items()},
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            for name, file in members.items():
                archive.add(file, arcname=name, recursive=False)
        os.replace(partial, path)
    return BackupSummary(path=path, vendor=vendor, file_counts=counts, created_at=created_at)


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except KeyError as error:
        raise BackupError("The archive has no manifest.json: it is not a ZoneBridge backup.") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError("The archive's manifest.json is not valid JSON.") from error
    if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
        raise BackupError("The archive's manifest does not describe a ZoneBridge backup.")
    if manifest.get("version") != ARCHIVE_VERSION:
        raise BackupError(f"The archive has format version {manifest.get('version')!r}; this ZoneBridge reads "
                          f"version {ARCHIVE_VERSION}.")
    if not isinstance(manifest.get("members"), dict) or not isinstance(manifest.get("migrations"), list):
        raise BackupError("The archive's manifest lacks its list of members or of migrations.")
    return manifest


def _check_migrations(manifest: dict) -> None:
    """Refuse an archive made by a newer ZoneBridge: this code could not use its database."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(f"{app}.{name}" for app, name in map(tuple, manifest["migrations"])
                     if (app, name) not in known)
    if unknown:
        raise BackupError("The archive's database has migrations this version of ZoneBridge does not know ("
                          + ", ".join(unknown[:5]) + ("…" if len(unknown) > 5 else "")
                          + "): restore it with the version that made it.")


def _unpack_and_verify(path: Path, work: Path) -> dict:
    """Extract the archive into `work` and check it whole; return its manifest."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            manifest = _read_manifest(archive)
            vendor = manifest.get("database_vendor")
            if vendor != connection.vendor:
                raise BackupError(f"The archive holds a {vendor} database; this site runs on {connection.vendor}. "
                                  "Restore it into a site with the same database.")
            expected = dict(manifest["members"])
            if DATABASE_MEMBERS[vendor] not in expected:
                raise BackupError("The archive's manifest lists no database.")
            for member in archive.getmembers():
                if member.name == MANIFEST:
                    continue
                name = PurePosixPath(member.name)
                if (not member.isfile() or member.name not in expected or name.is_absolute() or ".." in name.parts
                        or not (member.name in DATABASE_MEMBERS.values() or name.parts[0] == "files")):
                    raise BackupError(f"The archive holds {member.name!r}, which its manifest does not list.")
                archive.extract(member, work, filter="data")
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        raise BackupError(f"{path} is not a readable backup archive ({error}).") from error
    for name, facts in expected.items():
        file = work / name
        if not file.is_file():
            raise BackupError(f"The archive lacks {name!r}, which its manifest lists.")
        if file.stat().st_size != facts.get("bytes") or sha256_of(file) != facts.get("sha256"):
            raise BackupError(f"{name!r} in the archive does not match its checksum: the archive is damaged.")
    _check_migrations(manifest)
    archived_roots = {name.split("/")[1] for name in expected if name.startswith("files/")}
    missing = archived_roots - set(file_roots())
    if missing:
        raise BackupError(f"The archive holds files for {', '.join(sorted(missing))}, which this site has no "
                          "directory for (set PRIVATE_MEDIA_ROOT).")
    return manifest


def _stage_files(work: Path) -> dict[Path, Path]:
    """Copy the archived files next to each live directory (same file system, so the swap is a rename)."""
    staged = {}
    for name, root in file_roots().items():
        root.parent.mkdir(parents=True, exist_ok=True)
        target = Path(tempfile.mkdtemp(prefix=f".{root.name}.restoring-", dir=root.parent))
        source = work / "files" / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        staged[root] = target
    return staged


def _swap_in(staged: dict[Path, Path]) -> None:
    for root, new in staged.items():
        old = None
        if root.exists():
            old = root.with_name(f".{root.name}.replaced-{os.getpid()}")
            os.replace(root, old)
        os.replace(new, root)
        if old is not None:
            shutil.rmtree(old)


def restore_backup(path: Path) -> BackupSummary:
    """Replace the database and the uploaded files with those of the archive at `path`, after checking it."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        manifest = _unpack_and_verify(path, work)
        staged = _stage_files(work)
        try:
            load_database(work / DATABASE_MEMBERS[manifest["database_vendor"]])
        except BaseException:
            for new in staged.values():
                shutil.rmtree(new, ignore_errors=True)
            raise
        _swap_in(staged)
    return BackupSummary(path=path, vendor=manifest["database_vendor"], file_counts=manifest.get("file_counts", {}),
                         created_at=manifest.get("created_at", ""))
