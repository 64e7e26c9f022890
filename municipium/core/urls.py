from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve as serve_file
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern
from wagtail.urls import urlpatterns as wagtail_urlpatterns

from . import views

# URLs outside any language: the admin, documents, media and health checks. Core names no
# app: the project's urls.py adds the apps' own (tenancy's theme.css among them).
common_urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.health, name="health"),
    path("_ceiling", views.ceiling, name="ceiling"),
    re_path(r"^media/(?P<path>.*)$", serve_file, {"document_root": settings.MEDIA_ROOT}),
]

# Wagtail's front-end URLs; its page view finds the page through core.routing.
page_urlpatterns = [
    *(pattern for pattern in wagtail_urlpatterns if pattern.name != "wagtail_serve"),
    re_path(serve_pattern, views.serve_page, name="wagtail_serve"),
]
