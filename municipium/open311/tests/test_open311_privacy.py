"""No personal data in any answer; another municipality's requests never on this host."""

import pytest

from municipium.cases.services import case_transition

from .conftest import RESIDENT
from .helpers import API, FORMATS, data
from .test_open311_api import post

pytestmark = pytest.mark.django_db

API_RESIDENT = {
    "first_name": "Zeynepcan",
    "last_name": "Korkmazer",
    "email": "zeynep.secret@example.org",
    "phone": "0544 987 65 43",
    "device_id": "device-77c1",
}


def every_answer(town, references):
    client = town.client()
    for fmt in FORMATS:
        for path in ("discovery", "services", "services/street-light", "requests"):
            yield client.get(f"{API}/{path}.{fmt}")
        for reference in references:
            yield client.get(f"{API}/requests/{reference}.{fmt}")
        yield client.get(f"{API}/requests.{fmt}", {"service_request_id": ",".join(references)})
        yield post(town, fmt, **API_RESIDENT)


def test_no_answer_carries_the_residents_name_email_or_phone(bornova):
    filed = bornova.file()
    case_transition(case=filed.case, transition="answer", by=None, note="Fixed.")
    (posted,) = data(post(bornova, **API_RESIDENT))
    references = [filed.case.reference, posted["service_request_id"]]
    secrets = [
        *RESIDENT.values(), *API_RESIDENT.values(), "Zeynepcan Korkmazer", "Yılmazoğlu",
        "Korkmazer", "private@", "secret@",
    ]  # fmt: skip
    answers = list(every_answer(bornova, references))
    assert len(answers) == 2 * 8
    for response in answers:
        assert response.status_code == 200, response.content
        body = response.content.decode()
        assert not [secret for secret in secrets if secret in body], body[:300]


@pytest.mark.parametrize("fmt", FORMATS)
def test_another_municipalitys_requests_and_services_are_never_on_this_host(bornova, sisli, fmt):
    sisli.file(description="Şişli only: the lamp of Halaskargazi")
    sisli_only = sisli.file(description="Şişli only: second lamp").case.reference
    bornova_reference = bornova.file().case.reference
    client = bornova.client()
    listed = client.get(f"{API}/requests.{fmt}")
    assert "Şişli only" not in listed.content.decode()
    by_id = client.get(f"{API}/requests.{fmt}", {"service_request_id": sisli_only})
    assert "Şişli only" not in by_id.content.decode()
    assert client.get(f"{API}/requests/{sisli_only}.{fmt}").status_code == 404
    assert "Şişli only" not in client.get(f"{API}/requests/26-00001.{fmt}").content.decode()
    assert bornova_reference in client.get(f"{API}/requests.{fmt}").content.decode()
    assert "sisli" not in client.get(f"{API}/services.{fmt}").content.decode()
