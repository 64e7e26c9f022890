from django_tasks import task

from .services import document_text_update


@task()
def document_text_extract(document_id: int) -> None:
    """Read the text of a document's file if the file changed, and put it in the document's
    search entries (after each save of a document; safe to run twice)."""
    document_text_update(document_id=document_id)
