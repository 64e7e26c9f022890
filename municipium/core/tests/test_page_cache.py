import datetime
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.utils import timezone

from municipium.core.page_cache import PageCacheMiddleware, mark_cacheable
from municipium.core.pages import page_ensure
from municipium.portal.models import StandardPage
from municipium.tenancy.selectors import tenant_get_for_hostname

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    municipality = municipality_factory(slug="bornova")
    municipality.about = page_ensure(
        parent=municipality.homes["tr"], page_class=StandardPage, slug="hakkimizda",
        language="tr", title="Hakkımızda",
    )  # fmt: skip
    return municipality


def get(client, path, host="bornova.localhost", **headers):
    return client.get(path, HTTP_HOST=host, **headers)


def test_second_anonymous_request_is_served_from_cache_without_queries(
    client, bornova, django_assert_num_queries
):
    first = get(client, "/tr/hakkimizda/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = get(client, "/tr/hakkimizda/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_publishing_a_page_purges_the_cache(client, bornova):
    get(client, "/tr/hakkimizda/")
    bornova.about.title = "Belediyemiz"
    bornova.about.save_revision().publish()
    response = get(client, "/tr/hakkimizda/")
    assert response["X-Page-Cache"] == "miss"
    assert "Belediyemiz" in response.content.decode()


def test_publishing_purges_other_pages_of_the_site_that_show_it(client, bornova):
    bornova.about.show_in_menus = True
    bornova.about.save_revision().publish()
    assert "Hakkımızda" in get(client, "/tr/").content.decode()
    bornova.about.title = "Kurumsal"
    bornova.about.save_revision().publish()
    assert "Kurumsal" in get(client, "/tr/").content.decode()


def test_unpublishing_a_page_purges_it(client, bornova):
    get(client, "/tr/hakkimizda/")
    bornova.about.unpublish()
    assert get(client, "/tr/hakkimizda/").status_code == 404


def test_moving_a_page_purges_it(client, bornova):
    other = page_ensure(
        parent=bornova.homes["tr"], page_class=StandardPage, slug="kurumsal",
        language="tr", title="Kurumsal",
    )  # fmt: skip
    get(client, "/tr/hakkimizda/")
    bornova.about.move(other, pos="last-child")
    old_address = get(client, "/tr/hakkimizda/")
    assert old_address.status_code == 301  # Wagtail leaves a redirect to the new address
    assert old_address["Location"].endswith("/tr/kurumsal/hakkimizda/")
    assert get(client, "/tr/kurumsal/hakkimizda/").status_code == 200


def test_publishing_in_one_site_keeps_another_sites_cache(client, bornova, municipality_factory):
    municipality_factory(slug="sisli")
    get(client, "/tr/", host="sisli.localhost")
    bornova.about.save_revision().publish()
    assert get(client, "/tr/", host="sisli.localhost")["X-Page-Cache"] == "hit"


def test_a_signed_in_editor_is_never_served_from_the_cache(client, bornova):
    get(client, "/tr/hakkimizda/")
    editor = get_user_model().objects.create_user("editor", password="x")
    client.force_login(editor)
    response = get(client, "/tr/hakkimizda/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_the_cache_is_kept_apart_per_host(client, bornova, municipality_factory):
    municipality_factory(slug="sisli", names={"tr": "Şişli Belediyesi"})
    get(client, "/tr/")
    response = get(client, "/tr/", host="sisli.localhost")
    assert "Şişli Belediyesi" in response.content.decode()


def test_a_new_day_is_not_served_yesterdays_header(client, bornova):
    monday = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)
    with mock.patch.object(timezone, "now", return_value=monday):
        get(client, "/tr/")
    with mock.patch.object(timezone, "now", return_value=monday + datetime.timedelta(days=1)):
        response = get(client, "/tr/")
    assert response["X-Page-Cache"] == "miss"
    assert "24 Kasım 2026" in response.content.decode()


def test_a_hard_reload_renders_afresh(client, bornova):
    get(client, "/tr/hakkimizda/")
    assert get(client, "/tr/hakkimizda/", HTTP_CACHE_CONTROL="no-cache")["X-Page-Cache"] == "fresh"


def test_a_hard_reload_does_not_store_its_page(client, bornova):
    """A visitor cannot overwrite the cached entry on demand: the next reader still gets the
    page stored first, and a no-cache request alone stores nothing."""
    first = get(client, "/tr/hakkimizda/")
    with mock.patch("municipium.core.page_cache.cache.set") as cache_set:
        get(client, "/tr/hakkimizda/", HTTP_CACHE_CONTROL="no-cache")
        get(client, "/tr/", HTTP_CACHE_CONTROL="no-cache")
    assert not [call for call in cache_set.call_args_list if "municipium:page:" in call.args[0]]
    again = get(client, "/tr/hakkimizda/")
    assert again["X-Page-Cache"] == "hit" and again.content == first.content
    assert get(client, "/tr/", HTTP_CACHE_CONTROL="no-cache")["X-Page-Cache"] == "fresh"
    assert get(client, "/tr/")["X-Page-Cache"] == "miss"


@pytest.mark.parametrize(
    "host", ["BORNOVA.LOCALHOST", "Bornova.localhost", "bornova.localhost.", "bornova.localhost:80"]
)
def test_a_page_links_to_the_sites_own_host_whatever_host_the_client_spelt(client, bornova, host):
    response = get(client, "/tr/hakkimizda/", host=host, HTTP_CACHE_CONTROL="no-cache")
    html = response.content.decode()
    assert 'content="http://bornova.localhost/tr/hakkimizda/"' in html  # og:url
    assert host.upper() not in html and "Bornova.localhost" not in html


def test_an_upper_case_host_cannot_put_its_spelling_into_the_cached_page(client, bornova):
    get(client, "/tr/hakkimizda/", host="BORNOVA.LOCALHOST", HTTP_CACHE_CONTROL="no-cache")
    get(client, "/tr/hakkimizda/", host="BORNOVA.LOCALHOST")  # stored under the normal key
    cached = get(client, "/tr/hakkimizda/")
    assert cached["X-Page-Cache"] == "hit"
    assert "BORNOVA" not in cached.content.decode()
    assert 'content="http://bornova.localhost/tr/hakkimizda/"' in cached.content.decode()


def test_a_port_other_than_the_default_is_kept_in_links(client, bornova):
    html = get(client, "/tr/hakkimizda/", host="BORNOVA.localhost:8000").content.decode()
    assert 'content="http://bornova.localhost:8000/tr/hakkimizda/"' in html


def test_not_found_pages_are_not_stored(client, bornova):
    get(client, "/tr/yok/")
    assert get(client, "/tr/yok/").get("X-Page-Cache") is None


def _middleware_request(view):
    request = RequestFactory().get("/tr/form/", HTTP_HOST="bornova.localhost")
    request.tenant = tenant_get_for_hostname("bornova.localhost")
    return PageCacheMiddleware(view), request


def test_a_page_with_a_csrf_token_is_never_stored(bornova):
    def form_view(request):
        mark_cacheable(request)
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    middleware, request = _middleware_request(form_view)
    middleware(request)
    _again, request = _middleware_request(form_view)
    assert middleware(request).get("X-Page-Cache") is None


def test_a_view_that_did_not_opt_in_is_never_stored(bornova):
    middleware, request = _middleware_request(lambda request: HttpResponse("private"))
    middleware(request)
    _again, request = _middleware_request(lambda request: HttpResponse("private"))
    assert middleware(request).get("X-Page-Cache") is None


def test_meta_added_to_an_unmarked_response_does_not_make_it_cacheable():
    from municipium.core.page_cache import CACHEABLE_ATTRIBUTE, add_cache_meta

    request = RequestFactory().get("/")
    add_cache_meta(request, article_id=1)
    assert not hasattr(request, CACHEABLE_ATTRIBUTE)
    mark_cacheable(request, page_id=7)
    add_cache_meta(request, article_id=1)
    assert getattr(request, CACHEABLE_ATTRIBUTE) == {"page_id": 7, "article_id": 1}


def test_a_head_that_misses_stores_the_page_for_the_next_readers(
    client, bornova, django_assert_num_queries
):
    assert client.head("/tr/hakkimizda/", HTTP_HOST="bornova.localhost")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        page = get(client, "/tr/hakkimizda/")
    assert page["X-Page-Cache"] == "hit" and "Hakkımızda" in page.content.decode()
