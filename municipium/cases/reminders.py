"""Reminders before a deadline: ``REMINDER_WORKING_DAYS`` working days before a case is due
(setting ``MUNICIPIUM_CASE_REMINDER_DAYS``), its owner, or every member of its unit when
nobody owns it, gets an e-mail, once per deadline (``case_remind`` remembers it on the
timeline, so the task is safe to run twice)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from municipium.organisation.selectors import unit_member_ids
from municipium.tenancy import clock

from .selectors import case_due_soon_list, case_moment_text
from .services import case_remind

DEFAULT_REMINDER_WORKING_DAYS = 2


def reminder_working_days() -> int:
    return getattr(settings, "MUNICIPIUM_CASE_REMINDER_DAYS", DEFAULT_REMINDER_WORKING_DAYS)


def _recipients(case) -> set[int]:
    if case.owner_id is not None:
        return {case.owner_id}
    return unit_member_ids(unit_ids=[case.unit_id])


def _mail(case, recipients: set[int]) -> None:
    users = get_user_model().objects.filter(pk__in=recipients).exclude(email="")
    for user in users:
        with translation.override(case.language):
            subject = _("Due soon: %(reference)s %(title)s") % {
                "reference": case.reference,
                "title": case.title,
            }
            body = _("The case %(reference)s is due on %(due)s.") % {
                "reference": case.reference,
                "due": case_moment_text(case=case, moment=case.due_at),
            }
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def cases_remind_due_soon(*, now=None, working_days: int | None = None) -> int:
    """Remind the people of every case due within ``working_days`` working days that has not
    had this deadline's reminder; the number reminded."""
    now = now or timezone.now()
    days = reminder_working_days() if working_days is None else working_days
    # Working days are never fewer than calendar days: a wide window, narrowed by the clock.
    until = now + datetime.timedelta(days=days * 3 + 14)
    count = 0
    for case in case_due_soon_list(now=now, until=until):
        if clock.working_days_between(case.municipality, now, case.due_at) > days:
            continue
        recipients = _recipients(case)
        with transaction.atomic():
            entry = case_remind(case=case, recipients=sorted(recipients))
            if entry is None:
                continue
            transaction.on_commit(lambda case=case, recipients=recipients: _mail(case, recipients))
        count += 1
    return count
