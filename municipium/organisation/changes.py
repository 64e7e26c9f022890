"""Who follows changes of the organisation. Apps that show units and people elsewhere (the
directory's pages and, through them, the site's search) register a listener in their
``AppConfig.ready()``; the organisation sits below them and names none of them.

The services (``organisation.services``) call ``organisation_changed`` with the units whose
names or people changed; each listener runs once the transaction commits, with those units
and every unit above them (a directorate's page shows the people of its sections), so that a
refused change tells nobody anything."""

from collections.abc import Callable, Iterable

from django.db import transaction

from .models import Unit

Listener = Callable[..., None]  # listener(*, municipality_id: int, unit_ids: frozenset[int])
_listeners: list[Listener] = []


def register(listener: Listener) -> None:
    """Add ``listener``, once however often its app is made ready."""
    if listener not in _listeners:
        _listeners.append(listener)


def _with_units_above(*, municipality_id: int, unit_ids: Iterable[int]) -> frozenset[int]:
    parents = dict(
        Unit.objects.filter(municipality_id=municipality_id).values_list("pk", "parent_id")
    )
    found: set[int] = set()
    for pk in unit_ids:
        while pk is not None and pk not in found:
            found.add(pk)
            pk = parents.get(pk)
    return frozenset(found)


def organisation_changed(*, municipality_id: int, unit_ids: Iterable[int]) -> None:
    """Tell the listeners, once committed, that the people or names of ``unit_ids`` changed."""
    unit_ids = [pk for pk in unit_ids if pk is not None]
    if not unit_ids or not _listeners:
        return
    units = _with_units_above(municipality_id=municipality_id, unit_ids=unit_ids)

    def tell():
        for listener in _listeners:
            listener(municipality_id=municipality_id, unit_ids=units)

    transaction.on_commit(tell)
