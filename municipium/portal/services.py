"""Changes to the page tree that several apps need: creating or updating a page in place,
and its translations linked to it (same translation key, one page per locale)."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page


def _locale(language: str) -> Locale:
    return Locale.objects.get(language_code=language)


@transaction.atomic
def page_ensure(
    *,
    parent: Page,
    page_class: type[Page],
    slug: str,
    language: str,
    translation_of: Page | None = None,
    **fields,
) -> Page:
    """The live page ``slug`` of ``page_class`` under ``parent`` in ``language``, created or
    brought up to date with ``fields``. Running it again changes nothing. A translation takes
    the translation key of ``translation_of``, so that Wagtail links the two."""
    locale = _locale(language)
    existing = page_class.objects.child_of(parent).filter(slug=slug, locale=locale).first()
    if existing is not None:
        changed = [name for name, value in fields.items() if getattr(existing, name) != value]
        for name in changed:
            setattr(existing, name, fields[name])
        if changed:
            existing.save()
        return existing
    now = timezone.now()
    page = page_class(
        slug=slug,
        locale=locale,
        live=True,
        first_published_at=now,
        last_published_at=now,
        **fields,
    )
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    return page
