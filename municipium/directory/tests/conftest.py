import pytest

from .factories import directorate, directory_index


@pytest.fixture(autouse=True)
def _media_in_a_temporary_directory(settings, tmp_path):
    """Photos and documents made by the tests stay out of the project's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def bornova(municipality_factory):
    municipality = municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})
    municipality.index = directory_index(municipality)
    return municipality


@pytest.fixture
def sisli(municipality_factory):
    municipality = municipality_factory(slug="sisli")
    municipality.index = directory_index(municipality)
    return municipality


@pytest.fixture
def culture(bornova):
    return directorate(bornova.index, slug="kultur", title="Kültür ve Sosyal İşler Müdürlüğü")
