"""What other parts may listen to when an event's dates change.

``occurrence_changed`` is sent once the transaction that changed a date has committed (never
for a change that was rolled back), with these keyword arguments:

- ``occurrence_id``, ``event_id``, ``municipality_id``: ids (the occurrence may be gone when
  ``change`` is ``"removed"``);
- ``change``: ``"cancelled"``, ``"postponed"``, ``"moved"`` (new start or end), ``"restored"``
  (back to scheduled) or ``"removed"`` (a new rule or the event's deletion took the date away);
- ``before`` and ``after``: ``{"starts_at", "ends_at", "status"}`` of the date, ISO strings in
  UTC (``after`` is None when removed);
- ``by``: the id of the acting user, or None.

The registration part connects to it to tell the people registered for the date::

    from municipium.events.signals import occurrence_changed
    occurrence_changed.connect(registrants_tell, dispatch_uid="registration.tell")

A receiver should queue its work (a django-tasks task), not send e-mail in the request.
"""

from django.dispatch import Signal

occurrence_changed = Signal()
