import pytest


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})


@pytest.fixture
def sisli(municipality_factory):
    return municipality_factory(slug="sisli", names={"tr": "Şişli Belediyesi"})
