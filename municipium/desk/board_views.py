"""The requests board in Wagtail's admin (staff: what they may see) and the public figures
page of a municipality (everyone: counts and times only, cached)."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from persiantools.jdatetime import JalaliDate
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from municipium.core.formatting import SOLAR_HIJRI, localise_digits
from municipium.core.page_cache import limit_cache_until, mark_cacheable
from municipium.tenancy.selectors import municipality_list_for_user

from .board import board_figures, public_figures

# The staff's case list (desk-staff) and the query names it filters by.
CASE_LIST_URL_NAME = "desk_case_index"
PUBLIC_FIGURES_SECONDS = 3600
# The board is counted at most this often per user and view of it: at a million cases a count
# takes seconds (docs/benchmarks/2026-12-01-desk.md), a read from the cache a millisecond.
BOARD_CACHE_SECONDS = 300
CHART_HEIGHT = 120
BAR_WIDTH = 24
BAR_GAP = 8


def may_see_board(user) -> bool:
    return municipality_list_for_user(user=user).exists()


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _case_list_url(**query) -> str | None:
    try:
        base = reverse(CASE_LIST_URL_NAME)
    except NoReverseMatch:
        return None
    return f"{base}?{urlencode({k: v for k, v in query.items() if v is not None})}"


def _month_number(start, municipality, language) -> str:
    number = JalaliDate(start.date()).month if municipality.calendar == SOLAR_HIJRI else start.month
    return localise_digits(str(number), language)


def board_cached(*, municipality, user, language: str, unit_id: int | None):
    """``board_figures``, kept in the cache for ``BOARD_CACHE_SECONDS`` per user (what they
    may see is theirs), municipality, unit and language."""
    key = f"desk:board:{municipality.pk}:{user.pk}:{unit_id}:{language}"
    board = cache.get(key)
    if board is None:
        board = board_figures(
            municipality=municipality, user=user, language=language, unit_id=unit_id
        )
        cache.set(key, board, BOARD_CACHE_SECONDS)
    return board


def chart_bars(months, *, municipality, language) -> list[dict]:
    """Each month as a bar (requests received) with its part answered in time, in the
    SVG's own units: drawn by the template, no script."""
    tallest = max((month.figures.received for month in months), default=0) or 1
    bars = []
    for index, month in enumerate(months):
        height = round(CHART_HEIGHT * month.figures.received / tallest)
        in_time = round(CHART_HEIGHT * month.figures.answered_in_time / tallest)
        bars.append(
            {
                "x": index * (BAR_WIDTH + BAR_GAP),
                "y": CHART_HEIGHT - height,
                "height": height,
                "in_time_y": CHART_HEIGHT - in_time,
                "in_time_height": in_time,
                "month": month,
                "number": _month_number(month.start, municipality, language),
            }
        )
    return bars


class RequestsBoardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "desk/board.html"
    page_title = gettext_lazy("Requests board")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_board(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _municipality(self):
        """The municipality asked for (``?municipality=``), else the host's, else the first
        the user works for: always one they work for."""
        choices = list(municipality_list_for_user(user=self.request.user))
        wanted = _int(self.request.GET.get("municipality"))
        tenant = getattr(self.request, "tenant", None)
        host = tenant.municipality.pk if tenant is not None else None
        for pk in (wanted, host):
            for municipality in choices:
                if municipality.pk == pk:
                    return municipality, choices
        return choices[0], choices

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality, choices = self._municipality()
        language = translation.get_language()
        unit_id = _int(self.request.GET.get("unit"))
        board = board_cached(
            municipality=municipality, user=self.request.user, language=language, unit_id=unit_id
        )
        rows = [
            {
                "unit": unit,
                "name": unit.name_in(language),
                "figures": figures,
                "board_url": "?" + urlencode({"municipality": municipality.pk, "unit": unit.pk}),
                "open_url": _case_list_url(unit=unit.pk),
                "overdue_url": _case_list_url(unit=unit.pk, overdue=1),
            }
            for unit, figures in board.units
        ]
        context.update(
            municipality=municipality,
            municipalities=choices if len(choices) > 1 else [],
            board=board,
            rows=rows,
            unit_id=unit_id,
            bars=chart_bars(board.months, municipality=municipality, language=language),
            chart_width=len(board.months) * (BAR_WIDTH + BAR_GAP),
            chart_height=CHART_HEIGHT,
            bar_width=BAR_WIDTH,
            open_url=_case_list_url(unit=unit_id),
            overdue_url=_case_list_url(unit=unit_id, overdue=1),
        )
        return context


def public_figures_page(request):
    """The municipality's figures for everyone: per category and unit, no request and no
    resident. Kept by the page cache for an hour (the figures move without a publish)."""
    tenant = getattr(request, "tenant", None)
    if tenant is None:
        raise Http404("The figures are a municipality's page.")
    municipality = tenant.municipality
    figures = public_figures(municipality=municipality, language=translation.get_language())
    mark_cacheable(request)
    limit_cache_until(request, timezone.now() + datetime.timedelta(seconds=PUBLIC_FIGURES_SECONDS))
    tables = [(_("By category"), figures.categories), (_("By unit"), figures.units)]
    response = render(
        request,
        "desk/public_figures.html",
        {"figures": figures, "municipality": municipality, "tables": tables},
    )
    patch_cache_control(response, public=True, max_age=PUBLIC_FIGURES_SECONDS)
    return response
