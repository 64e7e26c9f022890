"""The directory of a Turkish or Persian site moves from ``/<lang>/directorates/`` to an address
in its own language (``/tr/mudurlukler/``, ``/fa/ادارات/``), as the demo makes it since the
previous release; the former addresses, its directorates' too, redirect permanently
(``tenancy.page_migrations``). Polish is left out: its word depends on the kind of institution
(a culture centre's działy), which an editor can set. The slugs are frozen here."""

from django.db import migrations

from municipium.tenancy.page_migrations import page_slugs_localise

SLUGS = {"tr": "mudurlukler", "fa": "ادارات"}


def forwards(apps, schema_editor):
    page_slugs_localise(
        apps,
        app_label="directory",
        model_name="directoryindexpage",
        former_slug="directorates",
        slugs=SLUGS,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0005_organisation"),
        ("portal", "0008_municipality_root_page"),
        ("tenancy", "0006_municipality_collection"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
