"""Archives, exhibitions, items and consents for the archive's tests."""

import datetime

from municipium.archive.models import (
    ArchiveIndexPage,
    ArchiveItemPage,
    Consent,
    ConsentScope,
    DcmiType,
    ExhibitionPage,
    ItemKind,
)
from municipium.core.pages import page_ensure


def archive_create(municipality, language="tr", slug="arsiv"):
    return page_ensure(
        parent=municipality.homes[language], page_class=ArchiveIndexPage, slug=slug,
        language=language, title=f"Archive {language}",
    )  # fmt: skip


def exhibition_create(index, slug, *, kind=ExhibitionPage.Kind.PERMANENT, partners=(), **fields):
    fields.setdefault("title", slug.replace("-", " ").title())
    page = page_ensure(
        parent=index, page_class=ExhibitionPage, slug=slug,
        language=index.locale.language_code, kind=kind, **fields,
    )  # fmt: skip
    if partners:
        page.partners.set(partners)
        page.save()
    return page


def consent_create(municipality, scope=ConsentScope.ONLINE, given_by="Ayşe Yılmaz", **fields):
    return Consent.objects.create(
        municipality=municipality, given_by=given_by, given_on=datetime.date(2025, 5, 1),
        scope=scope, **fields,
    )  # fmt: skip


def item_create(parent, slug, *, consent=None, subjects=(), **fields):
    """A live item under ``parent`` (written straight to the tree, as an import would: the
    rule must hold even for a live item without consent)."""
    fields.setdefault("title", slug.replace("-", " ").title())
    fields.setdefault("description", f"The description of {slug}.")
    fields.setdefault("kind", ItemKind.ORAL_HISTORY)
    fields.setdefault("dc_type", DcmiType.SOUND)
    fields.setdefault("identifier", slug.upper())
    page = page_ensure(
        parent=parent, page_class=ArchiveItemPage, slug=slug,
        language=parent.locale.language_code, consent=consent, **fields,
    )  # fmt: skip
    if subjects:
        page.subjects.set(list(subjects))
        page.save()
    return page
