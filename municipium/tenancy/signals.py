"""Purge a site's cached pages whenever a page changes. Changes to the municipality's own
settings are purged by their services (``municipality_save``), on commit."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .selectors import municipality_get_for_page
from .services import municipality_purge_all_caches, municipality_purge_cache


def _purge_for_page(page):
    municipality = municipality_get_for_page(page=page)
    if municipality is None:
        municipality_purge_all_caches()
    else:
        municipality_purge_cache(municipality=municipality)


@receiver(page_published)
@receiver(page_unpublished)
def purge_on_publish(sender, instance, **kwargs):
    _purge_for_page(instance)


@receiver(post_page_move)
def purge_on_move(sender, instance, **kwargs):
    # A move may take a page from one site to another: purge both.
    municipality_purge_all_caches()


@receiver(post_delete, sender=Page)
def purge_on_delete(sender, instance, **kwargs):
    municipality_purge_all_caches()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def purge_on_view_restriction_change(sender, instance, raw=False, **kwargs):
    # A page made private must leave the page cache at once, and every tenant snapshot says
    # whether the installation has any restriction at all (core.wagtail_hooks).
    if not raw:
        municipality_purge_all_caches()
