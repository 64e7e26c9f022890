from wagtail import hooks

from .viewsets import TenancyViewSetGroup


@hooks.register("register_admin_viewset")
def register_tenancy_viewsets():
    return TenancyViewSetGroup()
