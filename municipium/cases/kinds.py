"""The registry of kinds of case.

A kind of case is declared by the app that owns it (the requests desk declares the citizen
request, culture the hall booking) and registered from that app's ``AppConfig.ready()``::

    cases.kinds.register(CaseKind(code="citizen_request", ...))

The engine reads a case's kind from here to know its statuses, which transitions lead from
each, and how its clock runs; it never imports the app that declared it. Everything a kind
adds of its own (the resident's contact details, a category, a place) lives in the kind's own
models, linked one-to-one to ``cases.Case``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class Clock(StrEnum):
    """What the clock does while a case is in a status."""

    RUNNING = "running"  # time counts towards the deadline
    PAUSED = "paused"  # waiting for someone outside the unit (a fee, the resident's answer)
    STOPPED = "stopped"  # the unit has done its part (answered, closed, rejected)


@dataclass(frozen=True)
class Status:
    code: str
    label: str
    clock: Clock = Clock.RUNNING
    is_closed: bool = False  # a final status: the case is over unless reopened


@dataclass(frozen=True)
class Transition:
    """A named move from one of ``sources`` to ``target``. ``note`` says whether the acting
    person must write something (a reason, an answer) and whether the resident sees it."""

    code: str
    label: str
    sources: frozenset[str]
    target: str
    note_required: bool = False
    public: bool = True  # its timeline entry (and note) is shown on the tracking page
    by_resident: bool = False  # taken by the resident (tracking page), not by staff
    # Gives the unit's answer: the first such move is when the case was answered, for the
    # figures (``Case.first_answered_at``, ``answer_working_days``, ``answered_in_time``).
    answers: bool = False


@dataclass(frozen=True)
class ClockRule:
    """A deadline: ``working_days`` or ``calendar_days`` after receipt (``tenancy.clock``)."""

    working_days: int | None = None
    calendar_days: int | None = None

    def __post_init__(self):
        if (self.working_days is None) == (self.calendar_days is None):
            raise ValueError("A clock rule counts working days or calendar days, not both.")


@dataclass(frozen=True)
class CaseKind:
    code: str
    label: str
    statuses: tuple[Status, ...]
    initial: str
    transitions: tuple[Transition, ...]
    clock: ClockRule
    # Called on commit after every transition of a case of this kind, with the keyword
    # arguments case, transition and entry: the kind's side effects (e-mail to the resident).
    on_transition: tuple[Callable, ...] = field(default=())
    # Statuses a case may be opened in besides ``initial`` (a request whose unit is known at
    # once is opened as routed).
    also_starts_in: frozenset[str] = field(default=frozenset())
    # For the figures' rollup (``cases.rollup``): a lookup from ``Case`` to the kind's group
    # key (an integer, such as its category's id) and to a score (an integer, such as the
    # resident's rating), both optional: the engine stores them without knowing what they are.
    figures_key: str | None = None
    figures_score: str | None = None

    def __post_init__(self):
        codes = {status.code for status in self.statuses}
        if self.initial not in codes or not self.also_starts_in <= codes:
            raise ValueError(f"{self.code}: a status it starts in is not declared.")
        for transition in self.transitions:
            unknown = (transition.sources | {transition.target}) - codes
            if unknown:
                raise ValueError(
                    f"{self.code}: transition {transition.code!r} names unknown statuses "
                    f"{sorted(unknown)}."
                )

    def status(self, code: str) -> Status:
        for status in self.statuses:
            if status.code == code:
                return status
        raise KeyError(f"{self.code} has no status {code!r}")

    def transition(self, code: str) -> Transition:
        for transition in self.transitions:
            if transition.code == code:
                return transition
        raise KeyError(f"{self.code} has no transition {code!r}")

    def transitions_from(self, status: str, *, by_resident: bool = False) -> list[Transition]:
        return [
            transition
            for transition in self.transitions
            if status in transition.sources and transition.by_resident == by_resident
        ]


_registry: dict[str, CaseKind] = {}


def register(kind: CaseKind) -> CaseKind:
    """Register ``kind`` (from its app's ``ready()``). Registering the same code twice with a
    different declaration is a mistake and raises."""
    existing = _registry.get(kind.code)
    if existing is not None and existing != kind:
        raise ValueError(f"Another kind of case is already registered as {kind.code!r}.")
    _registry[kind.code] = kind
    return kind


def unregister(code: str) -> None:
    """For tests that register a kind of their own."""
    _registry.pop(code, None)


def get(code: str) -> CaseKind:
    try:
        return _registry[code]
    except KeyError:
        raise LookupError(f"No kind of case is registered as {code!r}.") from None


def registered() -> list[CaseKind]:
    return sorted(_registry.values(), key=lambda kind: kind.code)
