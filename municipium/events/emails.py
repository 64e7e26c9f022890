"""Mail to a registrant, in the language they registered in (``EventRegistration.language``),
plain text and HTML: the confirmation with the door code and the link to their own page (where
they may cancel), the place on the waiting list, the move up from it, the cancellation, and a
date cancelled or moved. Sent by ``events.tasks.registration_mail``, queued on commit."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from municipium.core import formatting

from .models import EventRegistration

KINDS = ("confirmed", "waiting", "moved_up", "cancelled", "date_cancelled", "date_moved")


def _subject(what: str, title: str) -> str:
    subjects = {
        "confirmed": _("Your place at %(title)s"),
        "waiting": _("You are on the waiting list for %(title)s"),
        "moved_up": _("A place freed up for you at %(title)s"),
        "cancelled": _("Your registration for %(title)s is cancelled"),
        "date_cancelled": _("%(title)s: the date you registered for is cancelled"),
        "date_moved": _("%(title)s: the date you registered for has changed"),
    }
    return subjects[what] % {"title": title}


def registration_mail_send(*, registration_id: int, what: str, url: str) -> bool:
    """Send registration ``registration_id`` the mail ``what`` (one of ``KINDS``), with the
    absolute ``url`` of their page if known; False without an e-mail address (any more)."""
    if what not in KINDS:
        raise ValueError(what)
    from .registration import waiting_rank

    registration = (
        EventRegistration.objects.select_related("event__municipality", "occurrence")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or not registration.email:
        return False
    event = registration.event
    language = registration.language
    with translation.override(language):
        text_row = event.text_in(language)
        title = text_row.title if text_row else str(event.pk)
        context = {
            "registration": registration,
            "event": event,
            "title": title,
            "when": formatting.format_datetime(
                (registration.occurrence or event).starts_at,
                language=language,
                calendar=event.municipality.calendar,
                time_zone=event.time_zone,
                style="long",
            ),
            "rank": waiting_rank(registration),
            "url": url,
            "municipality_name": event.municipality.name_in(language),
            "what": what,
            "language": language,
            "is_rtl": translation.get_language_bidi(),
        }
        subject = _subject(what, title)
        text = render_to_string("events/emails/registration.txt", context)
        html = render_to_string("events/emails/registration.html", {**context, "subject": subject})
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[registration.email]
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return True
