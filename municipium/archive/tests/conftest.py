import pytest

from municipium.archive.tests.factories import (
    archive_create,
    consent_create,
    exhibition_create,
    item_create,
)
from municipium.culture.models import Partner
from municipium.culture.tests.factories import partner


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi", "en": "Bornova"})


@pytest.fixture
def archive(bornova):
    """Bornova's archive: a permanent exhibition with a public oral history and an item
    without consent to publish online."""
    index = archive_create(bornova)
    university = partner(bornova, "Ege Üniversitesi", texts={"tr": "Sözlü tarih çalışması."})
    exhibition = exhibition_create(
        index, "bornova-tarihi", partners=[university], title="Bornova'nın Tarihi"
    )
    online = consent_create(bornova)
    on_site = consent_create(bornova, scope="on_site", given_by="Mehmet Demir")
    public = item_create(
        exhibition, "bag-bozumu", consent=online, title="Bağ bozumu anıları",
        transcript="<p>Eylülde bütün mahalle bağa giderdi.</p>", place="Bornova",
        year_from=1955, year_to=1965, subjects=["bağcılık"], creator="Ayşe Yılmaz",
        format="audio/wav", dc_language="tr", identifier="BOR-SO-001",
    )  # fmt: skip
    hidden = item_create(
        exhibition, "gizli-ani", consent=on_site, title="Gizli anı",
        transcript="<p>Zeytinyağı fabrikasının sırrı.</p>", place="Bornova",
        year_from=1970, subjects=["bağcılık"], identifier="BOR-SO-002",
    )  # fmt: skip
    return type(
        "Archive", (), {
            "index": index, "exhibition": exhibition, "public": public, "hidden": hidden,
            "online": online, "on_site": on_site, "partner": university,
            "Kind": Partner.Kind,
        },
    )  # fmt: skip
