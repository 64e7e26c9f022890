"""The strings of the culture apps that translators flagged (issue 11), reworded: each is in the
Turkish, Persian and Polish catalogues, a word with two senses is two entries, and a venue or
unit of another municipality is refused with a sentence that says what to choose."""

from types import SimpleNamespace

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

from municipium.culture.forms import FOREIGN_CHOICE_REFUSED, venue_and_unit_foreign_refuse

REWORDED = [
    ("event session", "Date"),
    ("event session", "Dates"),
    ("calendar date", "Date"),
    ("calendar date", "Dates"),
    (None, "Check-in code"),
    (None, "is a course"),
    ("range of years", "%(start)s–%(end)s"),
    (None, "start of the time the hall is blocked"),
    (None, "end of the time the hall is blocked"),
    (
        None,
        "The hall is blocked from %(blocked_from)s to %(blocked_until)s, set-up and clearing "
        "time included.",
    ),
    (None, "Publication on the municipality's website"),
    ("partners of an event", "In partnership with"),
    ("Dublin Core element", "contributor"),
    ("Dublin Core element", "Contributor"),
    ("the person who gave the item", "contributor's consent"),
    *((None, str(message)) for message in FOREIGN_CHOICE_REFUSED.values()),
]


@pytest.mark.parametrize("language", ["tr", "fa", "pl"])
def test_every_reworded_string_is_translated(language):
    catalogue = translation.trans_real.translation(language)._catalog
    for context, message in REWORDED:
        key = f"{context}\x04{message}" if context else message
        assert catalogue.get(key), (language, context, message)


def test_polish_tells_the_date_of_an_event_from_a_calendar_date():
    with translation.override("pl"):
        assert pgettext("event session", "Date") != pgettext("calendar date", "Date")
        assert pgettext("event session", "Dates") != pgettext("calendar date", "Dates")


def test_polish_tells_dublin_cores_contributor_from_the_person_who_gave_the_item():
    with translation.override("pl"):
        contributor = pgettext("Dublin Core element", "contributor")
        consent = pgettext("the person who gave the item", "contributor's consent")
    assert contributor not in consent


class _Form:
    def __init__(self):
        self.errors = {}

    def add_error(self, name, message):
        self.errors[name] = message


def _owned_by(pk):
    return SimpleNamespace(municipality_id=pk)


def test_a_venue_and_a_unit_of_another_municipality_are_refused_saying_what_to_choose():
    form = _Form()
    venue_and_unit_foreign_refuse(
        form,
        {"venue": _owned_by(2), "unit": _owned_by(2)},
        municipality=SimpleNamespace(pk=1),
    )
    with translation.override("en"):
        assert {name: str(message) for name, message in form.errors.items()} == {
            "venue": gettext(
                "This venue belongs to another municipality: choose one of this "
                "municipality's venues."
            ),
            "unit": gettext(
                "This unit belongs to another municipality: choose one of this "
                "municipality's units."
            ),
        }


def test_the_municipalitys_own_venue_and_unit_are_kept():
    form = _Form()
    venue_and_unit_foreign_refuse(
        form, {"venue": _owned_by(1), "unit": None}, municipality=SimpleNamespace(pk=1)
    )
    assert form.errors == {}
