"""Figures of a kind of case, computed in the database for any set of cases (a municipality's,
a unit's, a month's), the same on SQLite and PostgreSQL.

What is counted:

- ``open``: cases in a status that is not final; ``overdue``: of those, the ones whose clock
  runs and whose deadline has passed; ``due_soon``: whose clock runs and whose deadline falls
  between now and ``soon``. These are the state now, whenever the case was filed.
- Over the cases filed in the period (``since`` on): ``received``; ``answered`` (answered at
  least once: ``Case.first_answered_at``, set by ``case_transition`` on the kind's first
  ``answers`` transition); ``answered_in_time`` (that first answer by the deadline then in
  force); ``disputed`` (answered cases whose answer the resident rejected at least once:
  ``Case.disputes``), so the reopen rate is ``disputed / answered``.
- The time to answer is counted in the municipality's working days from receipt to the first
  answer (``Case.answer_working_days``, by ``tenancy.clock``: the unit a deadline is set in).
  Its median and 90th percentile are nearest-rank percentiles (the value at rank ⌈p·n⌉ of the
  answered cases in order), computed from a histogram that the database counts per group and
  number of days: a few hundred rows at most, whatever the number of cases, and no percentile
  function (PostgreSQL has one, SQLite none).

``extra`` takes further aggregates from the kind's app (a citizen request's rating), so the
engine never imports a kind.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet

from . import kinds


def percentile(histogram: Counter | dict, share: float) -> int | None:
    """The nearest-rank percentile (``share`` 0.5 for the median) of the values that
    ``histogram`` counts ({value: how many}); None if it counts none."""
    total = sum(histogram.values())
    if not total:
        return None
    rank = max(math.ceil(share * total), 1)
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return None  # pragma: no cover: rank <= total


@dataclass
class Figures:
    received: int = 0
    open: int = 0
    overdue: int = 0
    due_soon: int = 0
    answered: int = 0
    answered_in_time: int = 0
    disputed: int = 0
    days: Counter = field(default_factory=Counter)  # working days to answer: how many cases
    extra: dict = field(default_factory=dict)

    COUNTS = (
        "received",
        "open",
        "overdue",
        "due_soon",
        "answered",
        "answered_in_time",
        "disputed",
    )

    @property
    def in_time_percent(self) -> float | None:
        return 100 * self.answered_in_time / self.answered if self.answered else None

    @property
    def reopen_percent(self) -> float | None:
        return 100 * self.disputed / self.answered if self.answered else None

    @property
    def median_days(self) -> int | None:
        return percentile(self.days, 0.5)

    @property
    def p90_days(self) -> int | None:
        return percentile(self.days, 0.9)

    def add(self, other: Figures) -> None:
        """Add ``other``'s counts (for a total over groups); ``extra`` values are summed.
        Written out: the board adds a few thousand of them."""
        self.received += other.received
        self.open += other.open
        self.overdue += other.overdue
        self.due_soon += other.due_soon
        self.answered += other.answered
        self.answered_in_time += other.answered_in_time
        self.disputed += other.disputed
        if other.days:
            self.days.update(other.days)
        for key, value in other.extra.items():
            self.extra[key] = (self.extra.get(key) or 0) + (value or 0)


def _status_filter(kind: kinds.CaseKind, *, running: bool) -> Q:
    codes = [
        status.code
        for status in kind.statuses
        if not status.is_closed and (not running or status.clock == kinds.Clock.RUNNING)
    ]
    return Q(status__in=codes)


def case_figures_by(
    cases: QuerySet,
    *,
    kind: str,
    group,
    now: datetime.datetime,
    soon: datetime.datetime,
    since: datetime.datetime,
    extra: dict | None = None,
) -> dict:
    """``{group value: Figures}`` for the cases of ``kind`` in ``cases`` (already scoped to
    what the user may see), grouped by ``group``: a field name (``"unit_id"``), an expression,
    or a dict of several ``{name: field name or expression}``, whose keys are then tuples in
    the dict's order (``figures_split`` sums them back per part). Two queries."""
    declared = kinds.get(kind)
    is_open = _status_filter(declared, running=False)
    running = _status_filter(declared, running=True)
    in_period = Q(filed_at__gte=since)
    answered = in_period & Q(first_answered_at__isnull=False)
    scoped = cases.filter(kind=kind).order_by()
    several = isinstance(group, dict)
    parts = group if several else {"figures_group": group}
    groups = {
        f"figures_{name}": F(value) if isinstance(value, str) else value
        for name, value in parts.items()
    }

    def key(row):
        values = tuple(row.pop(name) for name in groups)
        return values if several else values[0]

    rows = (
        scoped.filter(in_period | is_open)
        .values(**groups)
        .annotate(
            received=Count("pk", filter=in_period),
            open=Count("pk", filter=is_open),
            overdue=Count("pk", filter=running & Q(due_at__lt=now)),
            due_soon=Count("pk", filter=running & Q(due_at__gte=now, due_at__lt=soon)),
            answered=Count("pk", filter=answered),
            answered_in_time=Count("pk", filter=answered & Q(answered_in_time=True)),
            disputed=Count("pk", filter=answered & Q(disputes__gt=0)),
            **(extra or {}),
        )
    )
    figures = {}
    for row in rows:
        found = key(row)
        counts = {name: row.pop(name) for name in Figures.COUNTS}
        figures[found] = Figures(**counts, extra=row)
    histogram = (
        scoped.filter(answered).values("answer_working_days", **groups).annotate(cases=Count("pk"))
    )
    for row in histogram:
        days, cases_counted = row.pop("answer_working_days"), row.pop("cases")
        figures.setdefault(key(row), Figures()).days[days] += cases_counted
    return figures


def case_due_figures_by(
    cases: QuerySet,
    *,
    kind: str,
    group,
    now: datetime.datetime,
    soon: datetime.datetime,
    since: datetime.datetime,
) -> dict:
    """``{group value: Figures}`` of the deadlines between ``since`` and ``soon``: ``overdue``
    (due before ``now``) and ``due_soon`` of the cases whose clock runs (the rest zero). The
    board gives ``since`` = the start of today: what was due before comes from the rollup
    (``rollup.daily_open_by``), so only the cases due today and in the next days are read,
    a range of ``due_at`` per running status through the ``(municipality, status, due_at)``
    index, whatever the number of cases long overdue. ``cases`` must be filtered by
    municipality (and by nothing else when the user sees every unit, or the planner leaves
    the range); ``group`` as in ``case_figures_by`` (its fields are read from the rows found,
    which are few). One query."""
    declared = kinds.get(kind)
    running = _status_filter(declared, running=True)
    several = isinstance(group, dict)
    parts = group if several else {"figures_group": group}
    groups = {
        f"figures_{name}": F(value) if isinstance(value, str) else value
        for name, value in parts.items()
    }
    rows = (
        cases.filter(running, kind=kind, due_at__gte=since, due_at__lt=soon)
        .order_by()
        .values(**groups)
        .annotate(
            overdue=Count("pk", filter=Q(due_at__lt=now)),
            due_soon=Count("pk", filter=Q(due_at__gte=now)),
        )
    )
    figures = {}
    for row in rows:
        values = tuple(row[name] for name in groups)
        figures[values if several else values[0]] = Figures(
            overdue=row["overdue"], due_soon=row["due_soon"]
        )
    return figures


def figures_merge(*parts: dict) -> dict:
    """The figures of several dicts keyed alike (the rollup's and the live state's), added."""
    merged: dict = {}
    for part in parts:
        for key, found in part.items():
            merged.setdefault(key, Figures()).add(found)
    return merged


def figures_split(figures: dict, index: int) -> dict:
    """From figures keyed by tuples, the sums per value of the tuple's ``index``-th part."""
    totals = {}
    for key, found in figures.items():
        totals.setdefault(key[index], Figures()).add(found)
    return totals


def figures_total(groups: dict) -> Figures:
    total = Figures()
    for figures in groups.values():
        total.add(figures)
    return total
