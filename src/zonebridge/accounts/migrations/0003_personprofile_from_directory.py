# PersonProfile moves here from directory; the table directory_personprofile is kept as it is.
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("directory", "0004_personprofile_moves_to_accounts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="PersonProfile",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name="ID")),
                        ("headline", models.CharField(blank=True, max_length=200, verbose_name="headline")),
                        ("bio", models.TextField(blank=True, verbose_name="about")),
                        ("skills", models.CharField(blank=True, max_length=300, verbose_name="skills")),
                        ("is_listed", models.BooleanField(default=True, verbose_name="listed in the directory")),
                        ("phone", models.CharField(blank=True, max_length=40, verbose_name="phone")),
                        ("contact_email", models.EmailField(blank=True, max_length=254,
                                                           verbose_name="contact e-mail")),
                        ("nationality", models.CharField(blank=True, max_length=60, verbose_name="nationality")),
                        ("date_of_birth", models.DateField(blank=True, null=True, verbose_name="date of birth")),
                        ("cv", models.FileField(blank=True, upload_to="cv/", verbose_name="CV")),
                        ("user", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE,
                                                      related_name="profile", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={"db_table": "directory_personprofile"},
                ),
            ],
        ),
    ]
