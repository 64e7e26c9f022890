"""Binds each request to its municipality and to one of that municipality's languages.

Wagtail's locales are global (REFERENCE.md, wagtail issue 7843): left alone, a Turkish and
English site would answer /pl/ with its Turkish home page. Here a site serves only its own
languages: ``/`` leads to its default language, a language it does not have is a 404 whatever
the browser asks for, and an unknown host gets a clear 404 page.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.http.request import split_domain_port
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from municipium.core.calendar_context import staff_calendar_activated
from municipium.core.http import canonical_host_set

from .selectors import staff_calendar_get, tenant_get_for_hostname

ALL_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


def language_prefix(path: str) -> str:
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in ALL_LANGUAGES else ""


class TenantMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request.get_host())[0].lower()
        tenant = tenant_get_for_hostname(hostname)
        request.tenant = tenant
        if tenant is None:
            return self._without_tenant(request, hostname)
        request._wagtail_site = tenant.site
        canonical_host_set(request, tenant.site.hostname.lower())
        if request.path_info == "/":
            return HttpResponseRedirect(tenant.home_url(tenant.default_language))
        prefix = language_prefix(request.path_info)
        language = prefix or tenant.default_language
        translation.activate(language if language in tenant.languages else tenant.default_language)
        request.LANGUAGE_CODE = translation.get_language()
        if prefix and prefix not in tenant.languages:
            raise Http404("This site is not published in that language.")
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response

    def _without_tenant(self, request, hostname):
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        if hostname in settings.MUNICIPIUM_INDEX_HOSTS:
            request.urlconf = "municipium.index_urls"
            return self.get_response(request)
        return render(request, "tenancy/unknown_host.html", {"hostname": hostname}, status=404)


ADMIN_PREFIX = SimpleLazyObject(lambda: reverse("wagtailadmin_home"))


class StaffCalendarMiddleware:
    """Staff work in their municipality's calendar (``staff_calendar_get``): resolved once per
    admin request, after authentication, and active until the response is rendered, for the
    admin's date fields, widgets and template tags (``core.calendar_context``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(str(ADMIN_PREFIX)):
            return self.get_response(request)
        tenant = getattr(request, "tenant", None)
        calendar = staff_calendar_get(
            user=request.user, host_municipality=tenant.municipality if tenant else None
        )
        with staff_calendar_activated(calendar):
            return self.get_response(request)
