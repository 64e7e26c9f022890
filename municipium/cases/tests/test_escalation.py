import pytest
from django.core import mail

from municipium.cases.escalation import cases_escalate_overdue
from municipium.cases.services import case_open, case_transition

from .conftest import at

pytestmark = pytest.mark.django_db


def overdue_case(org):
    case = case_open(
        municipality=org.municipality, kind="test_request", unit=org.trees, title="Pothole",
        by=None, language="tr", filed_at=at(2026, 3, 2, 10, 0),
    )  # fmt: skip
    assert case.due_at == at(2026, 3, 9, 17, 30)
    return case


def test_an_overdue_case_goes_to_its_units_manager_then_to_the_mayors_office(
    org, django_capture_on_commit_callbacks
):
    case = overdue_case(org)
    assert cases_escalate_overdue(now=at(2026, 3, 9, 17, 0)) == 0  # not yet due
    with django_capture_on_commit_callbacks(execute=True):
        assert cases_escalate_overdue(now=at(2026, 3, 10, 9, 0)) == 1
    case.refresh_from_db()
    assert case.escalation_level == 1
    entry = case.entries.get(kind="escalated")
    assert entry.data == {"level": 1, "recipients": [org.manager.pk]}
    assert not entry.is_public
    assert [message.to for message in mail.outbox] == [["manager@example.org"]]
    assert case.reference in mail.outbox[0].subject
    # The due time in the case's language and the municipality's time zone, not strftime's.
    assert "9 Mart 2026 17:30" in mail.outbox[0].body
    # Run again the same day: nothing more.
    assert cases_escalate_overdue(now=at(2026, 3, 10, 12, 0)) == 0
    # Two working days late: the mayor's office.
    with django_capture_on_commit_callbacks(execute=True):
        assert cases_escalate_overdue(now=at(2026, 3, 11, 9, 0)) == 1
    case.refresh_from_db()
    assert case.escalation_level == 2
    assert mail.outbox[-1].to == ["chief@example.org"]


def test_a_case_waiting_for_the_resident_or_answered_is_not_escalated(org):
    waiting = overdue_case(org)
    waiting = case_transition(case=waiting, transition="start", by=org.clerk)
    case_transition(case=waiting, transition="ask", by=org.clerk, note="Which street?")
    answered = case_transition(case=overdue_case(org), transition="start", by=org.clerk)
    case_transition(case=answered, transition="answer", by=org.clerk, note="Filled.")
    assert cases_escalate_overdue(now=at(2026, 3, 20, 9, 0)) == 0
