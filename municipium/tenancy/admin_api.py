"""The admin API's documents and images, limited to the collections the user may choose
from. Wagtail's endpoints list every document and image of the installation to anyone who
may enter the admin (only privacy-restricted collections are left out), so another
municipality's files were a ``/admin/api/main/documents/`` away."""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

ACTIONS = ["choose", "add", "change", "delete"]


def _in_own_collections(queryset, user):
    policy = policy_registry.get_by_type(queryset.model)
    return queryset.filter(
        collection__in=policy.collections_user_has_any_permission_for(user, ACTIONS)
    )


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return _in_own_collections(super().get_queryset(), self.request.user)


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return _in_own_collections(super().get_queryset(), self.request.user)
