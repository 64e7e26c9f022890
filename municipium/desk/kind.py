"""The citizen request as a kind of case (registered with the engine in ``DeskConfig.ready``).

Its life: received (``new``, when no unit is known yet) or sent to the category's unit
(``routed``) → in progress → answered → closed when the resident accepts the answer (or says
nothing for ``CLOSE_UNANSWERED_AFTER_DAYS``); the resident may reject the answer, which
reopens it. Staff may also reject a request (with the reason), mark it a duplicate, or forward
it to another municipality of the installation; while they wait for the resident the clock is
paused.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from municipium.cases.kinds import CaseKind, Clock, ClockRule, Status, Transition

from .emails import request_transition_mail
from .models import DEFAULT_TARGET_WORKING_DAYS

CODE = "citizen_request"
CLOSE_UNANSWERED_AFTER_DAYS = 10  # working days an answer waits for the resident's verdict

WORKING = frozenset({"new", "routed", "in_progress"})

CITIZEN_REQUEST = CaseKind(
    code=CODE,
    label=_("Citizen request"),
    statuses=(
        Status("new", pgettext_lazy("request status", "received")),
        Status("routed", pgettext_lazy("request status", "sent to the unit")),
        Status("in_progress", pgettext_lazy("request status", "in progress")),
        Status("waiting", pgettext_lazy("request status", "waiting for you"), Clock.PAUSED),
        Status("answered", pgettext_lazy("request status", "answered"), Clock.STOPPED),
        Status("closed", pgettext_lazy("request status", "closed"), Clock.STOPPED, True),
        Status("rejected", pgettext_lazy("request status", "rejected"), Clock.STOPPED, True),
        Status("duplicate", pgettext_lazy("request status", "duplicate"), Clock.STOPPED, True),
        Status("forwarded", pgettext_lazy("request status", "forwarded"), Clock.STOPPED, True),
    ),
    initial="new",
    also_starts_in=frozenset({"routed"}),
    transitions=(
        Transition("route", _("send to the unit"), frozenset({"new"}), "routed"),
        Transition("start", _("start work"), frozenset({"new", "routed"}), "in_progress"),
        Transition(
            "wait", _("ask the resident"), frozenset({"in_progress"}), "waiting",
            note_required=True,
        ),
        Transition("resume", _("resume work"), frozenset({"waiting"}), "in_progress"),
        Transition("answer", _("answer"), WORKING, "answered", note_required=True,
                   answers=True),
        Transition("accept", _("accept the answer"), frozenset({"answered"}), "closed",
                   by_resident=True),
        Transition(
            "dispute", _("reject the answer"), frozenset({"answered"}), "in_progress",
            note_required=True, by_resident=True,
        ),
        Transition("close", _("close without a verdict"), frozenset({"answered"}), "closed"),
        Transition("reject", _("reject"), WORKING, "rejected", note_required=True),
        Transition("mark_duplicate", _("mark as a duplicate"), WORKING, "duplicate"),
        Transition("forward", _("forward to another municipality"), frozenset({"new", "routed"}),
                   "forwarded", note_required=True),
        Transition("reopen", _("reopen"), frozenset({"closed", "rejected"}), "in_progress",
                   note_required=True),
    ),
    clock=ClockRule(working_days=DEFAULT_TARGET_WORKING_DAYS),
    on_transition=(request_transition_mail,),
    figures_key="citizen_request__category_id",
    figures_score="citizen_request__rating",
)  # fmt: skip
