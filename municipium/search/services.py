"""Writes to the search index. Pages are indexed when they are published and forgotten when
they are unpublished or deleted (``signals``); ``search_index_rebuild`` redoes a whole site.
Other apps put their own things (people, for example) with ``search_entry_put``."""

import datetime
import logging

from django.db import transaction
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from municipium.core.text import tokens

from .extract import page_content
from .models import TEXT_LIMIT, Kind, SearchEntry

logger = logging.getLogger(__name__)


def page_key(page_id: int) -> str:
    return f"page:{page_id}"


def document_key(document_id: int) -> str:
    return f"document:{document_id}"


def normalised_fields(*, title: str, text: str) -> dict[str, str]:
    """The columns the full-text index reads: the words of the title and of the text, normalised
    by the one normaliser, separated by single spaces."""
    return {
        "normalised_title": " ".join(tokens(title)),
        "normalised_text": " ".join(tokens(text)),
    }


def entry_values(
    *, kind: str, title: str, url: str, text: str = "", date=None, document_ids=()
) -> dict:
    """Every column of an entry but its site, language and object: what bulk loaders build too."""
    title, text = title[:255], text[:TEXT_LIMIT]
    return {
        "kind": kind,
        "title": title,
        "url": url[:500],
        "date": date,
        "text": text,
        "document_ids": f" {' '.join(map(str, document_ids))} " if document_ids else "",
        **normalised_fields(title=title, text=text),
    }


@transaction.atomic
def search_entry_put(
    *,
    site: Site,
    language: str,
    object_key: str,
    kind: str,
    title: str,
    url: str,
    text: str = "",
    date: datetime.datetime | None = None,
    page: Page | None = None,
) -> SearchEntry:
    """Create or replace the entry of ``object_key`` in ``site`` and ``language``."""
    entry, _created = SearchEntry.objects.update_or_create(
        site_id=site.pk,
        language=language,
        object_key=object_key,
        defaults={
            "page": page,
            **entry_values(kind=kind, title=title, url=url, text=text, date=date),
        },
    )
    return entry


@transaction.atomic
def search_entry_remove(*, object_key: str, site: Site | None = None) -> int:
    entries = SearchEntry.objects.filter(object_key=object_key)
    if site is not None:
        entries = entries.filter(site_id=site.pk)
    return entries.delete()[0]


def _public_location(page: Page) -> tuple[int, str] | None:
    """The site id and the address of ``page`` if the public may find it, else None."""
    if not page.live or page.depth < 2:
        return None
    parts = page.get_url_parts()
    if not parts or parts[2] is None:
        return None
    if page.get_view_restrictions().exists():
        return None
    return parts[0], parts[2]


@transaction.atomic
def search_page_index(*, page: Page) -> SearchEntry | None:
    """Index a published page (and the documents it links to) in its site and language, or
    forget it if it is not live, not public or not in a site. Safe to run twice."""
    page = page.specific
    location = _public_location(page)
    if location is None:
        search_page_forget(page_id=page.pk)
        return None
    site_id, url = location
    language = page.locale.language_code
    content = page_content(page)
    entry, _created = SearchEntry.objects.update_or_create(
        site_id=site_id,
        language=language,
        object_key=page_key(page.pk),
        defaults={
            "page": page,
            **entry_values(
                kind=content.kind,
                title=content.title,
                url=url,
                text=content.text,
                date=content.date,
                document_ids=content.document_ids,
            ),
        },
    )
    # Before a move to another site, the page was indexed there.
    SearchEntry.objects.filter(object_key=page_key(page.pk)).exclude(pk=entry.pk).delete()
    _documents_sync(page=page, site_id=site_id, language=language, ids=content.document_ids)
    return entry


def _documents_sync(*, page: Page, site_id: int, language: str, ids) -> None:
    no_longer_linked = SearchEntry.objects.filter(page_id=page.pk, kind=Kind.DOCUMENT).exclude(
        object_key__in=[document_key(pk) for pk in ids], site_id=site_id, language=language
    )
    _documents_rehome(no_longer_linked, excluding=page.pk)
    documents = get_document_model().objects.filter(pk__in=ids).select_related("collection")
    for document in documents:
        key = document_key(document.pk)
        if document.collection.get_view_restrictions().exists():
            SearchEntry.objects.filter(site_id=site_id, language=language, object_key=key).delete()
            continue
        values = entry_values(
            kind=Kind.DOCUMENT,
            title=document.title,
            url=document.url,
            text=f"{document.title}\n{document.filename}",
            date=document.created_at,
        )
        entry, created = SearchEntry.objects.get_or_create(
            site_id=site_id, language=language, object_key=key, defaults={"page": page, **values}
        )
        if not created:
            for name, value in values.items():
                setattr(entry, name, value)
            entry.page_id = entry.page_id or page.pk
            entry.save()


def _documents_rehome(entries, *, excluding: int) -> None:
    """Give each document entry to another indexed page of its site and language that still
    links to it, or remove it when none does."""
    for entry in entries:
        document_id = entry.object_key.partition(":")[2]
        owner = (
            SearchEntry.objects.filter(
                site_id=entry.site_id,
                language=entry.language,
                document_ids__contains=f" {document_id} ",
                page__isnull=False,
            )
            .exclude(page_id=excluding)
            .values_list("page_id", flat=True)
            .first()
        )
        if owner is None:
            entry.delete()
        else:
            entry.page_id = owner
            entry.save(update_fields=["page"])


@transaction.atomic
def search_page_forget(*, page_id: int) -> None:
    """Take a page that was unpublished or deleted out of the index, with the documents only it
    linked to. After a delete, the documents it linked to have lost their page already."""
    SearchEntry.objects.filter(object_key=page_key(page_id)).delete()
    orphans = SearchEntry.objects.filter(kind=Kind.DOCUMENT).filter(
        Q(page_id=page_id) | Q(page__isnull=True)
    )
    _documents_rehome(orphans, excluding=page_id)


def search_subtree_index(*, page: Page) -> None:
    """Index ``page`` and its descendants again: after a move, a new slug, a new restriction."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific().iterator():
        search_page_index(page=descendant)


@transaction.atomic
def search_site_rebuild(*, site: Site) -> int:
    """Index every public page of ``site`` in each of its languages from nothing, oldest first
    (a common word's results are its most recently indexed entries). Returns the number of
    entries."""
    SearchEntry.objects.filter(site_id=site.pk).delete()
    homes = Page.objects.filter(translation_key=site.root_page.translation_key)
    for home in homes:
        pages = (
            Page.objects.descendant_of(home, inclusive=True)
            .live()
            .public()
            .order_by("first_published_at", "path")
            .specific()
        )
        for page in pages.iterator(chunk_size=200):
            search_page_index(page=page)
    count = SearchEntry.objects.filter(site_id=site.pk).count()
    logger.info("Search index of %s rebuilt: %s entries.", site.hostname, count)
    return count


def search_index_rebuild(*, sites=None) -> dict[str, int]:
    """Rebuild the index of ``sites`` (every site by default), then let the database tidy the
    full-text index. Returns the number of entries per host name."""
    from .backends.database import full_text_optimise

    sites = Site.objects.select_related("root_page") if sites is None else sites
    counts = {site.hostname: search_site_rebuild(site=site) for site in sites}
    full_text_optimise()
    return counts
