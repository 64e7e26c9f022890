"""Each municipality keeps its documents and images in a collection of its own."""

import pytest
from wagtail.models import Collection

from municipium.tenancy.selectors import (
    collection_list_for_municipality,
    municipality_get_for_collection,
)
from municipium.tenancy.services import municipality_collection_ensure, municipality_save

pytestmark = pytest.mark.django_db


def test_a_municipality_owns_its_collection_and_those_inside_it(municipality_factory):
    bornova, sisli = municipality_factory(slug="bornova"), municipality_factory(slug="sisli")
    photos = bornova.collection.add_child(name="Fotoğraflar")
    assert set(collection_list_for_municipality(municipality=bornova)) == {
        bornova.collection,
        photos,
    }
    assert municipality_get_for_collection(collection=photos) == bornova
    assert municipality_get_for_collection(collection=sisli.collection) == sisli
    assert municipality_get_for_collection(collection=Collection.get_first_root_node()) is None


def test_the_collection_is_made_once(municipality_factory):
    bornova = municipality_factory(slug="bornova")
    before = Collection.objects.count()
    assert municipality_collection_ensure(municipality=bornova) == bornova.collection
    assert Collection.objects.count() == before


def test_a_municipality_saved_without_a_collection_gets_one(municipality_factory):
    bornova = municipality_factory(slug="bornova")
    bornova.collection = None
    bornova.save(update_fields=["collection"])
    municipality_save(municipality=bornova, by=None)
    bornova.refresh_from_db()
    assert bornova.collection is not None and bornova.collection.name == str(bornova)
