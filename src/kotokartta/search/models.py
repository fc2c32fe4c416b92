"""The search index: one row per searchable thing, with its analysed terms, and the vocabulary of
every indexed term (for correcting misspelt words). Rebuilt from the programme tables in the same
transaction as every data load, so it is never stale."""

from __future__ import annotations

from django.db import models


class SearchDocument(models.Model):
    kind = models.CharField(max_length=20)  # phase, provision, activity, municipality
    ref = models.CharField(max_length=80)
    municipality = models.ForeignKey(
        "programme.Municipality", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    phase = models.CharField(max_length=30, blank=True)
    title = models.JSONField()  # {lang: text}
    snippet = models.JSONField(default=dict)  # {lang: text}
    title_terms = models.TextField(default="")
    lexicon_terms = models.TextField(default="")  # what people call the phase (search lexicon)
    terms = models.TextField()  # space-separated index terms (title terms included, not lexicon)

    class Meta:
        indexes = [models.Index(fields=["municipality"])]


class SearchTerm(models.Model):
    """One distinct indexed term. The database's trigram index over these (pg_trgm on PostgreSQL,
    an FTS5 trigram table on SQLite) finds the terms nearest to a misspelt query word."""

    term = models.CharField(max_length=200, unique=True)
