"""The five demo municipalities, from the seed pages: their identity, languages and calendars.
People, phones and addresses are invented (example.org, made-up numbers)."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site
from wagtail.users.models import UserProfile

from municipium.core.demo import DemoSite

from .demo_logos import demo_logo_ensure
from .models import Municipality
from .selectors import municipality_root_page_list
from .services import (
    locale_ensure_all,
    municipality_collection_ensure,
    municipality_purge_all_caches,
    municipality_save,
    municipality_staff_groups_add,
    public_holiday_seed,
)

DEMO_PORT = 8000
DEMO_PASSWORD = "municipium-demo"


@dataclass(frozen=True)
class MunicipalityDefinition:
    slug: str
    country: str
    languages: tuple[str, ...]
    calendar: str
    time_zone: str
    weekend_days: tuple[int, ...]
    names: dict[str, str]
    address: str
    phone: str
    email: str
    primary_colour: str
    accent_colour: str
    emblem: str = ""  # the motif of the emblem drawn for the demo (demo_logos.MOTIFS)
    call_centre_phone: str = ""
    social: dict[str, str] = field(default_factory=dict)
    institution_kind: str = "municipality"

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def hostname(self) -> str:
        return f"{self.slug}.localhost"


MUNICIPALITIES = (
    MunicipalityDefinition(
        slug="bornova",
        country="TR",
        languages=("tr", "en"),
        calendar="gregorian",
        time_zone="Europe/Istanbul",
        weekend_days=(5, 6),
        names={"tr": "Bornova Belediyesi", "en": "Bornova Municipality"},
        address="Örnek Mahallesi, Kültür Caddesi No: 1\n35040 Bornova / İzmir",
        phone="(0232) 555 01 00",
        call_centre_phone="153",
        email="iletisim@bornova.example.org",
        primary_colour="#0b4f8a",
        accent_colour="#b3261e",
        emblem="waves",
        social={
            "facebook_url": "https://facebook.example.org/bornova",
            "instagram_url": "https://instagram.example.org/bornova",
            "youtube_url": "https://video.example.org/bornova",
        },
    ),
    MunicipalityDefinition(
        slug="kuzeykent",
        country="TR",
        languages=("tr", "en"),
        calendar="gregorian",
        time_zone="Europe/Istanbul",
        weekend_days=(5, 6),
        names={
            "tr": "Kuzeykent Büyükşehir Belediyesi",
            "en": "Kuzeykent Metropolitan Municipality",
        },
        address="Cumhuriyet Meydanı No: 10\n06000 Kuzeykent",
        phone="(0312) 555 02 00",
        call_centre_phone="153",
        email="basin@kuzeykent.example.org",
        primary_colour="#114b3c",
        accent_colour="#8a4b00",
        emblem="star",
        social={"x_url": "https://x.example.org/kuzeykent"},
    ),
    MunicipalityDefinition(
        slug="sisli",
        country="TR",
        languages=("tr", "en"),
        calendar="gregorian",
        time_zone="Europe/Istanbul",
        weekend_days=(5, 6),
        names={"tr": "Şişli Belediyesi", "en": "Şişli Municipality"},
        address="Örnek Sokak No: 5\n34380 Şişli / İstanbul",
        phone="(0212) 555 03 00",
        call_centre_phone="153",
        email="ozelkalem@sisli.example.org",
        primary_colour="#5b2a86",
        accent_colour="#a0153e",
        emblem="towers",
        social={"instagram_url": "https://instagram.example.org/sisli"},
    ),
    MunicipalityDefinition(
        slug="bumehen",
        country="IR",
        languages=("fa", "en"),
        calendar="solar_hijri",
        time_zone="Asia/Tehran",
        weekend_days=(4,),
        names={"fa": "شهرداری بومهن", "en": "Bumehen Municipality"},
        address="بومهن، میدان نمونه، ساختمان شهرداری",
        phone="021-5550-0400",
        call_centre_phone="137",
        email="info@bumehen.example.org",
        primary_colour="#0f5e56",
        accent_colour="#9c2f00",
        emblem="mountains",
    ),
    MunicipalityDefinition(
        slug="rudziniec",
        institution_kind="culture_centre",
        country="PL",
        languages=("pl", "en"),
        calendar="gregorian",
        time_zone="Europe/Warsaw",
        weekend_days=(5, 6),
        names={
            "pl": "Gminny Ośrodek Kultury w Rudzińcu",
            "en": "Rudziniec Municipal Culture Centre",
        },
        address="ul. Przykładowa 1\n44-160 Rudziniec",
        phone="+48 32 555 05 00",
        email="gok@rudziniec.example.org",
        primary_colour="#7a2e0e",
        accent_colour="#1d5a8c",
        emblem="lyre",
        social={"facebook_url": "https://facebook.example.org/gok-rudziniec"},
    ),
)


def _remove_wagtail_welcome_site() -> None:
    """A fresh Wagtail database has a default site on localhost with a welcome page. It would
    answer every unknown host; the demo removes it (only if it is still the untouched one)."""
    for site in Site.objects.filter(is_default_site=True, municipality__isnull=True):
        root = site.root_page
        site.delete()
        if root.title.startswith("Welcome to your new Wagtail site") and root.is_leaf():
            root.delete()


@transaction.atomic
def municipality_ensure(definition: MunicipalityDefinition, *, root_page: Page) -> Municipality:
    _remove_wagtail_welcome_site()
    site, _created = Site.objects.update_or_create(
        hostname=definition.hostname,
        defaults={
            "port": DEMO_PORT,
            "root_page": root_page,
            "site_name": definition.names[definition.default_language],
            "is_default_site": False,
        },
    )
    municipality = Municipality.objects.filter(slug=definition.slug).first()
    municipality = municipality or Municipality(slug=definition.slug)
    fields = {
        "site": site,
        "country": definition.country,
        "institution_kind": definition.institution_kind,
        "languages": list(definition.languages),
        "default_language": definition.default_language,
        "calendar": definition.calendar,
        "time_zone": definition.time_zone,
        "weekend_days": list(definition.weekend_days),
        "address": definition.address,
        "phone": definition.phone,
        "call_centre_phone": definition.call_centre_phone,
        "email": definition.email,
        "primary_colour": definition.primary_colour,
        "accent_colour": definition.accent_colour,
        "logo": _logo(definition),
        **definition.social,
    }
    for name, value in fields.items():
        setattr(municipality, name, value)
    municipality_save(municipality=municipality, by=None, names=dict(definition.names))
    logo = municipality.logo
    if logo is not None and logo.collection_id != municipality.collection_id:
        # The emblem is the municipality's own image: in its collection, which the admin's
        # choosers and forms keep to (tenancy.ownership).
        type(logo).objects.filter(pk=logo.pk).update(collection=municipality.collection_id)
    this_year = datetime.date.today().year
    public_holiday_seed(municipality=municipality, years=[this_year, this_year + 1])
    return municipality


def _logo(definition: MunicipalityDefinition):
    if not definition.emblem:
        return None
    return demo_logo_ensure(
        slug=definition.slug,
        title=f"Demo emblem: {definition.names['en']}",
        primary=definition.primary_colour,
        accent=definition.accent_colour,
        motif=definition.emblem,
    )


EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


@transaction.atomic
def staff_ensure(municipality: Municipality) -> str:
    """A group of editors who work on this municipality's pages only (its branch of the page
    tree: every language's home page and what is below), and one demo editor. Returns the
    editor's user name."""
    group, _created = Group.objects.get_or_create(name=f"{municipality.slug} editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for root in municipality_root_page_list(municipalities=[municipality]):
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=Permission.objects.get(codename=codename)
            )
    collection = collection_ensure(municipality)
    for model in ("image", "document"):
        for action in ("add", "change", "choose"):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(codename=f"{action}_{model}"),
            )
    municipality_staff_groups_add(municipality=municipality, groups=[group], by=None)
    return demo_user_ensure(f"editor-{municipality.slug}", group, time_zone=municipality.time_zone)


def demo_user_ensure(username: str, *groups: Group, time_zone: str | None = None) -> str:
    """A demo member of staff with the demo password, in ``groups``. The admin reads and writes
    date-times in the user's time zone (Wagtail's profile setting, UTC when empty): given one,
    the member of staff works there."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(*groups)
    if time_zone:
        profile = UserProfile.get_for_user(user)
        if profile.current_time_zone != time_zone:
            profile.current_time_zone = time_zone
            profile.save(update_fields=["current_time_zone"])
    return username


def collection_ensure(municipality: Municipality) -> Collection:
    return municipality_collection_ensure(municipality=municipality)


def superuser_ensure() -> str:
    user_model = get_user_model()
    if not user_model.objects.filter(username="admin").exists():
        user_model.objects.create_superuser("admin", "admin@example.org", DEMO_PASSWORD)
    return "admin"


# The demo's steps (registered in TenancyConfig.ready, run by ``municipium.core.demo``) ------


def demo_setup(run) -> None:
    """Every language has a locale; the sites to build are the five definitions above."""
    locale_ensure_all()
    run.sites.extend(
        DemoSite(key=definition.slug, definition=definition) for definition in MUNICIPALITIES
    )


def demo_municipality(site) -> None:
    """The municipality and its Wagtail site, rooted at the home page in its default language
    (``site.made["homes"]``, made by portal). Leaves ``site.made["municipality"]``."""
    definition = site.definition
    homes = site.made["homes"]
    site.made["municipality"] = municipality_ensure(
        definition, root_page=homes[definition.default_language]
    )
    site.name = definition.names[definition.default_language]
    site.url = f"http://{definition.hostname}:{DEMO_PORT}/"


def demo_staff(site) -> None:
    """The municipality points at its accessibility declaration
    (``site.made["declarations"]``, made by portal), and its editors' group gets an editor."""
    municipality = site.made["municipality"]
    declarations = site.made.get("declarations", {})
    declaration = declarations.get(site.definition.default_language)
    if municipality.accessibility_declaration_id != getattr(declaration, "pk", None):
        municipality.accessibility_declaration = declaration
        municipality.save(update_fields=["accessibility_declaration"])
    site.staff.append(staff_ensure(municipality))


def demo_finish(run) -> None:
    superuser_ensure()
    run.notes.append(
        f"Admin: /admin/ on any site, user admin; every demo password is {DEMO_PASSWORD!r}."
    )
    # Pages cached before the demo changed them are stale: purge once the data is committed.
    transaction.on_commit(municipality_purge_all_caches)
