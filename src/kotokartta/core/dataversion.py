"""The version of the loaded data, for every cache keyed on it (pages, paths, search terms,
municipality names). Core imports no domain app: the programme app provides the version by
calling `set_version_provider` in its AppConfig.ready(); until then the version is None (and
caches keyed on it do not cache)."""

from __future__ import annotations

from collections.abc import Callable

VersionProvider = Callable[[], object]

_provider: VersionProvider | None = None


def set_version_provider(provider: VersionProvider) -> None:
    """Name the function that answers "which data is loaded?" (one cheap query)."""
    global _provider
    _provider = provider


def current_version() -> object:
    """The provider's answer: any hashable value that changes with every load; None when no
    provider is set or nothing is loaded."""
    return None if _provider is None else _provider()
