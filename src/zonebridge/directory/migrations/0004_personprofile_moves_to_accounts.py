# PersonProfile now belongs to accounts; its table stays (accounts.0003 adopts it).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_chinese_source_label")]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="PersonProfile")],
                                            database_operations=[]),
    ]
