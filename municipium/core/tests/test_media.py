"""SVG images: an editor may upload one (a logo), and its renditions, served from /media/images/,
run no script when opened directly (a sandboxing Content-Security-Policy); pages show them
through ``<img>`` only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

HOSTILE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">'
    b'<script>document.title = "ran"</script>'
    b'<circle cx="80" cy="80" r="70" fill="#0b4f8a"/></svg>'
)


HOST = "bornova.localhost"


@pytest.fixture(autouse=True)
def bornova(settings, tmp_path, municipality_factory):
    settings.MEDIA_ROOT = tmp_path
    return municipality_factory(slug="bornova")


def svg_upload(client, municipality, title="Arma"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "collection": municipality.collection_id,
            "file": SimpleUploadedFile("arma.svg", HOSTILE_SVG, "image/svg+xml"),
        },
        HTTP_HOST=HOST,
    )


def test_an_editor_can_upload_an_svg_image(admin_client, bornova):
    response = svg_upload(admin_client, bornova)
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Arma")
    assert image.is_svg() and (image.width, image.height) == (160, 160)


def test_an_svg_rendition_is_served_as_svg_in_a_sandbox(admin_client, client, bornova):
    svg_upload(admin_client, bornova)
    rendition = get_image_model().objects.get(title="Arma").get_rendition("height-80")
    assert rendition.url.startswith("/media/images/") and rendition.url.endswith(".svg")
    response = client.get(rendition.url, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    policy = response["Content-Security-Policy"]
    assert "sandbox" in policy and "default-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_raster_rendition_carries_the_same_headers(client):
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Photo", file=get_test_image_file())
    response = client.get(image.get_rendition("width-40").url, HTTP_HOST=HOST)
    assert (
        response["Content-Type"] == "image/png" and "sandbox" in response["Content-Security-Policy"]
    )
