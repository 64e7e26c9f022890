"""The search index: one row per searchable thing per site and language.

The full-text part lives beside the table, in SQL the ORM does not know (migration 0002): on
SQLite an FTS5 table kept in step by triggers, on PostgreSQL a generated ``tsvector`` column
with a GIN index. Both read only the ``normalised_*`` columns, written through
``municipium.core.text``, so that the index and the query see the same words.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.documents import get_document_model_string

TEXT_LIMIT = 20_000  # characters of plain text kept per entry: enough for any excerpt
# Characters of a document's own text kept, and indexed with it. Bounded for PostgreSQL too: a
# tsvector holds at most 1 MB, which this many characters of any script stay well below.
DOCUMENT_TEXT_LIMIT = 100_000


class Kind(models.TextChoices):
    PAGE = "page", pgettext_lazy("search result kind", "Page")
    NEWS = "news", pgettext_lazy("search result kind", "News")
    DIRECTORATE = "directorate", pgettext_lazy("search result kind", "Directorate")
    PERSON = "person", pgettext_lazy("search result kind", "Person")
    DOCUMENT = "document", pgettext_lazy("search result kind", "Document")
    ARCHIVE = "archive", pgettext_lazy("search result kind", "Archive")


class SearchEntry(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("site")
    )
    language = models.CharField(_("language"), max_length=8)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    object_key = models.CharField(
        _("object"),
        max_length=100,
        help_text=_("What the entry is for, as 'page:12' or 'document:3': one entry each."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # services.search_page_forget tidies up after a delete
        related_name="+",
        verbose_name=_("page"),
        help_text=_("The page itself, or for a document the page that links to it."),
    )
    title = models.CharField(_("title"), max_length=255)
    url = models.CharField(_("address"), max_length=500)
    date = models.DateTimeField(_("date"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True, help_text=_("Plain text, for excerpts."))
    document_ids = models.CharField(
        _("documents linked"),
        max_length=2000,
        blank=True,
        help_text=_("For a page, the ids of the documents it links to, as ' 3 12 '."),
    )
    normalised_title = models.TextField(_("normalised title"))
    normalised_text = models.TextField(_("normalised text"), blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "language", "object_key"], name="search_entry_unique_object"
            )
        ]
        indexes = [models.Index(fields=["object_key"], name="search_entry_object_key")]

    def __str__(self):
        return f"{self.object_key} ({self.language}): {self.title}"


class DocumentText(models.Model):
    """The text inside a Wagtail document's file, read once per version of the file
    (``services.document_text_update``), so that the document's entries hold its words."""

    document = models.OneToOneField(
        get_document_model_string(),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("document"),
    )
    file_hash = models.CharField(_("file hash"), max_length=40, blank=True)
    text = models.TextField(_("text"), blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    extracted_at = models.DateTimeField(_("extracted at"))

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self):
        return f"document:{self.document_id} ({self.file_hash[:8]})"
