"""The calendar a member of staff works in, for the duration of one admin request.

Staff type and read dates in their municipality's calendar (Solar Hijri in Bumehen). Which
calendar that is depends on the request (its host, its user), but the widgets, form fields and
template tags that need it are reached through Wagtail's machinery, far from the request. The
tenancy middleware therefore resolves it once per admin request and activates it here, in a
context variable that each thread or task sees on its own and that is reset when the request ends.
Outside an admin request the calendar is Gregorian.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .formatting import GREGORIAN

_staff_calendar: ContextVar[str] = ContextVar("municipium_staff_calendar", default=GREGORIAN)


def staff_calendar() -> str:
    """The calendar of the current staff request: ``gregorian`` or ``solar_hijri``."""
    return _staff_calendar.get()


@contextmanager
def staff_calendar_activated(calendar: str) -> Iterator[None]:
    """Work in ``calendar`` inside the ``with`` block, and in the previous one after it."""
    token = _staff_calendar.set(calendar)
    try:
        yield
    finally:
        _staff_calendar.reset(token)
