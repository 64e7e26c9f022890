"""Every language of the installation gets a Wagtail locale, so that pages can be translated."""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("tenancy", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    # Reversing keeps the locales: pages may use them.
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
