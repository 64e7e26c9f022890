"""The case list counts its matches up to a cap (desk.admin.paging): a municipality's million
requests are not read on every opening of the list."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import ngettext
from wagtail.users.models import UserProfile

from municipium.desk.admin import paging
from municipium.desk.services import request_submit

from .staff_world import MONDAY, World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(municipality_factory):
    bornova = municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})
    return World(bornova, municipality_factory(slug="sisli", names={"tr": "Şişli Belediyesi"}))


def operator_client(world) -> Client:
    profile = UserProfile.get_for_user(world.operator)
    profile.preferred_language = "en"
    profile.save()
    client = Client(HTTP_HOST="bornova.localhost")
    client.force_login(world.operator)
    return client


def file_requests(world, count):
    for n in range(count):
        request_submit(
            municipality=world.bornova, category=world.lights_category, language="tr",
            description=f"Lamp {n}", filed_at=MONDAY,
        )  # fmt: skip


def count_queries(captured) -> list[str]:
    return [query["sql"] for query in captured if "COUNT(" in query["sql"].upper()]


def test_the_list_counts_through_a_subquery_stopped_one_past_the_cap(world):
    client = operator_client(world)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/admin/requests/?category={world.lights_category.pk}")
    assert response.status_code == 200
    counts = [sql for sql in count_queries(captured) if "cases_case" in sql]
    assert len(counts) == 1
    assert f"LIMIT {paging.COUNT_CAP + 1}" in counts[0] and "ORDER BY" not in counts[0]


def test_past_the_cap_the_list_says_more_than_and_pages_up_to_it(world, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_CAP", 2)
    file_requests(world, 3)  # four requests of Bornova with world.case
    client = operator_client(world)
    with translation.override("en"):
        more = ngettext("More than %(count)s request", "More than %(count)s requests", 2) % {
            "count": "2"
        }
    filtered = client.get(f"/admin/requests/?category={world.lights_category.pk}")
    html = client.get("/admin/requests/").content.decode()
    assert more in html and "4 requests" not in html
    assert filtered.context["paginator"].count == 2
    assert more in filtered.content.decode()
    assert "There are" not in filtered.content.decode()


def test_under_the_cap_the_list_gives_the_exact_count(world):
    file_requests(world, 2)
    client = operator_client(world)
    response = client.get(f"/admin/requests/?category={world.lights_category.pk}")
    paginator = response.context["paginator"]
    assert (paginator.count, paginator.is_capped) == (2, False)
    assert "There are 2 matches" in response.content.decode()
