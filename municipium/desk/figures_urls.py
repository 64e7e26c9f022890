"""The public figures of a municipality's requests: /<lang>/requests/figures/."""

from django.urls import path

from .board_views import public_figures_page

app_name = "desk_figures"
urlpatterns = [path("requests/figures/", public_figures_page, name="public")]
