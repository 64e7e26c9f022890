"""The tracking page (reference and secret token, no account) and the resident's verdict on
an answer: no contact details, no internal notes, no staff names; accepting closes, rejecting
reopens and escalates; never cached."""

import pytest
from django.core import mail
from django.utils import translation
from PIL import Image

from municipium.cases.services import case_link, case_note, case_transition
from municipium.desk.services import request_file, request_submit

from .conftest import jpeg_with_gps

pytestmark = pytest.mark.django_db


def filed(desk, language="tr", **fields):
    values = {
        "municipality": desk.municipality,
        "category": desk.category,
        "description": "Lamba yanmıyor.",
        "language": language,
        "name": "Ayşe Yılmaz",
        "email": "ayse@example.org",
        "phone": "0532 111 22 33",
        "address": "372. Sokak No 12",
        "answers": {"pole": "B-1043"},
    }
    return request_submit(**{**values, **fields}).case


def track_path(desk, case, language="tr", token=None):
    return desk.url(language, f"track/{case.reference}/{token or case.tracking_token}/")


def answered(desk, case, text="Ampul değiştirildi."):
    case = case_transition(case=case, transition="start", by=desk.clerk)
    return case_transition(case=case, transition="answer", by=desk.clerk, note=text)


def test_the_tracking_page_shows_the_request_without_contact_details_or_internal_notes(
    client, bornova
):
    case = filed(bornova)
    case_note(case=case, by=bornova.clerk, body="Internal: the caller is a neighbour.")
    case_note(case=case, by=bornova.clerk, body="Ekibimiz yola çıktı.", public=True)
    bornova.clerk.first_name, bornova.clerk.last_name = "Mehmet", "Öztürk"
    bornova.clerk.save()
    response = client.get(track_path(bornova, case), HTTP_HOST=bornova.host)
    assert response.status_code == 200
    text = response.text
    assert case.reference in text and "Sokak lambası" in text and "lights (tr)" in text
    assert "372. Sokak No 12" in text and "Ekibimiz yola çıktı." in text
    for secret in ("Ayşe", "ayse@example.org", "0532 111 22 33", "Internal: the caller",
                   "Mehmet", "Öztürk", bornova.clerk.username):  # fmt: skip
        assert secret not in text


def test_the_tracking_page_is_private_and_never_cached(client, bornova):
    case = filed(bornova)
    path = track_path(bornova, case)
    first = client.get(path, HTTP_HOST=bornova.host)
    second = client.get(path, HTTP_HOST=bornova.host)
    for response in (first, second):
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert response.get("X-Page-Cache") is None
        assert response["Referrer-Policy"] == "same-origin"
        assert '<meta name="robots" content="noindex, nofollow">' in response.text


@pytest.mark.parametrize("token", ["wrong-token", "x"])
def test_a_wrong_token_is_not_found(client, bornova, token):
    case = filed(bornova)
    response = client.get(track_path(bornova, case, token=token), HTTP_HOST=bornova.host)
    assert response.status_code == 404


def test_another_municipalitys_request_is_not_found_on_this_site(client, bornova, bumehen):
    case = filed(bumehen, language="fa")
    path = track_path(bornova, case)
    assert client.get(path, HTTP_HOST=bornova.host).status_code == 404


def test_the_lookup_form_leads_to_the_tracking_page(client, bornova):
    case = filed(bornova)
    lookup = bornova.url("tr", "track/")
    response = client.get(
        lookup, {"reference": case.reference, "token": case.tracking_token}, HTTP_HOST=bornova.host
    )
    assert response.status_code == 302 and response["Location"] == track_path(bornova, case)
    wrong = client.get(lookup, {"reference": case.reference, "token": "no"}, HTTP_HOST=bornova.host)
    assert wrong.status_code == 200 and 'role="alert"' in wrong.text
    assert "no-store" in wrong["Cache-Control"]


def test_photos_are_served_cleaned_only_to_the_token_holder(client, bornova, private_storage):
    case = request_file(
        municipality=bornova.municipality, category=bornova.category, description="Kırık.",
        language="tr", photos=[("IMG_1.jpg", jpeg_with_gps())], answers={"pole": "1"},
    ).case  # fmt: skip
    [photo] = case.attachments.all()
    page = client.get(track_path(bornova, case), HTTP_HOST=bornova.host)
    url = track_path(bornova, case) + f"photos/{photo.pk}/"
    assert f'src="{url}"' in page.text
    response = client.get(url, HTTP_HOST=bornova.host)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    import io

    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        assert not image.getexif()
    wrong = track_path(bornova, case, token="nope") + f"photos/{photo.pk}/"
    assert client.get(wrong, HTTP_HOST=bornova.host).status_code == 404


def test_staff_files_are_not_shown_to_the_resident(client, bornova, private_storage):
    from municipium.cases.services import case_attach

    case = filed(bornova)
    internal = case_attach(
        case=case, name="internal.png", content=b"x", content_type="image/png", by=bornova.clerk
    )
    path = track_path(bornova, case) + f"photos/{internal.pk}/"
    assert client.get(path, HTTP_HOST=bornova.host).status_code == 404


def test_accepting_the_answer_closes_the_request_with_its_rating(
    client, bornova, django_capture_on_commit_callbacks
):
    case = filed(bornova)
    with django_capture_on_commit_callbacks(execute=True):
        case = answered(bornova, case)
    page = client.get(track_path(bornova, case), HTTP_HOST=bornova.host)
    assert "Ampul değiştirildi." in page.text and 'name="verdict"' in page.text
    [answer_mail] = mail.outbox
    assert track_path(bornova, case) in answer_mail.body
    response = client.post(
        track_path(bornova, case) + "verdict/",
        {"verdict": "accept", "rating": "4", "comment": "Teşekkürler."},
        HTTP_HOST=bornova.host,
    )
    assert response.status_code == 302
    assert response["Location"] == track_path(bornova, case) + "?verdict=accept"
    case.refresh_from_db()
    assert case.status == "closed" and case.closed_at is not None
    assert (case.citizen_request.rating, case.citizen_request.rating_comment) == (4, "Teşekkürler.")
    page = client.get(track_path(bornova, case), HTTP_HOST=bornova.host)
    assert 'name="verdict"' not in page.text


def test_rejecting_the_answer_reopens_escalates_and_is_on_the_timeline(
    client, bornova, django_capture_on_commit_callbacks
):
    case = answered(bornova, filed(bornova))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            track_path(bornova, case) + "verdict/",
            {"verdict": "dispute", "rating": "1", "comment": "Hâlâ yanmıyor."},
            HTTP_HOST=bornova.host,
        )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "in_progress" and case.escalation_level == 1
    dispute = case.entries.get(data__transition="dispute")
    assert dispute.is_public and dispute.by_resident and dispute.body == "Hâlâ yanmıyor."
    assert case.entries.filter(kind="escalated", data__level=1).exists()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["ayse@example.org", "manager@example.org"]  # receipt, escalation
    [escalation] = [message for message in mail.outbox if message.to == ["manager@example.org"]]
    with translation.override(case.language):  # the mail speaks the case's language
        disputed = translation.gettext(
            "The resident rejected the answer to the case %(reference)s, which was due "
            "on %(due)s. It is open again and has been escalated to you (level "
            "%(level)s)."
        )
    assert disputed.split("%(")[0] in escalation.body and case.reference in escalation.body
    page = client.get(track_path(bornova, case), HTTP_HOST=bornova.host)
    assert "Hâlâ yanmıyor." in page.text


def test_a_second_rejection_goes_up_to_the_mayors_office(bornova):
    from municipium.desk.services import request_dispute

    case = answered(bornova, filed(bornova))
    case = request_dispute(case=case, reason="Hâlâ yanmıyor.")
    case = case_transition(case=case, transition="answer", by=bornova.clerk, note="Kablo.")
    case = request_dispute(case=case, reason="Yine yanmıyor.")
    assert case.escalation_level == 2


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"verdict": "dispute", "comment": ""}, "comment"),
        ({"verdict": "accept", "rating": ""}, "rating"),
        ({"verdict": "accept", "rating": "9"}, "rating"),
    ],
)
def test_a_verdict_without_its_reason_or_rating_is_refused(client, bornova, data, field):
    case = answered(bornova, filed(bornova))
    response = client.post(track_path(bornova, case) + "verdict/", data, HTTP_HOST=bornova.host)
    assert response.status_code == 400 and 'aria-invalid="true"' in response.text
    case.refresh_from_db()
    assert case.status == "answered"


def test_a_verdict_on_a_request_not_answered_is_refused(client, bornova):
    case = filed(bornova)
    response = client.post(
        track_path(bornova, case) + "verdict/",
        {"verdict": "accept", "rating": "5"},
        HTTP_HOST=bornova.host,
    )
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.status == "routed"


def test_a_forwarded_request_keeps_its_tracking_page_which_follows_it(client, bornova, bumehen):
    case = filed(bornova)
    other = filed(bumehen, language="fa", description="Forwarded.")
    case_link(case=case, other=other, kind="forwarded_to", by=bornova.clerk)
    case_transition(case=case, transition="forward", by=bornova.clerk, note="Metropolitan road.")
    response = client.get(track_path(bornova, case), HTTP_HOST=bornova.host)
    assert response.status_code == 200
    assert other.reference in response.text and "شهرداری بومهن" in response.text
    assert "چراغ معابر" in response.text or "Street light" in response.text
    assert other.tracking_token not in response.text


def test_a_persian_tracking_page_is_right_to_left_with_persian_digits_and_dates(client, bumehen):
    case = filed(bumehen, language="fa")
    response = client.get(track_path(bumehen, case, language="fa"), HTTP_HOST=bumehen.host)
    assert response.status_code == 200
    assert 'dir="rtl"' in response.text
    assert "۱۴" in response.text  # the Solar Hijri year in Persian digits
