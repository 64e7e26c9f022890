from django.utils import timezone, translation

from municipium.core.page_cache import limit_cache_until, site_data

from .selectors import alert_list_current, alert_list_upcoming


def alerts(request):
    """The municipality's current alerts for the page's language. A cached page carrying
    them is kept only until the next alert starts or ends."""
    tenant = getattr(request, "tenant", None)
    if tenant is None:
        return {}
    municipality, language, now = tenant.municipality, translation.get_language(), timezone.now()
    # Kept with the site's data: saving or deleting an alert bumps the cache generation
    # (portal.signals). Which of them show is decided now, at each request.
    upcoming = site_data(
        request,
        "alerts",
        lambda: alert_list_upcoming(municipality=municipality, language=language, now=now),
    )
    current, next_change = alert_list_current(
        municipality=municipality, language=language, now=now, upcoming=upcoming
    )
    if next_change is not None:
        limit_cache_until(request, next_change)
    return {"alerts": current}
