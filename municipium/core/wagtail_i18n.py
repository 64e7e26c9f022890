"""Wagtail's own admin strings in the project's languages.

Wagtail's shipped catalogues for Persian, Turkish and Polish are incomplete: an editor whose admin
language is Persian meets 'Search all pages…', 'Images' or 'Collapse all' in English. The project
keeps the missing translations in ``municipium/wagtail_locale`` (listed in ``LOCALE_PATHS`` after
the project's own catalogue, so ``make messages`` never rebuilds or drops them). Django merges
``LOCALE_PATHS`` into every domain, ``djangojs`` included, so the same directory completes
Wagtail's JavaScript catalogue at ``admin/jsi18n/`` too.

These functions compare Wagtail's English source catalogues with what a language really has:
``scripts/wagtail_messages.py`` uses them to refresh the catalogue after a Wagtail upgrade, and a
test uses them to fail with the list of strings a new Wagtail adds.
"""

import gettext as gettext_module
from pathlib import Path

from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.utils.translation import to_locale, trans_real
from django.views.i18n import JavaScriptCatalog

WAGTAIL_LOCALE_DIR = Path(__file__).resolve().parent.parent / "wagtail_locale"

# The JavaScript catalogue Wagtail's admin serves (wagtail.admin.urls, "jsi18n/").
JAVASCRIPT_PACKAGES = ["wagtail.admin"]


def _wagtail_app_configs(*, domain):
    configs = [
        config
        for config in apps.get_app_configs()
        if config.name == "wagtail" or config.name.startswith("wagtail.")
    ]
    if domain == "djangojs":
        configs = [config for config in configs if config.name in JAVASCRIPT_PACKAGES]
    return configs


def catalogue_key(message):
    """The key under which gettext stores a Babel message (its first form for a plural)."""
    msgid = message.id[0] if message.pluralizable else message.id
    if message.context:
        msgid = f"{message.context}\x04{msgid}"
    return (msgid, 0) if message.pluralizable else msgid


def wagtail_source_messages(*, domain="django"):
    """Every message of the installed Wagtail apps' English catalogues, by catalogue key."""
    messages = {}
    for config in _wagtail_app_configs(domain=domain):
        path = Path(config.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        with path.open("rb") as po_file:
            for message in read_po(po_file):
                if message.id:
                    messages.setdefault(catalogue_key(message), message)
    return messages


def _runtime_catalogue(*, language, domain):
    """The catalogue the admin really uses for ``language``: Django's, the apps', ours."""
    if domain == "django":
        return trans_real.translation(language)._catalog
    paths = JavaScriptCatalog().get_paths(JAVASCRIPT_PACKAGES)
    return trans_real.DjangoTranslation(language, domain=domain, localedirs=paths)._catalog


def _upstream_keys(*, language, domain):
    """The keys translated without the project's Wagtail catalogue (Django's and the apps')."""
    localedirs = [Path(config.path) / "locale" for config in apps.get_app_configs()]
    if domain == "django":
        localedirs.append(Path(trans_real.__file__).resolve().parents[2] / "conf" / "locale")
    else:
        localedirs = [Path(path) for path in JavaScriptCatalog().get_paths(JAVASCRIPT_PACKAGES)]
    localedirs += [Path(path) for path in settings.LOCALE_PATHS]
    keys = set()
    for localedir in localedirs:
        if localedir.resolve() == WAGTAIL_LOCALE_DIR.resolve():
            continue
        translation = gettext_module.translation(
            domain, localedir=localedir, languages=[to_locale(language)], fallback=True
        )
        keys.update(getattr(translation, "_catalog", {}).keys())
    return keys


def untranslated_messages(*, language, domain="django", upstream_only=False):
    """Wagtail's messages that have no translation in ``language``, sorted by catalogue key.

    ``upstream_only`` ignores the project's own Wagtail catalogue: what Wagtail and Django lack.
    """
    source = wagtail_source_messages(domain=domain)
    if upstream_only:
        translated = _upstream_keys(language=language, domain=domain)
    else:
        translated = _runtime_catalogue(language=language, domain=domain)
    return [
        message
        for key, message in sorted(source.items(), key=lambda item: str(item[0]))
        if key not in translated
    ]
