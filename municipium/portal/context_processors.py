from django.utils import timezone, translation

from municipium.core.page_cache import limit_cache_until

from .selectors import alert_list_current


def alerts(request):
    """The municipality's current alerts for the page's language. A cached page carrying
    them is kept only until the next alert starts or ends."""
    tenant = getattr(request, "tenant", None)
    if tenant is None:
        return {}
    current, next_change = alert_list_current(
        municipality=tenant.municipality, language=translation.get_language(), now=timezone.now()
    )
    if next_change is not None:
        limit_cache_until(request, next_change)
    return {"alerts": current}
