"""A translated copy of a directorate reports to the translation of its superior."""

from django.dispatch import receiver
from wagtail.signals import copy_for_translation_done

from .models import DirectoratePage
from .services import directorate_reports_to_relink


@receiver(copy_for_translation_done)
def relink_translated_directorate(sender, source_obj, target_obj, **kwargs):
    target = target_obj.specific
    if isinstance(target, DirectoratePage):
        directorate_reports_to_relink(target=target)
