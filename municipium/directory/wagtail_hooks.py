from wagtail import hooks

from .services import directorate_copies_relink
from .viewsets import PersonViewSet


@hooks.register("register_admin_viewset")
def register_person_viewset():
    return PersonViewSet("people")


@hooks.register("after_copy_page")
def relink_copied_directorates(request, page, new_page):
    directorate_copies_relink(source=page, target=new_page)
