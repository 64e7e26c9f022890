import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from municipium.news.models import NewsViewCount, NewsViewEvent
from municipium.news.selectors import news_view_count_get
from municipium.news.services import (
    news_article_relations_set,
    news_view_count_import,
    news_view_counts_fold,
    news_view_record,
)
from municipium.news.tasks import view_counts_fold

from .factories import article_create, directorate_create, sections_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(bornova):
    return article_create(bornova.news["tr"], "haber")


def record(page, times):
    for _ in range(times):
        news_view_record(page_id=page.pk)


def test_a_recorded_view_counts_at_once_before_any_fold(article):
    record(article, 3)
    assert news_view_count_get(page_id=article.pk) == 3


def test_folding_moves_views_into_the_total_and_keeps_the_count(article, bornova):
    other = article_create(bornova.news["tr"], "diger")
    record(article, 3)
    record(other, 2)
    assert news_view_counts_fold() == 5
    assert NewsViewEvent.objects.count() == 0
    assert NewsViewCount.objects.get(page=article).total == 3
    record(article, 1)
    assert news_view_count_get(page_id=article.pk) == 4
    assert news_view_count_get(page_id=other.pk) == 2


def test_folding_twice_changes_nothing(article):
    record(article, 3)
    news_view_counts_fold()
    assert news_view_counts_fold() == 0
    assert news_view_count_get(page_id=article.pk) == 3


def test_folding_works_in_batches(article):
    record(article, 7)
    assert news_view_counts_fold(batch=3) == 7
    assert NewsViewCount.objects.get(page=article).total == 7


def test_views_of_a_deleted_article_are_dropped_when_folded(article, bornova):
    other = article_create(bornova.news["tr"], "silinecek")
    record(other, 2)
    record(article, 1)
    other.delete()
    assert news_view_counts_fold() == 3
    assert list(NewsViewCount.objects.values_list("page_id", "total")) == [(article.pk, 1)]


def test_the_task_and_the_command_fold(article):
    record(article, 2)
    assert view_counts_fold.call() == 2
    record(article, 1)
    call_command("news_views_fold", verbosity=0)
    assert NewsViewCount.objects.get(page=article).total == 3


def test_an_imported_count_is_set_once_and_views_add_to_it(article):
    assert news_view_count_import(page=article, total=450)
    record(article, 1)
    assert not news_view_count_import(page=article, total=450)  # the demo, loaded again
    news_view_counts_fold()
    assert news_view_count_get(page_id=article.pk) == 451


def test_count_of_an_unsaved_article_is_zero():
    assert news_view_count_get(page_id=None) == 0


def test_relations_are_set_and_setting_them_again_writes_nothing(article, bornova):
    unit = directorate_create(bornova.directory["tr"], "parklar")
    news_article_relations_set(article=article, tags=["park", "çocuk"], directorates=[unit])
    article.refresh_from_db()
    assert set(article.tags.names()) == {"park", "çocuk"}
    assert list(article.directorates.all()) == [unit]
    revisions_before = article.latest_revision_id
    news_article_relations_set(article=article, tags=["çocuk", "park"], directorates=[unit])
    article.refresh_from_db()
    assert article.latest_revision_id == revisions_before


def test_a_directorate_of_another_site_is_refused(article, municipality_factory):
    sisli = sections_create(municipality_factory(slug="sisli"))
    theirs = directorate_create(sisli.directory["tr"], "kalem")
    with pytest.raises(ValidationError):
        news_article_relations_set(article=article, tags=[], directorates=[theirs])


def test_a_directorate_of_another_language_is_refused(article, bornova):
    english = directorate_create(bornova.directory["en"], "parks")
    with pytest.raises(ValidationError):
        news_article_relations_set(article=article, tags=[], directorates=[english])


def test_relations_set_on_a_live_article_purge_its_sites_cache(article, bornova):
    from municipium.tenancy.models import Municipality

    before = Municipality.objects.get(pk=bornova.pk).cache_generation
    news_article_relations_set(article=article, tags=["park"], directorates=[])
    assert Municipality.objects.get(pk=bornova.pk).cache_generation == before + 1
    news_article_relations_set(article=article, tags=["park"], directorates=[])  # unchanged
    assert Municipality.objects.get(pk=bornova.pk).cache_generation == before + 1
