"""The resident files a request on the web: the category first, then its questions, the
place, the contact and the photos; every refusal says why and saves nothing."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import ModelLogEntry

from municipium.cases.models import Attachment, Case
from municipium.core.ratelimit import limit_reset
from municipium.desk.models import CitizenRequest
from municipium.desk.views import RATE_SCOPE

from .conftest import jpeg_with_gps

pytestmark = pytest.mark.django_db


def post(client, desk, language, data, files=()):
    payload = {
        "category": "street-light",
        "description": "Lamba yanmıyor.",
        "answer_pole": "B-1043",
        "answer_kind": "off",
        "address": "Kazım Dirik Mah. 372. Sk. No 12",
        "latitude": "",
        "longitude": "",
        "name": "Ayşe Yılmaz",
        "email": "ayse@example.org",
        "phone": "0532 000 00 00",
        "website": "",
        **data,
    }
    if files:
        payload["photos"] = list(files)
    return client.post(desk.url(language), payload, HTTP_HOST=desk.host)


def test_the_form_asks_for_a_category_first_then_its_questions(client, bornova):
    first = client.get(bornova.url("tr"), HTTP_HOST=bornova.host)
    assert first.status_code == 200
    assert 'name="category"' in first.text and "Sokak lambası" in first.text
    assert "Direk numarası" not in first.text
    second = client.get(bornova.url("tr") + "?category=street-light", HTTP_HOST=bornova.host)
    assert second.status_code == 200
    assert "Direk numarası" in second.text and "Yanmıyor" in second.text
    assert 'name="website"' in second.text  # the honeypot
    assert "data-desk-map" in second.text and "leaflet.js" in second.text


def test_a_request_filed_in_turkish_is_stored_with_its_photos_without_their_gps(
    client, bornova, django_capture_on_commit_callbacks
):
    photo = SimpleUploadedFile("IMG_0001.jpg", jpeg_with_gps(), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, bornova, "tr", {"latitude": "38.46", "longitude": "27.22"},
                        files=[photo])  # fmt: skip
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == (
        f"/tr/talep/track/{case.reference}/{case.tracking_token}/?filed=1"
    )
    request = CitizenRequest.objects.get()
    assert (request.name, request.email, request.answers) == (
        "Ayşe Yılmaz", "ayse@example.org", {"pole": "B-1043", "kind": "off"},
    )  # fmt: skip
    assert (case.language, case.channel, case.unit) == ("tr", "web", bornova.lights)
    assert str(request.latitude) == "38.460000"
    attachment = Attachment.objects.get()
    assert attachment.content_type == "image/jpeg" and attachment.case == case
    with attachment.file.open("rb") as stored, Image.open(stored) as image:
        exif = image.getexif()
        assert not exif.get_ifd(0x8825) and 0x010F not in exif
        assert "exif" not in image.info
        assert image.size == (64, 48)
    # The acknowledgement, in Turkish, with the tracking page's absolute address.
    [message] = mail.outbox
    assert message.to == ["ayse@example.org"]
    assert case.reference in message.subject
    tracking = f"http://bornova.localhost/tr/talep/track/{case.reference}/{case.tracking_token}/"
    assert tracking in message.body
    assert tracking in message.alternatives[0][0]
    page = client.get(tracking.removeprefix("http://bornova.localhost"), HTTP_HOST=bornova.host)
    assert page.status_code == 200 and case.reference in page.text


def test_a_request_filed_in_persian_is_stored_in_persian(
    client, bumehen, django_capture_on_commit_callbacks
):
    photo = SimpleUploadedFile("photo.jpg", jpeg_with_gps(), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client, bumehen, "fa",
            {"description": "چراغ کوچه خاموش است.", "answer_pole": "۱۲۳", "name": "مریم"},
            files=[photo],
        )  # fmt: skip
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.language == "fa" and case.municipality == bumehen.municipality
    assert Attachment.objects.filter(case=case).count() == 1
    [message] = mail.outbox
    # In the request's language (the new sentences' Persian comes with the catalogue): the
    # category's Persian name, the page right to left.
    assert "چراغ معابر" in message.body
    assert message.alternatives[0][0].count('dir="rtl"') == 1
    page = client.get(response["Location"], HTTP_HOST=bumehen.host)
    assert page.status_code == 200 and 'dir="rtl"' in page.text


def test_bad_input_keeps_every_value_says_photos_must_be_chosen_again_and_saves_nothing(
    client, bornova
):
    photo = SimpleUploadedFile("a.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = post(
        client, bornova, "tr",
        {"answer_pole": "", "description": "Kaldırım kırık, çok tehlikeli.", "latitude": "38.4"},
        files=[photo],
    )  # fmt: skip
    assert response.status_code == 400
    text = response.text
    assert "Kaldırım kırık, çok tehlikeli." in text and 'value="Ayşe Yılmaz"' in text
    assert 'value="ayse@example.org"' in text and 'value="38.4"' in text
    assert 'aria-invalid="true"' in text
    assert "data-photos-lost" in text  # the message that photos must be chosen again
    assert not Case.objects.exists() and not Attachment.objects.exists()
    assert not ModelLogEntry.objects.filter(action__startswith="cases.").exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("not-a-photo.jpg", b"%PDF-1.4 this is a document"),
        ("picture.gif", None),  # a real image, of a type not accepted
    ],
)
def test_a_file_that_is_not_an_accepted_photo_is_refused_and_nothing_is_saved(
    client, bornova, name, content
):
    if content is None:
        output = io.BytesIO()
        Image.new("RGB", (8, 8)).save(output, format="GIF")
        content = output.getvalue()
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = post(client, bornova, "tr", {}, files=[upload])
    assert response.status_code == 400
    assert name in response.text
    assert not Case.objects.exists() and not Attachment.objects.exists()


def test_a_photo_over_the_size_limit_is_refused(client, bornova, settings):
    settings.MUNICIPIUM_DESK_PHOTO_MAX_BYTES = 1000
    upload = SimpleUploadedFile("big.jpg", jpeg_with_gps((400, 300)), content_type="image/jpeg")
    response = post(client, bornova, "tr", {}, files=[upload])
    assert response.status_code == 400 and "big.jpg" in response.text
    assert not Case.objects.exists()


def test_more_than_five_photos_are_refused(client, bornova):
    uploads = [
        SimpleUploadedFile(f"{n}.jpg", jpeg_with_gps(), content_type="image/jpeg") for n in range(6)
    ]
    response = post(client, bornova, "tr", {}, files=uploads)
    assert response.status_code == 400
    assert not Case.objects.exists() and not Attachment.objects.exists()


def test_the_honeypot_refuses_with_a_message_and_saves_nothing(client, bornova):
    response = post(client, bornova, "tr", {"website": "http://spam.example"})
    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert not Case.objects.exists()


def test_too_many_requests_from_one_address_are_refused_with_the_form_kept(
    client, bornova, settings
):
    settings.MUNICIPIUM_DESK_RATE_LIMIT = 2
    limit_reset(scope=RATE_SCOPE, key="127.0.0.1", seconds=settings.MUNICIPIUM_DESK_RATE_SECONDS)
    assert post(client, bornova, "tr", {}).status_code == 302
    assert post(client, bornova, "tr", {}).status_code == 302
    refused = post(client, bornova, "tr", {"description": "Üçüncü istek."})
    assert refused.status_code == 429
    assert "Üçüncü istek." in refused.text and 'role="alert"' in refused.text
    assert Case.objects.count() == 2


def test_the_form_is_never_kept_in_the_page_cache(client, bornova):
    url = bornova.url("tr") + "?category=street-light"
    client.get(url, HTTP_HOST=bornova.host)
    again = client.get(url, HTTP_HOST=bornova.host)
    assert again.get("X-Page-Cache") != "hit"


def test_the_map_tiles_server_set_by_the_operator_is_allowed_by_the_csp(client, bornova, settings):
    from municipium.core.security import tile_origin

    assert tile_origin("https://{s}.tiles.example.org/{z}/{x}/{y}.png") == (
        "https://*.tiles.example.org"
    )
    assert tile_origin("not a url") == ""
    response = client.get(bornova.url("tr") + "?category=street-light", HTTP_HOST=bornova.host)
    policy = response["Content-Security-Policy"]
    img_src = next(part for part in policy.split("; ") if part.startswith("img-src"))
    assert "https://tile.openstreetmap.org" in img_src
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in response.text
