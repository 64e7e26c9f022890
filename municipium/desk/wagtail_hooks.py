from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from municipium.core.audit import register_actions

from .board_views import RequestsBoardView, may_see_board


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
            (
                "desk.request.anonymise",
                _("Anonymise request"),
                _("The resident's personal data was removed after the retention period."),
            ),
        ],
    )
