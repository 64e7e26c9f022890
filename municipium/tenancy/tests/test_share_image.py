"""The municipality's picture for link previews (``og:image``): a PNG of 1200×630, which social
networks accept where they refuse the SVG emblem; served with ``image/png`` at an absolute
address in the page's scheme (an article's: ``news/tests/test_views.py``)."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from PIL import Image, features
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from municipium.tenancy import share_image
from municipium.tenancy.demo_logos import emblem_svg

pytestmark = pytest.mark.django_db

SVG = emblem_svg(primary="#0b4f8a", accent="#a3211f", motif="waves")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def bumehen(municipality_factory):
    return municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], time_zone="Asia/Tehran",
        names={"fa": "شهرداری بومهن", "en": "Bumehen Municipality"}, primary_colour="#14532d",
    )  # fmt: skip


def _og(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta property="(og:[a-z_:]+)" content="([^"]*)">', html))


def fetch_png(client, url: str, host: str) -> Image.Image:
    path = re.sub(r"^https?://[^/]+", "", url)
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    return Image.open(io.BytesIO(b"".join(response.streaming_content)))


def svg_image(title="Emblem"):
    return get_image_model().objects.create(
        title=title, file=ContentFile(SVG.encode(), name="emblem.svg"), width=160, height=160
    )


def test_the_home_page_shares_a_png_of_1200_by_630_at_an_https_address(client, bumehen):
    bumehen.logo = svg_image()
    bumehen.save()
    html = client.get("/fa/", HTTP_HOST="bumehen.localhost", secure=True).content.decode()
    og = _og(html)
    assert og["og:image"].startswith("https://bumehen.localhost/share.png?g=")
    assert (og["og:image:type"], og["og:image:width"], og["og:image:height"]) == (
        "image/png", "1200", "630",
    )  # fmt: skip
    # X shows the picture large only when asked to (it reads og:image otherwise).
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    picture = fetch_png(client, og["og:image"], "bumehen.localhost")
    assert (picture.format, picture.size) == ("PNG", (1200, 630))
    assert picture.convert("RGB").getpixel((5, 5)) == (0x14, 0x53, 0x2D)  # the brand colour


def test_a_raster_logo_is_drawn_on_the_picture_through_a_png_rendition(client, bornova_like):
    blank = share_image.share_image_draw(bornova_like)
    bornova_like.logo = get_image_model().objects.create(
        title="Arma", file=get_test_image_file(colour="red", size=(300, 300))
    )
    bornova_like.save()
    drawn = Image.open(io.BytesIO(share_image.share_image_draw(bornova_like))).convert("RGB")
    assert drawn.getpixel((600, 230)) == (255, 0, 0)  # the logo, in the middle of its tile
    assert Image.open(io.BytesIO(blank)).convert("RGB").getpixel((600, 230)) != (255, 0, 0)
    assert bornova_like.logo.renditions.filter(file__endswith=".png").exists()


def test_the_picture_is_made_once_and_anew_when_what_it_shows_changes(bornova_like):
    first = share_image.share_image_name(bornova_like)
    with share_image.share_image_open(bornova_like) as file:
        assert file.read(8) == b"\x89PNG\r\n\x1a\n"
    assert share_image.share_image_name(bornova_like) == first
    bornova_like.primary_colour = "#222222"
    assert share_image.share_image_name(bornova_like) != first


def test_persian_is_written_only_when_pillow_can_shape_it(bumehen, monkeypatch):
    assert share_image._name(bumehen) == (
        "شهرداری بومهن" if features.check("raqm") else "Bumehen Municipality"
    )
    monkeypatch.setattr(share_image.features, "check", lambda feature: False)
    assert share_image._name(bumehen) == "Bumehen Municipality"


@pytest.fixture
def bornova_like(municipality_factory):
    return municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi", "en": "B"})
