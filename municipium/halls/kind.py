"""The hall booking as a kind of case (registered with the engine in ``HallsConfig.ready``).

Its life: requested → approved (the hall is blocked), declined (with the reason), or put on the
waiting list of the slot it asked for (``waiting``; the slot was taken). When an approved booking
is cancelled its slot is offered to the first request waiting for an overlapping slot
(``offered``); the requester accepts it within the hall's ``offer_days`` (→ approved) or it
lapses and passes on (→ cancelled). The unit answers within the hall's working days (the clock
runs while ``requested``; the engine escalates an overdue request).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from municipium.cases.kinds import CaseKind, Clock, ClockRule, Status, Transition

from .emails import booking_transition_mail

CODE = "hall_booking"
OPEN = frozenset({"requested", "approved", "waiting", "offered"})

HALL_BOOKING = CaseKind(
    code=CODE,
    label=_("Hall booking"),
    statuses=(
        Status("requested", pgettext_lazy("hall booking", "requested")),
        Status("approved", pgettext_lazy("hall booking", "approved"), Clock.STOPPED),
        Status("declined", pgettext_lazy("hall booking", "declined"), Clock.STOPPED, True),
        Status("waiting", pgettext_lazy("hall booking", "on the waiting list"), Clock.STOPPED),
        Status("offered", pgettext_lazy("hall booking", "offered to you"), Clock.STOPPED),
        Status("cancelled", pgettext_lazy("hall booking", "cancelled"), Clock.STOPPED, True),
    ),
    initial="requested",
    also_starts_in=frozenset({"waiting"}),
    transitions=(
        Transition("approve", _("approve"), frozenset({"requested"}), "approved", answers=True),
        Transition("decline", _("decline"), frozenset({"requested"}), "declined",
                   note_required=True, answers=True),
        Transition("wait", _("decline and put on the waiting list"), frozenset({"requested"}),
                   "waiting", note_required=True, answers=True),
        Transition("offer", _("offer the freed slot"), frozenset({"waiting"}), "offered"),
        Transition("accept_offer", _("accept the offered slot"), frozenset({"offered"}),
                   "approved", by_resident=True),
        Transition("lapse", _("let the offer lapse"), frozenset({"offered"}), "cancelled"),
        Transition("cancel", _("cancel"), OPEN, "cancelled", note_required=True),
        Transition("withdraw", _("withdraw the request"), OPEN, "cancelled", by_resident=True),
    ),
    clock=ClockRule(working_days=5),
    on_transition=(booking_transition_mail,),
)  # fmt: skip
