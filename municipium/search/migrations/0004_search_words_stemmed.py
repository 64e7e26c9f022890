"""The index's words are stemmed in the entry's language and folded (``core.text.search_tokens``)
since issue 9: compute them again for the entries already there, from their own title and text,
so that an existing index answers the new queries at once. What a page's entry holds (its rows,
its people, no alt text, no file names) changes only when the page is indexed again:
``municipium search_index_rebuild``. No schema change: the full-text index follows the columns
(SQLite's triggers, PostgreSQL's generated column)."""

from django.db import migrations

from municipium.core.text import search_tokens, tokens

BATCH = 1000


def _recompute(words):
    def run(apps, schema_editor):
        SearchEntry = apps.get_model("municipium_search", "SearchEntry")
        entries = SearchEntry.objects.only("id", "language", "title", "text").order_by("id")
        batch = []
        for entry in entries.iterator(chunk_size=BATCH):
            entry.normalised_title = " ".join(words(entry.title, entry.language))
            entry.normalised_text = " ".join(words(entry.text, entry.language))
            batch.append(entry)
            if len(batch) == BATCH:
                SearchEntry.objects.bulk_update(batch, ["normalised_title", "normalised_text"])
                batch = []
        if batch:
            SearchEntry.objects.bulk_update(batch, ["normalised_title", "normalised_text"])

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("municipium_search", "0003_document_text"),
    ]

    operations = [
        migrations.RunPython(
            _recompute(lambda text, language: search_tokens(text, language=language)),
            # Back to the words of before: normalised only.
            _recompute(lambda text, language: tokens(text)),
        ),
    ]
