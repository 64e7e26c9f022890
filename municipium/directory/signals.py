"""Keep what directorate pages show consistent: a person's change purges their municipality's
cached pages (as publishing a page does), and a translated copy of a directorate gets units
and roles that point at its own units."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import copy_for_translation_done

from municipium.tenancy.services import municipality_purge_cache

from .models import DirectoratePage, Person
from .services import directorate_units_relink


@receiver(post_save, sender=Person)
@receiver(post_delete, sender=Person)
def purge_on_person_change(sender, instance, raw=False, **kwargs):
    if not raw:
        municipality_purge_cache(municipality=instance.municipality)


@receiver(copy_for_translation_done)
def relink_translated_directorate(sender, source_obj, target_obj, **kwargs):
    source, target = source_obj.specific, target_obj.specific
    if isinstance(source, DirectoratePage) and isinstance(target, DirectoratePage):
        directorate_units_relink(source=source, target=target)
