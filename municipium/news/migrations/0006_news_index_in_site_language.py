"""The news page of a Turkish, Persian or Polish site moves from ``/<lang>/news/`` to an address
in its own language (``/tr/haberler/``, ``/fa/اخبار/``, ``/pl/aktualnosci/``), as the demo now
makes it; the former addresses, its articles' too, redirect permanently
(``tenancy.page_migrations``). The slugs are frozen here, not read from the demo."""

from django.db import migrations

from municipium.tenancy.page_migrations import page_slugs_localise

SLUGS = {"tr": "haberler", "fa": "اخبار", "pl": "aktualnosci"}


def forwards(apps, schema_editor):
    page_slugs_localise(
        apps, app_label="news", model_name="newsindexpage", former_slug="news", slugs=SLUGS
    )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0005_view_counts"),
        ("portal", "0008_municipality_root_page"),
        ("tenancy", "0006_municipality_collection"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
