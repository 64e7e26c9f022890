"""Settings → Sign-in lockouts: the lockouts in force that the user may unblock, each with a
button that unblocks it (``services.login_lockout_reset``)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .selectors import lockout_list_for_user, staff_ids_administered_by
from .services import login_lockout_reset


def may_see_lockouts(user) -> bool:
    return user.is_superuser or bool(staff_ids_administered_by(user=user))


class LockoutListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/lockout_list.html"
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_lockouts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lockouts"] = lockout_list_for_user(user=self.request.user)
        context["limits"] = {
            "account": settings.LOGIN_FAILURE_LIMIT,
            "address": settings.LOGIN_ADDRESS_FAILURE_LIMIT,
            "minutes": settings.LOGIN_LOCKOUT_MINUTES,
        }
        return context

    def post(self, request):
        kind, key = request.POST.get("kind", ""), request.POST.get("key", "")
        tenant = getattr(request, "tenant", None)
        try:
            login_lockout_reset(
                kind=kind,
                key=key,
                by=request.user,
                host_municipality=tenant.municipality if tenant else None,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s may sign in again.") % {"name": key})
        return redirect(reverse("accounts:lockout-list"))
