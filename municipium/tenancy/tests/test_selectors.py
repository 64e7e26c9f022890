import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from wagtail.models import Page, Site

from municipium.tenancy.selectors import (
    admin_municipality,
    home_page_list_for_site,
    municipality_list_for_user,
    municipality_root_page_list,
    page_list_for_admin,
    tenant_get_for_hostname,
)
from municipium.tenancy.tests.factories import staff_create

pytestmark = pytest.mark.django_db


def test_staff_see_only_the_municipalities_they_work_for(municipality_factory):
    bornova = municipality_factory(slug="bornova")
    municipality_factory(slug="sisli")
    assert list(municipality_list_for_user(user=staff_create("editor", bornova))) == [bornova]


def test_a_superuser_sees_every_municipality_and_a_stranger_none(municipality_factory):
    municipality_factory(slug="bornova")
    municipality_factory(slug="sisli")
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    assert municipality_list_for_user(user=admin).count() == 2
    assert municipality_list_for_user(user=AnonymousUser()).count() == 0


def test_the_tenant_is_read_once_then_served_from_the_cache(
    municipality_factory, django_assert_num_queries
):
    municipality_factory(slug="bornova")
    tenant = tenant_get_for_hostname("bornova.localhost")
    assert tenant.languages == ("tr", "en")
    assert tenant.home_url("en") == "/en/"
    with django_assert_num_queries(0):
        assert tenant_get_for_hostname("BORNOVA.localhost").municipality.slug == "bornova"


def test_an_unknown_host_has_no_tenant(municipality_factory):
    municipality_factory(slug="bornova")
    assert tenant_get_for_hostname("nowhere.localhost") is None


def test_a_sites_home_pages_are_its_root_and_the_roots_translations_in_one_query(
    municipality_factory, django_assert_num_queries
):
    bornova = municipality_factory(slug="bornova", languages=["tr", "en"])
    municipality_factory(slug="bumehen", languages=["fa", "en"])
    site = Site.objects.get(pk=bornova.site_id)  # its root page not read yet
    with django_assert_num_queries(1):
        homes = {page.pk for page in home_page_list_for_site(site=site)}
    assert homes == {bornova.homes["tr"].pk, bornova.homes["en"].pk}
    english = home_page_list_for_site(site=site, languages=["en"])
    assert list(english) == [bornova.homes["en"].page_ptr]


def test_a_municipality_root_is_the_branch_above_its_home_pages(municipality_factory):
    bornova = municipality_factory(slug="bornova")
    municipality_factory(slug="sisli")
    roots = list(municipality_root_page_list(municipalities=[bornova]))
    assert len(roots) == 1 and roots[0].depth == 2
    assert {home.get_parent().pk for home in bornova.homes.values()} == {roots[0].pk}


def test_admin_pages_are_those_of_the_municipalities_staff_work_for(municipality_factory):
    towns = [municipality_factory(slug=slug) for slug in ("bornova", "sisli", "bumehen")]
    group = Group.objects.create(name="two towns")
    for town in towns[:2]:
        town.staff_groups.add(group)
    staff = get_user_model().objects.create_user("staff")
    staff.groups.add(group)
    stranger = get_user_model().objects.create_user("stranger")
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")

    def under(town):
        return set(Page.objects.filter(path__startswith=town.homes["tr"].get_parent().path))

    root = {Page.get_first_root_node()}
    assert set(page_list_for_admin(user=staff)) == root | under(towns[0]) | under(towns[1])
    assert set(page_list_for_admin(user=stranger)) == root
    assert set(page_list_for_admin(user=admin)) == set(Page.objects.all())


def test_the_admin_works_in_the_hosts_municipality_else_the_first_of_the_users_once_a_request(
    municipality_factory, rf, django_assert_num_queries
):
    bornova = municipality_factory(slug="bornova")
    sisli = municipality_factory(slug="sisli")
    municipality_factory(slug="rudziniec")
    editor = staff_create("editor", bornova, sisli)

    def request_on(host):
        request = rf.get("/admin/")
        request.user = editor
        request.tenant = tenant_get_for_hostname(host) if host else None
        return request

    on_sisli = request_on("sisli.localhost")
    assert admin_municipality(on_sisli) == sisli
    with django_assert_num_queries(0):
        assert admin_municipality(on_sisli) == sisli
    assert admin_municipality(request_on("rudziniec.localhost")) == bornova  # first by id
    assert admin_municipality(request_on(None)) == bornova
    stranger = request_on(None)
    stranger.user = AnonymousUser()
    assert admin_municipality(stranger) is None
