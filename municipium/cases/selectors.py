"""Reads of cases, always for a municipality and a member of staff (or for the resident who
holds a case's reference and token).

Who sees a case: the staff of its unit and of the units above it, as
``organisation.selectors.unit_ids_for_user`` says (a clerk their unit, a manager or director
theirs and every unit below, the municipality's administrators all); the call centre and the
mayor's office see every case of their municipality; nobody sees another municipality's.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from municipium.core import formatting
from municipium.organisation.selectors import unit_kinds_of_member, unit_scope_for_user

from . import kinds
from .models import Case, DailyFigures, DailyOpen, Entry, Link

if TYPE_CHECKING:
    from municipium.tenancy.models import Municipality

# Staff of these kinds of unit (organisation.Unit.Kind) follow every case of their municipality.
WHOLE_MUNICIPALITY_UNIT_KINDS = frozenset({"call_centre", "mayors_office"})


def case_visibility(*, municipality: Municipality | None, user) -> Q | None:
    """The filter on ``Case`` of what ``user`` may see in ``municipality``: None for nothing;
    the municipality alone when they see every unit of it (no list of every unit's id, which
    would lead the planner away from the municipality's indexes)."""
    if municipality is None or user is None or not user.is_authenticated:
        return None
    in_municipality = Q(municipality=municipality)
    if user.is_superuser:
        return in_municipality
    if unit_kinds_of_member(municipality=municipality, user=user) & WHOLE_MUNICIPALITY_UNIT_KINDS:
        return in_municipality
    unit_ids, every_unit = unit_scope_for_user(municipality=municipality, user=user)
    if not unit_ids:
        return None
    if every_unit:
        return in_municipality
    return in_municipality & Q(unit_id__in=unit_ids)


def case_list_for_user(*, municipality: Municipality | None, user) -> QuerySet[Case]:
    """The cases of ``municipality`` that ``user`` may see and act on."""
    visible = case_visibility(municipality=municipality, user=user)
    if visible is None:
        return Case.objects.none()
    return Case.objects.filter(visible).select_related("unit", "owner")


def case_get_for_user(*, municipality: Municipality | None, user, pk) -> Case | None:
    return case_list_for_user(municipality=municipality, user=user).filter(pk=pk).first()


def case_may_act(*, case: Case, user) -> bool:
    """Whether ``user`` (None: the system) may act on ``case``."""
    if user is None:
        return True
    visible = case_visibility(municipality=case.municipality, user=user)
    return visible is not None and Case.objects.filter(visible, pk=case.pk).exists()


def case_get_for_resident(
    *, municipality: Municipality | None, reference: str, token: str
) -> Case | None:
    """The case a resident follows with its reference and secret token (no account): None
    unless both match, compared in constant time."""
    if municipality is None or not reference or not token:
        return None
    case = Case.objects.filter(municipality=municipality, reference=reference.strip()).first()
    if case is None or not hmac.compare_digest(case.tracking_token, token):
        return None
    return case


def entry_list(*, case: Case, public_only: bool) -> QuerySet[Entry]:
    """The case's timeline, oldest first; only what the resident may read if ``public_only``."""
    entries = case.entries.select_related("by")
    return entries.filter(is_public=True) if public_only else entries


def case_overdue_list(*, now=None) -> QuerySet[Case]:
    """Open cases whose deadline has passed and whose clock runs, across the installation
    (for the escalation task), most overdue first."""
    now = now or timezone.now()
    running = [
        (kind.code, status.code)
        for kind in kinds.registered()
        for status in kind.statuses
        if status.clock == kinds.Clock.RUNNING and not status.is_closed
    ]
    if not running:
        return Case.objects.none()
    condition = Q()
    for kind_code, status_code in running:
        condition |= Q(kind=kind_code, status=status_code)
    return (
        Case.objects.filter(condition, due_at__lt=now)
        .select_related("municipality", "unit")
        .order_by("due_at")
    )


def entry_last_public_body(*, case_field: str = "case") -> Subquery:
    """For annotating a kind's rows (``case_field`` leads to their case): the text of the
    case's latest public timeline entry that has one, e.g. the answer or the reason of a
    rejection (Open311's ``status_notes``), in one subquery for a whole list."""
    latest = (
        Entry.objects.filter(case=OuterRef(case_field), is_public=True)
        .exclude(body="")
        .order_by("-created_at", "-pk")
        .values("body")[:1]
    )
    return Subquery(latest)


def _linked(case: Case, kind: str) -> Case | None:
    link = (
        Link.objects.filter(case=case, kind=kind)
        .select_related("other", "other__municipality")
        .order_by("-created_at", "-pk")
        .first()
    )
    return link.other if link is not None else None


def case_forwarded_to(case: Case) -> Case | None:
    """The case (perhaps of another municipality) that ``case`` was forwarded to, or None:
    the resident's tracking page of ``case`` shows that one's public progress."""
    return _linked(case, Link.Kind.FORWARDED_TO)


def case_forwarded_from(case: Case) -> Case | None:
    """The case that was forwarded to become ``case``, or None."""
    link = (
        Link.objects.filter(other=case, kind=Link.Kind.FORWARDED_TO)
        .select_related("case", "case__municipality")
        .first()
    )
    return link.case if link is not None else None


def case_duplicate_of(case: Case) -> Case | None:
    """The case ``case`` duplicates (its resident follows that one), or None."""
    return _linked(case, Link.Kind.DUPLICATE_OF)


def case_due_soon_list(*, now, until) -> QuerySet[Case]:
    """Open cases whose clock runs and whose deadline falls between ``now`` and ``until``,
    across the installation (for the reminder task), soonest first."""
    running = _running_statuses()
    if running is None:
        return Case.objects.none()
    return (
        Case.objects.filter(running, due_at__gt=now, due_at__lte=until)
        .select_related("municipality", "unit", "owner")
        .order_by("due_at")
    )


def _running_statuses() -> Q | None:
    condition = None
    for kind in kinds.registered():
        for status in kind.statuses:
            if status.clock == kinds.Clock.RUNNING and not status.is_closed:
                term = Q(kind=kind.code, status=status.code)
                condition = term if condition is None else condition | term
    return condition


def case_channel_choices() -> list[tuple[str, str]]:
    """The channels a case can come by (for the filters and forms of the apps above)."""
    from .models import Channel

    return list(Channel.choices)


@dataclass(frozen=True)
class FiguresSources:
    """What the figures of a kind are counted from, scoped alike: the cases (for the state
    now), the rollup's rows of the filed cases (``DailyFigures``) and of the open ones
    (``DailyOpen``)."""

    cases: QuerySet[Case]
    filed: QuerySet[DailyFigures]
    open: QuerySet[DailyOpen]

    def for_unit(self, unit_id: int) -> FiguresSources:
        return FiguresSources(
            cases=self.cases.filter(unit_id=unit_id),
            filed=self.filed.filter(unit_id=unit_id),
            open=self.open.filter(unit_id=unit_id),
        )


def case_figures_sources_for_user(
    *, municipality: Municipality | None, user, kind: str
) -> FiguresSources:
    """What the figures of ``kind`` are counted from for ``user`` in ``municipality``: the
    cases they may see and the rollup's rows of the same cases (``cases.rollup``), filtered
    alike by municipality and unit; who may see what is read once."""
    visible = case_visibility(municipality=municipality, user=user)
    if visible is None:
        return FiguresSources(
            Case.objects.none(), DailyFigures.objects.none(), DailyOpen.objects.none()
        )
    return FiguresSources(
        cases=Case.objects.filter(visible),
        filed=DailyFigures.objects.filter(visible, kind=kind),
        open=DailyOpen.objects.filter(visible, kind=kind),
    )


def figures_sources_for_public(*, municipality: Municipality | None, kind: str) -> FiguresSources:
    """Every case and rollup row of ``kind`` in ``municipality``, for figures that show counts
    only (the public figures page, the service standards): never hand a case to a template."""
    if municipality is None:
        return FiguresSources(
            Case.objects.none(), DailyFigures.objects.none(), DailyOpen.objects.none()
        )
    return FiguresSources(
        cases=Case.objects.filter(municipality=municipality),
        filed=DailyFigures.objects.filter(municipality=municipality, kind=kind),
        open=DailyOpen.objects.filter(municipality=municipality, kind=kind),
    )


def case_list_stopped_before(*, kind: str, status: str, before) -> QuerySet[Case]:
    """Cases of ``kind`` in ``status`` whose clock stopped before ``before``, across the
    installation (for the kinds' periodic tasks, such as closing answers left without a
    verdict), oldest first."""
    return (
        Case.objects.filter(kind=kind, status=status, stopped_at__lt=before)
        .select_related("municipality", "unit")
        .order_by("stopped_at", "pk")
    )


def case_moment_text(*, case: Case, moment) -> str:
    """``moment`` (a date-time of the case: its due time, its filing) as the case's people read
    it in a mail: in the case's language, the municipality's calendar (Solar Hijri in Iran) and
    time zone, with Persian digits in Persian (``core.formatting``)."""
    municipality = case.municipality
    return formatting.format_datetime(
        moment,
        language=case.language,
        calendar=municipality.calendar,
        time_zone=municipality.time_zone,
    )
