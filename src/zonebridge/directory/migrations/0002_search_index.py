"""The full-text index over Organisation.search_document, native to each database.

SQLite: an FTS5 table with external content, kept in step by triggers.
PostgreSQL: a stored generated tsvector column `search_vector` ('simple' configuration, since the tokens are
normalised in Python) with a GIN index; stored, so neither matching nor ranking recomputes to_tsvector.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE directory_organisation_fts USING fts5("
    "search_document, content='directory_organisation', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER directory_organisation_fts_insert AFTER INSERT ON directory_organisation BEGIN "
    "INSERT INTO directory_organisation_fts(rowid, search_document) VALUES (new.id, new.search_document); END",
    "CREATE TRIGGER directory_organisation_fts_delete AFTER DELETE ON directory_organisation BEGIN "
    "INSERT INTO directory_organisation_fts(directory_organisation_fts, rowid, search_document) "
    "VALUES ('delete', old.id, old.search_document); END",
    "CREATE TRIGGER directory_organisation_fts_update AFTER UPDATE OF search_document ON directory_organisation BEGIN "
    "INSERT INTO directory_organisation_fts(directory_organisation_fts, rowid, search_document) "
    "VALUES ('delete', old.id, old.search_document); "
    "INSERT INTO directory_organisation_fts(rowid, search_document) VALUES (new.id, new.search_document); END",
    "INSERT INTO directory_organisation_fts(directory_organisation_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS directory_organisation_fts_update",
    "DROP TRIGGER IF EXISTS directory_organisation_fts_delete",
    "DROP TRIGGER IF EXISTS directory_organisation_fts_insert",
    "DROP TABLE IF EXISTS directory_organisation_fts",
]
POSTGRES_FORWARD = [
    "ALTER TABLE directory_organisation ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(search_document, ''))) STORED",
    "CREATE INDEX directory_organisation_search_gin ON directory_organisation USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS directory_organisation_search_gin",
    "ALTER TABLE directory_organisation DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
