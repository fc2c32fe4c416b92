"""Writes to the programme: loading a data folder, as a service that the command line (and, in
time, staff pages) call.

`load_programme_from_folder` validates the folder, replaces the programme in one transaction,
and runs the after-load hooks that other apps registered, in the SAME transaction: the search
index is rebuilt by such a hook (kotokartta.search registers it in its AppConfig.ready), so a
load either commits both the data and its index or neither — readers never see the two disagree.
Hooks are explicit and ordered, not signals: a load's whole work is listed where it happens.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from kotokartta.programme import models as m
from kotokartta.programme.hooks import (
    AfterLoadHook,
    after_load_hooks,
    register_after_load,
)
from kotokartta.programme.loading import LOAD_STEPS, Progress, folder_checksum, load_programme
from kotokartta.programme.validation import Problem, Programme, check_folder

__all__ = [
    "AfterLoadHook",
    "LoadResult",
    "ProgrammeInvalid",
    "after_load_hooks",
    "is_loaded",
    "load_programme_from_folder",
    "load_step_count",
    "register_after_load",
    "validate_folder",
]


def load_step_count() -> int:
    """How many messages a load reports through `progress`."""
    return LOAD_STEPS + len(after_load_hooks())


class ProgrammeInvalid(ValueError):
    """The folder does not validate; nothing was loaded. `problems` lists every one."""

    def __init__(self, *, folder: Path, problems: list[Problem]) -> None:
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{len(problems)} {noun} in {folder}; nothing was loaded")
        self.folder = folder
        self.problems = problems


@dataclass(frozen=True, slots=True)
class LoadResult:
    dataset: m.DataSet
    programme: Programme


def is_loaded(*, folder: Path) -> bool:
    """Whether the database holds exactly the files of `folder` (same checksum)."""
    current = m.DataSet.objects.current()
    return current is not None and folder.is_dir() and current.checksum == folder_checksum(folder)


def validate_folder(*, folder: Path) -> Programme:
    """The folder's programme; `ProgrammeInvalid` with every problem when it does not validate."""
    programme, problems = check_folder(folder)
    if problems or programme is None:
        raise ProgrammeInvalid(folder=folder, problems=list(problems))
    return programme


def load_programme_from_folder(
    *, folder: Path, progress: Progress | None = None, validated: Programme | None = None
) -> LoadResult:
    """Validate `folder` and replace the programme with it, with every after-load hook, in one
    transaction. Raises `ProgrammeInvalid` (nothing loaded) or the error that stopped the load
    (the previous data set stays as it was). `validated`: the folder's programme when the
    caller has just had it from `validate_folder`, so the files are not read and checked twice
    (seconds for the national data set)."""
    programme = validated if validated is not None else validate_folder(folder=folder)
    say = progress or (lambda _message: None)
    with transaction.atomic():
        dataset = load_programme(programme=programme, source_folder=folder, progress=say)
        for hook in after_load_hooks():
            say(hook.message)
            hook.run()
    return LoadResult(dataset=dataset, programme=programme)
