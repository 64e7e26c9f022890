"""What a case's page shows a member of staff: the request, its clock, the timeline (public
and internal entries marked), files, links, and the forms of the actions open to them. The
resident's contact only to those who may act on the case (``case_may_act``)."""

from django.utils import timezone

from municipium.cases import kinds
from municipium.cases.selectors import (
    case_duplicate_of,
    case_forwarded_from,
    case_forwarded_to,
    case_may_act,
    entry_list,
)

from .forms import (
    AssignForm,
    DuplicateForm,
    ExtendForm,
    ForwardForm,
    NoteForm,
    RouteForm,
    TransitionForm,
    staff_transitions,
)
from .selectors import citizen_request_get, request_case_list_for_user

MAP_URL = "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"


def _answers(request, language):
    """(question, answer) pairs: the category's questions in order, then any answer kept
    from another category (a forwarded request's)."""
    if request is None:
        return []
    rows, seen = [], set()
    for attribute in request.category.attributes.all():
        if attribute.code in request.answers:
            value = request.answers[attribute.code]
            labels = {v.get("key"): v.get("names", {}).get(language) for v in attribute.values}
            if isinstance(value, list):
                value = ", ".join(labels.get(item) or str(item) for item in value)
            else:
                value = labels.get(value) or value
            rows.append((attribute.label_in(language), value))
            seen.add(attribute.code)
    rows += [(code, value) for code, value in request.answers.items() if code not in seen]
    return rows


def _timeline(case, declared):
    entries = []
    for entry in entry_list(case=case, public_only=False):
        entry.status_from_label = _status_label(declared, entry.status_from)
        entry.status_to_label = _status_label(declared, entry.status_to)
        entries.append(entry)
    return entries


def _status_label(declared, code):
    if not code:
        return ""
    try:
        return declared.status(code).label
    except KeyError:
        return code


def _visible(case, user):
    """Whether ``user`` may open ``case`` (else a link shows its reference only)."""
    if case is None:
        return None
    return (
        request_case_list_for_user(municipality=case.municipality, user=user)
        .filter(pk=case.pk)
        .exists()
    )


def case_context(*, case, user) -> dict:
    declared = kinds.get(case.kind)
    request = citizen_request_get(case=case)
    category = request.category if request else None
    language = case.language
    status = declared.status(case.status)
    may_act = case_may_act(case=case, user=user)
    links = {
        "duplicate_of": case_duplicate_of(case),
        "forwarded_to": case_forwarded_to(case),
        "forwarded_from": case_forwarded_from(case),
    }
    duplicates = [link.case for link in case.linked_from.filter(kind="duplicate_of")]
    place_url = ""
    if request and request.latitude is not None:
        place_url = MAP_URL.format(lat=request.latitude, lon=request.longitude)
    open_case = not status.is_closed
    context = {
        "case": case,
        "citizen_request": request,
        "category": category,
        "status": status,
        "may_act": may_act,
        "show_contact": may_act and request is not None,
        "answers": _answers(request, language),
        "place_url": place_url,
        "timeline": _timeline(case, declared),
        "attachments": list(case.attachments.all()),
        "links": links,
        "links_visible": {key: _visible(other, user) for key, other in links.items()},
        "forwarded_status": _status_label(declared, getattr(links["forwarded_to"], "status", "")),
        "duplicates": duplicates,
        "overdue": bool(
            case.due_at and status.clock == kinds.Clock.RUNNING and case.due_at < timezone.now()
        ),
        "open_case": open_case,
    }
    if may_act:
        context["forms"] = _forms(case, category, open_case)
    return context


def _forms(case, category, open_case) -> dict:
    codes = {move.code for move in kinds.get(case.kind).transitions_from(case.status)}
    forms = {}
    if staff_transitions(case):
        forms["transition"] = TransitionForm(case=case, category=category)
    forms["note"] = NoteForm(case=case)
    if open_case:
        forms["assign"] = AssignForm(case=case, initial={"owner": case.owner_id})
        forms["route"] = RouteForm(case=case)
        forms["extend"] = ExtendForm(case=case)
    if "mark_duplicate" in codes:
        forms["duplicate"] = DuplicateForm(case=case)
    if "forward" in codes:
        forms["forward"] = ForwardForm(case=case)
    return forms
