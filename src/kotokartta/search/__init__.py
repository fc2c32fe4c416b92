"""Finnish-aware search: text analysis (`analysis`) for indexing and querying."""

from kotokartta.search.analysis import (
    index_terms,
    query_terms,
    query_words,
    score,
    voikko_available,
)

__all__ = ["index_terms", "query_terms", "query_words", "score", "voikko_available"]
