"""The languages the eligibility answer speaks: every guide language (settings.LANGUAGES)."""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = (
    "fi",
    "sv",
    "en",
    "uk",
    "ru",
    "ar",
    "fa",
    "so",
    "sw",
    "rw",
    "vi",
    "th",
)
DEFAULT = "fi"
