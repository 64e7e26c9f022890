import dataclasses

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from municipium.cases import kinds
from municipium.cases.models import Case, Entry, Link
from municipium.cases.services import (
    case_assign,
    case_extend,
    case_link,
    case_note,
    case_open,
    case_route,
    case_transition,
)
from municipium.organisation.tests.factories import staff_user, unit

from .conftest import at

pytestmark = pytest.mark.django_db


def open_case(org, *, filed_at=None, unit=None, by=None, **fields):
    return case_open(
        municipality=org.municipality,
        kind="test_request",
        unit=unit or org.trees,
        title="Broken street light",
        by=by,
        language="tr",
        filed_at=filed_at or at(2026, 3, 2, 10, 0),  # a Monday
        **fields,
    )


def log_of(case, action):
    return ModelLogEntry.objects.filter(object_id=str(case.pk), action=action)


def test_a_kind_that_names_an_undeclared_status_is_refused():
    with pytest.raises(ValueError, match="unknown statuses"):
        kinds.CaseKind(
            code="broken",
            label="Broken",
            statuses=(kinds.Status("new", "new"),),
            initial="new",
            transitions=(kinds.Transition("go", "go", frozenset({"new"}), "gone"),),
            clock=kinds.ClockRule(working_days=1),
        )


def test_a_kind_code_cannot_be_taken_twice(test_kind):
    other = kinds.CaseKind(
        code=test_kind.code,
        label="Another",
        statuses=(kinds.Status("new", "new"),),
        initial="new",
        transitions=(),
        clock=kinds.ClockRule(calendar_days=1),
    )
    with pytest.raises(ValueError, match="already registered"):
        kinds.register(other)


def test_opening_a_case_gives_a_reference_starts_the_clock_and_logs_once(org):
    first = open_case(org)
    second = open_case(org)
    assert (first.reference, second.reference) == ("26-00001", "26-00002")
    assert first.status == "new" and len(first.tracking_token) >= 32
    # Five working days after Monday 2 March 2026: Monday 9 March, at closing time.
    assert first.due_at == at(2026, 3, 9, 17, 30)
    opened = first.entries.get()
    assert (opened.kind, opened.is_public, opened.status_to) == ("opened", True, "new")
    entry = log_of(first, "cases.case.open").get()
    assert entry.data["municipality"] == org.municipality.pk
    assert entry.data["unit"] == org.trees.pk
    assert entry.data["changes"]["status"] == [None, "new"]


def test_a_case_filed_after_hours_on_friday_starts_on_monday_morning(org):
    case = open_case(org, filed_at=at(2026, 3, 6, 18, 0))
    assert case.received_at == at(2026, 3, 9, 8, 30)
    assert case.due_at == at(2026, 3, 16, 17, 30)


def test_references_are_counted_per_municipality(org, sisli):
    open_case(org)
    parks = unit(sisli, "parks")
    other = case_open(
        municipality=sisli, kind="test_request", unit=parks, title="x", by=None, language="tr"
    )
    assert other.reference.endswith("-00001")


def test_a_unit_of_another_municipality_is_refused_and_nothing_is_saved(org, sisli):
    with pytest.raises(ValidationError):
        open_case(org, unit=unit(sisli, "parks"))
    assert not Case.objects.exists()
    assert not ModelLogEntry.objects.filter(action__startswith="cases.").exists()


def test_staff_of_another_municipality_cannot_file_a_case_here(org, sisli):
    stranger = staff_user(sisli, "stranger", unit=unit(sisli, "153"))
    with pytest.raises(PermissionDenied):
        open_case(org, by=stranger)
    assert not Case.objects.exists()


def test_an_operator_files_a_case_for_a_caller(org):
    case = open_case(org, by=org.operator, channel="phone")
    assert case.channel == "phone"
    assert log_of(case, "cases.case.open").get().user_id == org.operator.pk


def test_a_transition_moves_the_status_and_writes_one_entry_and_one_log(org):
    case = open_case(org)
    case = case_transition(case=case, transition="start", by=org.clerk)
    assert case.status == "in_progress"
    entry = case.entries.get(kind="transition")
    assert (entry.status_from, entry.status_to, entry.by) == ("new", "in_progress", org.clerk)
    logged = log_of(case, "cases.case.transition").get()
    assert logged.data["changes"]["status"] == ["new", "in_progress"]


def test_a_transition_not_allowed_from_the_status_is_refused_without_a_trace(org):
    case = open_case(org)
    with pytest.raises(ValidationError):
        case_transition(case=case, transition="answer", by=org.clerk, note="Done")
    case.refresh_from_db()
    assert case.status == "new"
    assert not log_of(case, "cases.case.transition").exists()
    assert not case.entries.filter(kind="transition").exists()


def test_a_transition_that_needs_a_reason_refuses_an_empty_one(org):
    case = case_transition(case=open_case(org), transition="start", by=org.clerk)
    with pytest.raises(ValidationError) as error:
        case_transition(case=case, transition="answer", by=org.clerk, note="  ")
    assert "note" in error.value.message_dict


def test_waiting_for_the_resident_pauses_the_clock_and_moves_the_deadline(org, time_machine):
    case = case_transition(case=open_case(org), transition="start", by=org.clerk)
    assert case.due_at == at(2026, 3, 9, 17, 30)
    time_machine.move_to(at(2026, 3, 3, 9, 0))  # Tuesday
    case = case_transition(case=case, transition="ask", by=org.clerk, note="Which pole?")
    assert case.paused_since == at(2026, 3, 3, 9, 0)
    time_machine.move_to(at(2026, 3, 5, 11, 0))  # Thursday: Tuesday to Thursday did not count
    case = case_transition(case=case, transition="resume", by=org.clerk)
    assert case.paused_since is None
    assert case.pauses.get().ended_at == at(2026, 3, 5, 11, 0)
    assert case.due_at == at(2026, 3, 12, 17, 30)


def test_answering_stops_the_clock_and_the_resident_closes_it(org, time_machine):
    time_machine.move_to(at(2026, 3, 4, 12, 0))
    case = case_transition(case=open_case(org), transition="start", by=org.clerk)
    case = case_transition(case=case, transition="answer", by=org.clerk, note="Repaired.")
    assert case.stopped_at == at(2026, 3, 4, 12, 0) and case.closed_at is None
    with pytest.raises(ValidationError):  # staff cannot accept on the resident's behalf
        case_transition(case=case, transition="accept", by=org.clerk)
    case = case_transition(case=case, transition="accept", by=None, by_resident=True)
    assert case.status == "closed" and case.closed_at == at(2026, 3, 4, 12, 0)
    accepted = case.entries.get(status_to="closed")
    assert accepted.by_resident and accepted.by is None


def test_a_disputed_answer_reopens_the_case_and_restarts_its_work(org):
    case = case_transition(case=open_case(org), transition="start", by=org.clerk)
    case = case_transition(case=case, transition="answer", by=org.clerk, note="Repaired.")
    case = case_transition(
        case=case, transition="dispute", by=None, by_resident=True, note="Still dark."
    )
    assert case.status == "in_progress" and case.stopped_at is None
    assert case.entries.get(status_from="answered").body == "Still dark."


def test_a_kind_hears_of_each_transition_on_commit(
    org, test_kind, django_capture_on_commit_callbacks
):
    heard = []

    def hear(case, transition, entry):
        heard.append((case.status, transition.code, entry.kind))

    kinds.unregister(test_kind.code)
    kinds.register(dataclasses.replace(test_kind, on_transition=(hear,)))
    case = open_case(org)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        case_transition(case=case, transition="start", by=org.clerk)
        assert heard == []  # not before the transaction commits
    assert len(callbacks) == 1
    assert heard == [("in_progress", "start", "transition")]


def test_an_internal_transition_is_not_shown_to_the_resident(org):
    case = case_transition(case=open_case(org), transition="start", by=org.clerk)
    case_transition(case=case, transition="comment", by=org.clerk)
    assert not case.entries.get(data__transition="comment").is_public


def test_a_clerk_of_a_sibling_unit_cannot_act_on_the_case(org):
    case = open_case(org)
    with pytest.raises(PermissionDenied):
        case_transition(case=case, transition="start", by=org.sibling)
    with pytest.raises(PermissionDenied):
        case_note(case=case, by=org.sibling, body="Mine?")
    assert case_transition(case=case, transition="start", by=org.manager).status == "in_progress"


def test_a_case_is_assigned_to_a_member_of_its_unit_only(org):
    case = open_case(org)
    with pytest.raises(ValidationError):
        case_assign(case=case, owner=org.sibling, by=org.manager)
    case = case_assign(case=case, owner=org.clerk, by=org.manager)
    assert case.owner == org.clerk
    assigned = case.entries.get(kind="assigned")
    assert not assigned.is_public
    assert log_of(case, "cases.case.assign").get().data["changes"]["owner"] == [None, org.clerk.pk]


def test_rerouting_needs_a_reason_and_a_unit_of_the_municipality(org, sisli):
    case = case_assign(case=open_case(org), owner=org.clerk, by=org.manager)
    with pytest.raises(ValidationError) as error:
        case_route(case=case, unit=org.lights, by=org.manager, reason="")
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError):
        case_route(case=case, unit=unit(sisli, "lights"), by=org.manager, reason="Theirs")
    case = case_route(case=case, unit=org.lights, by=org.manager, reason="A lighting fault")
    assert (case.unit, case.owner) == (org.lights, None)
    assert case.entries.get(kind="routed").body == "A lighting fault"
    # The clerk of trees no longer sees it; lights' clerk does.
    with pytest.raises(PermissionDenied):
        case_note(case=case, by=org.clerk, body="x")
    case_note(case=case, by=org.sibling, body="On it")


def test_an_extension_moves_the_deadline_with_a_reason_the_resident_reads(org):
    case = open_case(org)
    with pytest.raises(ValidationError) as error:
        case_extend(case=case, days=0, by=org.clerk, reason="")
    assert set(error.value.message_dict) == {"days", "reason"}
    case = case_extend(case=case, days=3, by=org.clerk, reason="Parts are on order.")
    assert case.due_at == at(2026, 3, 12, 17, 30)
    extended = case.entries.get(kind="extended")
    assert extended.is_public and extended.data["days"] == 3


def test_a_duplicate_points_at_the_first_case_of_the_same_municipality(org, sisli):
    first, second, third = open_case(org), open_case(org), open_case(org)
    case_link(case=second, other=first, kind=Link.Kind.DUPLICATE_OF, by=org.clerk)
    with pytest.raises(ValidationError):  # a duplicate of a duplicate: point at the first
        case_link(case=third, other=second, kind=Link.Kind.DUPLICATE_OF, by=org.clerk)
    theirs = case_open(
        municipality=sisli, kind="test_request", unit=unit(sisli, "x"), title="x", by=None,
        language="tr",
    )  # fmt: skip
    with pytest.raises(ValidationError):
        case_link(case=third, other=theirs, kind=Link.Kind.DUPLICATE_OF, by=org.clerk)
    # Forwarding may cross municipalities (a main road belongs to the metropolitan one).
    case_link(case=third, other=theirs, kind=Link.Kind.FORWARDED_TO, by=org.clerk)
    assert third.entries.get(kind="linked").data["reference"] == theirs.reference


def test_a_note_is_internal_unless_said_otherwise(org):
    case = open_case(org)
    internal = case_note(case=case, by=org.clerk, body="Call the contractor")
    public = case_note(case=case, by=org.clerk, body="We are on it", public=True)
    assert (internal.is_public, public.is_public) == (False, True)
    assert Entry.objects.filter(case=case, kind="note").count() == 2
