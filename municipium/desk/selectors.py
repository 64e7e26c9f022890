"""Reads of the requests desk that need no member of staff: the categories a municipality
offers, a request followed with its reference and token and what its tracking page shows, and
its requests as the public may see them (the Open311 API). A request's resident (name, e-mail,
phone) is in its row: what shows a request to the public picks its fields, never those."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet

from municipium.cases import kinds
from municipium.cases.selectors import (
    case_get_for_resident,
    entry_last_public_body,
    entry_list,
)
from municipium.tenancy.selectors import home_page_list_for_site

from .models import Attribute, Category, CategoryName, CitizenRequest
from .pages import RequestDeskPage

if TYPE_CHECKING:
    from municipium.cases.models import Attachment, Case

# Links a resident follows: the case became a duplicate of another, or went to another
# municipality (cases.models.Link.Kind).
FOLLOWED_LINKS = ("duplicate_of", "forwarded_to")


def category_list_public(*, municipality) -> QuerySet[Category]:
    """The categories offered to residents, in their order, with names and questions."""
    if municipality is None:
        return Category.objects.none()
    return (
        Category.objects.filter(municipality=municipality, is_active=True)
        .prefetch_related(
            Prefetch("names", queryset=CategoryName.objects.order_by("sort_order", "pk")),
            Prefetch("attributes", queryset=Attribute.objects.order_by("sort_order", "pk")),
        )
        .order_by("sort_order", "code")
    )


def category_get_public(*, municipality, code: str) -> Category | None:
    return category_list_public(municipality=municipality).filter(code=code).first()


def category_description(category: Category, language: str) -> str:
    rows = list(category.names.all())
    for row in rows:
        if row.language == language:
            return row.description
    return rows[0].description if rows else ""


def request_get_for_resident(*, municipality, reference: str, token: str) -> Case | None:
    """The citizen request followed with ``reference`` and ``token`` (no account): the case,
    with its request part, or None."""
    case = case_get_for_resident(municipality=municipality, reference=reference, token=token)
    if case is None or not hasattr(case, "citizen_request"):
        return None
    return case


@dataclass
class PublicEntry:
    at: object
    kind: str
    status: str  # the status it led to, in words ('' if none)
    body: str
    by_resident: bool
    data: dict


@dataclass
class Tracking:
    """What the tracking page shows: nothing of the resident's contact, no staff names, no
    internal note."""

    case: Case
    citizen_request: CitizenRequest
    category: str
    status: str
    unit: str
    entries: list[PublicEntry]
    photos: list[Attachment]
    answer: str
    may_give_verdict: bool
    moved_to: list[Tracking] = field(default_factory=list)  # duplicate of / forwarded to
    link_kind: str = ""
    municipality_name: str = ""


def _status_label(case: Case, code: str) -> str:
    try:
        return str(kinds.get(case.kind).status(code).label) if code else ""
    except (KeyError, LookupError):
        return code


def _public_entries(case: Case) -> list[PublicEntry]:
    return [
        PublicEntry(
            at=entry.created_at,
            kind=entry.kind,
            status=_status_label(case, entry.status_to),
            body=entry.body,
            by_resident=entry.by_resident,
            data=entry.data,
        )
        for entry in entry_list(case=case, public_only=True)
    ]


def _answer(case: Case) -> str:
    entry = (
        case.entries.filter(kind="transition", status_to="answered")
        .order_by("-created_at", "-pk")
        .first()
    )
    return entry.body if entry is not None else ""


def request_tracking_get(*, case: Case, language: str, follow: bool = True) -> Tracking:
    """The tracking page of ``case`` (found by ``request_get_for_resident``), in ``language``;
    with ``follow``, the case it became a duplicate of or was forwarded to (perhaps in another
    municipality), so that the resident keeps one tracking page."""
    citizen_request = CitizenRequest.objects.select_related("category").get(case=case)
    tracking = Tracking(
        case=case,
        citizen_request=citizen_request,
        category=citizen_request.category.name_in(language),
        status=_status_label(case, case.status),
        unit=case.unit.name_in(language),
        entries=_public_entries(case),
        photos=list(_resident_photos(case)),
        answer=_answer(case) if case.status == "answered" else "",
        may_give_verdict=case.status == "answered",
        municipality_name=case.municipality.name_in(language),
    )
    if follow:
        links = case.links.filter(kind__in=FOLLOWED_LINKS).select_related(
            "other__municipality", "other__unit"
        )
        for link in links:
            if hasattr(link.other, "citizen_request"):
                moved = request_tracking_get(case=link.other, language=language, follow=False)
                moved.link_kind = link.kind
                moved.may_give_verdict = False  # given on the page of the case it went to
                tracking.moved_to.append(moved)
    return tracking


def desk_page_for_case(*, case: Case) -> RequestDeskPage | None:
    """The live requests desk page of the case's municipality in the case's language (else in
    its default language): where its tracking page is."""
    homes = home_page_list_for_site(site=case.municipality.site)
    pages = RequestDeskPage.objects.live().select_related("locale")
    found = {}
    for home in homes:
        page = pages.child_of(home).first()
        if page is not None:
            found[page.locale.language_code] = page
    return (
        found.get(case.language)
        or found.get(case.municipality.default_language)
        or next(iter(found.values()), None)
    )


def _resident_photos(case: Case):
    """The photos the resident may see: their own (filed without a member of staff) and any
    that staff published; never staff's internal files."""
    return case.attachments.filter(content_type__startswith="image/").filter(
        Q(is_public=True) | Q(uploaded_by__isnull=True)
    )


def photo_get_for_resident(*, case: Case, pk: int) -> Attachment | None:
    return _resident_photos(case).filter(pk=pk).first()


def category_list_offered(*, municipality) -> QuerySet[Category]:
    """The categories offered to residents with their units' names read at once (Open311)."""
    return (
        category_list_public(municipality=municipality)
        .select_related("unit")
        .prefetch_related("unit__names")
    )


def category_get_offered(*, municipality, code: str) -> Category | None:
    return category_list_offered(municipality=municipality).filter(code=code).first()


def request_statuses(*, closed: bool) -> list[str]:
    """The statuses of a citizen request that are over (closed, rejected, duplicate,
    forwarded), or those that are not."""
    from .kind import CODE  # the kind's module mails through this one: read it when asked

    return [status.code for status in kinds.get(CODE).statuses if status.is_closed == closed]


def request_is_closed(status: str) -> bool:
    return status in request_statuses(closed=True)


def request_list_public(*, municipality) -> QuerySet[CitizenRequest]:
    """``municipality``'s requests, newest first, with what the public may read: the place,
    the category and unit (names read at once) and ``status_notes``, the latest public note."""
    return (
        CitizenRequest.objects.filter(case__municipality=municipality)
        .select_related("case", "category", "case__unit")
        .prefetch_related("category__names", "case__unit__names")
        .annotate(status_notes=entry_last_public_body(case_field="case"))
        .order_by("-case__filed_at", "-case_id")
    )
