from django.urls import path

from . import views

app_name = "tenancy"
urlpatterns = [
    path("theme.css", views.theme_css, name="theme-css"),
    path("share.png", views.share_image, name="share-image"),
]
