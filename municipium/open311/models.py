"""An application that files requests through the Open311 API, with its key.

The key is shown once, when the client is created; only its SHA-256 digest is stored (a key
is 32 random bytes, so a fast digest is enough: there is nothing to guess from it), with its
first characters so staff can tell keys apart."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiClient(models.Model):
    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="api_clients",
        verbose_name=_("municipality"),
    )
    name = models.CharField(
        _("application"),
        max_length=100,
        help_text=_("The application's name, kept with every request it files."),
    )
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("Who to ask about the application: its developer's e-mail or phone."),
    )
    key_prefix = models.CharField(_("key begins with"), max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Revoke the key by unticking this.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="one_api_client_name_per_municipality"
            )
        ]

    def __str__(self):
        return self.name
