"""Reads of the requests desk that need no member of staff: the categories a municipality
offers and its requests as the public may see them, for the Open311 API and the public pages.
A request's resident (name, e-mail, phone) is in its row: what shows a request to the public
picks its fields, never those."""

from __future__ import annotations

from django.db.models import QuerySet

from municipium.cases import kinds
from municipium.cases.selectors import entry_last_public_body

from .kind import CODE
from .models import Category, CitizenRequest


def category_list_offered(*, municipality) -> QuerySet[Category]:
    """The categories ``municipality`` offers to residents, in their order, with their names
    and questions read at once."""
    return (
        Category.objects.filter(municipality=municipality, is_active=True)
        .select_related("unit")
        .prefetch_related("names", "attributes", "unit__names")
    )


def category_get_offered(*, municipality, code: str) -> Category | None:
    return category_list_offered(municipality=municipality).filter(code=code).first()


def request_statuses(*, closed: bool) -> list[str]:
    """The statuses of a citizen request that are over (closed, rejected, duplicate,
    forwarded), or those that are not."""
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
