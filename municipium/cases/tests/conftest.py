import datetime
import zoneinfo

import pytest

from municipium.cases import kinds
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import staff_user, unit

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")

# A kind of case declared by the tests themselves, as an app would declare its own: the engine
# must work with whatever a kind declares.
S = kinds.Status
WORK = kinds.Transition
TEST_KIND = kinds.CaseKind(
    code="test_request",
    label="Test request",
    statuses=(
        S("new", "new"),
        S("in_progress", "in progress"),
        S("waiting", "waiting for the resident", clock=kinds.Clock.PAUSED),
        S("answered", "answered", clock=kinds.Clock.STOPPED),
        S("closed", "closed", clock=kinds.Clock.STOPPED, is_closed=True),
        S("rejected", "rejected", clock=kinds.Clock.STOPPED, is_closed=True),
    ),
    initial="new",
    transitions=(
        WORK("start", "started", frozenset({"new"}), "in_progress"),
        WORK("ask", "asked", frozenset({"in_progress"}), "waiting", note_required=True),
        WORK("resume", "resumed", frozenset({"waiting"}), "in_progress"),
        WORK(
            "answer", "answered", frozenset({"in_progress"}), "answered", note_required=True,
            answers=True,
        ),
        WORK(
            "reject", "rejected", frozenset({"new", "in_progress"}), "rejected",
            note_required=True,
        ),
        WORK("accept", "accepted", frozenset({"answered"}), "closed", by_resident=True),
        WORK(
            "dispute", "disputed", frozenset({"answered"}), "in_progress",
            note_required=True, by_resident=True,
        ),
        WORK("comment", "commented", frozenset({"in_progress"}), "in_progress", public=False),
    ),
    clock=kinds.ClockRule(working_days=5),
)  # fmt: skip


@pytest.fixture(autouse=True)
def test_kind():
    kinds.register(TEST_KIND)
    yield TEST_KIND
    kinds.unregister(TEST_KIND.code)


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})


@pytest.fixture
def sisli(municipality_factory):
    return municipality_factory(slug="sisli", names={"tr": "Şişli Belediyesi"})


class Org:
    """Bornova's units and staff for the tests: a directorate with two sections, a call
    centre and the mayor's office."""

    def __init__(self, municipality):
        self.municipality = municipality
        self.parks = unit(municipality, "parks", kind=Unit.Kind.DIRECTORATE)
        self.trees = unit(municipality, "trees", parent=self.parks)
        self.lights = unit(municipality, "lights", parent=self.parks)
        self.call_centre = unit(municipality, "153", kind=Unit.Kind.CALL_CENTRE)
        self.mayor = unit(municipality, "mayor", kind=Unit.Kind.MAYORS_OFFICE)
        self.clerk = staff_user(municipality, "clerk", unit=self.trees)
        self.sibling = staff_user(municipality, "sibling", unit=self.lights)
        self.manager = staff_user(municipality, "manager", unit=self.parks, role="manager")
        self.operator = staff_user(municipality, "operator", unit=self.call_centre)
        self.chief = staff_user(municipality, "chief", unit=self.mayor, role="director")
        for user in (self.manager, self.chief):
            user.email = f"{user.username}@example.org"
            user.save()


@pytest.fixture
def org(bornova):
    return Org(bornova)


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=ISTANBUL)


class Now:
    """The time the services read (``django.utils.timezone.now``), moved by the test."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch

    def move_to(self, moment: datetime.datetime) -> None:
        from django.utils import timezone

        self.monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.fixture
def time_machine(monkeypatch):
    return Now(monkeypatch)
