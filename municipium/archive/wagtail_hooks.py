"""Wiring into Wagtail: the consents' admin, their log actions, and the refusal to publish an
archive item without consent to publish online (whatever the editor's form said)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from municipium.core.audit import register_actions

from .forms import page_publish_refusal
from .viewsets import ConsentViewSet


@hooks.register("register_admin_viewset")
def register_archive_viewsets():
    return ConsentViewSet("archive-consents")


@hooks.register("register_log_actions")
def register_archive_log_actions(actions):
    register_actions(
        actions,
        [
            ("archive.consent.create", _("Record consent"), _("Consent recorded.")),
            ("archive.consent.edit", _("Edit consent"), _("Consent changed.")),
            ("archive.consent.delete", _("Delete consent"), _("Consent deleted.")),
            (
                "archive.consent.withdraw",
                _("Withdraw consent"),
                _("Consent withdrawn; its items unpublished."),
            ),
        ],
    )


@hooks.register("before_publish_page")
def refuse_publishing_without_consent(request, page):
    """The second guard (the editor's form is the first): publishing from any view Wagtail
    runs this hook in is refused for an item without consent to publish online."""
    refusal = page_publish_refusal(page)
    if refusal is None:
        return None
    messages.error(request, refusal)
    return redirect("wagtailadmin_pages:edit", page.pk)
