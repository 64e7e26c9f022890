from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


@never_cache
def health(request):
    return HttpResponse("ok", content_type="text/plain")


def ceiling(request):
    """A trivial view through the whole middleware stack: the benchmarks' ceiling."""
    return HttpResponse("ceiling", content_type="text/plain")
