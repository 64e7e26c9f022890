"""Reads for the staff's side of the desk: always for one municipality (the admin's current
one, ``admin_municipality``) and the member of staff asking."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from municipium.cases.selectors import (
    WHOLE_MUNICIPALITY_UNIT_KINDS,
    case_list_for_user,
)
from municipium.organisation.selectors import (
    unit_kinds_of_member,
    unit_list_for_municipality,
    unit_list_for_user,
    unit_member_ids,
)

from ..kind import CODE
from ..models import Category, CitizenRequest, ResponseTemplate


def request_case_list_for_user(*, municipality, user) -> QuerySet:
    """The citizen requests of ``municipality`` that ``user`` may see, with what a list
    shows, in a fixed number of queries."""
    return (
        case_list_for_user(municipality=municipality, user=user)
        .filter(kind=CODE)
        .select_related("citizen_request__category")
        .prefetch_related("unit__names", "citizen_request__category__names")
    )


def request_case_get_for_user(*, municipality, user, pk):
    if municipality is None:
        return None
    return request_case_list_for_user(municipality=municipality, user=user).filter(pk=pk).first()


def sees_whole_municipality(*, municipality, user) -> bool:
    if user.is_superuser:
        return True
    kinds = unit_kinds_of_member(municipality=municipality, user=user)
    return bool(kinds & WHOLE_MUNICIPALITY_UNIT_KINDS)


def unit_list_for_cases(*, municipality, user) -> QuerySet:
    """The units whose cases ``user`` sees: a list's unit filter offers only those."""
    if sees_whole_municipality(municipality=municipality, user=user):
        return unit_list_for_municipality(municipality=municipality)
    return unit_list_for_user(municipality=municipality, user=user)


def staff_list_for_cases(*, municipality, user) -> QuerySet:
    """The members of the units whose cases ``user`` sees (the owner filter's choices)."""
    from django.contrib.auth import get_user_model

    unit_ids = unit_list_for_cases(municipality=municipality, user=user).values_list(
        "pk", flat=True
    )
    ids = unit_member_ids(unit_ids=unit_ids)
    return get_user_model().objects.filter(pk__in=ids).order_by("first_name", "username")


def category_list_for_municipality(*, municipality, active_only: bool = False) -> QuerySet:
    if municipality is None:
        return Category.objects.none()
    categories = Category.objects.filter(municipality=municipality).prefetch_related("names")
    return categories.filter(is_active=True) if active_only else categories


def category_list_elsewhere(*, municipality) -> QuerySet:
    """The categories offered by the installation's other municipalities (where a request
    can be forwarded), with their municipality."""
    return (
        Category.objects.filter(is_active=True)
        .exclude(municipality=municipality)
        .select_related("municipality")
        .prefetch_related("names", "municipality__names")
        .order_by("municipality_id", "sort_order", "code")
    )


def response_template_list_for_case(*, case, category) -> QuerySet:
    """The templates staff may answer ``case`` with: its category's and the municipality's
    general ones, in the case's language first."""
    return ResponseTemplate.objects.filter(
        Q(category=category) | Q(category__isnull=True), municipality_id=case.municipality_id
    ).order_by("-category", "title")


def citizen_request_get(*, case) -> CitizenRequest | None:
    return CitizenRequest.objects.filter(case=case).select_related("category").first()
