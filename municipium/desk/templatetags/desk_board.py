from django import template

from municipium.desk.board import average_rating as _average_rating

register = template.Library()


@register.filter
def average_rating(figures):
    """The residents' average rating of ``figures`` (None if nobody rated)."""
    return _average_rating(figures)
