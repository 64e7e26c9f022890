"""Pages of the case list that never count more rows than a person would page through.

Counting every row a list matches costs a read of each: 1.8 s for a municipality's million
requests on PostgreSQL (docs/benchmarks/2026-12-03-desk-list-intake.md), on every unfiltered
opening of the list. The count stops at ``COUNT_CAP`` + 1 (Django's ``qs[:n].count()``, a
``COUNT`` over a subquery with ``LIMIT``); past it the list says "more than 10,000" and offers
the pages up to the cap, which a filter narrows further."""

from django.utils.functional import cached_property
from django.utils.translation import get_language, ngettext
from wagtail.admin.paginator import WagtailPaginator

from municipium.core.formatting import format_number
from municipium.core.pagination import count_to

COUNT_CAP = 10_000


class CappedCountPaginator(WagtailPaginator):
    @cached_property
    def counted(self) -> int:
        """The rows matched, counted up to one past the cap."""
        return count_to(self.object_list, COUNT_CAP)

    @cached_property
    def is_capped(self) -> bool:
        return self.counted > COUNT_CAP

    @cached_property
    def count(self) -> int:
        return min(self.counted, COUNT_CAP)

    @cached_property
    def items_count_label(self) -> str:
        if not self.is_capped:
            return super().items_count_label
        return ngettext(
            "More than %(count)s request", "More than %(count)s requests", COUNT_CAP
        ) % {"count": format_number(COUNT_CAP, language=get_language())}
