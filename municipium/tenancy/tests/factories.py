"""Municipalities with their site and home pages, built through the project's services."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from municipium.portal.models import HomePage
from municipium.portal.services import home_pages_ensure
from municipium.tenancy.models import Municipality, MunicipalityName
from municipium.tenancy.services import municipality_collection_ensure


def home_pages_create(slug: str, languages) -> dict[str, HomePage]:
    """The municipality's branch of the page tree and its home page in each language."""
    fields = {
        language: {
            "title": f"{slug} {language}",
            "welcome_heading": f"Welcome to {slug} ({language})",
            "welcome_text": "<p>Hello.</p>",
        }
        for language in languages
    }
    return home_pages_ensure(slug=slug, title=slug.title(), fields=fields)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    """``MunicipalityFactory(slug="x", languages=["tr", "en"])``: a site on x.localhost with a
    home page in each language; ``municipality.homes`` maps language to home page."""

    class Meta:
        model = Municipality
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"town{n}")
    country = "TR"
    languages = factory.LazyFunction(lambda: ["tr", "en"])
    default_language = factory.LazyAttribute(lambda o: o.languages[0])
    calendar = "gregorian"
    time_zone = "Europe/Istanbul"
    weekend_days = factory.LazyFunction(lambda: [5, 6])
    email = "info@example.org"
    phone = "(0232) 555 00 00"

    @factory.lazy_attribute
    def site(self):
        homes = home_pages_create(self.slug, self.languages)
        site = Site.objects.create(
            hostname=f"{self.slug}.localhost",
            port=80,
            root_page=homes[self.default_language],
            site_name=self.slug,
        )
        site._homes = homes
        return site

    @factory.post_generation
    def names(obj, create, extracted, **kwargs):
        for language in obj.languages:
            name = (extracted or {}).get(language, f"{obj.slug.title()} ({language})")
            MunicipalityName.objects.create(municipality=obj, language=language, name=name)
        obj.homes = obj.site._homes

    @factory.post_generation
    def collection(obj, create, extracted, **kwargs):
        """Its documents and images' collection, as ``municipality_save`` makes it."""
        municipality_collection_ensure(municipality=obj)


def staff_create(username: str, *municipalities):
    """A member of staff who works for ``municipalities`` (one group that all of them have)."""
    group = Group.objects.create(name=f"{username} staff")
    for municipality in municipalities:
        municipality.staff_groups.add(group)
    user = get_user_model().objects.create_user(username)
    user.groups.add(group)
    return user
