"""The school-class booking as a kind of case (registered with the engine in
``EventsConfig.ready``).

Its life: a teacher asks for a session (``requested``); the organising unit answers within
``ANSWER_WORKING_DAYS`` working days of the municipality's clock, approving it (against the
session's places and the class's day, ``events.schools``) or declining it with the reason; an
approved class is marked ``held`` once it came, or the booking is ``cancelled`` (by the unit,
or at the school's request) before that.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from municipium.cases.kinds import CaseKind, Clock, ClockRule, Status, Transition

from .school_mail import class_booking_transition_mail

CODE = "school_class"
ANSWER_WORKING_DAYS = 5  # the unit answers a booking within this many working days

SCHOOL_CLASS = CaseKind(
    code=CODE,
    label=_("School-class booking"),
    statuses=(
        Status("requested", pgettext_lazy("class booking status", "requested")),
        Status("approved", pgettext_lazy("class booking status", "approved"), Clock.STOPPED),
        Status("declined", pgettext_lazy("class booking status", "declined"), Clock.STOPPED,
               True),
        Status("held", pgettext_lazy("class booking status", "held"), Clock.STOPPED, True),
        Status("cancelled", pgettext_lazy("class booking status", "cancelled"), Clock.STOPPED,
               True),
    ),
    initial="requested",
    transitions=(
        Transition("approve", _("approve"), frozenset({"requested"}), "approved", answers=True),
        Transition("decline", _("decline"), frozenset({"requested"}), "declined",
                   note_required=True, answers=True),
        Transition("hold", _("mark as held"), frozenset({"approved"}), "held"),
        Transition("cancel", _("cancel"), frozenset({"requested", "approved"}), "cancelled"),
    ),
    clock=ClockRule(working_days=ANSWER_WORKING_DAYS),
    on_transition=(class_booking_transition_mail,),
)  # fmt: skip
