"""What every search backend takes and gives."""

import datetime
from dataclasses import dataclass, replace
from typing import Protocol

from wagtail.models import Site

PREFIX_MIN_LENGTH = 3  # a word this long also finds longer ones: "belediye" finds "belediyenin"


@dataclass(frozen=True)
class Query:
    """A query made safe: ``text`` is what the person typed (trimmed), ``terms`` its normalised
    words, which are letters, digits and combining marks only: no syntax of any engine."""

    text: str
    terms: tuple[str, ...]
    prefix: bool = True  # whether words of PREFIX_MIN_LENGTH or more also find longer ones

    def is_prefix(self, term: str) -> bool:
        return self.prefix and len(term) >= PREFIX_MIN_LENGTH

    @property
    def has_prefixes(self) -> bool:
        return any(self.is_prefix(term) for term in self.terms)

    def exact(self) -> "Query":
        return replace(self, prefix=False)


@dataclass(frozen=True)
class Hit:
    """One thing found, with the plain text its excerpt is cut from."""

    kind: str
    title: str
    url: str
    date: datetime.datetime | None
    text: str


@dataclass(frozen=True)
class Found:
    """A page of hits. ``count`` stops at ``max_count + 1`` (then there are "more than
    max_count"); ``number`` is the page given, the last one if the page asked for is past it."""

    count: int
    number: int
    hits: list[Hit]


def last_page(count: int, *, per_page: int, max_count: int) -> int:
    return max(1, -(-min(count, max_count) // per_page))


class SearchBackend(Protocol):
    def search(
        self, *, site: Site, language: str, query: Query, page: int, per_page: int, max_count: int
    ) -> Found:
        """Page ``page`` of the things of ``site`` in ``language`` that contain every term of
        ``query``, best first, never more than ``max_count`` of them over all pages."""
