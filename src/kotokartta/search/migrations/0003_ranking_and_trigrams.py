"""The database ranks, and finds terms near a misspelt word (see kotokartta.search.backends).

- `SearchDocument.lexicon_terms` (the search lexicon's words for the document's phase) and the
  `SearchTerm` vocabulary.
- PostgreSQL: `search_vector` is made again with weights: title terms A, lexicon terms B, all
  terms D, for `ts_rank_cd`. `pg_trgm` is enabled if the database allows it (it is a trusted
  extension: a database owner may), with a GIN trigram index over `search_searchterm.term`;
  without it, the vocabulary is scanned in Python.
- SQLite: the FTS5 table is made again with three columns (title, lexicon, body) for weighted
  `bm25`, and an FTS5 table with the trigram tokenizer over the vocabulary
  (`search_searchterm_trgm`). Without FTS5, search scans every document and the vocabulary.
"""

import logging

from django.db import DatabaseError, migrations, models, transaction

log = logging.getLogger(__name__)

TABLE = "search_searchdocument"
TERM_TABLE = "search_searchterm"
FTS5_TABLE = "search_searchdocument_fts"
TRIGRAM_TABLE = "search_searchterm_trgm"
TSVECTOR_COLUMN = "search_vector"
GIN_INDEX = "search_searchdocument_search_vector_gin"
TRGM_INDEX = "search_searchterm_term_trgm"


def create_ranking(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {TSVECTOR_COLUMN}")
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ADD COLUMN {TSVECTOR_COLUMN} tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('simple'::regconfig, title_terms), 'A') || "
            "setweight(to_tsvector('simple'::regconfig, lexicon_terms), 'B') || "
            "setweight(to_tsvector('simple'::regconfig, terms), 'D')) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {GIN_INDEX} ON {TABLE} USING gin ({TSVECTOR_COLUMN})")
        try:
            with transaction.atomic(using=connection.alias):
                schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                schema_editor.execute(
                    f"CREATE INDEX {TRGM_INDEX} ON {TERM_TABLE} USING gin (term gin_trgm_ops)"
                )
        except DatabaseError as error:
            log.warning("No pg_trgm (%s): misspelt words are matched by a scan", error)
    elif connection.vendor == "sqlite":
        try:
            with transaction.atomic(using=connection.alias):
                schema_editor.execute(f"DROP TABLE IF EXISTS {FTS5_TABLE}")
                schema_editor.execute(
                    f"CREATE VIRTUAL TABLE {FTS5_TABLE} USING fts5(title, lexicon, body, "
                    "tokenize = 'unicode61 remove_diacritics 0')"
                )
                schema_editor.execute(
                    f"CREATE VIRTUAL TABLE {TRIGRAM_TABLE} USING fts5(term, tokenize = 'trigram')"
                )
        except DatabaseError as error:  # "no such module: fts5", or no trigram tokenizer
            log.warning("SQLite has no FTS5 with trigrams (%s): search scans", error)
            return
        schema_editor.execute(
            f"INSERT INTO {FTS5_TABLE} (rowid, title, lexicon, body) "
            f"SELECT id, title_terms, lexicon_terms, terms FROM {TABLE}"
        )


def drop_ranking(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRGM_INDEX}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {TSVECTOR_COLUMN}")
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ADD COLUMN {TSVECTOR_COLUMN} tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, terms)) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {GIN_INDEX} ON {TABLE} USING gin ({TSVECTOR_COLUMN})")
    elif connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TRIGRAM_TABLE}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS5_TABLE}")
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {FTS5_TABLE} USING fts5("
            f"terms, tokenize = 'unicode61 remove_diacritics 0')"
        )
        schema_editor.execute(
            f"INSERT INTO {FTS5_TABLE} (rowid, terms) SELECT id, terms FROM {TABLE}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_text_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="lexicon_terms",
            field=models.TextField(default=""),
        ),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("term", models.CharField(max_length=200, unique=True)),
            ],
        ),
        migrations.RunPython(create_ranking, drop_ranking, elidable=False),
    ]
