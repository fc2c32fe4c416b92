"""Each database's own text-search index over the search documents' analysed terms
(see kotokartta.search.backends). Nothing changes in Django's model state: the index lives
beside the model, and only on its own database.

- PostgreSQL: `search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', terms))
  STORED` with a GIN index. The database keeps it in step with `terms`. (A later migration
  that changes the type of `terms` must drop the column first and make it again.)
- SQLite: the FTS5 table `search_searchdocument_fts` (rowid = document id), filled here from the
  existing documents and refilled by the indexer. Without FTS5 in the SQLite library it is
  not made, and search scans every document.
- Other databases: nothing; search scans every document.
"""

import logging

from django.db import DatabaseError, migrations, transaction

log = logging.getLogger(__name__)

TABLE = "search_searchdocument"
FTS5_TABLE = "search_searchdocument_fts"
TSVECTOR_COLUMN = "search_vector"
GIN_INDEX = "search_searchdocument_search_vector_gin"


def create_text_search(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ADD COLUMN {TSVECTOR_COLUMN} tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, terms)) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {GIN_INDEX} ON {TABLE} USING gin ({TSVECTOR_COLUMN})")
    elif connection.vendor == "sqlite":
        try:
            with transaction.atomic(using=connection.alias):
                schema_editor.execute(
                    f"CREATE VIRTUAL TABLE {FTS5_TABLE} USING fts5("
                    f"terms, tokenize = 'unicode61 remove_diacritics 0')"
                )
        except DatabaseError as error:  # "no such module: fts5"
            log.warning("SQLite has no FTS5 (%s): search will scan every document", error)
            return
        schema_editor.execute(
            f"INSERT INTO {FTS5_TABLE} (rowid, terms) SELECT id, terms FROM {TABLE}"
        )


def drop_text_search(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {TSVECTOR_COLUMN}")
    elif connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS5_TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_text_search, drop_text_search, elidable=False),
    ]
