import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_person"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.AddField(
            model_name="directoratepage",
            name="activity_areas",
            field=wagtail.fields.StreamField(
                [("area", 3)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.TextBlock", (), {"label": "Activity area"}),
                    1: ("wagtail.blocks.TextBlock", (), {"label": "Item"}),
                    2: (
                        "wagtail.blocks.ListBlock",
                        (1,),
                        {"default": [], "label": "Its items", "min_num": 0},
                    ),
                    3: ("wagtail.blocks.StructBlock", [[("text", 0), ("items", 2)]], {}),
                },
                verbose_name="activity areas",
            ),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="first_place_address",
            field=models.TextField(blank=True, verbose_name="address"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="first_place_email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="first_place_fax",
            field=models.CharField(blank=True, max_length=40, verbose_name="fax"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="first_place_name",
            field=models.CharField(blank=True, max_length=200, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="first_place_phone",
            field=models.CharField(blank=True, max_length=40, verbose_name="phone"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="first_place_title",
            field=models.CharField(blank=True, max_length=200, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="founded_on",
            field=models.DateField(
                blank=True, null=True, verbose_name="date of the founding decision"
            ),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="founding_body",
            field=models.CharField(
                blank=True,
                help_text="For example: the Municipal Council.",
                max_length=200,
                verbose_name="body that took it",
            ),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="founding_decision_number",
            field=models.CharField(
                blank=True, max_length=50, verbose_name="number of the founding decision"
            ),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="regulation_document",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtaildocs.document",
                verbose_name="regulation (document)",
            ),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="regulation_text",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="regulation (text)"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="reports_to_page",
            field=models.ForeignKey(
                blank=True,
                help_text="A directorate of the same site.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="directory.directoratepage",
                verbose_name="reports to a directorate",
            ),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="reports_to_text",
            field=models.CharField(
                blank=True,
                help_text="A person or body without a page here, for example: the Mayor.",
                max_length=200,
                verbose_name="reports to",
            ),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="second_place_address",
            field=models.TextField(blank=True, verbose_name="address"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="second_place_email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="second_place_fax",
            field=models.CharField(blank=True, max_length=40, verbose_name="fax"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="second_place_name",
            field=models.CharField(blank=True, max_length=200, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="second_place_phone",
            field=models.CharField(blank=True, max_length=40, verbose_name="phone"),
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="second_place_title",
            field=models.CharField(blank=True, max_length=200, verbose_name="title"),
        ),
    ]
