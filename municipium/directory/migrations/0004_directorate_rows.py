import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_directorate_page_details"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.CreateModel(
            name="DirectorateDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        help_text="The document's own title if empty.",
                        max_length=255,
                        verbose_name="title",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtaildocs.document",
                        verbose_name="document",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="documents",
                        to="directory.directoratepage",
                    ),
                ),
            ],
            options={
                "verbose_name": "document",
                "verbose_name_plural": "documents",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="DirectorateUnit",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="units",
                        to="directory.directoratepage",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty: directly under the directorate. A unit added now can be chosen here once the page has been published with it.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="directory.directorateunit",
                        verbose_name="part of",
                    ),
                ),
            ],
            options={
                "verbose_name": "unit",
                "verbose_name_plural": "units",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="DirectorateRole",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "title",
                    models.CharField(
                        help_text="For example: Director, Head of unit, Specialist.",
                        max_length=200,
                        verbose_name="title",
                    ),
                ),
                (
                    "is_head",
                    models.BooleanField(
                        default=False,
                        help_text="Heads the unit; with no unit, heads the directorate (its director).",
                        verbose_name="head",
                    ),
                ),
                (
                    "appointed_on",
                    models.DateField(blank=True, null=True, verbose_name="appointed on"),
                ),
                (
                    "ended_on",
                    models.DateField(
                        blank=True,
                        help_text="Empty while the role lasts.",
                        null=True,
                        verbose_name="ended on",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="roles",
                        to="directory.directoratepage",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty: the directorate itself.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="directory.directorateunit",
                        verbose_name="unit",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="roles",
                        to="directory.person",
                        verbose_name="person",
                    ),
                ),
            ],
            options={
                "verbose_name": "role",
                "verbose_name_plural": "roles",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ServiceStandard",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("service", models.CharField(max_length=300, verbose_name="service")),
                (
                    "documents",
                    models.TextField(
                        blank=True,
                        help_text="One per line.",
                        verbose_name="documents the applicant brings",
                    ),
                ),
                (
                    "duration_value",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="time to complete"
                    ),
                ),
                (
                    "duration_unit",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("seconds", "seconds"),
                            ("minutes", "minutes"),
                            ("hours", "hours"),
                            ("days", "days"),
                            ("working_days", "working days"),
                            ("immediately", "immediately"),
                        ],
                        max_length=20,
                        verbose_name="unit of time",
                    ),
                ),
                (
                    "duration_text",
                    models.CharField(
                        blank=True,
                        help_text="Written as it is instead of the value and unit, for example '1-8 hours'.",
                        max_length=100,
                        verbose_name="time to complete, as text",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="service_standards",
                        to="directory.directoratepage",
                    ),
                ),
            ],
            options={
                "verbose_name": "service standard",
                "verbose_name_plural": "service standards",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
    ]
