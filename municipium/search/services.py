"""Writes to the search index. Pages are indexed when they are published and forgotten when
they are unpublished or deleted (``signals``); ``search_index_rebuild`` redoes a whole site.
Other apps put their own things (people, for example) with ``search_entry_put``. A document
linked from a page has its own entry, with the text read from its file after each save
(``tasks.document_text_extract``)."""

import datetime
import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, Site

from municipium.core.pages import HOME_PAGE_DEPTH, page_is_withheld
from municipium.core.text import search_tokens
from municipium.tenancy.selectors import home_page_list_for_site

from .document_text import FileText, document_file_read
from .extract import page_content
from .models import DOCUMENT_TEXT_LIMIT, TEXT_LIMIT, DocumentText, Kind, SearchEntry
from .selectors import document_text_get_for_documents, document_text_list_stale

logger = logging.getLogger(__name__)


def page_key(page_id: int) -> str:
    return f"page:{page_id}"


def document_key(document_id: int) -> str:
    return f"document:{document_id}"


def normalised_fields(*, title: str, text: str, language: str | None = None) -> dict[str, str]:
    """The columns the full-text index reads: the words of the title and of the text as the
    search holds them (``core.text.search_tokens``: normalised, stemmed in ``language``,
    without diacritics), separated by single spaces."""
    return {
        "normalised_title": " ".join(search_tokens(title, language=language)),
        "normalised_text": " ".join(search_tokens(text, language=language)),
    }


def entry_values(
    *,
    kind: str,
    title: str,
    url: str,
    language: str | None,
    text: str = "",
    date=None,
    document_ids=(),
    text_limit: int = TEXT_LIMIT,
) -> dict:
    """Every column of an entry but its site, language and object: what bulk loaders build too.
    ``language`` is the entry's, whose stemmer the index uses. A document's entry keeps more
    text (``text_limit``) than a page's: all of its words."""
    title, text = title[:255], text[:text_limit]
    return {
        "kind": kind,
        "title": title,
        "url": url[:500],
        "date": date,
        "text": text,
        "document_ids": f" {' '.join(map(str, document_ids))} " if document_ids else "",
        **normalised_fields(title=title, text=text, language=language),
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
            **entry_values(
                kind=kind, title=title, url=url, language=language, text=text, date=date
            ),
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
    if not page.live or page.depth < HOME_PAGE_DEPTH:
        return None
    parts = page.get_url_parts()
    if not parts or parts[2] is None:
        return None
    if page.get_view_restrictions().exists():
        return None
    if page_is_withheld(page):  # live, but not for the public (core.pages.WITHHELD_PAGES)
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
                language=language,
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
    """The entries of the documents ``page`` links to, in its site and language: a few queries
    whatever the number of documents."""
    no_longer_linked = SearchEntry.objects.filter(page_id=page.pk, kind=Kind.DOCUMENT).exclude(
        object_key__in=[document_key(pk) for pk in ids], site_id=site_id, language=language
    )
    _documents_rehome(no_longer_linked, excluding=page.pk)
    if not ids:
        return
    documents = list(get_document_model().objects.filter(pk__in=ids).select_related("collection"))
    private = _private_collection_ids([document.collection for document in documents])
    entries = SearchEntry.objects.filter(site_id=site_id, language=language)
    hidden = [document_key(d.pk) for d in documents if d.collection_id in private]
    if hidden:
        entries.filter(object_key__in=hidden).delete()
    public = [document for document in documents if document.collection_id not in private]
    texts = document_text_get_for_documents(document_ids=[document.pk for document in public])
    values = {
        document_key(document.pk): document_entry_values(
            document, text=texts.get(document.pk, ""), language=language
        )
        for document in public
    }
    _entries_put(entries, values=values, site_id=site_id, language=language, page=page)


def _entries_put(entries, *, values: dict[str, dict], site_id: int, language: str, page: Page):
    """Create or update the entries of ``values`` (columns by object key) in two queries; an
    entry that has a page already keeps it."""
    existing = {entry.object_key: entry for entry in entries.filter(object_key__in=values)}
    columns = [*next(iter(values.values()), {}), "page"]
    changed = []
    for key, entry in existing.items():
        if entry.page_id and all(getattr(entry, n) == v for n, v in values[key].items()):
            continue
        for name, value in values[key].items():
            setattr(entry, name, value)
        entry.page_id = entry.page_id or page.pk
        changed.append(entry)
    if changed:
        SearchEntry.objects.bulk_update(changed, columns)
    new = [
        SearchEntry(site_id=site_id, language=language, object_key=key, page=page, **row)
        for key, row in values.items()
        if key not in existing
    ]
    if new:  # a page published at the same moment may have made one: it is the same
        SearchEntry.objects.bulk_create(new, ignore_conflicts=True)


def _private_collection_ids(collections: list[Collection]) -> set[int]:
    """Those of ``collections`` that a view restriction, theirs or an ancestor's, keeps from
    the public: one query (an ancestor's path begins a collection's path)."""
    if not collections:
        return set()
    restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    paths = list(restricted)
    return {c.pk for c in collections if any(c.path.startswith(path) for path in paths)}


def document_entry_values(document, *, text: str = "", language: str | None) -> dict:
    """The columns of a document's entry: its title and the text read from it (not its file
    name, which no reader looks for and which an excerpt must not show)."""
    return entry_values(
        kind=Kind.DOCUMENT,
        title=document.title,
        url=document.url,
        language=language,
        text="\n".join(part for part in (document.title, text) if part),
        date=document.created_at,
        text_limit=DOCUMENT_TEXT_LIMIT,
    )


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


def document_text_update(*, document_id: int) -> DocumentText | None:
    """Read the text of a document's file if the file changed since it was read, keep it, and
    put the document's title and text in its entries of every site and language.
    Safe to run twice. A file that cannot be read is recorded as such, and its document is
    still found by its title. None if the document is gone."""
    document = (
        get_document_model().objects.select_related("collection").filter(pk=document_id).first()
    )
    if document is None:
        return None
    stored = DocumentText.objects.filter(document_id=document_id).first()
    unchanged_hash = "" if stored is None else stored.file_hash
    # Read outside a transaction: a long PDF takes seconds, and a transaction locks SQLite.
    read = document_file_read(document, unchanged_hash=unchanged_hash)
    return _document_text_save(document=document, read=read, stored=stored)


@transaction.atomic
def _document_text_save(
    *, document, read: FileText | None, stored: DocumentText | None
) -> DocumentText | None:
    if read is not None:
        stored, _created = DocumentText.objects.update_or_create(
            document_id=document.pk,
            defaults={
                "file_hash": read.file_hash,
                "text": read.text,
                "error": read.error,
                "extracted_at": timezone.now(),
            },
        )
    search_document_refresh(document=document, text=stored.text if stored else "")
    return stored


@transaction.atomic
def search_document_refresh(*, document, text: str = "") -> int:
    """Put ``document``'s title and ``text`` in its entries of every site and language (each
    stemmed in its language), or take them out if its collection is private now. Returns how
    many it had."""
    entries = SearchEntry.objects.filter(kind=Kind.DOCUMENT, object_key=document_key(document.pk))
    if _private_collection_ids([document.collection]):
        return entries.delete()[0]
    updated = 0
    for language in entries.values_list("language", flat=True).distinct():
        values = document_entry_values(document, text=text, language=language)
        updated += entries.filter(language=language).update(**values)
    if not updated:  # public again, or linked before its text was read: the pages say where
        search_linking_pages_index(document_ids=[document.pk])
    return updated


def search_linking_pages_index(*, document_ids) -> int:
    """Index again the pages whose entries link to any of ``document_ids``: a document is in
    the index of each site and language where a public page links to it. Returns how many."""
    if not document_ids:
        return 0
    links = Q()
    for document_id in document_ids:
        links |= Q(document_ids__contains=f" {document_id} ")
    page_ids = (
        SearchEntry.objects.filter(links, page__isnull=False)
        .exclude(kind=Kind.DOCUMENT)
        .values_list("page_id", flat=True)
    )
    pages = Page.objects.filter(pk__in=set(page_ids)).specific()
    for page in pages:
        search_page_index(page=page)
    return len(pages)


def search_collection_documents_index(*, collection: Collection) -> int:
    """After a collection's view restriction changed: its documents, and those of the
    collections inside it, enter or leave the index through the pages that link to them."""
    collections = collection.get_descendants(inclusive=True)
    document_ids = get_document_model().objects.filter(collection__in=collections)
    return search_linking_pages_index(document_ids=list(document_ids.values_list("pk", flat=True)))


def document_text_update_stale() -> int:
    """Read the files of the documents never read, or changed since they were read (a document
    saved while no worker ran, the demo's). Returns how many were read."""
    document_ids = document_text_list_stale()
    for document_id in document_ids:
        document_text_update(document_id=document_id)
    return len(document_ids)


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
    homes = home_page_list_for_site(site=site)
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
    """Read the documents' files not read yet (of every site: documents have none), rebuild
    the index of ``sites`` (every site by default), then let the database tidy the full-text
    index. Returns the number of entries per host name."""
    from .backends.database import full_text_optimise

    read = document_text_update_stale()
    logger.info("Documents whose text was read: %s.", read)
    sites = Site.objects.select_related("root_page") if sites is None else sites
    counts = {site.hostname: search_site_rebuild(site=site) for site in sites}
    full_text_optimise()
    return counts
