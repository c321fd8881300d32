# The CV becomes a private file (core.PrivateFile), no longer a public upload under MEDIA_ROOT/cv/.
# Public CV uploads existed only in demo databases (the seed writes none); they are dropped, not moved.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_personprofile_from_directory"),
        ("core", "0001_shared_records"),
    ]

    operations = [
        migrations.RemoveField(model_name="personprofile", name="cv"),
        migrations.AddField(
            model_name="personprofile",
            name="cv",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="+", to="core.privatefile", verbose_name="CV"),
        ),
    ]
