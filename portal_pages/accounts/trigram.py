"""Trigram indexes for substring searches, used by migrations of the areas whose admin
listings search across every professional's rows.

Django's case-insensitive `icontains` becomes `UPPER(column) LIKE UPPER('%...%')` on
PostgreSQL, which no B-tree index can answer; a GIN index of `UPPER(column)` with
`gin_trgm_ops` can. SQLite has no such index and is left as it is."""

from django.db import migrations


def trigram_indexes(table, columns):
    """A migration operation adding (and on reversal dropping) one index per column."""

    def add(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in columns:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_{column}_trgm ON {table} "
                f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in columns:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_{column}_trgm")

    return migrations.RunPython(add, drop)
