"""Who may change the types of event: they are every municipality's, so only superusers."""

from wagtail.permission_policies import ModelPermissionPolicy


class SuperuserPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return bool(user.is_active and user.is_superuser)
