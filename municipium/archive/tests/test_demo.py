import pytest
from django.test import override_settings

from municipium.archive.demo import archive_demo_site
from municipium.archive.models import ArchiveItemPage, Consent
from municipium.core.demo import DemoSite
from municipium.culture.models import Partner

pytestmark = pytest.mark.django_db


def _site(municipality):
    site = DemoSite(key=municipality.slug, definition=None)
    site.made = {"municipality": municipality, "homes": municipality.homes}
    return site


def test_the_demo_makes_bornovas_exhibition_with_a_withheld_item_twice_alike(
    client, municipality_factory, tmp_path
):
    bornova = municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})
    with override_settings(MEDIA_ROOT=tmp_path):
        archive_demo_site(_site(bornova))
        counts = (ArchiveItemPage.objects.count(), Consent.objects.count(), Partner.objects.count())
        archive_demo_site(_site(bornova))
        assert counts == (
            ArchiveItemPage.objects.count(),
            Consent.objects.count(),
            Partner.objects.count(),
        )
        assert counts == (3, 3, 2)
        withheld = ArchiveItemPage.objects.get(slug="fabrika-anilari")
        assert not withheld.live
        html = client.get("/tr/arsiv/", HTTP_HOST="bornova.localhost").content.decode()
        assert "Bağ bozumu anıları" in html and "Fabrika anıları" not in html
        item = client.get(
            "/tr/arsiv/bornovanin-hafizasi/bag-bozumu/", HTTP_HOST="bornova.localhost"
        )
        assert item.status_code == 200
        assert "<audio" in item.content.decode()
        partners = client.get("/tr/paydaslar/", HTTP_HOST="bornova.localhost").content.decode()
        assert "Ege Üniversitesi" in partners and "Bornova&#x27;nın Hafızası" in partners
