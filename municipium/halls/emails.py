"""Mail to the requester at every step, in the booking's language (``Case.language``): sent by
a background task queued on commit (``halls.tasks.booking_mail``), with the tracking link."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

# What each transition of the hall booking (``halls.kind``) tells the requester.
TRANSITION_MAILS = {
    "approve": "approved",
    "decline": "declined",
    "wait": "waiting",
    "offer": "offered",
    "accept_offer": "approved",
    "lapse": "lapsed",
    "cancel": "cancelled",
    "withdraw": "cancelled",
}
KINDS = ("received", "waiting", "approved", "declined", "offered", "lapsed", "cancelled")


def _subject(what: str, reference: str) -> str:
    subjects = {
        "received": _("Your hall request %(reference)s was received"),
        "waiting": _("Your hall request %(reference)s is on the waiting list"),
        "approved": _("Your hall booking %(reference)s is approved"),
        "declined": _("Your hall request %(reference)s was declined"),
        "offered": _("The slot you waited for is free: booking %(reference)s"),
        "lapsed": _("The offer of booking %(reference)s has lapsed"),
        "cancelled": _("Your hall booking %(reference)s is cancelled"),
    }
    return subjects[what] % {"reference": reference}


def booking_mail_send(*, case_id: int, what: str) -> bool:
    """Send the requester of the booking of case ``case_id`` the mail ``what`` (one of
    ``KINDS``); False if there is no such booking."""
    from .selectors import booking_tracking_url, hall_booking_get_by_case

    if what not in KINDS:
        raise ValueError(what)
    booking = hall_booking_get_by_case(case_id=case_id)
    if booking is None or not booking.email:
        return False
    case = booking.case
    with translation.override(case.language):
        note = case.entries.filter(is_public=True).exclude(body="").order_by("-created_at").first()
        context = {
            "booking": booking,
            "case": case,
            "hall_name": booking.hall.name_in(case.language),
            "municipality_name": case.municipality.name_in(case.language),
            "url": booking_tracking_url(booking=booking),
            "what": what,
            "note": note.body if note and what in ("declined", "waiting", "cancelled") else "",
            "time_zone": case.municipality.time_zone,
        }
        subject = _subject(what, case.reference)
        body = render_to_string("halls/emails/booking.txt", context)
    EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[booking.email]
    ).send()
    return True


def booking_transition_mail(*, case, transition, entry) -> None:
    """The hall booking's hook on each transition (run on commit, ``halls.kind``)."""
    from .tasks import booking_mail

    what = TRANSITION_MAILS.get(transition.code)
    if what is not None:
        booking_mail.enqueue(case.pk, what)
