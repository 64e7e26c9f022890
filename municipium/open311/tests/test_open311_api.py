"""Every endpoint of Open311 GeoReport v2 in both formats, against the standard's field names
and order (GeoReport/v2/index.md and Service_Discovery.md of open311/open311.github.io)."""

import datetime
import json

import pytest
from django.utils import timezone

from municipium.cases.models import Case, Entry
from municipium.cases.services import case_transition
from municipium.desk.models import CitizenRequest

from .conftest import ISTANBUL
from .helpers import API, FORMATS, children, data, xml

pytestmark = pytest.mark.django_db

SERVICE_FIELDS = [
    "service_code", "service_name", "description", "metadata", "type", "keywords", "group",
]  # fmt: skip
ATTRIBUTE_FIELDS = [
    "variable", "code", "datatype", "required", "datatype_description", "order", "description",
    "values",
]  # fmt: skip
REQUEST_FIELDS = [
    "service_request_id", "status", "status_notes", "service_name", "service_code",
    "description", "agency_responsible", "service_notice", "requested_datetime",
    "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long",
]  # fmt: skip


def post(town, fmt="json", **fields):
    values = {
        "api_key": town.key,
        "service_code": "street-light",
        "lat": "38.4621",
        "long": "27.2163",
        "attribute[pole]": "B-7",
        "attribute[kind]": "blinking",
        "attribute[also][]": ["wires", "glass"],
        "attribute[height]": "7.5",
        "description": "The lamp blinks all night.",
    }
    values.update(fields)
    values = {key: value for key, value in values.items() if value is not None}
    return town.client().post(f"{API}/requests.{fmt}", values)


@pytest.mark.parametrize("fmt", FORMATS)
def test_discovery_names_the_endpoint_its_specification_and_formats(bornova, fmt):
    response = bornova.client().get(f"{API}/discovery.{fmt}")
    assert response.status_code == 200
    if fmt == "xml":
        root = xml(response)
        assert root.tag == "discovery"
        assert children(root) == ["changeset", "contact", "key_service", "endpoints"]
        endpoint = root.find("endpoints/endpoint")
        assert children(endpoint) == ["specification", "url", "changeset", "type", "formats"]
        found = {
            "url": endpoint.findtext("url"),
            "formats": [f.text for f in endpoint.findall("formats/format")],
            "specification": endpoint.findtext("specification"),
        }
    else:
        answer = data(response)
        assert list(answer) == ["changeset", "contact", "key_service", "endpoints"]
        found = answer["endpoints"][0]
    assert found["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert found["url"] == "http://bornova.localhost/open311/v2"
    assert found["formats"] == ["text/xml", "application/json"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_services_lists_the_categories_offered_with_the_standards_fields(bornova, fmt):
    response = bornova.client().get(f"{API}/services.{fmt}")
    assert response.status_code == 200
    if fmt == "xml":
        root = xml(response)
        assert root.tag == "services"
        assert [s.tag for s in root] == ["service", "service"]
        assert all(children(service) == SERVICE_FIELDS for service in root)
        services = [{child.tag: child.text for child in service} for service in root]
        light = next(s for s in services if s["service_code"] == "street-light")
        assert (light["metadata"], light["type"]) == ("true", "realtime")
    else:
        services = data(response)
        assert all(list(service) == SERVICE_FIELDS for service in services)
        light = next(s for s in services if s["service_code"] == "street-light")
        assert (light["metadata"], light["type"]) == (True, "realtime")
    assert light["service_name"] == "Sokak lambası"  # the site's default language
    assert light["keywords"] == "lamba, ışık"
    assert light["group"] == "bornova Aydınlatma Müdürlüğü"


def test_services_are_named_in_the_language_the_locale_parameter_asks_for(bornova):
    client = bornova.client()
    names = {
        locale: {s["service_code"]: s["service_name"] for s in data(response)}
        for locale in ("en", "en_GB", "pl", "")
        for response in [client.get(f"{API}/services.json", {"locale": locale})]
    }
    assert names["en"]["street-light"] == names["en_GB"]["street-light"] == "Street light"
    # Not one of the site's languages, or none: the site's default.
    assert names["pl"]["street-light"] == names[""]["street-light"] == "Sokak lambası"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_service_definition_gives_attributes_of_every_datatype_in_order(bornova, fmt):
    response = bornova.client().get(f"{API}/services/street-light.{fmt}", {"locale": "en"})
    assert response.status_code == 200
    if fmt == "xml":
        root = xml(response)
        assert root.tag == "service_definition"
        assert children(root) == ["service_code", "attributes"]
        assert all(children(a) == ATTRIBUTE_FIELDS for a in root.find("attributes"))
        attributes = [
            {
                "code": a.findtext("code"),
                "datatype": a.findtext("datatype"),
                "required": a.findtext("required") == "true",
                "order": int(a.findtext("order")),
                "description": a.findtext("description"),
                "values": [(v.findtext("key"), v.findtext("name")) for v in a.find("values")],
            }
            for a in root.find("attributes")
        ]
    else:
        answer = data(response)
        assert list(answer) == ["service_code", "attributes"]
        assert all(list(a) == ATTRIBUTE_FIELDS for a in answer["attributes"])
        attributes = [
            {**a, "values": [(v["key"], v["name"]) for v in a["values"]]}
            for a in answer["attributes"]
        ]
    assert [(a["code"], a["datatype"], a["order"]) for a in attributes] == [
        ("pole", "string", 1),
        ("height", "number", 2),
        ("seen", "datetime", 3),
        ("details", "text", 4),
        ("kind", "singlevaluelist", 5),
        ("also", "multivaluelist", 6),
    ]
    assert attributes[0]["required"] and not attributes[1]["required"]
    assert attributes[0]["description"] == "Pole number"
    assert attributes[4]["values"] == [("off", "Off"), ("blinking", "Blinking")]
    assert attributes[5]["values"] == [("wires", "Loose wires"), ("glass", "Broken glass")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_posting_files_a_request_through_the_desk_before_answering_its_id(bornova, fmt):
    response = post(bornova, fmt, first_name="Ali", last_name="Veli", email="ali@example.org",
                    phone="0555 000 00 00", account_id="acc-9")  # fmt: skip
    assert response.status_code == 200
    if fmt == "xml":
        root = xml(response)
        assert root.tag == "service_requests"
        request = root.find("request")
        assert children(request) == ["service_request_id", "service_notice", "account_id"]
        reference, account = request.findtext("service_request_id"), request.findtext("account_id")
    else:
        (answer,) = data(response)
        assert list(answer) == ["service_request_id", "service_notice", "account_id"]
        reference, account = answer["service_request_id"], answer["account_id"]
    assert account == "acc-9"
    stored = CitizenRequest.objects.select_related("case").get(case__reference=reference)
    assert stored.case.municipality == bornova.municipality
    assert (stored.case.channel, stored.api_client) == ("api", "bornova app")
    assert stored.case.status == "routed"
    assert stored.answers == {
        "pole": "B-7", "kind": "blinking", "also": ["wires", "glass"], "height": "7.5",
    }  # fmt: skip
    assert (stored.name, stored.email, stored.phone) == (
        "Ali Veli",
        "ali@example.org",
        "0555 000 00 00",
    )
    assert (str(stored.latitude), str(stored.longitude)) == ("38.462100", "27.216300")
    assert stored.case.description == "The lamp blinks all night."


@pytest.mark.parametrize(
    "location",
    [
        {"lat": None, "long": None, "address_string": "Atatürk Cd. 12, Bornova"},
        {"lat": None, "long": None, "address_id": "ADR-4411"},
    ],
)
def test_an_address_string_or_an_address_id_is_location_enough(bornova, location):
    response = post(bornova, **location)
    assert response.status_code == 200, response.content
    (answer,) = data(response)
    stored = CitizenRequest.objects.get(case__reference=answer["service_request_id"])
    assert stored.address == (location.get("address_string") or location.get("address_id"))
    assert stored.latitude is None


def test_a_media_url_is_kept_for_staff_and_never_shown(bornova):
    url = "https://photos.example.org/lamp.jpg"
    (answer,) = data(post(bornova, media_url=url))
    case = Case.objects.get(reference=answer["service_request_id"])
    note = case.entries.get(kind=Entry.Kind.NOTE)
    assert url in note.body and not note.is_public
    listed = bornova.client().get(f"{API}/requests/{case.reference}.json")
    assert url not in listed.content.decode()
    assert "media_url" not in data(listed)[0]


def test_an_empty_description_is_the_services_name(bornova):
    (answer,) = data(post(bornova, description=""))
    case = Case.objects.get(reference=answer["service_request_id"])
    assert case.description == "Sokak lambası"


@pytest.mark.parametrize("fmt", FORMATS)
def test_requests_lists_the_standards_fields_with_the_sites_time_zone(bornova, fmt):
    filed_at = datetime.datetime(2026, 11, 2, 10, 15, 30, tzinfo=ISTANBUL)
    citizen_request = bornova.file(filed_at=filed_at)
    case = citizen_request.case
    response = bornova.client().get(
        f"{API}/requests.{fmt}", {"start_date": "2026-11-01T00:00:00+03:00"}
    )
    assert response.status_code == 200
    if fmt == "xml":
        root = xml(response)
        assert root.tag == "service_requests"
        (request,) = root
        assert request.tag == "request"
        assert children(request) == REQUEST_FIELDS
        found = {child.tag: child.text for child in request}
        assert (found["lat"], found["long"]) == ("38.4621", "27.2163")
        assert found["status_notes"] is None and found["zipcode"] is None
    else:
        (found,) = data(response)
        assert list(found) == REQUEST_FIELDS
        assert (found["lat"], found["long"]) == (38.4621, 27.2163)
        assert found["status_notes"] is None and found["zipcode"] is None
    assert found["service_request_id"] == case.reference
    assert (found["status"], found["service_code"]) == ("open", "street-light")
    assert found["service_name"] == "Sokak lambası"
    assert found["agency_responsible"] == "bornova Aydınlatma Müdürlüğü"
    assert found["requested_datetime"] == "2026-11-02T10:15:30+03:00"
    due = timezone.localtime(case.due_at, ISTANBUL).replace(microsecond=0).isoformat()
    assert found["expected_datetime"] == due == "2026-11-05T17:30:00+03:00"
    assert found["address"] == "Atatürk Cd. 12"


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_request_is_a_list_of_one(bornova, fmt):
    reference = bornova.file().case.reference
    response = bornova.client().get(f"{API}/requests/{reference}.{fmt}")
    assert response.status_code == 200
    if fmt == "xml":
        root = xml(response)
        assert [r.tag for r in root] == ["request"]
        assert children(root[0]) == REQUEST_FIELDS
        assert root[0].findtext("service_request_id") == reference
    else:
        (found,) = data(response)
        assert list(found) == REQUEST_FIELDS and found["service_request_id"] == reference


def test_closed_kinds_are_closed_and_status_notes_come_from_the_last_public_entry(bornova):
    rejected = bornova.file().case
    case_transition(case=rejected, transition="reject", by=None, note="Not a street light.")
    duplicate = bornova.file().case
    case_transition(case=duplicate, transition="mark_duplicate", by=None)
    answered = bornova.file().case
    case_transition(case=answered, transition="answer", by=None, note="Repaired on Monday.")
    working = bornova.file().case
    client = bornova.client()
    listed = {r["service_request_id"]: r for r in data(client.get(f"{API}/requests.json"))}
    assert listed[rejected.reference]["status"] == "closed"
    assert listed[rejected.reference]["status_notes"] == "Not a street light."
    assert listed[duplicate.reference]["status"] == "closed"
    # Answered, waiting for the resident's verdict: still open.
    assert listed[answered.reference]["status"] == "open"
    assert listed[answered.reference]["status_notes"] == "Repaired on Monday."
    assert listed[working.reference]["status"] == "open"
    closed = data(client.get(f"{API}/requests.json", {"status": "closed"}))
    assert {r["service_request_id"] for r in closed} == {rejected.reference, duplicate.reference}
    opened = data(client.get(f"{API}/requests.json", {"status": "open"}))
    assert {r["service_request_id"] for r in opened} == {answered.reference, working.reference}
    both = data(client.get(f"{API}/requests.json", {"status": "open,closed"}))
    assert len(both) == 4


def test_request_filters_and_the_default_window_of_90_days(bornova):
    now = timezone.now()
    recent = bornova.file(filed_at=now - datetime.timedelta(days=5)).case.reference
    park = bornova.file(filed_at=now - datetime.timedelta(days=6), category=bornova.parks)
    old = bornova.file(filed_at=now - datetime.timedelta(days=120)).case.reference
    client = bornova.client()

    def ids(**query):
        response = client.get(f"{API}/requests.json", query)
        assert response.status_code == 200, response.content
        return [r["service_request_id"] for r in data(response)]

    park = park.case.reference
    assert ids() == [recent, park]  # newest first, the last 90 days
    assert ids(service_code="park") == [park]
    assert ids(service_code="park,street-light") == [recent, park]
    assert ids(service_code="") == [recent, park]  # empty is absent
    start = (now - datetime.timedelta(days=130)).isoformat()
    end = (now - datetime.timedelta(days=100)).isoformat()
    assert ids(start_date=start, end_date=end) == [old]
    assert ids(start_date=start) == [old]  # 90 days from the start
    assert ids(end_date=end) == [old]  # 90 days up to the end
    # A list of ids overrides every other filter, the window too.
    assert ids(service_request_id=f"{old},{recent}", service_code="park") == [recent, old]


def test_requests_stop_at_the_limit(bornova, monkeypatch):
    from municipium.open311 import api

    for _n in range(3):
        bornova.file()
    monkeypatch.setattr(api, "MAX_REQUESTS", 2)
    assert len(data(bornova.client().get(f"{API}/requests.json"))) == 2


def test_jurisdiction_id_of_this_host_is_accepted(bornova):
    client = bornova.client()
    for jurisdiction in ("bornova.localhost", "bornova", ""):
        response = client.get(f"{API}/services.json", {"jurisdiction_id": jurisdiction})
        assert response.status_code == 200
    response = post(bornova, jurisdiction_id="bornova.localhost")
    assert response.status_code == 200


def test_the_xml_stays_well_formed_with_control_characters_in_a_description(bornova):
    bornova.file(description="Broken\x0b lamp \x01 here")
    root = xml(bornova.client().get(f"{API}/requests.xml"))
    assert root.find("request/description").text == "Broken lamp  here"


def test_openapi_describes_every_endpoint(bornova):
    response = bornova.client().get(f"{API}/openapi.json")
    assert response.status_code == 200
    described = json.loads(response.content)
    paths = described["paths"]
    assert set(paths) >= {
        f"{API}/discovery.{{fmt}}",
        f"{API}/services.{{fmt}}",
        f"{API}/services/{{code}}.{{fmt}}",
        f"{API}/requests.{{fmt}}",
        f"{API}/requests/{{service_request_id}}.{{fmt}}",
        f"{API}/tokens/{{token}}.{{fmt}}",
    }
    assert set(paths[f"{API}/requests.{{fmt}}"]) == {"get", "post"}
    listed = {p["name"] for p in paths[f"{API}/requests.{{fmt}}"]["get"]["parameters"]}
    assert listed >= {
        "service_request_id", "service_code", "start_date", "end_date", "status",
        "jurisdiction_id",
    }  # fmt: skip
    form = paths[f"{API}/requests.{{fmt}}"]["post"]["requestBody"]["content"]
    fields = set(form["application/x-www-form-urlencoded"]["schema"]["properties"])
    assert fields >= {
        "api_key", "service_code", "lat", "long", "address_string", "address_id", "email",
        "device_id", "account_id", "first_name", "last_name", "phone", "description",
        "media_url",
    }  # fmt: skip


def test_the_list_of_requests_costs_the_same_queries_however_long(bornova):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = bornova.client()
    bornova.file()
    client.get(f"{API}/requests.json")  # the tenant read once, then cached

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{API}/requests.json").status_code == 200
        return len(captured)

    few = queries()
    for _n in range(4):
        bornova.file(category=bornova.parks)
    assert queries() == few
