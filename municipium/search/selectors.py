"""Reads of the search: a site's results for a query, one page at a time, with excerpts; the
text read from documents' files."""

import datetime
import re
from dataclasses import dataclass

from django.utils.safestring import SafeString
from wagtail.documents import get_document_model
from wagtail.models import Site

from municipium.core.formatting import localise_digits
from municipium.core.text import search_tokens

from .backends import Query, get_backend
from .backends.base import last_page
from .excerpts import excerpt, highlight, highlighter
from .models import DocumentText, Kind

PER_PAGE = 10
MAX_COUNT = 1000  # counted no further: "more than 1,000 results"
MAX_QUERY_LENGTH = 200  # characters of the query that are read
MAX_TERMS = 10


@dataclass(frozen=True)
class SearchResult:
    kind: str
    kind_label: str
    title_html: SafeString
    url: str
    date: datetime.datetime | None
    excerpt_html: SafeString


@dataclass(frozen=True)
class SearchResultPage:
    query: Query
    results: list[SearchResult]
    count: int  # at most MAX_COUNT
    more: bool  # there are more than MAX_COUNT
    number: int
    num_pages: int
    past_the_end: bool  # a page after the last was asked for: this is the last one

    @property
    def first_position(self) -> int:
        return (self.number - 1) * PER_PAGE + 1

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


# Written as they are whatever the language: an address's digits are not a number.
_ADDRESS_OR_DIGITS = re.compile(r"\S+@\S+|\w+://\S+|www\.\S+|\d+")


def site_digits(text: str, *, language: str) -> str:
    """``text`` with its numbers written in ``language``'s digits (a phone number in Persian
    digits on a Persian page), e-mail and web addresses left as they are."""
    if localise_digits("0", language) == "0":
        return text
    return _ADDRESS_OR_DIGITS.sub(
        lambda match: (
            localise_digits(match.group(), language) if match.group().isdigit() else match.group()
        ),
        text,
    )


def search_query_parse(text: str, *, language: str | None = None) -> Query:
    """What a person typed, made into at most MAX_TERMS words as the index holds them in
    ``language`` (``core.text.search_tokens``): quotes, operators, wildcards and any other
    syntax are only separators."""
    text = " ".join(text[:MAX_QUERY_LENGTH].split())
    terms = tuple(dict.fromkeys(search_tokens(text, language=language)))[:MAX_TERMS]
    return Query(text=text, terms=terms)


def search_result_list(
    *, site: Site, language: str, text: str, page_number: int = 1
) -> SearchResultPage:
    """Page ``page_number`` of the results for ``text`` among ``site``'s things in ``language``;
    a page past the end gives the last page. Two queries with the database backend: the
    candidates with their rank, and the page's entries. Titles and excerpts write digits as
    the language does (Persian digits on a Persian page)."""
    query = search_query_parse(text, language=language)
    found = get_backend().search(
        site=site,
        language=language,
        query=query,
        page=max(page_number, 1),
        per_page=PER_PAGE,
        max_count=MAX_COUNT,
    )
    pattern = highlighter(query, language=language)
    results = [
        SearchResult(
            kind=hit.kind,
            kind_label=Kind(hit.kind).label if hit.kind in Kind.values else hit.kind,
            title_html=highlight(site_digits(hit.title, language=language), pattern),
            url=hit.url,
            date=hit.date,
            excerpt_html=excerpt(site_digits(hit.text, language=language), pattern),
        )
        for hit in found.hits
    ]
    return SearchResultPage(
        query=query,
        results=results,
        count=min(found.count, MAX_COUNT),
        more=found.count > MAX_COUNT,
        number=found.number,
        num_pages=last_page(found.count, per_page=PER_PAGE, max_count=MAX_COUNT),
        past_the_end=page_number > found.number,
    )


def document_text_get_for_documents(*, document_ids) -> dict[int, str]:
    """The text read from the file of each of these documents, by id (none for a document not
    read yet): one query."""
    if not document_ids:
        return {}
    texts = DocumentText.objects.filter(document_id__in=document_ids)
    return dict(texts.values_list("document_id", "text"))


def document_text_list_stale() -> list[int]:
    """The ids of the documents whose file was never read, or changed since (by Wagtail's file
    hash; a document without one is read again only when it is saved)."""
    read = dict(DocumentText.objects.values_list("document_id", "file_hash"))
    documents = get_document_model().objects.order_by("pk").values_list("pk", "file_hash")
    return [
        pk for pk, file_hash in documents if pk not in read or (file_hash and file_hash != read[pk])
    ]
