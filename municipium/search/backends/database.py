"""The default backend: the project's own index (``SearchEntry``) with the database's full-text
search. One SQL query finds the candidates and their rank (a second one when the words are then
looked up as beginnings of longer words too), another reads the page of ten.

Ranking every match is what makes a common word slow (REFERENCE.md: Wagtail's database backend
on SQLite re-runs the match for each document; here, at 100,000 entries, bm25 over every match
of a common word took 0.07–0.3 s and ts_rank 0.4–0.8 s). So the candidates are the newest
``max_count + 1`` matches (by entry id), ranked by relevance: all of them for any but a common
word, and for a common word the newest thousand, which is also all that pagination shows.
A word of three letters or more also finds longer words ("belediye" finds "belediyenin"),
unless the word itself is common enough to fill the candidates: expanding a common prefix
costs most and adds nothing to a list that is already full.

- SQLite: the FTS5 table ``municipium_search_fts`` (``title``, ``body``), bm25 with the title
  weighing five times the body, read newest first and joined to the entries of the site and
  language. (A site-and-language token in the full-text index costs more: bm25 reads the whole
  list of a phrase's documents, and that token's list is the whole site.)
- PostgreSQL: the generated column ``search_vector`` (title weight A, text weight D) with a GIN
  index, configuration ``simple``, ``ts_rank``, through the SQL function
  ``municipium_search_candidates`` of migration 0002: the table's tuples are kept small (the
  vector and texts are toasted) so that a bitmap scan of the GIN index reads little, and the
  function allows no other plan.

User text never reaches MATCH or ``to_tsquery``: only the normalised terms of ``Query``, which
are letters, digits and marks, each quoted.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from ..models import SearchEntry
from .base import Found, Hit, Query, last_page

FTS_TABLE = "municipium_search_fts"
ENTRY_TABLE = SearchEntry._meta.db_table


@dataclass(frozen=True)
class Candidate:
    entry_id: int
    rank: float  # higher is better


def fts5_expression(query: Query) -> str:
    return " AND ".join(
        f'"{term}"' + (" *" if query.is_prefix(term) else "") for term in query.terms
    )


def tsquery_expression(query: Query) -> str:
    return " & ".join(f"'{term}'" + (":*" if query.is_prefix(term) else "") for term in query.terms)


class _SQLite:
    @staticmethod
    def candidates(*, site_id, language, query, limit) -> list[Candidate]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT f.rowid, f.rank FROM {FTS_TABLE} AS f"
                f" JOIN {ENTRY_TABLE} AS e ON e.id = f.rowid"
                f" WHERE {FTS_TABLE} MATCH %s AND e.site_id = %s AND e.language = %s"
                " ORDER BY f.rowid DESC LIMIT %s",
                [fts5_expression(query), site_id, language, limit],
            )
            return [Candidate(entry_id, -rank) for entry_id, rank in cursor.fetchall()]

    @staticmethod
    def optimise():
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")


class _PostgreSQL:
    @staticmethod
    def candidates(*, site_id, language, query, limit) -> list[Candidate]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT entry_id, rank FROM municipium_search_candidates("
                "%s, %s, to_tsquery('simple', %s), %s)",
                [site_id, language, tsquery_expression(query), limit],
            )
            return [Candidate(entry_id, rank) for entry_id, rank in cursor.fetchall()]

    @staticmethod
    def optimise():
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {ENTRY_TABLE}")


_VENDORS = {"sqlite": _SQLite, "postgresql": _PostgreSQL}


def _vendor():
    try:
        return _VENDORS[connection.vendor]
    except KeyError:
        raise ImproperlyConfigured(
            f"The database search backend supports SQLite and PostgreSQL, not "
            f"{connection.vendor}: set MUNICIPIUM_SEARCH_BACKEND to the Wagtail backend."
        ) from None


def full_text_optimise() -> None:
    """Merge the full-text index after a bulk load (SQLite) or refresh the planner's statistics
    (PostgreSQL)."""
    _vendor().optimise()


def candidate_list(*, site_id: int, language: str, query: Query, limit: int) -> list[Candidate]:
    """The newest ``limit`` entries that match, exact words first (see the module docstring),
    newest first."""
    vendor = _vendor()
    found = vendor.candidates(site_id=site_id, language=language, query=query.exact(), limit=limit)
    if len(found) < limit and query.has_prefixes:
        found = vendor.candidates(site_id=site_id, language=language, query=query, limit=limit)
    return sorted(found, key=lambda candidate: -candidate.entry_id)


class DatabaseSearchBackend:
    def search(
        self, *, site, language: str, query: Query, page: int, per_page: int, max_count: int
    ) -> Found:
        if not query.terms:
            return Found(count=0, number=1, hits=[])
        candidates = candidate_list(
            site_id=site.pk, language=language, query=query, limit=max_count + 1
        )
        ranked = sorted(candidates[:max_count], key=lambda c: (-c.rank, -c.entry_id))
        number = min(page, last_page(len(candidates), per_page=per_page, max_count=max_count))
        ids = [c.entry_id for c in ranked[(number - 1) * per_page : number * per_page]]
        entries = SearchEntry.objects.only("kind", "title", "url", "date", "text").in_bulk(ids)
        hits = [
            Hit(kind=e.kind, title=e.title, url=e.url, date=e.date, text=e.text)
            for e in (entries[entry_id] for entry_id in ids if entry_id in entries)
        ]
        return Found(count=len(candidates), number=number, hits=hits)
