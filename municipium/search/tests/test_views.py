import re
import time
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from municipium.search.models import Kind

pytestmark = pytest.mark.django_db

HOST = "bornova.localhost"


def search(client, path="/tr/search/", host=HOST, **params):
    return client.get(path, params, HTTP_HOST=host)


class _Elements(HTMLParser):
    """Start tags and their attributes, and whether every opened element is closed."""

    VOID = {"meta", "link", "img", "input", "br", "hr", "source"}

    def __init__(self):
        super().__init__()
        self.tags, self.open = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()


def elements(html):
    parser = _Elements()
    parser.feed(html)
    assert parser.open == [], f"unclosed: {parser.open}"
    return parser.tags


@pytest.fixture
def news(bornova, publish):
    for number in range(12):
        publish(
            bornova.homes["tr"], f"haber-{number}", f"Haber {number}", "Çınar ağaçları dikildi."
        )
    return bornova


def test_empty_search_shows_the_form_and_a_prompt_without_searching(client, bornova):
    response = search(client)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="search"' in html and 'name="q"' in html
    assert "search-result" not in html


def test_results_show_count_kind_title_link_date_and_marked_excerpt(client, news):
    html = search(client, q="ÇINAR").content.decode()
    assert '<p class="search-page__summary" role="status">12 ' in html
    assert '<a class="search-result__link" href="/tr/haber-11/">Haber 11</a>' in html
    assert "<mark>Çınar</mark>" in html
    assert '<p class="search-result__date"><time datetime=' in html
    with translation.override("tr"):
        assert f'class="search-result__kind">{Kind.PAGE.label}<' in html


def test_results_are_paginated_with_links_that_keep_the_query(client, news):
    html = search(client, q="çınar").content.decode()
    assert html.count('class="search-result ') == 10
    assert 'href="?q=%C3%A7%C4%B1nar&amp;page=2"' in html
    second = search(client, q="çınar", page="2").content.decode()
    assert second.count('class="search-result ') == 2
    assert 'rel="prev"' in second and 'rel="next"' not in second


@pytest.mark.parametrize("page", ["99", "999999999999999999999", "-3", "abc", ""])
def test_a_page_number_past_the_end_or_wrong_gives_a_normal_page(client, news, page):
    response = search(client, q="çınar", page=page)
    assert response.status_code == 200
    assert 'class="search-result ' in response.content.decode()


def test_a_page_past_the_end_says_so(client, news):
    html = search(client, q="çınar", page="99").content.decode()
    assert 'class="search-page__notice"' in html


@pytest.mark.parametrize(
    "query",
    ["", "   ", "x" * 10_000, '"foo OR bar*', "'; DROP TABLE x; --", "NEAR(", ":*", "a\x00b",
     "foo AND NOT bar", "{title}: x", "çınar" * 2000, "ç " * 3000],
)  # fmt: skip
def test_odd_input_answers_quickly_with_a_normal_page(client, news, query):
    started = time.perf_counter()
    response = search(client, q=query)
    assert response.status_code == 200
    assert time.perf_counter() - started < 2
    assert 'name="q"' in response.content.decode()


def test_a_long_query_is_trimmed_in_the_form(client, news):
    html = search(client, q="ç" * 10_000).content.decode()
    value = re.search(r'id="search-page-q" name="q" value="([^"]*)"', html).group(1)
    assert len(value) == 500


def test_query_is_escaped_in_the_page(client, news):
    html = search(client, q='<script>alert("x")</script> çınar').content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_never_shows_another_sites_results(client, municipality_factory, publish):
    bornova = municipality_factory(slug="bornova")
    konak = municipality_factory(slug="konak")
    publish(konak.homes["tr"], "gizli", "Konak duyurusu", "Zeytin hasadı başladı.")
    html = search(client, q="zeytin", host="bornova.localhost").content.decode()
    assert "Konak duyurusu" not in html and "search-result__title" not in html
    assert "Konak duyurusu" in search(client, q="zeytin", host="konak.localhost").content.decode()
    assert bornova.site != konak.site


def test_persian_page_counts_with_persian_digits(client, bumehen, publish):
    publish(bumehen.homes["fa"], "khabar", "برنامه‌های نوروز", "برنامه‌های شاد")
    html = search(client, path="/fa/search/", host="bumehen.localhost", q="برنامههای").content
    html = html.decode()
    assert '<html lang="fa" dir="rtl"' in html
    assert "۱" in html  # the count
    assert "<mark>برنامه\u200cهای</mark>" in html


def test_page_is_well_formed_and_labelled(client, news):
    tags = elements(search(client, q="çınar").content.decode())
    forms = [attrs for tag, attrs in tags if tag == "form" and attrs.get("role") == "search"]
    assert forms and all(form["method"] == "get" for form in forms)
    names = [form["aria-label"] for form in forms]
    assert len(names) == len(set(names))  # one search landmark each, told apart
    ids = [attrs["id"] for _tag, attrs in tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    labels = {attrs["for"] for tag, attrs in tags if tag == "label"}
    inputs = [attrs for tag, attrs in tags if tag == "input" and attrs.get("name") == "q"]
    assert inputs and all(attrs["id"] in labels for attrs in inputs)


def test_search_page_is_not_put_in_the_page_cache(client, news):
    search(client, q="çınar")
    response = search(client, q="çınar")
    assert response.get("X-Page-Cache") != "hit"


def queries(client, **params):
    search(client, **params)  # the tenant's snapshot into the cache
    with CaptureQueriesContext(connection) as captured:
        search(client, **params)
    return len(captured)


def test_search_costs_at_most_three_queries_more_than_the_empty_page(client, news):
    assert queries(client, q="çınar", page="2") <= queries(client) + 3


def test_query_count_does_not_grow_with_the_results(client, bornova, publish):
    publish(bornova.homes["tr"], "tek", "Tek", "Zeytin.")
    few = queries(client, q="zeytin")
    for number in range(15):
        publish(bornova.homes["tr"], f"zeytin-{number}", f"Zeytin {number}", "Zeytin hasadı.")
    assert queries(client, q="zeytin") == few


def test_search_in_a_language_the_site_does_not_have_is_a_404(client, bornova):
    assert search(client, path="/fa/search/", q="x").status_code == 404


def _document_results(html):
    return re.findall(r'<li class="search-result search-result--document">(.*?)</li>', html, re.S)


def test_words_inside_a_pdf_find_its_document_with_turkish_capitals_on_its_site_only(
    client, municipality_factory, publish, upload, pdf
):
    bornova = municipality_factory(slug="bornova")
    konak = municipality_factory(slug="konak")
    body = pdf("Bu yıl", "İmar yönetmeliği kapsamında ruhsat başvuruları uzadı.")
    document = upload("Karar 12", "karar-12.pdf", body)
    page_body = [("document", {"document": document, "title": ""})]
    publish(bornova.homes["tr"], "kararlar", "Meclis kararları", "", body=page_body)
    for query in ("İMAR", "IMAR", "imar", "İmar ruhsat"):
        results = _document_results(search(client, q=query).content.decode())
        assert len(results) == 1, query
        assert f'href="{document.url}"' in results[0]
        assert "<mark>İmar</mark> yönetmeliği" in results[0]
    assert "search-result" not in search(client, q="imar", host="konak.localhost").content.decode()
    assert konak.site != bornova.site


def test_words_inside_a_persian_pdf_find_its_document_whatever_the_letters_typed(
    client, bumehen, publish, upload, pdf
):
    document = upload("مصوبه", "mosavabeh.pdf", pdf("برنامه‌های نوروزی شهرداری برای پاکسازی"))
    page_body = [("document", {"document": document, "title": ""})]
    publish(bumehen.homes["fa"], "mosavabat", "مصوبات", "", body=page_body)
    for query in ("نوروزی", "نوروزي", "پاكسازی"):  # Persian yeh, Arabic yeh, Arabic kaf
        html = search(client, path="/fa/search/", host="bumehen.localhost", q=query).content
        results = _document_results(html.decode())
        assert len(results) == 1 and f'href="{document.url}"' in results[0], query
        assert "<mark>" in results[0]
