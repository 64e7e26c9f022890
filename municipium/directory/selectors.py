from django.db.models import QuerySet
from wagtail.models import Page

from .models import DirectoratePage


def directorate_list_for_home(*, index: Page | None) -> QuerySet[DirectoratePage]:
    """The live directorates under ``index``, in the editors' order."""
    if index is None:
        return DirectoratePage.objects.none()
    return DirectoratePage.objects.live().child_of(index).order_by("path")
