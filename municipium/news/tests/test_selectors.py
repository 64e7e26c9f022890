import datetime

import pytest

from municipium.core.formatting import SOLAR_HIJRI
from municipium.core.months import Month
from municipium.news.selectors import (
    news_article_list_for_index,
    news_feed_source_get,
    news_filter_choices,
)

from .factories import article_create, directorate_create, sections_create

pytestmark = pytest.mark.django_db


def test_filter_choices_come_from_this_index_only(bornova, municipality_factory):
    sisli = sections_create(municipality_factory(slug="sisli"))
    ours = directorate_create(bornova.directory["tr"], "parklar", "Parklar")
    unused = directorate_create(bornova.directory["tr"], "zabita", "Zabıta")
    theirs = directorate_create(sisli.directory["tr"], "kalem", "Kalem")
    article_create(bornova.news["tr"], "a", tags=["park"], directorates=[ours])
    article_create(sisli.news["tr"], "b", tags=["tören"], directorates=[theirs])
    choices = news_filter_choices(
        index=bornova.news["tr"], calendar="gregorian", time_zone="Europe/Istanbul", language="tr"
    )
    assert choices.directorates == [("parklar", "Parklar")]
    assert choices.directorate_ids_by_slug == {"parklar": ours.pk}
    assert unused.pk not in choices.directorate_ids_by_slug.values()
    assert choices.tags == [("park", "park")]


def test_month_choices_are_the_sites_calendar_months_newest_first(bumehen):
    index = bumehen.news["fa"]
    for slug, day in (("a", (2023, 1, 7)), ("b", (2023, 1, 25)), ("c", (2022, 12, 25))):
        article_create(index, slug, date=datetime.datetime(*day, 9, tzinfo=datetime.UTC))
    choices = news_filter_choices(
        index=index, calendar=SOLAR_HIJRI, time_zone="Asia/Tehran", language="fa"
    )
    assert [month.value for month in choices.months] == ["1401-11", "1401-10"]


def test_month_choices_follow_the_sites_time_zone(bumehen):
    # 20:45 UTC on 21 December 2022 is already 22 December, 1 Dey, in Tehran.
    article_create(
        bumehen.news["fa"], "a", date=datetime.datetime(2022, 12, 21, 20, 45, tzinfo=datetime.UTC)
    )
    choices = news_filter_choices(
        index=bumehen.news["fa"], calendar=SOLAR_HIJRI, time_zone="Asia/Tehran", language="fa"
    )
    assert choices.months == [Month(1401, 10, SOLAR_HIJRI)]


def test_the_listing_leaves_out_drafts_and_other_indexes(bornova):
    article_create(bornova.news["tr"], "yayinda")
    draft = article_create(bornova.news["tr"], "taslak")
    draft.unpublish()
    article_create(bornova.news["en"], "english")
    slugs = [a.slug for a in news_article_list_for_index(index=bornova.news["tr"])]
    assert slugs == ["yayinda"]


def test_a_feed_source_is_the_sites_home_in_that_language(bornova, municipality_factory):
    sisli = sections_create(municipality_factory(slug="sisli"))
    directorate_create(sisli.directory["tr"], "kalem")
    directorate_create(bornova.directory["en"], "parks")
    source = news_feed_source_get(site=bornova.site, language="en")
    assert source.home == bornova.homes["en"].page_ptr and source.index.pk == bornova.news["en"].pk
    assert news_feed_source_get(site=bornova.site, language="fa") is None
    assert news_feed_source_get(site=bornova.site, language="tr", directorate_slug="kalem") is None
    assert news_feed_source_get(site=bornova.site, language="tr", directorate_slug="parks") is None
    assert news_feed_source_get(site=bornova.site, language="en", directorate_slug="parks")
