"""The accessibility declaration of a Turkish, Persian or Polish site moves from
``/<lang>/accessibility/`` to an address in its own language (``/tr/erisilebilirlik/``,
``/fa/دسترس-پذیری/``, ``/pl/deklaracja-dostepnosci/``), as the demo now makes it; the former
address redirects permanently (``tenancy.page_migrations``). The slugs are frozen here."""

from django.db import migrations

from municipium.tenancy.page_migrations import page_slugs_localise

SLUGS = {"tr": "erisilebilirlik", "fa": "دسترس-پذیری", "pl": "deklaracja-dostepnosci"}


def forwards(apps, schema_editor):
    page_slugs_localise(
        apps,
        app_label="portal",
        model_name="accessibilitydeclarationpage",
        former_slug="accessibility",
        slugs=SLUGS,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0008_municipality_root_page"),
        ("tenancy", "0006_municipality_collection"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
