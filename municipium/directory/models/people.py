"""A person who works for a municipality. Their roles (title, unit, dates) are on the
directorate pages, so that one person can hold roles in several directorates."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string


class Person(models.Model):
    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="people",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    photo = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    phone_extension = models.CharField(_("extension"), max_length=10, blank=True)
    bio = models.TextField(
        _("short biography"), blank=True, max_length=1000, help_text=_("A few sentences.")
    )

    panels = [
        FieldPanel("municipality"),
        FieldPanel("name"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("phone_extension")],
            heading=_("Contact"),
        ),
        FieldPanel("bio"),
    ]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["municipality", "name"])]

    def __str__(self):
        return self.name
