from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from municipium.tenancy.services import municipality_purge_cache

from .models import Alert


@receiver(post_save, sender=Alert)
@receiver(post_delete, sender=Alert)
def purge_on_alert_change(sender, instance, raw=False, **kwargs):
    if not raw:
        municipality_purge_cache(municipality=instance.municipality)
