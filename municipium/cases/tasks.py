from django_tasks import task

from .escalation import cases_escalate_overdue
from .reminders import cases_remind_due_soon


@task()
def escalate_overdue() -> int:
    """Escalate overdue cases (periodic; safe to run twice)."""
    return cases_escalate_overdue()


@task()
def remind_due_soon() -> int:
    """Remind owners of cases due soon (periodic; safe to run twice)."""
    return cases_remind_due_soon()


@task()
def refresh_figures() -> int:
    """Rebuild the figures' rollup for the days marked dirty (periodic; safe to run twice)."""
    from .rollup import figures_refresh

    return figures_refresh()
