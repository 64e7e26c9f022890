"""core.routing finds a request's page as Wagtail's own routing would, in two queries (a cross-app
test: it routes to portal and directory pages)."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from municipium.core import routing
from municipium.core.pages import page_ensure
from municipium.directory.models import DirectoratePage, DirectoryIndexPage
from municipium.portal.models import StandardPage
from municipium.tenancy.selectors import tenant_get_for_hostname

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    municipality = municipality_factory(slug="bornova")
    home = municipality.homes["tr"]
    municipality.about = page_ensure(
        parent=home, page_class=StandardPage, slug="hakkimizda", language="tr", title="Hakkımızda"
    )
    municipality.history = page_ensure(
        parent=municipality.about, page_class=StandardPage, slug="tarihce", language="tr",
        title="Tarihçe",
    )  # fmt: skip
    return municipality


def get(client, path, host="bornova.localhost", **headers):
    return client.get(path, HTTP_HOST=host, HTTP_CACHE_CONTROL="no-cache", **headers)


def page_queries(client, path) -> tuple[int, object]:
    get(client, path)  # the tenant snapshot and the process's content types
    with CaptureQueriesContext(connection) as captured:
        response = get(client, path)
    routing = [
        query["sql"]
        for query in captured.captured_queries
        if "wagtailcore_page" in query["sql"] or "wagtailcore_locale" in query["sql"]
    ]
    return len(routing), response


def test_a_page_two_levels_down_is_found_in_two_queries_with_its_breadcrumbs(client, bornova):
    count, response = page_queries(client, "/tr/hakkimizda/tarihce/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Tarihçe" in html
    assert 'href="/tr/hakkimizda/">Hakkımızda</a>' in html  # the breadcrumbs, from the trail
    # The path's pages (the breadcrumbs' trail) were read by the first request and kept with
    # the site's data; this one reads the specific page only (the language switcher's
    # translations are kept too). Wagtail's routing alone took six, the breadcrumbs one more.
    assert count == 1


def test_a_page_read_for_the_first_time_reads_its_path_in_one_query(client, bornova):
    get(client, "/tr/")  # the tenant snapshot and the process's content types
    with CaptureQueriesContext(connection) as captured:
        assert get(client, "/tr/hakkimizda/tarihce/").status_code == 200
    paths = [q["sql"] for q in captured.captured_queries if '"url_path" IN' in q["sql"]]
    assert len(paths) == 1


def test_an_address_that_does_not_exist_is_not_kept(client, bornova):
    """Otherwise anyone could fill the cache by asking for invented addresses."""
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert get(client, "/tr/hakkimizda/yok/").status_code == 404
        assert any('"url_path" IN' in q["sql"] for q in captured.captured_queries)


def test_a_kept_path_follows_a_new_slug_a_move_and_a_deletion(client, bornova):
    assert get(client, "/tr/hakkimizda/tarihce/").status_code == 200  # kept
    history = bornova.history.specific
    history.slug = "gecmis"
    history.save_revision().publish()
    assert get(client, "/tr/hakkimizda/tarihce/").status_code == 404
    assert get(client, "/tr/hakkimizda/gecmis/").status_code == 200
    history.refresh_from_db()
    history.move(bornova.homes["tr"], pos="last-child")
    moved = get(client, "/tr/hakkimizda/gecmis/")  # Wagtail leaves a redirect behind
    assert (moved.status_code, moved["Location"]) == (301, "/tr/gecmis/")
    assert get(client, "/tr/gecmis/").status_code == 200
    Page.objects.get(pk=history.pk).delete()
    assert get(client, "/tr/gecmis/").status_code == 404


def test_a_kept_path_under_a_retitled_parent_shows_the_new_title_in_its_breadcrumbs(
    client, bornova
):
    assert "Hakkımızda</a>" in get(client, "/tr/hakkimizda/tarihce/").content.decode()
    about = bornova.about.specific
    about.title = "Belediyemiz"
    about.save_revision().publish()
    html = get(client, "/tr/hakkimizda/tarihce/").content.decode()
    assert 'href="/tr/hakkimizda/">Belediyemiz</a>' in html


def test_the_home_page_is_found_in_one_query(client, bornova):
    count, response = page_queries(client, "/tr/")
    assert response.status_code == 200
    assert "Welcome to bornova (tr)" in response.content.decode()
    assert count == 1


def test_each_language_routes_to_its_own_home_page(client, bornova):
    assert "Welcome to bornova (en)" in get(client, "/en/").content.decode()


def test_an_unknown_slug_and_an_unpublished_page_are_404s(client, bornova):
    assert get(client, "/tr/yok/").status_code == 404
    assert get(client, "/tr/hakkimizda/yok/").status_code == 404
    bornova.history.unpublish()
    assert get(client, "/tr/hakkimizda/tarihce/").status_code == 404
    assert get(client, "/tr/hakkimizda/").status_code == 200


def test_a_live_page_under_an_unpublished_one_is_served_as_wagtail_serves_it(client, bornova):
    Page.objects.filter(pk=bornova.about.pk).update(live=False)
    assert get(client, "/tr/hakkimizda/tarihce/").status_code == 200


def test_a_routable_page_still_answers_its_own_sub_routes(client, rf, bornova):
    index = page_ensure(
        parent=bornova.homes["tr"], page_class=DirectoryIndexPage, slug="birimler",
        language="tr", title="Birimler",
    )  # fmt: skip
    page_ensure(
        parent=index, page_class=DirectoratePage, slug="fen", language="tr", title="Fen İşleri"
    )
    assert get(client, "/tr/birimler/fen/").status_code == 200
    request = rf.get("/tr/birimler/fen/service-standards/csv/", HTTP_HOST="bornova.localhost")
    request.tenant, request.LANGUAGE_CODE = tenant_get_for_hostname("bornova.localhost"), "tr"
    page, args, _kwargs = routing.route(request, "birimler/fen/service-standards/csv/")
    assert isinstance(page, DirectoratePage) and page.slug == "fen"
    assert args[0].__name__ == "service_standards_csv"  # the sub-route's view, as Wagtail finds
    assert get(client, "/tr/birimler/fen/no-such-route/").status_code == 404


def test_wagtails_own_front_end_urls_are_not_taken_for_pages(client, bornova):
    response = get(client, "/tr/_util/login/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


# View restrictions -------------------------------------------------------------------------


def restrict(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Personel"))
    return restriction


def test_without_any_restriction_serving_a_page_does_not_look_for_one(client, bornova):
    get(client, "/tr/hakkimizda/")
    with CaptureQueriesContext(connection) as captured:
        assert get(client, "/tr/hakkimizda/").status_code == 200
    assert not [q for q in captured.captured_queries if "pageviewrestriction" in q["sql"]]


def test_a_page_made_private_leaves_the_page_cache_at_once(client, bornova):
    assert client.get("/tr/hakkimizda/tarihce/", HTTP_HOST="bornova.localhost").status_code == 200
    restrict(bornova.about)
    response = client.get("/tr/hakkimizda/tarihce/", HTTP_HOST="bornova.localhost")
    assert response.status_code == 302 and "/_util/login/" in response["Location"]


def test_a_restricted_page_is_read_once_refused_and_never_stored(client, bornova):
    restrict(bornova.about)
    get(client, "/tr/hakkimizda/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/tr/hakkimizda/tarihce/", HTTP_HOST="bornova.localhost")
    assert response.status_code == 302 and "X-Page-Cache" not in response
    sql = [query["sql"] for query in captured.captured_queries]
    restrictions = [q for q in sql if 'FROM "wagtailcore_pageviewrestriction" WHERE' in q]
    assert len(restrictions) == 1  # our hook and Wagtail's check share one reading


def test_a_restriction_lifted_lets_the_page_be_cached_again(client, bornova):
    restrict(bornova.about).delete()
    first = client.get("/tr/hakkimizda/", HTTP_HOST="bornova.localhost")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    assert client.get("/tr/hakkimizda/", HTTP_HOST="bornova.localhost")["X-Page-Cache"] == "hit"
