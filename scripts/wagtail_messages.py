"""List and refresh the Wagtail strings that Wagtail's own catalogues leave untranslated.

    python scripts/wagtail_messages.py            # how many are missing per language and domain
    python scripts/wagtail_messages.py --list fa  # the msgids missing in Persian
    python scripts/wagtail_messages.py --update   # rewrite municipium/wagtail_locale/*/*.po
    python scripts/wagtail_messages.py --check    # exit 1 if any string is still untranslated

``--update`` keeps the project's translations of strings Wagtail still lacks, adds the strings a
new Wagtail brings with an empty msgstr (to translate, then ``make wagtail-messages``), and drops
those Wagtail now translates itself, except our rewordings of Wagtail's own translations (marked
with a ``# OVERRIDE: why`` translator comment; LOCALE_PATHS take precedence over the apps').
The Plural-Forms header is copied from Wagtail's shipped catalogue, so our entries merge into
the same plural function as Wagtail's.
"""

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "municipium.settings")

LANGUAGES = ["fa", "tr", "pl"]
DOMAINS = ["django", "djangojs"]
# A translator comment marking a rewording of a string Wagtail's own catalogue translates (its
# words differ from the admin's, or it lacks the zero-width non-joiner): kept by --update.
OVERRIDE = "OVERRIDE"


def _shipped_headers(language, domain):
    import wagtail

    po_path = Path(wagtail.__file__).parent / "admin" / "locale" / language / "LC_MESSAGES"
    from babel.messages.pofile import read_po

    with (po_path / f"{domain}.po").open("rb") as po_file:
        shipped = read_po(po_file)
    return dict(shipped.mime_headers)


def _read(path, language):
    """The project's catalogue by catalogue key, and its dates (kept, so a refresh that changes
    nothing leaves the file as it was)."""
    from babel.messages.pofile import read_po

    from municipium.core.wagtail_i18n import catalogue_key

    if not path.exists():
        now = datetime.now(UTC)
        return {}, now, now
    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    messages = {catalogue_key(message): message for message in catalog if message.id}
    return messages, catalog.creation_date, catalog.revision_date


def _is_override(message):
    return any(comment.startswith(OVERRIDE) for comment in message.user_comments)


def update(language, domain):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    from municipium.core.wagtail_i18n import (
        WAGTAIL_LOCALE_DIR,
        catalogue_key,
        untranslated_messages,
        wagtail_source_messages,
    )

    path = WAGTAIL_LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    ours, created, revised = _read(path, language)
    headers = _shipped_headers(language, domain)
    catalog = Catalog(
        locale=language,
        project="Municipium (Wagtail strings missing from Wagtail's catalogues)",
        charset="utf-8",
        fuzzy=False,
        last_translator="Municipium",
        language_team=f"Municipium <{language}>",
        creation_date=created,
        revision_date=revised,
        header_comment=(
            "# Wagtail's admin strings that Wagtail's own catalogue leaves untranslated.\n"
            "# Refreshed by scripts/wagtail_messages.py; compiled by make wagtail-messages."
        ),
    )
    catalog.mime_headers = [
        ("Language", language),
        ("Plural-Forms", headers["Plural-Forms"]),
        ("Content-Type", "text/plain; charset=UTF-8"),
    ]
    wanted = untranslated_messages(language=language, domain=domain, upstream_only=True)
    # Our rewordings of strings Wagtail does translate (a translator comment starting with
    # OVERRIDE), kept for as long as Wagtail has the string.
    source = wagtail_source_messages(domain=domain)
    wanted_keys = {catalogue_key(message) for message in wanted}
    wanted += [
        source[key]
        for key, message in ours.items()
        if key in source and key not in wanted_keys and _is_override(message)
    ]
    for message in wanted:
        existing = ours.get(catalogue_key(message))
        string = existing.string if existing else ("",) * catalog.num_plurals
        if not message.pluralizable and not existing:
            string = ""
        catalog.add(
            message.id,
            string,
            locations=message.locations,
            flags=[flag for flag in message.flags if flag != "fuzzy"],
            auto_comments=message.auto_comments,
            user_comments=existing.user_comments if existing else (),
            context=message.context,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as po_file:
        write_po(po_file, catalog, width=100, omit_header=False, sort_output=True)
    return len(catalog)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", metavar="LANGUAGE", help="print the msgids missing in LANGUAGE")
    parser.add_argument("--update", action="store_true", help="rewrite the project's .po files")
    parser.add_argument("--check", action="store_true", help="fail if a string is untranslated")
    args = parser.parse_args()

    import django

    django.setup()
    from municipium.core.wagtail_i18n import untranslated_messages

    if args.update:
        for language in LANGUAGES:
            for domain in DOMAINS:
                print(f"{language} {domain}: {update(language, domain)} strings")
        return 0
    if args.list:
        for domain in DOMAINS:
            for message in untranslated_messages(
                language=args.list, domain=domain, upstream_only=True
            ):
                print(domain, repr(message.context or ""), repr(message.id), sep="\t")
        return 0
    missing = 0
    for language in LANGUAGES:
        for domain in DOMAINS:
            upstream = untranslated_messages(language=language, domain=domain, upstream_only=True)
            still = untranslated_messages(language=language, domain=domain)
            missing += len(still)
            print(f"{language} {domain}: Wagtail lacks {len(upstream)}, untranslated {len(still)}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
