import pytest

from .schools_world import Programme


@pytest.fixture
def bornova(municipality_factory):
    return Programme(municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"}))


@pytest.fixture
def sisli(municipality_factory):
    return Programme(municipality_factory(slug="sisli", names={"tr": "Şişli Belediyesi"}))
