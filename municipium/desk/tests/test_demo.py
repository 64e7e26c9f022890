"""The desk's demo step: categories owned by the demo's units, named in the site's languages,
and a desk page per language under a word of that language; made twice without change."""

import pytest

from municipium.core.demo import DemoSite
from municipium.desk.demo import demo_desk
from municipium.desk.models import Attribute, Category, CategoryName
from municipium.desk.pages import RequestDeskPage
from municipium.organisation.demo import units_ensure

pytestmark = pytest.mark.django_db


def test_the_demo_desk_is_made_once_with_categories_in_the_sites_languages(
    municipality_factory, client
):
    municipality = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran", names={"fa": "شهرداری بومهن"},
    )  # fmt: skip
    site = DemoSite(key="bumehen", definition=None)
    site.made.update(
        municipality=municipality, homes=municipality.homes, units=units_ensure(municipality)
    )
    demo_desk(site)
    counts = [m.objects.count() for m in (Category, CategoryName, Attribute, RequestDeskPage)]
    demo_desk(site)
    assert [m.objects.count() for m in (Category, CategoryName, Attribute, RequestDeskPage)] == (
        counts
    )
    assert counts[0] == 3 and counts[3] == 2
    lights = Category.objects.get(code="roshanaei-moaber")
    assert lights.name_in("fa") == "روشنایی معابر" and lights.unit.code == "samaneh-137"
    assert lights.attributes.get().required
    assert Attribute.objects.filter(datatype="singlevaluelist").exists()
    assert site.made["desks"]["fa"].slug == "درخواست"
    response = client.get("/fa/درخواست/", HTTP_HOST="bumehen.localhost")
    assert response.status_code == 200 and "روشنایی معابر" in response.text
