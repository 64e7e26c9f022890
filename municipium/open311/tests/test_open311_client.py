"""The API driven by a real Open311 client library from PyPI: ``georeport`` (0.3.1, the one
that installs on Python 3.11; ``open311`` 1.1 and ``three`` 0.8.0 are Python 2 code and fail
on import). It reads through ``requests`` over HTTP, so it is pointed at a live server
(pytest-django's ``live_server``: Django's threaded WSGI server on the test database).

``georeport`` reads (services, definitions, requests) but has no call to file a request;
the filing is written the way ``three``'s ``Three.post`` does it: a form-encoded POST of the
api_key, the service_code and the fields, to ``requests.<format>``."""

import pytest
import requests
from georeport import GeoReport
from wagtail.models import Site

from municipium.tenancy.selectors import tenant_forget

# serialized_rollback: the data migrations' rows (locales, the root page) are there again after a
# test that commits, as for the concurrency tests.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def served(bornova, live_server):
    """Bornova served at the live server's address (127.0.0.1: Wagtail's default site holds
    localhost)."""
    site = Site.objects.get(pk=bornova.municipality.site_id)
    site.hostname = "127.0.0.1"
    site.save()
    tenant_forget("127.0.0.1")
    return f"{live_server.url.replace('localhost', '127.0.0.1')}/open311/v2"


def file_like_three(root, fmt, **fields):
    """``Three.post``: the service code and the fields form-encoded, with the key."""
    response = requests.post(f"{root}/requests.{fmt}", data=fields, timeout=30)
    return response


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_georeport_client_reads_services_and_follows_a_request_it_filed(bornova, served, fmt):
    client = GeoReport(served, jurisdiction="127.0.0.1", api_key=bornova.key, output_format=fmt)
    services = client.get_service_list()
    codes = {service["service_code"] for service in services}
    assert codes == {"street-light", "park"}
    definition = client.get_service_definition("street-light")
    attributes = definition["attributes"]
    if fmt == "xml":  # xmltodict: <attributes><attribute>... is a dict holding a list
        attributes = attributes["attribute"]
    assert [a["code"] for a in attributes][:2] == ["pole", "height"]

    filed = file_like_three(
        served, fmt, api_key=bornova.key, jurisdiction_id="127.0.0.1",
        service_code="street-light", address_string="Kazımdirik Mh. 372. Sk.",
        first_name="Ali", last_name="Veli", description="The lamp is off.",
        **{"attribute[pole]": "K-12", "attribute[kind]": "off"},
    )  # fmt: skip
    assert filed.status_code == 200, filed.text
    if fmt == "json":
        reference = filed.json()[0]["service_request_id"]
    else:
        import xmltodict

        reference = xmltodict.parse(filed.content)["service_requests"]["request"][
            "service_request_id"
        ]

    found = client.get_service_request(reference)
    assert found["service_request_id"] == reference
    assert (found["status"], found["service_code"]) == ("open", "street-light")
    listed = client.get_service_requests(service_code="street-light", status="open")
    if fmt == "xml":  # one request: xmltodict gives the dict itself
        listed = listed if isinstance(listed, list) else [listed]
    assert [request["service_request_id"] for request in listed] == [reference]
    assert "Ali" not in str(found) and "Veli" not in str(listed)


def test_a_georeport_client_gets_the_standards_error_on_a_bad_key(bornova, served):
    refused = file_like_three(served, "json", api_key="wrong", service_code="street-light")
    assert refused.status_code == 403
    assert refused.json()[0]["code"] == 403
    client = GeoReport(served, output_format="json")
    with pytest.raises(requests.HTTPError) as raised:
        client.get_service_definition("no-such-service")
    assert raised.value.response.status_code == 404
