"""The figures' rollup (``cases.rollup``) against the live count (``case_figures_by``): after a
random mix of filings, transitions, re-routes and refreshes (a fixed seed), the rollup's
figures per unit and per day of filing are the live ones, open now included, and a rebuild
from nothing writes the same rows."""

import datetime
import random

import pytest
from django.db.models.functions import TruncDate

from municipium.cases import kinds
from municipium.cases.models import Case, DailyFigures, DailyOpen, DirtyDay
from municipium.cases.rollup import (
    daily_figures_by,
    daily_open_by,
    day_start,
    figures_rebuild,
    figures_refresh,
)
from municipium.cases.services import case_extend, case_open, case_route, case_transition
from municipium.cases.statistics import case_due_figures_by, case_figures_by, figures_merge

from .conftest import ISTANBUL, at

pytestmark = pytest.mark.django_db
LONG_AGO = at(2020, 1, 1, 0, 0)
COUNTED = ("received", "answered", "answered_in_time", "disputed")


def file(org, moment, unit):
    return case_open(
        municipality=org.municipality,
        kind="test_request",
        unit=unit,
        title="Broken street light",
        by=None,
        language="tr",
        filed_at=moment,
    )


def live(org, group, now, soon=None):
    return case_figures_by(
        Case.objects.filter(municipality=org.municipality),
        kind="test_request",
        group=group,
        now=now,
        soon=soon or now,
        since=LONG_AGO,
    )


def rolled(org, group):
    rows = DailyFigures.objects.filter(municipality=org.municipality, kind="test_request")
    return daily_figures_by(rows, group=group, since=LONG_AGO.date())


def same(live_figures, rolled_figures):
    filed = {key: found for key, found in live_figures.items() if found.received}
    assert set(filed) == set(rolled_figures)
    for key, found in filed.items():
        mine = rolled_figures[key]
        assert [getattr(found, name) for name in COUNTED] == [
            getattr(mine, name) for name in COUNTED
        ], key
        assert +found.days == +mine.days, key


def open_now(org, group):
    rows = DailyOpen.objects.filter(municipality=org.municipality, kind="test_request")
    return {key: found.open for key, found in daily_open_by(rows, group=group).items()}


def deadlines(org, now, soon):
    """``{unit id: (overdue, due soon)}`` as the board counts them: before today from the
    rollup, from the start of today live."""
    rows = DailyOpen.objects.filter(municipality=org.municipality, kind="test_request")
    today = day_start(org.municipality, now)
    merged = figures_merge(
        daily_open_by(rows, group="unit_id", today=today.date()),
        case_due_figures_by(
            Case.objects.filter(municipality=org.municipality),
            kind="test_request",
            group="unit_id",
            now=now,
            soon=soon,
            since=today,
        ),
    )
    return {
        key: (found.overdue, found.due_soon)
        for key, found in merged.items()
        if found.overdue or found.due_soon
    }


def live_deadlines(org, now, soon):
    found = live(org, "unit_id", now, soon).items()
    return {key: (one.overdue, one.due_soon) for key, one in found if one.overdue or one.due_soon}


def same_open(live_figures, rolled_open):
    assert {key: found.open for key, found in live_figures.items() if found.open} == rolled_open


def rows_of(municipality):
    fields = ("unit_id", "key", "day", "days_over", "d0", "d3", "filed", "answered", "disputed")
    opened = ("unit_id", "key", "day", "due_day", "running", "cases")
    return sorted(
        DailyFigures.objects.filter(municipality=municipality).values_list(*fields), key=repr
    ) + sorted(DailyOpen.objects.filter(municipality=municipality).values_list(*opened), key=repr)


def test_the_rollup_equals_the_live_count_after_a_random_mix_of_transitions(org, time_machine):
    rng, extender = random.Random(20261202), random.Random(20261203)
    units = [org.trees, org.lights, org.parks]
    finals = [status.code for status in kinds.get("test_request").statuses if status.is_closed]
    moment = at(2026, 3, 2, 8, 0)
    cases = []
    for _step in range(220):
        # Forward by minutes to a day: filings fall near local midnight too.
        moment += datetime.timedelta(minutes=rng.choice([7, 45, 190, 600, 1440]))
        time_machine.move_to(moment)
        roll = rng.random()
        if roll < 0.3 or not cases:
            cases.append(file(org, moment, rng.choice(units)))
        elif roll < 0.85:
            case = Case.objects.get(pk=rng.choice(cases).pk)
            declared = kinds.get(case.kind)
            by_resident = case.status == "answered" and rng.random() < 0.7
            moves = declared.transitions_from(case.status, by_resident=by_resident)
            if moves:
                move = rng.choice(moves)
                case_transition(
                    case=case,
                    transition=move.code,
                    by=None if by_resident else org.manager,
                    by_resident=by_resident,
                    note="Because.",
                )
        elif roll < 0.95:
            case = Case.objects.get(pk=rng.choice(cases).pk)
            others = [unit for unit in units if unit.pk != case.unit_id]
            case_route(case=case, unit=rng.choice(others), by=org.manager, reason="Theirs.")
        else:
            figures_refresh()
        if extender.random() < 0.08:  # its own draws: the mix above stays the same
            case = Case.objects.get(pk=extender.choice(cases).pk)
            if case.status not in finals:
                days = extender.choice([1, 3, 10])
                case_extend(case=case, days=days, by=org.manager, reason="Waiting for a survey.")
    assert Case.objects.filter(disputes__gt=0).exists()  # the mix holds every kind of change
    assert Case.objects.filter(answered_in_time=False).exists()
    assert Case.objects.filter(answer_working_days__gt=20).exists()  # past the columns
    declared = kinds.get("test_request")
    assert Case.objects.filter(status__in=finals).exists()  # some closed, some reopened
    assert Case.objects.exclude(status__in=finals).exclude(status=declared.initial).exists()
    assert figures_refresh(municipality=org.municipality) > 0
    assert not DirtyDay.objects.exists()
    same(live(org, "unit_id", moment), rolled(org, "unit_id"))
    same(live(org, TruncDate("filed_at", tzinfo=ISTANBUL), moment), rolled(org, "day"))
    # Open now, from the rollup, is the live count: per unit, per day of filing, per both.
    same_open(live(org, "unit_id", moment), open_now(org, "unit_id"))
    by_day = TruncDate("filed_at", tzinfo=ISTANBUL)
    same_open(live(org, by_day, moment), open_now(org, "day"))
    both = {"unit": "unit_id", "day": by_day}
    same_open(live(org, both, moment), open_now(org, {"unit": "unit_id", "day": "day"}))
    # Overdue and due soon, the rollup's days before today and the live edge, are the live
    # count at any moment: the clock moves, the rollup does not need to.
    assert Case.objects.filter(extension_days__gt=0).exclude(status__in=finals).exists()
    later = [datetime.timedelta(hours=hours) for hours in (0, 1, 5, 13, 24, 50, 24 * 9, 24 * 40)]
    seen = set()
    for step in later:
        now, soon = moment + step, moment + step + datetime.timedelta(days=7)
        found = deadlines(org, now, soon)
        assert found == live_deadlines(org, now, soon), now
        seen |= {
            part for counts in found.values() for part, n in zip("od", counts, strict=True) if n
        }
    assert seen == {"o", "d"}  # some overdue, some due soon: the test counts both
    refreshed = rows_of(org.municipality)
    DailyFigures.objects.all().delete()
    figures_rebuild(municipality=org.municipality)
    assert rows_of(org.municipality) == refreshed


def test_a_case_filed_before_local_midnight_counts_on_that_local_day(org, time_machine):
    moment = at(2026, 3, 2, 23, 50)  # 20:50 UTC: still the 2nd in Istanbul
    time_machine.move_to(moment)
    file(org, moment, org.trees)
    figures_refresh()
    assert list(DailyFigures.objects.values_list("day", "filed")) == [
        (datetime.date(2026, 3, 2), 1)
    ]


def test_the_rollups_rows_carry_their_days_month_in_either_calendar(org, time_machine):
    # 20 March 2026 is 29 Esfand 1404; 21 March, Nowruz, 1 Farvardin 1405.
    for moment in (at(2026, 3, 20, 10, 0), at(2026, 3, 21, 10, 0)):
        time_machine.move_to(moment)
        file(org, moment, org.trees)
    figures_refresh()
    expected = [
        (datetime.date(2026, 3, 20), 202603, 140412),
        (datetime.date(2026, 3, 21), 202603, 140501),
    ]
    for model in (DailyFigures, DailyOpen):
        assert list(model.objects.order_by("day").values_list("day", "month", "solar_month")) == (
            expected
        )


def test_re_routing_a_case_moves_its_figures_to_the_new_unit(org, time_machine):
    moment = at(2026, 3, 2, 10, 0)
    time_machine.move_to(moment)
    case = file(org, moment, org.trees)
    figures_refresh()
    assert rolled(org, "unit_id")[org.trees.pk].received == 1
    case_route(case=case, unit=org.lights, by=org.manager, reason="Lights, not trees.")
    figures_refresh()
    assert set(rolled(org, "unit_id")) == {org.lights.pk}
    assert rolled(org, "unit_id")[org.lights.pk].received == 1


def test_a_transition_marks_its_cases_day_of_filing_dirty(org, time_machine):
    moment = at(2026, 3, 2, 10, 0)
    time_machine.move_to(moment)
    case = file(org, moment, org.trees)
    figures_refresh()
    assert not DirtyDay.objects.exists()
    time_machine.move_to(at(2026, 3, 5, 10, 0))
    case_transition(case=case, transition="start", by=org.manager)
    assert list(DirtyDay.objects.values_list("day", flat=True)) == [datetime.date(2026, 3, 2)]


def test_a_refresh_with_nothing_marked_is_one_query(org, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert figures_refresh(municipality=org.municipality) == 0


def test_the_rebuild_command_builds_the_rollup_of_every_municipality(org, time_machine):
    from django.core.management import call_command

    moment = at(2026, 3, 2, 10, 0)
    time_machine.move_to(moment)
    file(org, moment, org.trees)
    DailyFigures.objects.all().delete()
    call_command("figures_rebuild", verbosity=0)
    assert DailyFigures.objects.get().filed == 1


def test_a_closed_case_leaves_the_rollups_open_count_and_a_disputed_one_stays(org, time_machine):
    moment = at(2026, 3, 2, 10, 0)
    time_machine.move_to(moment)
    accepted, disputed = file(org, moment, org.trees), file(org, moment, org.trees)
    figures_refresh()
    assert open_now(org, "unit_id") == {org.trees.pk: 2}
    time_machine.move_to(at(2026, 3, 3, 10, 0))
    for case, verdict in ((accepted, "accept"), (disputed, "dispute")):
        case = case_transition(case=case, transition="start", by=org.manager)
        case = case_transition(case=case, transition="answer", by=org.manager, note="Done.")
        case_transition(case=case, transition=verdict, by=None, by_resident=True, note="No.")
    assert figures_refresh(municipality=org.municipality) == 1  # their day of filing
    assert open_now(org, "unit_id") == {org.trees.pk: 1}  # the disputed one, working again
    assert DailyFigures.objects.get().filed == 2
