"""Choices the culture apps share."""

from django.db import models
from django.utils.translation import gettext_lazy as _
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


class PartnerKind(models.TextChoices):
    """What kind of institution a partner is."""

    UNIVERSITY = "university", _("University")
    SCHOOL = "school", _("School")
    ASSOCIATION = "association", _("Association or foundation")
    VILLAGE_HEAD = "village_head", _("Village or neighbourhood head")
    PARISH = "parish", _("Parish or religious community")
    NETWORK = "network", _("Regional network")
    ARTIST = "artist", _("Artist or writer")
    PUBLIC_BODY = "public_body", _("Public institution")
    COMPANY = "company", _("Company or sponsor")
    OTHER = "other", pgettext_lazy("partner kind", "Other")
