"""Changes to what a directorate page holds in rows (service standards, documents) and to
its links after a copy. Editors make these in the page editor; the demo and imports use these.
Units and people are the organisation's: ``organisation.services``."""

from django.db import transaction
from wagtail.models import Page

from municipium.search.services import search_page_index

from .models import DirectorateDocument, DirectoratePage, ServiceStandard


def _rows_set(model, page: DirectoratePage, items: list[dict]) -> list:
    """The page's rows of ``model`` become ``items``, in order. A row keeps its identity by
    position, so that running this again with the same items changes nothing."""
    existing = list(model.objects.filter(page=page).order_by("sort_order", "pk"))
    rows = []
    for position, fields in enumerate(items):
        row = existing[position] if position < len(existing) else model(page=page)
        changed = row.pk is None or row.sort_order != position
        changed = changed or any(getattr(row, k) != v for k, v in fields.items())
        for key, value in fields.items():
            setattr(row, key, value)
        row.sort_order = position
        if changed:
            row.full_clean(exclude=["page"])
            row.save()
        rows.append(row)
    model.objects.filter(pk__in=[row.pk for row in existing[len(items) :]]).delete()
    return rows


@transaction.atomic
def directorate_service_standards_set(*, page: DirectoratePage, rows: list[dict]):
    return _rows_set(ServiceStandard, page, rows)


@transaction.atomic
def directorate_documents_set(*, page: DirectoratePage, documents: list[tuple]):
    """The documents listed on the page, as (document, title) pairs."""
    items = [{"document": document, "title": title} for document, title in documents]
    return _rows_set(DirectorateDocument, page, items)


@transaction.atomic
def directorate_reports_to_relink(*, target: DirectoratePage) -> None:
    """After ``target`` was copied or translated, the directorate it reports to becomes the
    translation of that directorate in its own language, if there is one, in the database
    and in its latest revision (what the editor opens). Running it again changes nothing."""
    superior = target.reports_to_page
    if superior is None or superior.locale_id == target.locale_id:
        return
    translated = superior.get_translation_or_none(target.locale)
    target.reports_to_page = translated
    DirectoratePage.objects.filter(pk=target.pk).update(reports_to_page=translated)
    revision = target.latest_revision
    if revision is not None and "reports_to_page" in revision.content:
        revision.content["reports_to_page"] = target.reports_to_page_id
        revision.save(update_fields=["content"])


def directorate_copies_relink(*, target: Page) -> None:
    """``directorate_reports_to_relink`` for a copied page and every directorate below it."""
    for page in DirectoratePage.objects.descendant_of(target, inclusive=True):
        directorate_reports_to_relink(target=page)


def directorates_reindex(*, municipality_id: int, unit_ids) -> int:
    """The site's search finds a directorate by the people its page shows
    (``DirectoratePage.search_extra_text``): when the organisation changes the people, their
    titles or the names of ``unit_ids`` (``organisation.changes``, after commit), the live
    pages presenting those units are indexed again, in every language. Returns how many."""
    pages = DirectoratePage.objects.live().filter(
        unit_id__in=unit_ids, unit__municipality_id=municipality_id
    )
    count = 0
    for page in pages:
        search_page_index(page=page)
        count += 1
    return count
