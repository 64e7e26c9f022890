from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from municipium.core.audit import register_actions

from .admin_api import ScopedDocumentsAdminAPIViewSet, ScopedImagesAdminAPIViewSet
from .admin_scope import (
    explorer_queryset_scope,
    page_queryset_scope,
    scoped_page_bulk_actions,
    summary_items_scope,
)
from .reports import admin_urls as report_urls
from .reports import audit_log_menu_item
from .selectors import document_servable
from .translation import SiteLanguagesPageTranslationView
from .viewsets import TenancyViewSetGroup


@hooks.register("register_admin_viewset")
def register_tenancy_viewsets():
    return TenancyViewSetGroup()


# What the admin shows of the page tree: the user's municipalities only (tenancy.admin_scope).
hooks.register("construct_explorer_page_queryset", explorer_queryset_scope)
hooks.register("construct_page_chooser_queryset", page_queryset_scope)
# After Wagtail's own (order 1), to replace its count of pages and its page bulk actions.
hooks.register("construct_homepage_summary_items", summary_items_scope, order=1)
for action in scoped_page_bulk_actions():
    hooks.register("register_bulk_action", action, order=1)


@hooks.register("construct_admin_api", order=1)
def register_scoped_media_endpoints(router):
    """After Wagtail's own (same names): documents and images of the user's collections."""
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)


@hooks.register("register_admin_urls", order=-1)
def register_site_languages_translation_url():
    """Ahead of ``wagtail.contrib.simple_translation``'s own URL (same path, earlier match)."""
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            SiteLanguagesPageTranslationView.as_view(),
            name="municipium_submit_page_translation",
        )
    ]


@hooks.register("register_admin_urls")
def register_audit_log_urls():
    return report_urls


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return audit_log_menu_item()


@hooks.register("before_serve_document", order=-100)
def serve_documents_on_their_own_hosts(document, request):
    """Ahead of Wagtail's check of the collection's view restrictions: a document of another
    municipality is not found at all (no password form that would tell it exists)."""
    user = getattr(request, "user", None)
    if not document_servable(document=document, tenant=getattr(request, "tenant", None), user=user):
        raise Http404("No document of this site has this address.")


@hooks.register("register_log_actions")
def register_tenancy_log_actions(actions):
    register_actions(
        actions,
        [
            (
                "tenancy.municipality.create",
                _("Create municipality"),
                _("Municipality created."),
            ),
            (
                "tenancy.municipality.edit",
                _("Edit municipality settings"),
                _("Municipality settings changed."),
            ),
            (
                "tenancy.municipality.delete",
                _("Delete municipality"),
                _("Municipality deleted."),
            ),
            ("tenancy.public_holiday.create", _("Add public holiday"), _("Public holiday added.")),
            ("tenancy.public_holiday.edit", _("Edit public holiday"), _("Public holiday changed.")),
            (
                "tenancy.public_holiday.delete",
                _("Delete public holiday"),
                _("Public holiday deleted."),
            ),
        ],
    )
    actions.register_action("tenancy.public_holiday.seed")(HolidaySeedFormatter)


class HolidaySeedFormatter(LogFormatter):
    label = _("Seed public holidays")

    def format_message(self, log_entry):
        count = (log_entry.data or {}).get("count", 0)
        return ngettext(
            "%(count)s public holiday added from the official calendar.",
            "%(count)s public holidays added from the official calendar.",
            count,
        ) % {"count": count}
