"""Mail to the resident, in the language of the request (``Case.language``), plain text and
HTML: the acknowledgement with the reference, when it was received and by when it is to be
answered (in the municipality's calendar and the request's language) and the tracking link;
the answer with the request to accept or reject it; the receipt of a rejection. Sent by a
background task queued on commit (``desk.tasks.request_mail``)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from municipium.cases.selectors import case_moment_text

from .models import CitizenRequest
from .selectors import desk_page_for_case, request_tracking_get

KINDS = ("received", "answered", "disputed")
# A transition of the citizen request (desk.kind) and the mail it sends.
TRANSITION_MAILS = {"answer": "answered", "dispute": "disputed"}


def _subject(what: str, reference: str) -> str:
    subjects = {
        "received": _("Your request %(reference)s was received"),
        "answered": _("Your request %(reference)s was answered: please tell us if it is settled"),
        "disputed": _("Your request %(reference)s is being looked at again"),
    }
    return subjects[what] % {"reference": reference}


def request_mail_send(*, case_id: int, what: str, url: str) -> bool:
    """Send the resident of case ``case_id`` the mail ``what`` (one of ``KINDS``) with the
    tracking page's absolute ``url``; False if the request has no e-mail address (any more)."""
    if what not in KINDS:
        raise ValueError(what)
    citizen_request = (
        CitizenRequest.objects.select_related("case__municipality", "case__unit", "category")
        .filter(case_id=case_id)
        .first()
    )
    if citizen_request is None or not citizen_request.email:
        return False
    case = citizen_request.case
    with translation.override(case.language):
        tracking = request_tracking_get(case=case, language=case.language, follow=False)
        context = {
            "case": case,
            "tracking": tracking,
            "url": url,
            "municipality_name": case.municipality.name_in(case.language),
            "what": what,
            # Dates in the case's language and the municipality's calendar (core.formatting).
            "filed": case_moment_text(case=case, moment=case.filed_at),
            "due": case_moment_text(case=case, moment=case.due_at) if case.due_at else "",
            "language": case.language,
            "is_rtl": translation.get_language_bidi(),
        }
        subject = _subject(what, case.reference)
        text = render_to_string(f"desk/emails/{what}.txt", context)
        html = render_to_string("desk/emails/mail.html", {**context, "subject": subject})
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[citizen_request.email],
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return True


def request_transition_mail(*, case, transition, entry) -> None:
    """The citizen request's hook on each transition (run on commit, ``desk.kind``): an
    answer, or the resident's rejection of one, is mailed to the resident."""
    from .tasks import request_mail

    what = TRANSITION_MAILS.get(transition.code)
    if what is None:
        return
    if not CitizenRequest.objects.filter(case_id=case.pk).exclude(email="").exists():
        return
    page = desk_page_for_case(case=case)
    if page is None:
        return
    request_mail.enqueue(case.pk, what, page.tracking_url(case))
