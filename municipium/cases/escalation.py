"""Overdue cases go up: first to the managers of their unit (or of the nearest unit above
that has one), then, still overdue ``MAYORS_OFFICE_AFTER_DAYS`` working days later, to the
mayor's office. Each step is on the case's timeline, in the audit log and in the recipients'
mail, once (the task is safe to run twice)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from municipium.organisation.selectors import unit_list_of_kind, unit_member_ids
from municipium.tenancy import clock

from .selectors import case_moment_text, case_overdue_list
from .services import case_escalate

MANAGER_ROLES = ("manager", "director")
MAYORS_OFFICE_AFTER_DAYS = 2


def _managers(unit) -> set[int]:
    while unit is not None:
        found = unit_member_ids(unit_ids=[unit.pk], roles=MANAGER_ROLES)
        if found:
            return found
        unit = unit.parent
    return set()


def _mayors_office(municipality) -> set[int]:
    units = unit_list_of_kind(municipality=municipality, kind="mayors_office")
    return unit_member_ids(unit_ids=units.values_list("pk", flat=True))


def escalation_level_due(case, *, now) -> int:
    """The level an overdue case should be at now: 1 once overdue, 2 once overdue for
    ``MAYORS_OFFICE_AFTER_DAYS`` working days."""
    late = clock.working_days_between(case.municipality, case.due_at, now)
    return 2 if late >= MAYORS_OFFICE_AFTER_DAYS else 1


def _mail(case, level: int, recipients: set[int], *, disputed: bool = False) -> None:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(pk__in=recipients).exclude(email="")
    for user in users:
        with translation.override(case.language):
            subject = _("Overdue: %(reference)s %(title)s") % {
                "reference": case.reference,
                "title": case.title,
            }
            body = (
                _(
                    "The resident rejected the answer to the case %(reference)s, which was due "
                    "on %(due)s. It is open again and has been escalated to you (level "
                    "%(level)s)."
                )
                if disputed
                else _(
                    "The case %(reference)s was due on %(due)s and has not been answered. "
                    "It has been escalated to you (level %(level)s)."
                )
            ) % {
                "reference": case.reference,
                "due": case_moment_text(case=case, moment=case.due_at),
                "level": level,
            }
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def cases_escalate_overdue(*, now=None) -> int:
    """Escalate every overdue case that is not yet at its level; the number escalated."""
    now = now or timezone.now()
    count = 0
    for case in case_overdue_list(now=now):
        level = escalation_level_due(case, now=now)
        if level <= case.escalation_level:
            continue
        recipients = _managers(case.unit) if level == 1 else _mayors_office(case.municipality)
        with transaction.atomic():
            escalated = case_escalate(case=case, recipients=sorted(recipients), level=level)
            transaction.on_commit(
                lambda escalated=escalated, level=level, recipients=recipients: _mail(
                    escalated, level, recipients
                )
            )
        count += 1
    return count


def case_escalate_one_level(*, case):
    """Raise ``case`` one level now, whatever its deadline (its resident rejected the answer):
    to its unit's managers, or to the mayor's office if they already had it; on the timeline,
    in the audit log and in the recipients' mail, as an overdue case's escalation."""
    level = min(case.escalation_level + 1, 2)
    if level <= case.escalation_level:
        return case
    recipients = _managers(case.unit) if level == 1 else _mayors_office(case.municipality)
    escalated = case_escalate(case=case, recipients=sorted(recipients), level=level)
    transaction.on_commit(lambda: _mail(escalated, level, recipients, disputed=True))
    return escalated
