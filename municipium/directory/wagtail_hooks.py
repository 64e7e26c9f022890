from wagtail import hooks

from .services import directorate_copies_relink


@hooks.register("after_copy_page")
def relink_copied_directorates(request, page, new_page):
    directorate_copies_relink(target=new_page)
