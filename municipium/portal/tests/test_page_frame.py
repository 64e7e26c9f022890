"""What every page carries: alerts, reader tools, share links and the public record."""

import datetime
import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone

from municipium.core.pages import page_ensure
from municipium.portal.models import Alert, StandardPage
from municipium.portal.services import alert_save
from municipium.tenancy.services import municipality_save

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)


def at(moment):
    return mock.patch.object(timezone, "now", return_value=moment)


@pytest.fixture
def bornova(municipality_factory):
    municipality = municipality_factory(slug="bornova")
    municipality.about = page_ensure(
        parent=municipality.homes["tr"], page_class=StandardPage, slug="hakkimizda",
        language="tr", title="Hakkımızda",
    )  # fmt: skip
    return municipality


def water_cut(municipality, save=True, **fields):
    alert = Alert(
        municipality=municipality, language="tr", message="Yarın 09.00-14.00 su kesintisi",
        severity="warning", starts_at=NOON - datetime.timedelta(hours=1),
        ends_at=NOON + datetime.timedelta(hours=2), **fields,
    )  # fmt: skip
    if save:
        alert.save()
    return alert


def page_html(client, path="/tr/hakkimizda/", host="bornova.localhost"):
    return client.get(path, HTTP_HOST=host).content.decode()


def test_an_alert_shows_on_every_page_of_its_site_and_language(client, bornova):
    water_cut(bornova)
    with at(NOON):
        assert "su kesintisi" in page_html(client)
        assert "su kesintisi" in page_html(client, "/tr/")
        assert "su kesintisi" not in page_html(client, "/en/")


def test_an_alert_disappears_on_its_own_after_its_end_even_from_the_cache(client, bornova):
    water_cut(bornova)
    with at(NOON):
        assert "su kesintisi" in page_html(client)
    cache.clear()  # by then the cached page has expired: see the next test
    with at(NOON + datetime.timedelta(hours=3)):
        assert "su kesintisi" not in page_html(client)


def test_a_cached_page_is_kept_no_longer_than_the_next_alert_change(client, bornova):
    alert = water_cut(bornova)
    alert.ends_at = NOON + datetime.timedelta(minutes=4)
    alert.save()
    with at(NOON), mock.patch("municipium.core.page_cache.cache.set") as cache_set:
        page_html(client)
    timeout = cache_set.call_args.args[2]
    assert timeout == 4 * 60


def test_an_alert_that_has_not_started_is_not_shown(client, bornova):
    water_cut(bornova, link_url="")
    with at(NOON - datetime.timedelta(hours=2)):
        assert "su kesintisi" not in page_html(client)


def test_an_alert_is_not_shown_on_another_municipalitys_site(client, bornova, municipality_factory):
    municipality_factory(slug="sisli")
    water_cut(bornova)
    with at(NOON):
        assert "su kesintisi" not in page_html(client, "/tr/", host="sisli.localhost")


def test_a_new_alert_purges_the_sites_cache(client, bornova, django_capture_on_commit_callbacks):
    with at(NOON):
        page_html(client)
        with django_capture_on_commit_callbacks(execute=True):
            alert_save(alert=water_cut(bornova, save=False), by=None)
        assert "su kesintisi" in page_html(client)


def test_content_pages_carry_reader_tools_and_share_links_without_third_party_script(
    client, bornova
):
    html = page_html(client)
    assert 'data-font-size="larger"' in html and "data-print" in html
    assert "sharer.php?u=http%3A%2F%2Fbornova.localhost%2Ftr%2Fhakkimizda%2F" in html
    scripts = re.findall(r"<script[^>]*>", html)
    assert all(
        tag.startswith('<script type="module" src="/static/core/js/')
        or tag == '<script type="application/ld+json">'  # data, not a script
        for tag in scripts
    )


def test_polish_sites_show_each_pages_public_record(client, municipality_factory):
    gok = municipality_factory(slug="gok", country="PL", languages=["pl", "en"])
    editor = get_user_model().objects.create_superuser(
        "ewa", "ewa@example.org", "x", first_name="Ewa", last_name="Nowak"
    )
    page = page_ensure(
        parent=gok.homes["pl"], page_class=StandardPage, slug="misja", language="pl",
        title="Misja",
    )  # fmt: skip
    page.owner = editor
    page.save()
    page.save_revision(user=editor).publish(user=editor)
    page.save_revision(user=editor).publish(user=editor)
    html = page_html(client, "/pl/misja/", host="gok.localhost")
    assert "Ewa Nowak" in html
    assert html.count("public-record__table") == 1
    assert html.count("<tr><td><time") == 2  # two published revisions in the register


def test_other_sites_show_the_public_record_only_when_they_choose_to(
    client, bornova, django_capture_on_commit_callbacks
):
    assert "public-record" not in page_html(client)
    bornova.public_record = True
    with django_capture_on_commit_callbacks(execute=True):
        municipality_save(municipality=bornova, by=None)
    assert "public-record" in page_html(client)


def test_staff_add_an_alert_in_the_admin_for_their_municipality_only(
    client, bornova, municipality_factory
):
    from django.contrib.auth.models import Group, Permission

    sisli = municipality_factory(slug="sisli")
    group = Group.objects.create(name="bornova press")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "add_alert", "view_alert"])
    )
    bornova.staff_groups.add(group)
    clerk = get_user_model().objects.create_user("clerk")
    clerk.groups.add(group)
    client.force_login(clerk)
    fields = {
        "language": "tr", "message": "Yol kapalı", "severity": "warning",
        "starts_at": "2026-11-23 08:00", "ends_at": "2026-11-23 18:00",
    }  # fmt: skip
    refused = client.post(
        "/admin/alerts/new/", {**fields, "municipality": sisli.pk}, HTTP_HOST="bornova.localhost"
    )
    assert refused.status_code == 200 and not Alert.objects.exists()
    accepted = client.post(
        "/admin/alerts/new/", {**fields, "municipality": bornova.pk}, HTTP_HOST="bornova.localhost"
    )
    assert accepted.status_code == 302
    assert Alert.objects.get().municipality == bornova


def test_the_trail_of_the_breadcrumbs_and_their_structured_data_is_read_once(
    bornova, rf, django_assert_num_queries
):
    from municipium.portal.selectors import breadcrumb_schema, page_trail

    page = StandardPage.objects.get(pk=bornova.about.pk)
    with django_assert_num_queries(1):
        trail = page_trail(page=page)
        assert page_trail(page=page) is trail
    assert [crumb.pk for crumb in trail] == [bornova.homes["tr"].pk, page.pk]
    request = rf.get("/tr/hakkimizda/", HTTP_HOST="bornova.localhost")
    with mock.patch.object(page, "get_ancestors", side_effect=AssertionError("read again")):
        items = breadcrumb_schema(page=page, request=request)["itemListElement"]
        html = render_to_string("components/breadcrumbs.html", {"page": page, "request": request})
    assert 'aria-current="page">Hakkımızda</li>' in html
    assert [item["name"] for item in items] == [bornova.homes["tr"].title, "Hakkımızda"]


def test_the_breadcrumbs_lead_home_and_name_the_page(client, bornova):
    html = page_html(client)
    nav = html[
        html.index('<nav class="breadcrumbs') : html.index(
            "</nav>", html.index('<nav class="breadcrumbs')
        )
    ]
    assert re.search(r'<a class="breadcrumbs__link" href="/tr/">Ana sayfa</a>', nav)
    assert '<li class="breadcrumbs__item" aria-current="page">Hakkımızda</li>' in nav
