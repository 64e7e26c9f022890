"""A type of event is the installation's: renaming or deleting one purges every site's cached
pages (their programmes show its name, and keep their filter choices in the site's data)."""

import pytest
from django.contrib.auth import get_user_model

from municipium.culture.models import EventType, EventTypeName
from municipium.culture.services import event_type_delete, event_type_save
from municipium.tenancy.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("platform", "p@example.org", "x")


def _generations() -> dict[int, int]:
    return dict(Municipality.objects.values_list("pk", "cache_generation"))


def test_renaming_a_type_purges_every_site(
    municipality_factory, superuser, django_capture_on_commit_callbacks
):
    municipality_factory(slug="bornova")
    municipality_factory(slug="rudziniec")
    before = _generations()
    talk = EventType.objects.get(code="talk")
    EventTypeName.objects.filter(event_type=talk, language="tr").update(name="Söyleşi ve sohbet")
    with django_capture_on_commit_callbacks(execute=True):
        event_type_save(instance=talk, by=superuser)
    after = _generations()
    assert all(after[pk] > generation for pk, generation in before.items())


def test_deleting_a_type_purges_every_site(
    municipality_factory, superuser, django_capture_on_commit_callbacks
):
    municipality_factory(slug="bornova")
    before = _generations()
    unused = EventType.objects.create(code="unused-type")
    EventTypeName.objects.create(event_type=unused, language="en", name="Unused")
    with django_capture_on_commit_callbacks(execute=True):
        event_type_delete(instance=unused, by=superuser)
    assert all(_generations()[pk] > generation for pk, generation in before.items())
