"""Choices the culture apps share."""

from django.db import models
from django.utils.translation import pgettext_lazy


class Audience(models.TextChoices):
    """Who an event is for (an age range narrows children and youth)."""

    EVERYONE = "everyone", pgettext_lazy("audience", "Everyone")
    CHILDREN = "children", pgettext_lazy("audience", "Children")
    YOUTH = "youth", pgettext_lazy("audience", "Young people")
    ADULTS = "adults", pgettext_lazy("audience", "Adults")
    SENIORS = "seniors", pgettext_lazy("audience", "Older people")
    FAMILIES = "families", pgettext_lazy("audience", "Families")
    SCHOOLS = "schools", pgettext_lazy("audience", "School classes")
