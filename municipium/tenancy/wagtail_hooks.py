from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from municipium.core.audit import register_actions

from .admin_api import ScopedDocumentsAdminAPIViewSet, ScopedImagesAdminAPIViewSet
from .reports import admin_urls as report_urls
from .reports import audit_log_menu_item
from .translation import SiteLanguagesPageTranslationView
from .viewsets import TenancyViewSetGroup


@hooks.register("register_admin_viewset")
def register_tenancy_viewsets():
    return TenancyViewSetGroup()


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
