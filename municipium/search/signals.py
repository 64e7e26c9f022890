"""Keeps the search index in step with the page tree and the documents: each receiver calls
one service or queues one task."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .services import (
    document_key,
    search_collection_documents_index,
    search_entry_remove,
    search_page_forget,
    search_page_index,
    search_subtree_index,
)
from .tasks import document_text_extract

# A save of only other fields (Wagtail fills file_size on first display) changes nothing found.
DOCUMENT_FIELDS_FOUND = {"title", "file", "file_hash", "collection"}


@receiver(page_published)
def index_on_publish(sender, instance, **kwargs):
    search_page_index(page=instance)


@receiver(page_unpublished)
def forget_on_unpublish(sender, instance, **kwargs):
    search_page_forget(page_id=instance.pk)


@receiver(post_delete, sender=Page)
def forget_on_delete(sender, instance, **kwargs):
    search_page_forget(page_id=instance.pk)


@receiver(page_slug_changed)
def reindex_subtree_on_new_slug(sender, instance, **kwargs):
    search_subtree_index(page=instance)


@receiver(post_page_move)
def reindex_subtree_on_move(sender, instance, url_path_before, url_path_after, **kwargs):
    # Wagtail sends this for a reorder among siblings too: nothing found has changed then.
    if url_path_before != url_path_after:
        search_subtree_index(page=instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_subtree_on_restriction(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        search_subtree_index(page=page)


@receiver(post_save, sender=get_document_model())
def read_document_text_on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and not DOCUMENT_FIELDS_FOUND & set(update_fields)):
        return
    document_id = instance.pk
    transaction.on_commit(lambda: document_text_extract.enqueue(document_id))


@receiver(post_delete, sender=get_document_model())
def forget_document_on_delete(sender, instance, **kwargs):
    search_entry_remove(object_key=document_key(instance.pk))


@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
def reindex_documents_on_collection_restriction(sender, instance, raw=False, **kwargs):
    if raw:
        return
    collection = instance.collection
    transaction.on_commit(lambda: search_collection_documents_index(collection=collection))
