from django_tasks import task

from .escalation import cases_escalate_overdue


@task()
def escalate_overdue() -> int:
    """Escalate overdue cases (periodic; safe to run twice)."""
    return cases_escalate_overdue()
