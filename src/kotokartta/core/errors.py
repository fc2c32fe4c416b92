"""Saying what failed. A database that cannot be read is not "no data loaded": commands exit 1
with this message, pages and the API answer 503 with it."""

from __future__ import annotations

from django.db import DatabaseError


def database_error_message(error: DatabaseError) -> str:
    """One line for a person: that the database failed, and the database's own words."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return (
        f"database error: {detail} (is the database reachable, and is it migrated? "
        "run `kotokartta migrate`)"
    )
