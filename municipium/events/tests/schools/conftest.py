"""The school-class tests' municipalities (these, not the events tests' Bornova): Bornova and
Şişli, each with a programme page, a culture unit and its staff."""

import pytest

from .schools_world import Programme


@pytest.fixture
def bornova(municipality_factory):
    return Programme(municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"}))


@pytest.fixture
def sisli(municipality_factory):
    return Programme(municipality_factory(slug="sisli", names={"tr": "Şişli Belediyesi"}))
