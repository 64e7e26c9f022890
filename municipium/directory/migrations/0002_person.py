import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("tenancy", "0003_add_public_record"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.CreateModel(
            name="Person",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail")),
                ("phone", models.CharField(blank=True, max_length=40, verbose_name="phone")),
                (
                    "phone_extension",
                    models.CharField(blank=True, max_length=10, verbose_name="extension"),
                ),
                (
                    "bio",
                    models.TextField(
                        blank=True,
                        help_text="A few sentences.",
                        max_length=1000,
                        verbose_name="short biography",
                    ),
                ),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="people",
                        to="tenancy.municipality",
                        verbose_name="municipality",
                    ),
                ),
                (
                    "photo",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="photo",
                    ),
                ),
            ],
            options={
                "verbose_name": "person",
                "verbose_name_plural": "people",
                "ordering": ["name", "pk"],
            },
        ),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(
                fields=["municipality", "name"], name="directory_p_municip_164f9c_idx"
            ),
        ),
    ]
