"""A paginator whose count stops at a limit, for lists that grow with the content (a
programme's upcoming dates): counting every row of a busy site costs more than the page itself.

Up to ``limit`` rows it is Django's ``Paginator`` (an exact count, "page 3 of 12"). Past it the
count is bounded (``COUNT(*)`` over the unordered ``rows[:limit + 1]``, which the database
stops reading after ``limit + 1``), the list says "more than" and pages beyond the limit are
reached by "next" only: each page reads one row more than it shows to know whether there is a
next one."""

from django.core.paginator import EmptyPage, Page, Paginator
from django.utils.functional import cached_property


def count_to(rows, limit: int) -> int:
    """How many ``rows`` there are, or ``limit + 1`` when there are more than ``limit``.
    Unordered: which rows are counted does not matter, and without the order the database
    stops after ``limit + 1`` instead of sorting every row first (57 ms against 0.6 ms on
    SQLite for a list of 27,000 dates)."""
    return rows.order_by()[: limit + 1].count()


class CappedPage(Page):
    def __init__(self, object_list, number, paginator, *, has_more: bool):
        super().__init__(object_list, number, paginator)
        self.has_more = has_more

    def has_next(self) -> bool:
        return self.has_more


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, limit: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.limit = limit

    @cached_property
    def count(self) -> int:
        return count_to(self.object_list, self.limit)

    @property
    def is_capped(self) -> bool:
        return self.count > self.limit

    def validate_number(self, number):
        if not self.is_capped:
            return super().validate_number(number)
        try:
            return super().validate_number(number)
        except EmptyPage:
            number = int(number)  # an integer, past the counted pages
            if number < 1:
                raise
            return number

    def page(self, number):
        number = self.validate_number(number)
        if not self.is_capped:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return CappedPage(rows[: self.per_page], number, self, has_more=len(rows) > self.per_page)

    def get_page(self, number):
        try:
            return super().get_page(number)
        except EmptyPage:  # past the last row of a capped list: its last counted page
            return self.page(self.num_pages)
