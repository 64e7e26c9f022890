"""Mail to the teacher of a school-class booking, in the booking's language (the case's): the
receipt with the reference and the tracking link, the approval with the confirmation letter
(a PDF in the site's language), the reason of a decline, a cancellation. Sent by a background
task queued on commit (``events.tasks.class_booking_mail``)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

KINDS = ("received", "approved", "declined", "cancelled")
TRANSITION_MAILS = {"approve": "approved", "decline": "declined", "cancel": "cancelled"}


def _subject(what: str, reference: str) -> str:
    subjects = {
        "received": _("Your school-class booking %(reference)s was received"),
        "approved": _("Your school-class booking %(reference)s is confirmed"),
        "declined": _("Your school-class booking %(reference)s could not be accepted"),
        "cancelled": _("Your school-class booking %(reference)s was cancelled"),
    }
    return subjects[what] % {"reference": reference}


def class_booking_mail_send(*, case_id: int, what: str) -> bool:
    from .schools import (
        class_booking_get_for_case,
        class_booking_letter_pdf,
        class_booking_tracking_url,
    )

    if what not in KINDS:
        raise ValueError(what)
    from municipium.cases.selectors import entry_list

    booking = class_booking_get_for_case(case=case_id)
    if booking is None:
        return False
    case = booking.case
    with translation.override(case.language):
        last = entry_list(case=case, public_only=True).exclude(body="").last()
        text = booking.occurrence.event.text_in(case.language)
        context = {
            "booking": booking,
            "case": case,
            "what": what,
            "title": text.title if text else str(booking.occurrence.event),
            "municipality_name": case.municipality.name_in(case.language),
            "url": class_booking_tracking_url(case=case),
            "reason": last.body if last is not None and what != "received" else "",
        }
        subject = _subject(what, case.reference)
        body = render_to_string("events/emails/class_booking.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[booking.teacher_email],
    )
    if what == "approved":
        message.attach(
            f"{case.reference}.pdf", class_booking_letter_pdf(booking=booking), "application/pdf"
        )
    message.send()
    return True


def class_booking_transition_mail(*, case, transition, entry) -> None:
    """The kind's hook on each transition (on commit, ``events.kind``)."""
    from .tasks import class_booking_mail

    what = TRANSITION_MAILS.get(transition.code)
    if what is not None:
        class_booking_mail.enqueue(case.pk, what)
