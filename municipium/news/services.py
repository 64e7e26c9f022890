"""Changes to news: counting views, folding the counts, and an article's tags and
directorates.

View counts are exact and cheap on the reader's path. A counted view is one INSERT into
``NewsViewEvent``: it locks no row that another reader needs (no hot counter row is updated,
and the event has no foreign-key constraint to lock the page's row). ``news_view_counts_fold``
later moves events into ``NewsViewCount`` in batches; the count shown is the folded total plus
the events not yet folded, so it is exact whether or not the fold has run. A page served from
the page cache shows the count as it was when the page was rendered (at most
``MUNICIPIUM_PAGE_CACHE_SECONDS``, ten minutes, old), while its readers are still counted.
"""

import logging
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from municipium.tenancy.selectors import municipality_get_for_page
from municipium.tenancy.services import municipality_purge_cache

from .models import NewsArticlePage, NewsViewCount, NewsViewEvent

logger = logging.getLogger(__name__)

FOLD_BATCH = 5000


def news_view_record(*, page_id: int) -> None:
    """Count one view of the article ``page_id``. Never fails the reader's request: a view
    that cannot be written is logged and lost."""
    try:
        NewsViewEvent.objects.create(page_id=page_id)
    except DatabaseError:
        logger.warning("Could not count a view of news article %s.", page_id, exc_info=True)


def _events_take(limit: int) -> list[int]:
    """Delete up to ``limit`` of the oldest view events and return their page ids.

    One statement, ``DELETE ... RETURNING`` (PostgreSQL, and SQLite since 3.35): the events
    counted are exactly the events deleted. If two folds run at once, the second waits for the
    first's row locks and then skips the rows it deleted, so no event is counted twice; an
    event inserted meanwhile is left for the next fold."""
    table = connection.ops.quote_name(NewsViewEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} WHERE id IN "  # the table name is ours, the limit a parameter
            f"(SELECT id FROM {table} ORDER BY id LIMIT %s) RETURNING page_id",
            [limit],
        )
        return [row[0] for row in cursor.fetchall()]


def _totals_add(counts: Counter) -> None:
    existing_pages = set(NewsArticlePage.objects.filter(pk__in=counts).values_list("pk", flat=True))
    NewsViewCount.objects.bulk_create(
        [NewsViewCount(page_id=page_id) for page_id in existing_pages], ignore_conflicts=True
    )
    now = timezone.now()
    for page_id in sorted(existing_pages):  # a fixed order: two folds never deadlock
        NewsViewCount.objects.filter(page_id=page_id).update(
            total=F("total") + counts[page_id], folded_at=now
        )


def news_view_counts_fold(*, batch: int = FOLD_BATCH) -> int:
    """Move the view events into the articles' totals; returns how many were folded. Safe
    to run twice, or twice at once. Events of deleted articles are dropped."""
    folded = 0
    while True:
        with transaction.atomic():
            page_ids = _events_take(batch)
            if page_ids:
                _totals_add(Counter(page_ids))
        folded += len(page_ids)
        if len(page_ids) < batch:
            return folded


@transaction.atomic
def news_view_count_import(*, page: NewsArticlePage, total: int) -> bool:
    """Start the article's count at ``total``: the views a former portal recorded, brought
    over when the article is. Done once: an article that already has a count keeps it.
    Returns whether the count was set."""
    _count, created = NewsViewCount.objects.get_or_create(
        page_id=page.pk, defaults={"total": total, "folded_at": timezone.now()}
    )
    if created:
        logger.info("Imported %s views of news article %s.", total, page.pk)
    return created


@transaction.atomic
def news_article_relations_set(
    *, article: NewsArticlePage, tags: list[str], directorates: list
) -> NewsArticlePage:
    """Give the article exactly these tags and related directorates (of its own site and
    language). Saves only if something changed, so running it again writes nothing."""
    from .selectors import directorate_list_for_article_page

    allowed = set(
        directorate_list_for_article_page(parent=article.get_parent()).values_list("pk", flat=True)
    )
    if any(directorate.pk not in allowed for directorate in directorates):
        raise ValidationError(
            _("A related directorate must belong to the article's own site and language.")
        )
    current_tags = set(article.tags.names())
    current_directorates = set(article.directorates.values_list("pk", flat=True))
    wanted_directorates = {directorate.pk for directorate in directorates}
    if current_tags == set(tags) and current_directorates == wanted_directorates:
        return article
    article.tags.set(tags, clear=True)
    article.directorates.set(directorates)
    article.save()
    if article.live:  # a live article changed without a publish: its site shows it afresh
        municipality = municipality_get_for_page(page=article)
        if municipality is not None:
            municipality_purge_cache(municipality=municipality)
    return article
