"""The after-load hook registry: other apps register work that runs inside every load's
transaction (see `programme.services`). Kept apart from the load service so that registering a
hook in an AppConfig.ready() does not import the validation and loading code (pydantic models),
which every command would otherwise pay for at start-up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AfterLoadHook:
    """Work another app does inside the load's transaction, after the programme is written."""

    message: str  # reported through `progress`, e.g. "building the search index"
    run: Callable[[], object]


_AFTER_LOAD: list[AfterLoadHook] = []


def register_after_load(hook: AfterLoadHook) -> None:
    """Run `hook` in every load's transaction (call from an AppConfig.ready(); idempotent)."""
    if hook not in _AFTER_LOAD:
        _AFTER_LOAD.append(hook)


def after_load_hooks() -> tuple[AfterLoadHook, ...]:
    return tuple(_AFTER_LOAD)
