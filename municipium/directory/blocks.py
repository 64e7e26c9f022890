"""The activity areas of a directorate: a list whose items may have a list of their own."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ActivityAreaBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Activity area"))
    items = blocks.ListBlock(
        blocks.TextBlock(label=_("Item")), label=_("Its items"), default=[], min_num=0
    )

    class Meta:
        icon = "list-ul"
        label = _("Activity area")
        template = "directory/blocks/activity_area.html"
        preview_value = {
            "text": "Develop original projects for the city's culture:",
            "items": ["Short, medium and long term plans", "Good examples from elsewhere"],
        }


class ActivityAreasBlock(blocks.StreamBlock):
    area = ActivityAreaBlock()

    class Meta:
        label = _("Activity areas")
