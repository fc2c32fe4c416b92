"""Sub-commands of `kotokartta data` that other apps add: the developer tools add `synth`
(kotokartta.devtools), so that the programme app imports nothing above it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
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


@dataclass(frozen=True, slots=True)
class LoadOption:
    """An option another app adds to `kotokartta data load` (staff editing adds `--as-draft`).

    `take_in(command, folder)` runs instead of the load when the option is given, after the
    folder has passed validation. `keep_reason()` says why a `--if-changed` load must leave the
    database as it is (None: load as usual)."""

    option: str
    help: str
    take_in: Callable[[BaseCommand, Path], None]
    keep_reason: Callable[[], str | None]

    @property
    def dest(self) -> str:
        return self.option.lstrip("-").replace("-", "_")


_LOAD_OPTIONS: dict[str, LoadOption] = {}


def register_load_option(option: LoadOption) -> None:
    """Add an option to `kotokartta data load` (from an AppConfig.ready())."""
    _LOAD_OPTIONS[option.option] = option


def load_options() -> list[LoadOption]:
    return list(_LOAD_OPTIONS.values())
