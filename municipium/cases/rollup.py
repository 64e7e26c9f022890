"""The figures' rollup: per day of filing, what ``statistics.case_figures_by`` counts over the
cases filed in a period, so that a board of twelve months reads a few thousand rows instead of
every case (docs/benchmarks/2026-12-02-desk-rollup.md).

``DailyFigures`` holds, per municipality, kind, unit, the kind's group key (``CaseKind.
figures_key``: a citizen request's category), day of filing in the municipality's time zone
(and that day's month in either calendar, ``month`` and ``solar_month``, which a board groups
by): filed, answered, answered in time, disputed, the sum and count of the kind's score
(``CaseKind.figures_score``: the resident's rating), and the histogram of working days to the
first answer, which the median and the 90th percentile come from: a column per number of days
up to 20 (``d0``…``d20``, summed by the database) and a small JSON object for the rare longer
ones. A row per unit, key and day: about 7,300 a year for twenty categories, however many
cases; a board of twelve months sums them in the database to a row per unit and month.

How it stays right: **a rebuild is the source of truth, marked days keep it fresh.** A day's
rows are a pure function of the cases filed that day, rebuilt set-based (one grouped query and
a bulk insert) by ``figures_rebuild``, with the rollup of the day's open cases
(``DailyOpen``: per day due and whether the clock runs, so that ``daily_open_by`` gives open
now and overdue before today; a change of status or deadline marks the day like any other
change). Every service that changes what a case counts for (opening, a transition, a re-route
to another unit, an extension; the kind's own services for its key and score: a new category,
a rating) calls ``figures_touch`` in its own
transaction, which marks the case's day of filing dirty (one row, ``DirtyDay``).
``figures_refresh`` rebuilds the dirty days: the readers (the board) call it before reading,
so what they show is never stale, and a periodic task (``cases.tasks.refresh_figures``)
calls it every tick so that a reader seldom finds more than a few days to rebuild.
``municipium figures_rebuild`` rebuilds everything (after a bulk import, or a change of a
municipality's time zone).

Why not counters updated by each service: a delta per transition must get every case right
for ever (a re-route moves the case's contribution, a rating changes after the close, a bug
is never repaired); a rebuild of a day is cheap (one municipality's cases of one day through
the ``(municipality, kind, filed_at)`` index), repairs itself, and keeps the services' work
to one insert. Re-routing a case moves its figures because its day is rebuilt from the cases.
Anonymisation changes nothing the rollup holds.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.db import transaction
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import TruncDate

from municipium.core import formatting

from . import kinds
from .models import DAY_COLUMNS, Case, DailyFigures, DailyOpen, DirtyDay
from .statistics import Figures

BATCH = 5000


def open_statuses(declared: kinds.CaseKind, *, running: bool = False) -> list[str]:
    """The codes of ``declared``'s statuses that are not final: its cases there are open
    (with ``running``, only those whose clock runs: its cases there can be overdue)."""
    return [
        status.code
        for status in declared.statuses
        if not status.is_closed and (not running or status.clock == kinds.Clock.RUNNING)
    ]


def _zone(municipality) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(municipality.time_zone)


def day_start(municipality, moment: datetime.datetime) -> datetime.datetime:
    """The local midnight that begins ``moment``'s day in the municipality's time zone: the
    cases due before it are overdue by the rollup's days alone (``daily_open_by``)."""
    zone = _zone(municipality)
    return datetime.datetime.combine(moment.astimezone(zone).date(), datetime.time(), tzinfo=zone)


def day_months(day: datetime.date) -> dict:
    """The rollup's month columns of ``day``: its month in each calendar."""
    return {
        "month": formatting.calendar_month(day, formatting.GREGORIAN),
        "solar_month": formatting.calendar_month(day, formatting.SOLAR_HIJRI),
    }


def month_field(municipality) -> str:
    """The rollup's column of the months in ``municipality``'s calendar, to group by."""
    return "solar_month" if municipality.calendar == formatting.SOLAR_HIJRI else "month"


def filing_day(case: Case) -> datetime.date:
    """The day ``case`` was filed on in its municipality's time zone."""
    return case.filed_at.astimezone(_zone(case.municipality)).date()


def figures_touch(*, case: Case) -> None:
    """Mark ``case``'s day of filing for a rebuild of its figures: for every service that
    changes what the case counts for, in that service's transaction. One query."""
    DirtyDay.objects.bulk_create(
        [DirtyDay(municipality_id=case.municipality_id, kind=case.kind, day=filing_day(case))],
        ignore_conflicts=True,
    )


def _day_range(day: datetime.date, zone) -> Q:
    start = datetime.datetime.combine(day, datetime.time(), tzinfo=zone)
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), tzinfo=zone)
    return Q(filed_at__gte=start, filed_at__lt=end)


def _cases_filed(municipality, declared: kinds.CaseKind, days):
    """The municipality's cases of ``declared`` filed on ``days`` (every day if None)."""
    cases = Case.objects.filter(municipality=municipality, kind=declared.code).order_by()
    if days is not None:
        ranges = Q()
        for day in days:
            ranges |= _day_range(day, _zone(municipality))
        cases = cases.filter(ranges)
    return cases


def _figures_key(declared: kinds.CaseKind):
    if declared.figures_key:
        return F(declared.figures_key)
    return Value(None, output_field=BigIntegerField())


def _rows(municipality, declared: kinds.CaseKind, days) -> list[DailyFigures]:
    zone = _zone(municipality)
    cases = _cases_filed(municipality, declared, days)
    key = _figures_key(declared)
    answered = Q(first_answered_at__isnull=False)
    scored = Q(**{f"{declared.figures_score}__isnull": False}) if declared.figures_score else None
    score = (
        {
            "score_sum": Sum(declared.figures_score, filter=scored),
            "score_count": Count("pk", filter=scored),
        }
        if declared.figures_score
        else {}
    )
    grouped = cases.values(
        "unit_id",
        "answer_working_days",
        figures_key=key,
        figures_day=TruncDate("filed_at", tzinfo=zone),
    ).annotate(
        filed=Count("pk"),
        answered=Count("pk", filter=answered),
        answered_in_time=Count("pk", filter=answered & Q(answered_in_time=True)),
        disputed=Count("pk", filter=answered & Q(disputes__gt=0)),
        **score,
    )
    rows: dict = {}
    for row in grouped:
        key = (row["unit_id"], row["figures_key"], row["figures_day"])
        found = rows.get(key)
        if found is None:
            found = rows[key] = DailyFigures(
                municipality_id=municipality.pk,
                kind=declared.code,
                unit_id=row["unit_id"],
                key=row["figures_key"],
                day=row["figures_day"],
                **day_months(row["figures_day"]),
                days_over={},
            )
        found.filed += row["filed"]
        found.answered += row["answered"]
        found.answered_in_time += row["answered_in_time"]
        found.disputed += row["disputed"]
        found.score_sum += row.get("score_sum") or 0
        found.score_count += row.get("score_count") or 0
        days = row["answer_working_days"]
        if row["answered"] and days < DAY_COLUMNS:
            setattr(found, f"d{days}", row["answered"])
        elif row["answered"]:
            found.days_over[str(days)] = row["answered"]
            found.answered_over += row["answered"]
    return list(rows.values())


def _open_rows(municipality, declared: kinds.CaseKind, days) -> list[DailyOpen]:
    """The open cases filed on ``days`` counted per unit, key, day of filing, day due and
    whether their clock runs: one grouped query."""
    zone = _zone(municipality)
    running = Q(status__in=open_statuses(declared, running=True))
    grouped = (
        _cases_filed(municipality, declared, days)
        .filter(status__in=open_statuses(declared))
        .values(
            "unit_id",
            figures_key=_figures_key(declared),
            figures_day=TruncDate("filed_at", tzinfo=zone),
            figures_due_day=TruncDate("due_at", tzinfo=zone),
            figures_running=ExpressionWrapper(running, output_field=BooleanField()),
        )
        .annotate(open_cases=Count("pk"))
    )
    return [
        DailyOpen(
            municipality_id=municipality.pk,
            kind=declared.code,
            unit_id=row["unit_id"],
            key=row["figures_key"],
            day=row["figures_day"],
            **day_months(row["figures_day"]),
            due_day=row["figures_due_day"],
            running=bool(row["figures_running"]),
            cases=row["open_cases"],
        )
        for row in grouped
    ]


@transaction.atomic
def figures_rebuild(*, municipality, kind: str | None = None, days=None) -> int:
    """Build the rollup of ``municipality`` again from its cases: of one ``kind`` (default:
    every registered kind), for ``days`` (dates in its time zone; default: every day). Two
    queries and a bulk insert per kind and table (``DailyFigures``, ``DailyOpen``). The
    number of ``DailyFigures`` rows written."""
    declared_kinds = [kinds.get(kind)] if kind else kinds.registered()
    written = 0
    for declared in declared_kinds:
        if days is not None:
            days = sorted(set(days))
            if not days:
                continue
        for model in (DailyFigures, DailyOpen):
            stale = model.objects.filter(municipality=municipality, kind=declared.code)
            if days is not None:
                stale = stale.filter(day__in=days)
            stale.delete()
        rows = _rows(municipality, declared, days)
        DailyFigures.objects.bulk_create(rows, batch_size=BATCH)
        DailyOpen.objects.bulk_create(_open_rows(municipality, declared, days), batch_size=BATCH)
        written += len(rows)
    return written


def figures_refresh(*, municipality=None) -> int:
    """Rebuild the days marked dirty (of ``municipality``, or of every one): for readers
    before they read, and the periodic task. One query when nothing is marked; else, per
    municipality and kind marked, one transaction that takes the marks and rebuilds their
    days. The number of days rebuilt."""
    marks = DirtyDay.objects.all()
    if municipality is not None:
        marks = marks.filter(municipality=municipality)
    found: dict = {}
    for mark in marks.select_related("municipality"):
        found.setdefault((mark.municipality, mark.kind), set()).add(mark.day)
    rebuilt = 0
    for (owner, kind), days in found.items():
        with transaction.atomic():
            # The marks are deleted before the cases are read: a service that marks one of
            # these days again while the rebuild runs leaves its mark for the next refresh.
            DirtyDay.objects.filter(municipality=owner, kind=kind, day__in=days).delete()
            try:
                figures_rebuild(municipality=owner, kind=kind, days=days)
            except LookupError:  # a kind no longer registered: nothing to count it with
                continue
        rebuilt += len(days)
    return rebuilt


def daily_figures_by(
    rows, *, group, since: datetime.date, until: datetime.date | None = None
) -> dict:
    """``{group value: Figures}`` from the rollup's ``rows`` (a ``DailyFigures`` queryset,
    already scoped to what the user may see, one kind) filed from ``since`` (a day, included)
    to ``until`` (excluded): counts, the histogram of working days and the score as
    ``extra["score_sum"]``/``["score_count"]``. ``group`` as in ``case_figures_by``, over the
    rollup's fields (``"unit_id"``, ``"key"``, an expression of ``"day"``). Two queries whatever
    the number of cases: the sums per group, and the rare rows with answers after more than
    20 working days (their JSON histograms, added here)."""
    scoped = rows.filter(day__gte=since).order_by()
    if until is not None:
        scoped = scoped.filter(day__lt=until)
    several = isinstance(group, dict)
    parts = group if several else {"figures_group": group}
    groups = {
        f"figures_{name}": F(value) if isinstance(value, str) else value
        for name, value in parts.items()
    }
    columns = ["answered_in_time", "disputed", "score_sum", "score_count"]
    columns += [f"d{days}" for days in range(DAY_COLUMNS)]
    counted = scoped.values(**groups).annotate(
        received=Sum("filed"),
        answered=Sum("answered"),
        **{f"sum_{name}": Sum(name) for name in columns},
    )
    figures: dict = {}

    def key(row):
        values = tuple(row[name] for name in groups)
        return values if several else values[0]

    for row in counted:
        found = figures[key(row)] = Figures(
            received=row["received"] or 0,
            answered=row["answered"] or 0,
            answered_in_time=row["sum_answered_in_time"] or 0,
            disputed=row["sum_disputed"] or 0,
            extra={
                "score_sum": row["sum_score_sum"] or 0,
                "score_count": row["sum_score_count"] or 0,
            },
        )
        for days in range(DAY_COLUMNS):
            if row[f"sum_d{days}"]:
                found.days[days] = row[f"sum_d{days}"]
    longer = scoped.filter(answered_over__gt=0).values("days_over", **groups)
    for row in longer:
        found = figures[key(row)]
        for days, cases in row["days_over"].items():
            found.days[int(days)] += cases
    return figures


def daily_open_by(rows, *, group, today: datetime.date | None = None) -> dict:
    """``{group value: Figures(open=…, overdue=…)}``: how many cases are open now, from the
    rollup's ``rows`` (a ``DailyOpen`` queryset, already scoped to what the user may see, one
    kind) of every day of filing, however long ago (an open case filed two years ago counts
    for its unit), and, given ``today`` (a day in the municipality's time zone), how many of
    them have a running clock and were due before today: overdue whatever the time of day.
    The cases due today are for a live count (``statistics.case_due_figures_by`` from
    ``day_start``). ``group`` as in ``daily_figures_by`` (an expression of ``"day"`` that gives
    None for a day outside its months groups those under None). One query, whatever the
    number of cases."""
    several = isinstance(group, dict)
    parts = group if several else {"figures_group": group}
    groups = {
        f"figures_{name}": F(value) if isinstance(value, str) else value
        for name, value in parts.items()
    }
    late = (
        {"late": Sum("cases", filter=Q(running=True, due_day__lt=today))}
        if today is not None
        else {}
    )
    counted = rows.order_by().values(**groups).annotate(open_now=Sum("cases"), **late)
    figures: dict = {}
    for row in counted:
        values = tuple(row[name] for name in groups)
        figures[values if several else values[0]] = Figures(
            open=row["open_now"] or 0, overdue=row.get("late") or 0
        )
    return figures
