"""The standard's errors (403, 404, 400) in its format, for each refusal the issue names;
never a 500 and never an HTML page; nothing filed on a refusal."""

import pytest
from django.test import override_settings
from django.utils import translation

from municipium.desk.models import CitizenRequest
from municipium.open311.services import api_client_revoke

from .helpers import API, FORMATS, errors
from .test_open311_api import post

pytestmark = pytest.mark.django_db


def in_turkish(message: str) -> str:
    """``message`` as the API writes it on Bornova's host (its default language)."""
    with translation.override("tr"):
        return translation.gettext(message)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("fields", "status", "words"),
    [
        ({"service_code": None}, 400, "service_code"),
        ({"service_code": ""}, 400, "service_code"),
        ({"service_code": "no-such-service"}, 404, "service_code"),
        ({"api_key": None}, 403, "api_key"),
        ({"api_key": "not-a-key"}, 403, "api_key"),
        ({"lat": "north", "long": "27.2"}, 400, "lat"),
        ({"lat": "91", "long": "27.2"}, 400, "lat"),
        ({"lat": "38.4", "long": "190"}, 400, "long"),
        ({"lat": "38.4", "long": None}, 400, "lat"),
        ({"lat": None, "long": None}, 400, "address_string"),
        ({"description": "x" * 4001}, 400, "4000"),
        ({"description": "Look <script>alert(1)</script>"}, 400, "HTML"),
        ({"attribute[pole]": None}, 400, "attribute[pole]"),
        ({"attribute[kind]": "exploded"}, 400, "attribute[kind]"),
        ({"attribute[also][]": ["wires", "moon"]}, 400, "attribute[also]"),
        ({"attribute[height]": "tall"}, 400, "attribute[height]"),
        ({"email": "not an address"}, 400, "email"),
        ({"media_url": "javascript:alert(1)"}, 400, "media_url"),
        ({"jurisdiction_id": "sisli.localhost"}, 404, "jurisdiction_id"),
    ],
)
def test_a_refused_request_is_the_standards_error_and_files_nothing(
    bornova, fmt, fields, status, words
):
    response = post(bornova, fmt, **fields)
    assert response.status_code == status, response.content
    found = errors(response, fmt)
    assert found and all(code == status for code, _description in found)
    assert any(words in description for _code, description in found), found
    assert not CitizenRequest.objects.exists()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("path", "query", "status", "words"),
    [
        ("services/no-such-service", {}, 404, "service_code"),
        ("requests/26-99999", {}, 404, "service_request_id"),
        ("tokens/abc", {}, 404, "token"),
        ("requests", {"start_date": "yesterday"}, 400, "start_date"),
        ("requests", {"end_date": "2026-13-45"}, 400, "end_date"),
        ("requests", {"start_date": "2026-01-01", "end_date": "2026-06-01"}, 400, "90"),
        ("requests", {"start_date": "2026-06-01", "end_date": "2026-01-01"}, 400, "end_date"),
        ("requests", {"status": "pending"}, 400, "status"),
        ("services", {"jurisdiction_id": "sisli.localhost"}, 404, "jurisdiction_id"),
        ("nothing/here", {}, 404, "Not found."),
    ],
)
def test_a_refused_read_is_the_standards_error(bornova, fmt, path, query, status, words):
    response = bornova.client().get(f"{API}/{path}.{fmt}", query)
    assert response.status_code == status, response.content
    found = errors(response, fmt)
    assert [code for code, _description in found] == [status]
    # A parameter's name is written as is; a whole sentence ("Not found.") in Turkish.
    expected = in_turkish(words) if words.endswith(".") else words
    assert expected in found[0][1], found


@pytest.mark.parametrize("path", ["services.html", "services", "requests.csv", "", "x/y/z"])
def test_an_unknown_format_or_address_is_a_404_in_xml_never_html(bornova, path):
    response = bornova.client().get(f"{API}/{path}")
    assert response.status_code == 404
    assert errors(response, "xml")[0][0] == 404


def test_the_key_of_another_municipality_or_a_revoked_key_is_refused(bornova, sisli):
    assert post(bornova, api_key=sisli.key).status_code == 403
    api_client_revoke(api_client=bornova.client_app, by=None)
    response = post(bornova, "xml")
    assert response.status_code == 403
    assert errors(response, "xml")[0][0] == 403
    assert not CitizenRequest.objects.exists()


def test_an_unexpected_failure_is_a_general_service_error_not_a_500(bornova, monkeypatch):
    from municipium.open311 import answers

    def broken(*args, **kwargs):
        raise RuntimeError("the CRM is down")

    monkeypatch.setattr(answers, "service", broken)
    response = bornova.client().get(f"{API}/services.json")
    assert response.status_code == 400
    general = in_turkish("General service error: the request could not be processed.")
    assert general in errors(response, "json")[0][1]


@override_settings(OPEN311_RATE_LIMITS={"key": (2, 3600)})
@pytest.mark.parametrize("fmt", FORMATS)
def test_posts_past_the_limit_of_a_key_are_refused_with_429(bornova, fmt):
    assert [post(bornova, fmt).status_code for _n in range(2)] == [200, 200]
    response = post(bornova, fmt)
    assert response.status_code == 429
    assert errors(response, fmt)[0][0] == 429
    assert CitizenRequest.objects.count() == 2


@override_settings(OPEN311_RATE_LIMITS={"post": (2, 3600)})
def test_posts_past_the_limit_of_an_address_are_refused_whatever_the_key(
    bornova, municipality_factory
):
    from municipium.open311.services import api_client_create

    _other, other_key = api_client_create(
        municipality=bornova.municipality, name="another app", by=None
    )
    assert post(bornova).status_code == 200
    assert post(bornova, api_key=other_key).status_code == 200
    assert post(bornova, api_key=other_key).status_code == 429
    # Another address is not held back.
    other_address = bornova.client().post(
        f"{API}/requests.json",
        {"api_key": other_key, "service_code": "park", "address_string": "Park"},
        REMOTE_ADDR="10.1.2.3",
    )
    assert other_address.status_code == 200, other_address.content


@override_settings(OPEN311_RATE_LIMITS={"read": (3, 600)})
def test_reads_past_the_limit_of_an_address_are_refused_with_429(bornova):
    client = bornova.client()
    statuses = [client.get(f"{API}/services.xml").status_code for _n in range(4)]
    assert statuses == [200, 200, 200, 429]
