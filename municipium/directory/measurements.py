"""Measured times beside the promised ones in the service standards tables.

The directory does not know who measures: an app that does (the requests desk, whose
categories may map to a service standard) registers a provider from its ``AppConfig.ready``::

    directory.measurements.register(provider)

A provider is called as ``provider(municipality=..., standard_ids=[...])`` and returns
``{service standard id: median working days}`` for the rows it measured (over the last twelve
months); the directory imports no app that measures.
"""

from __future__ import annotations

from django.utils.translation import ngettext

_providers: list = []


def register(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def unregister(provider) -> None:
    """For tests."""
    if provider in _providers:
        _providers.remove(provider)


def measured_median_days(*, municipality, standard_ids) -> dict[int, int]:
    """``{service standard id: median working days}`` from every provider, for the rows of
    ``standard_ids`` that one of them measured."""
    found: dict[int, int] = {}
    if municipality is None or not standard_ids:
        return found
    for provider in _providers:
        found.update(provider(municipality=municipality, standard_ids=list(standard_ids)))
    return found


def measured_text(days: int) -> str:
    return ngettext(
        "measured median: %(days)s working day (last 12 months)",
        "measured median: %(days)s working days (last 12 months)",
        days,
    ) % {"days": days}
