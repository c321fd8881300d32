# The version stamps of the shared search indexes moved to core, which now serves every corpus.

from django.db import migrations


def copy_stamps(apps, schema_editor):
    """Keep the current versions, so every process goes on reading the index on disk without a rebuild."""
    old = apps.get_model("opportunities", "SearchIndexState")
    new = apps.get_model("core", "SearchIndexState")
    new.objects.bulk_create([new(name=row.name, version=row.version, documents=row.documents,
                                 updated_at=row.updated_at) for row in old.objects.all()])


class Migration(migrations.Migration):

    dependencies = [
        ('opportunities', '0001_initial'),
        ('core', '0003_search_index_state'),
    ]

    operations = [
        migrations.RunPython(copy_stamps, migrations.RunPython.noop),
        migrations.DeleteModel(
            name='SearchIndexState',
        ),
    ]
