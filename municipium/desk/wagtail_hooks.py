from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from municipium.core.audit import register_actions
from municipium.tenancy.selectors import admin_municipality

from .admin.urls import urlpatterns
from .admin.viewsets import DeskViewSetGroup
from .board_views import RequestsBoardView, may_see_board


class RequestsMenuItem(MenuItem):
    """Shown to staff who work for a municipality."""

    def is_shown(self, request):
        return admin_municipality(request) is not None


@hooks.register("register_admin_urls")
def register_desk_admin_urls():
    return urlpatterns


def _requests_menu():
    return Menu(
        items=[
            RequestsMenuItem(
                _("All requests"), reverse("desk_case_index"), name="requests-list",
                icon_name="list-ul", order=10,
            ),
            RequestsMenuItem(
                _("File a request for a caller"), reverse("desk_operator"),
                name="file-request", icon_name="mail", order=20,
            ),
            RequestsMenuItem(
                _("Enter a request from the press"), reverse("desk_press"),
                name="press-request", icon_name="doc-full", order=30,
            ),
        ]
    )  # fmt: skip


class RequestsSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return admin_municipality(request) is not None


@hooks.register("register_admin_menu_item")
def register_requests_menu_item():
    return RequestsSubmenu(
        _("Requests"), _requests_menu(), name="requests", icon_name="form", order=150
    )


@hooks.register("register_admin_viewset")
def register_desk_viewsets():
    return DeskViewSetGroup()


class RequestsBoardMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_board(request.user)


@hooks.register("register_admin_urls")
def register_board_urls():
    urls = [path("", RequestsBoardView.as_view(), name="board")]
    return [path("requests/board/", include((urls, "desk_board"), namespace="desk_board"))]


@hooks.register("register_admin_menu_item")
def register_board_menu_item():
    return RequestsBoardMenuItem(
        _("Requests board"), reverse("desk_board:board"), icon_name="table", order=250
    )


@hooks.register("register_log_actions")
def register_desk_log_actions(actions):
    register_actions(
        actions,
        [
            ("desk.category.create", _("Create request category"), _("Category created.")),
            ("desk.category.edit", _("Edit request category"), _("Category changed.")),
            ("desk.category.delete", _("Delete request category"), _("Category deleted.")),
            (
                "desk.response_template.create",
                _("Create response template"),
                _("Response template created."),
            ),
            (
                "desk.response_template.edit",
                _("Edit response template"),
                _("Response template changed."),
            ),
            (
                "desk.response_template.delete",
                _("Delete response template"),
                _("Response template deleted."),
            ),
            (
                "desk.request.anonymise",
                _("Anonymise request"),
                _("The resident's personal data was removed after the retention period."),
            ),
        ],
    )
