"""Staff (users of the admin) belong to units with a role; their rights derive from it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel


class Membership(models.Model):
    """A member of staff in a unit. A clerk acts in the unit; a manager or a director also
    in every unit below it."""

    class Role(models.TextChoices):
        CLERK = "clerk", pgettext_lazy("staff role", "Clerk")
        MANAGER = "manager", pgettext_lazy("staff role", "Manager")
        DIRECTOR = "director", pgettext_lazy("staff role", "Director")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("member of staff"),
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("unit"),
    )
    role = models.CharField(
        pgettext_lazy("staff role", "role"), max_length=16, choices=Role.choices, default=Role.CLERK
    )

    panels = [FieldPanel("user"), FieldPanel("unit"), FieldPanel("role")]

    class Meta:
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")
        ordering = ["unit", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="unique_membership_per_unit")
        ]

    def __str__(self):
        return f"{self.user} — {self.unit} ({self.get_role_display()})"

    @property
    def sees_units_below(self) -> bool:
        return self.role in {self.Role.MANAGER, self.Role.DIRECTOR}
