from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern
from wagtail.urls import urlpatterns as wagtail_urlpatterns

from . import views

# URLs outside any language: the admin, documents, image renditions and health checks. Core
# names no app: the project's urls.py adds the apps' own (tenancy's theme.css among them).
# Documents are served only by Wagtail's view (which checks the host and the collection's
# privacy): nothing else under MEDIA_ROOT but image renditions is served (views.media_image).
common_urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.health, name="health"),
    path("_ceiling", views.ceiling, name="ceiling"),
    re_path(r"^media/images/(?P<path>.+)$", views.media_image, name="media-image"),
]

# Wagtail's front-end URLs; its page view finds the page through core.routing.
page_urlpatterns = [
    *(pattern for pattern in wagtail_urlpatterns if pattern.name != "wagtail_serve"),
    re_path(serve_pattern, views.serve_page, name="wagtail_serve"),
]
