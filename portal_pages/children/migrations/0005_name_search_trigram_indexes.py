"""Trigram indexes for name searches across every professional's child records (the SEND
team's Child records search), on PostgreSQL only: Django's case-insensitive `icontains`
becomes `UPPER(column) LIKE UPPER('%...%')`, which no B-tree index can answer."""

from django.db import migrations

COLUMNS = ("family_name", "given_name")


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS child_{column}_trgm ON children_child "
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS child_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("children", "0004_listing_indexes")]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]
