"""The demo's Open311 client on each site, with a published key (README), and the right to
issue keys for the municipality's administrators."""

from django.contrib.auth.models import Group, Permission

from .services import api_client_ensure

DEMO_CLIENT = "Demo app"
ADMINISTRATOR_PERMISSIONS = [
    f"{action}_apiclient" for action in ("add", "change", "delete", "view")
]


def demo_key(slug: str) -> str:
    """The demo client's key: published, so never to be used outside the demo."""
    return f"open311-demo-{slug}"


def demo_api_client(site) -> None:
    """The demo step after the staff groups exist (registered in Open311Config.ready)."""
    municipality = site.made["municipality"]
    administrators = Group.objects.filter(name=f"{municipality.slug} administrators").first()
    if administrators is not None:
        administrators.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="open311", codename__in=ADMINISTRATOR_PERMISSIONS
            )
        )
    site.made["api_client"] = api_client_ensure(
        municipality=municipality, name=DEMO_CLIENT, key=demo_key(municipality.slug)
    )
