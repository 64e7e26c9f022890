"""Changes to municipalities: their settings, holidays, and the purge of their cached pages.

Staff changes are audited (``core.audit``): each service takes the acting user ``by`` (None for
the system), checks that they work for the municipality, validates, saves and writes one entry
of ``tenancy.<entity>.<verb>``; purging the site's cached pages waits for the commit."""

import holidays as holidays_package
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext as _
from wagtail.models import Collection, Locale

from municipium.core.audit import audit_log, audited_delete, audited_save, snapshot

from .models import Municipality, MunicipalityName, PublicHoliday
from .selectors import municipality_list_for_user, tenant_forget

# The holidays package names its languages per country.
HOLIDAY_LANGUAGES = {"tr": "tr", "fa": "fa_IR", "pl": "pl", "en": "en_US"}


def locale_ensure_all() -> None:
    """Every language of the installation has a Wagtail locale."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def municipality_purge_cache(*, municipality: Municipality) -> None:
    """Invalidate every cached page of the municipality's site at once, in every worker:
    the page cache keys carry the generation, so a new generation misses them all."""
    Municipality.objects.filter(pk=municipality.pk).update(
        cache_generation=F("cache_generation") + 1
    )
    hostname = municipality.site.hostname
    # Forget the snapshot now (this request sees the change) and again at commit: a request
    # of another worker may have cached the old generation in between.
    tenant_forget(hostname)
    transaction.on_commit(lambda: tenant_forget(hostname))


def municipality_purge_cache_on_commit(*, municipality_id: int) -> None:
    """Purge the site's cached pages once the transaction commits (not before: a worker would
    otherwise cache the old content again under the new generation)."""

    def purge():
        municipality = Municipality.objects.select_related("site").filter(pk=municipality_id)
        if municipality := municipality.first():
            municipality_purge_cache(municipality=municipality)

    transaction.on_commit(purge)


def municipality_purge_all_caches() -> None:
    for municipality in Municipality.objects.select_related("site"):
        municipality_purge_cache(municipality=municipality)


def _package_holidays(country: str, years, language: str, categories):
    supported = getattr(holidays_package, country).supported_languages
    kwargs = {"years": years, "categories": categories}
    if language in supported:
        kwargs["language"] = language
    return holidays_package.country_holidays(country, **kwargs)


@transaction.atomic
def public_holiday_seed(*, municipality: Municipality, years) -> int:
    """Seed the municipality's holidays from the holidays package, for its country.

    Never overwrites what staff entered or corrected; an estimated date (Iran's future religious
    holidays) is marked so that staff can check it. Returns how many holidays were added.
    """
    country = municipality.country
    language = HOLIDAY_LANGUAGES.get(municipality.default_language, "en_US")
    supported = getattr(holidays_package, country).supported_categories
    categories = [c for c in ("public", "half_day") if c in supported]
    local_names = _package_holidays(country, years, language, categories)
    english_names = _package_holidays(country, years, "en_US", categories)
    full_days = _package_holidays(country, years, "en_US", ["public"])
    existing = set(municipality.holidays.values_list("date", flat=True))
    new = []
    for day, name in sorted(local_names.items()):
        if day in existing:
            continue
        new.append(
            PublicHoliday(
                municipality=municipality,
                date=day,
                name=name[:200],
                is_half_day=day not in full_days,
                is_estimate="estimated" in english_names.get(day, "").lower(),
                source=PublicHoliday.Source.PACKAGE,
            )
        )
    PublicHoliday.objects.bulk_create(new)
    if new:
        # One entry for the seeding, by the system, not one per day.
        audit_log(
            instance=municipality,
            action="tenancy.public_holiday.seed",
            by=None,
            municipality=municipality,
            extra={"count": len(new), "years": sorted(years)},
        )
        municipality_purge_cache_on_commit(municipality_id=municipality.pk)
    return len(new)


@transaction.atomic
def municipality_collection_ensure(*, municipality: Municipality) -> Collection:
    """The municipality's collection of documents and images, made at the top of the library
    (named after the municipality) if it has none yet. Its pages may use only what this
    collection and those inside it hold. A system change: not audited."""
    if municipality.collection_id is not None:
        return municipality.collection
    root = Collection.get_first_root_node()
    name = str(municipality)
    collection = root.get_children().filter(name=name, municipality=None).first() or root.add_child(
        name=name
    )
    municipality.collection = collection
    Municipality.objects.filter(pk=municipality.pk).update(collection=collection)
    return collection


def staff_check(*, by, municipality_ids) -> None:
    """Refuse a change by a member of staff who does not work for each of the municipalities
    (given as ids) that it touches. ``by=None`` is the system, allowed everywhere."""
    wanted = {pk for pk in municipality_ids if pk is not None}
    if by is None or not wanted:
        return
    allowed = set(
        municipality_list_for_user(user=by).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    if wanted - allowed:
        raise PermissionDenied(_("You do not work for this municipality."))


def stored_municipality_id(instance: models.Model) -> int | None:
    """The municipality the stored row belongs to (None for a new row): a row moved to
    another municipality must be moved by someone who works for the one it leaves too."""
    if instance.pk is None:
        return None
    stored = type(instance)._default_manager.filter(pk=instance.pk)
    return stored.values_list("municipality_id", flat=True).first()


def municipality_owned_save(instance: models.Model, *, by, action_prefix: str, snapshot_of=None):
    """The common tail of a service that saves a row belonging to a municipality: ``by`` must
    work for its municipality (and for the one it had, if moved), then ``audited_save`` and the
    purge of the site's cached pages on commit. Call it inside the service's transaction."""
    previous = stored_municipality_id(instance)
    staff_check(by=by, municipality_ids=[previous, instance.municipality_id])
    audited_save(
        instance,
        by=by,
        action_prefix=action_prefix,
        municipality=instance.municipality_id,
        snapshot_of=snapshot_of,
    )
    for municipality_id in {previous, instance.municipality_id} - {None}:
        municipality_purge_cache_on_commit(municipality_id=municipality_id)
    return instance


def municipality_owned_delete(instance: models.Model, *, by, action_prefix: str) -> None:
    staff_check(by=by, municipality_ids=[instance.municipality_id])
    municipality_id = instance.municipality_id
    audited_delete(instance, by=by, action_prefix=action_prefix, municipality=municipality_id)
    municipality_purge_cache_on_commit(municipality_id=municipality_id)


def municipality_snapshot(municipality: Municipality) -> dict:
    """What the audit log keeps of a municipality: its fields, its official names per language
    (child rows) and the names of its staff groups (many-to-many)."""
    groups = sorted(municipality.staff_groups.values_list("name", flat=True))
    names = {name.language: name.name for name in municipality.names.all()}
    return snapshot(municipality, extra={"names": names, "staff_groups": groups})


@transaction.atomic
def municipality_save(
    *, municipality: Municipality, by, names: dict | None = None, staff_groups=None
) -> Municipality:
    """Create or change a municipality's settings. ``municipality`` may carry unsaved changes
    and unsaved official names (the admin's form); ``names`` ({language: name}) sets them
    instead, ``staff_groups`` replaces its staff groups. Logs ``tenancy.municipality.create``
    or ``.edit`` with what changed, and purges its site's cached pages on commit."""
    stored = None
    if municipality.pk is not None:
        staff_check(by=by, municipality_ids=[municipality.pk])
        stored = Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    before = municipality_snapshot(stored) if stored is not None else None
    if stored is not None:
        # The purge bumps the generation in the database, not in this instance: never write
        # an old generation back.
        municipality.cache_generation = stored.cache_generation
    municipality.full_clean()
    municipality.save()
    if names is not None:
        _names_set(municipality, names)
    if municipality.collection_id is None:
        municipality_collection_ensure(municipality=municipality)
    if staff_groups is not None:
        municipality.staff_groups.set(staff_groups)
    after = municipality_snapshot(municipality)
    if before == after:
        return municipality
    audit_log(
        instance=municipality,
        action="tenancy.municipality." + ("create" if before is None else "edit"),
        by=by,
        municipality=municipality,
        before=before,
        after=after,
    )
    municipality_purge_cache_on_commit(municipality_id=municipality.pk)
    return municipality


@transaction.atomic
def municipality_staff_groups_add(*, municipality: Municipality, groups, by) -> None:
    """Let the members of ``groups`` work for the municipality too (its other settings stay
    as stored): logged as ``tenancy.municipality.edit`` with the staff groups before and after."""
    staff_check(by=by, municipality_ids=[municipality.pk])
    before = sorted(municipality.staff_groups.values_list("name", flat=True))
    municipality.staff_groups.add(*groups)
    after = sorted(municipality.staff_groups.values_list("name", flat=True))
    if before != after:
        audit_log(
            instance=municipality,
            action="tenancy.municipality.edit",
            by=by,
            municipality=municipality,
            before={"staff_groups": before},
            after={"staff_groups": after},
        )


def _names_set(municipality: Municipality, names: dict) -> None:
    for order, (language, name) in enumerate(names.items()):
        row = MunicipalityName(municipality=municipality, language=language, name=name)
        row.sort_order = order
        row.full_clean(exclude=["municipality"], validate_unique=False, validate_constraints=False)
        MunicipalityName.objects.update_or_create(
            municipality=municipality,
            language=language,
            defaults={"name": name, "sort_order": order},
        )
    MunicipalityName.objects.filter(municipality=municipality).exclude(
        language__in=list(names)
    ).delete()


@transaction.atomic
def municipality_delete(*, municipality: Municipality, by) -> None:
    """Delete a municipality with everything that belongs to it (its site stays)."""
    staff_check(by=by, municipality_ids=[municipality.pk])
    audit_log(
        instance=municipality,
        action="tenancy.municipality.delete",
        by=by,
        municipality=municipality,
        before=municipality_snapshot(municipality),
        after=None,
        title=str(municipality),
    )
    hostname = municipality.site.hostname
    municipality.delete()
    transaction.on_commit(lambda: tenant_forget(hostname))


@transaction.atomic
def public_holiday_save(*, holiday: PublicHoliday, by) -> PublicHoliday:
    """Add or correct a public holiday: logged as ``tenancy.public_holiday.create``/``.edit``."""
    return municipality_owned_save(holiday, by=by, action_prefix="tenancy.public_holiday")


@transaction.atomic
def public_holiday_delete(*, holiday: PublicHoliday, by) -> None:
    municipality_owned_delete(holiday, by=by, action_prefix="tenancy.public_holiday")
