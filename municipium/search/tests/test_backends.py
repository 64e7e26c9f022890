import pytest
from django.test import override_settings

from municipium.search.backends import get_backend
from municipium.search.backends.database import (
    DatabaseSearchBackend,
    fts5_expression,
    tsquery_expression,
)
from municipium.search.backends.wagtail import WagtailSearchBackend
from municipium.search.selectors import search_query_parse, search_result_list

WAGTAIL_BACKEND = "municipium.search.backends.wagtail.WagtailSearchBackend"


def test_the_database_backend_is_the_default():
    assert isinstance(get_backend(), DatabaseSearchBackend)


@override_settings(MUNICIPIUM_SEARCH_BACKEND=WAGTAIL_BACKEND)
def test_the_backend_is_chosen_by_a_setting():
    assert isinstance(get_backend(), WagtailSearchBackend)


@pytest.mark.parametrize(
    "text", ['"foo OR bar*', "'; DROP TABLE x; --", "NEAR(", ":*", "a\\b", "{title}: x"]
)
def test_expressions_hold_only_quoted_words(text):
    query = search_query_parse(text)
    expression = fts5_expression(query)
    for term in query.terms:
        assert term.isalnum()
    assert expression.count('"') == 2 * len(query.terms)
    assert "'" not in tsquery_expression(query).replace("'", "", 2 * len(query.terms))


@pytest.mark.django_db
@override_settings(MUNICIPIUM_SEARCH_BACKEND=WAGTAIL_BACKEND)
def test_wagtail_backend_finds_the_sites_pages_in_the_language(municipality_factory, publish):
    bornova = municipality_factory(slug="bornova")
    konak = municipality_factory(slug="konak")
    publish(bornova.homes["tr"], "kiraz", "Kiraz festivali", "Kiraz")
    publish(bornova.homes["en"], "cherry", "Kiraz festival", "Cherry")
    publish(konak.homes["tr"], "kiraz", "Konak kiraz", "Kiraz")
    found = search_result_list(site=bornova.site, language="tr", text="kiraz")
    assert [result.url for result in found.results] == ["/tr/kiraz/"]
    assert found.count == 1
    assert "<mark>Kiraz</mark>" in found.results[0].title_html


@pytest.mark.django_db
def test_a_word_that_fills_the_candidates_is_not_expanded_to_longer_words(bornova, publish):
    from municipium.search.backends.database import candidate_list

    for slug in ("a", "b"):
        publish(bornova.homes["tr"], slug, "Kiraz", "kiraz")
    publish(bornova.homes["tr"], "c", "Kirazlık", "kirazlık")
    query = search_query_parse("kiraz")
    site_id = bornova.site.pk
    assert len(candidate_list(site_id=site_id, language="tr", query=query, limit=2)) == 2
    assert len(candidate_list(site_id=site_id, language="tr", query=query, limit=4)) == 3


@pytest.mark.django_db
def test_more_than_the_maximum_is_counted_as_more(bornova, publish):
    from municipium.search.backends.database import DatabaseSearchBackend

    for number in range(4):
        publish(bornova.homes["tr"], f"p{number}", f"Erik {number}", "erik")
    found = DatabaseSearchBackend().search(
        site=bornova.site, language="tr", query=search_query_parse("erik"),
        page=9, per_page=2, max_count=3,
    )  # fmt: skip
    assert (found.count, found.number, len(found.hits)) == (4, 2, 1)
