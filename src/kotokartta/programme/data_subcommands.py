"""Sub-commands of `kotokartta data` that other apps add: the developer tools add `synth`
(kotokartta.devtools), so that the programme app imports nothing above it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


@dataclass(frozen=True, slots=True)
class DataSubcommand:
    name: str
    help: str
    add_arguments: Callable[[CommandParser], None]
    handle: Callable[[BaseCommand, dict[str, Any]], None]


_REGISTERED: dict[str, DataSubcommand] = {}


def register_data_subcommand(subcommand: DataSubcommand) -> None:
    """Add `kotokartta data NAME` (from an AppConfig.ready())."""
    _REGISTERED[subcommand.name] = subcommand


def data_subcommands() -> list[DataSubcommand]:
    return list(_REGISTERED.values())
