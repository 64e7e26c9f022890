"""The full-text index beside SearchEntry, in each database's own way (backends/database.py).

SQLite: a contentless FTS5 table kept in step by triggers. The ``unicode61`` tokenizer only
splits the already-normalised words at the spaces between them (``core.text`` decides what a
word is: it keeps the ZWNJ-joined Persian word whole, which unicode61 alone would split), and
removes no diacritics, so that SQLite and PostgreSQL find exactly the same words. Prefix
indexes of 2 and 3 characters keep short prefix queries fast.
Beware: a later migration that makes Django rebuild the SQLite table (most ALTERs of
SearchEntry) drops these triggers; it must create them again.

PostgreSQL: a generated tsvector column (the title with weight A) with a GIN index, in the
``simple`` configuration: there is none for Persian or Polish (REFERENCE.md). The table keeps
its tuples small (toast_tuple_target) for the GIN bitmap scans.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE municipium_search_fts USING fts5(
        title, body,
        content='',
        tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'",
        prefix='2 3'
    )
    """,
    "INSERT INTO municipium_search_fts(municipium_search_fts, rank) "
    "VALUES ('rank', 'bm25(5.0, 1.0)')",
    """
    INSERT INTO municipium_search_fts(rowid, title, body)
    SELECT id, normalised_title, normalised_text FROM municipium_search_searchentry
    """,
    """
    CREATE TRIGGER municipium_search_entry_insert AFTER INSERT ON municipium_search_searchentry
    BEGIN
        INSERT INTO municipium_search_fts(rowid, title, body)
        VALUES (new.id, new.normalised_title, new.normalised_text);
    END
    """,
    """
    CREATE TRIGGER municipium_search_entry_delete AFTER DELETE ON municipium_search_searchentry
    BEGIN
        INSERT INTO municipium_search_fts(municipium_search_fts, rowid, title, body)
        VALUES ('delete', old.id, old.normalised_title, old.normalised_text);
    END
    """,
    """
    CREATE TRIGGER municipium_search_entry_update
    AFTER UPDATE OF id, normalised_title, normalised_text
    ON municipium_search_searchentry
    BEGIN
        INSERT INTO municipium_search_fts(municipium_search_fts, rowid, title, body)
        VALUES ('delete', old.id, old.normalised_title, old.normalised_text);
        INSERT INTO municipium_search_fts(rowid, title, body)
        VALUES (new.id, new.normalised_title, new.normalised_text);
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS municipium_search_entry_update",
    "DROP TRIGGER IF EXISTS municipium_search_entry_delete",
    "DROP TRIGGER IF EXISTS municipium_search_entry_insert",
    "DROP TABLE IF EXISTS municipium_search_fts",
]

POSTGRESQL_FORWARD = [
    # Small tuples: the texts and the vector live in the TOAST table, so that a bitmap scan of
    # the GIN index (backends/database.py) reads a small heap.
    "ALTER TABLE municipium_search_searchentry SET (toast_tuple_target = 128)",
    """
    ALTER TABLE municipium_search_searchentry ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, normalised_title), 'A')
        || setweight(to_tsvector('simple'::regconfig, normalised_text), 'D')
    ) STORED
    """,
    "CREATE INDEX municipium_search_entry_vector ON municipium_search_searchentry "
    "USING gin (search_vector)",
    # The newest p_limit matches of a site and language, with their rank. The only plan allowed
    # is a bitmap scan of the GIN index: the planner does not know that checking a toasted
    # vector row by row costs some ten microseconds, and left alone it scans the primary key
    # backwards for a word in a few percent of the rows (150 ms at 100,000 rows, against 3 ms).
    # The site and language are compared as expressions so that their index is not ANDed into
    # the bitmap (the generic plan of a function would: 10 ms for the rarest word).
    """
    CREATE FUNCTION municipium_search_candidates(
        p_site integer, p_language text, p_query tsquery, p_limit integer
    ) RETURNS TABLE (entry_id bigint, rank real)
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    SET enable_indexscan = off
    AS $$
        WITH matching AS MATERIALIZED (
            SELECT e.id FROM municipium_search_searchentry AS e
            WHERE e.search_vector @@ p_query
            AND e.site_id + 0 = p_site AND e.language || '' = p_language
            ORDER BY e.id DESC LIMIT p_limit
        )
        SELECT e.id, ts_rank(e.search_vector, p_query)
        FROM matching JOIN municipium_search_searchentry AS e ON e.id = matching.id
    $$
    """,
]
POSTGRESQL_BACKWARD = [
    "DROP FUNCTION IF EXISTS municipium_search_candidates(integer, text, tsquery, integer)",
    "DROP INDEX IF EXISTS municipium_search_entry_vector",
    "ALTER TABLE municipium_search_searchentry DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE municipium_search_searchentry RESET (toast_tuple_target)",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("municipium_search", "0001_search_entry"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
        ),
    ]
