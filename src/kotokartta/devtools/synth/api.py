"""`synthesise`: write a synthetic data folder (see the package docstring)."""

from __future__ import annotations

import re
from pathlib import Path

from kotokartta.devtools.synth.constants import DOCUMENT_FILE, Progress, SynthError
from kotokartta.devtools.synth.generator import _Generator
from kotokartta.devtools.synth.geography import default_area_count, read_municipalities
from kotokartta.devtools.synth.model import SynthSummary

# --------------------------------------------------------------------------- public API


def parse_municipality_count(value: str) -> int | None:
    """`all` → None (every municipality); `N` → N; anything else is an error."""
    text = value.strip().lower()
    if text == "all":
        return None
    if not re.fullmatch(r"\d+", text):
        raise SynthError(f"--municipalities must be 'all' or a positive number, not {value!r}")
    return int(text)


def _check_output(folder: Path, *, force: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise SynthError(f"{folder} exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        if not force:
            raise SynthError(
                f"{folder} is not empty; choose an empty or new folder, or use --force to "
                "replace its data files"
            )
        strays = [p.name for p in folder.iterdir() if p.is_dir()]
        if strays:
            raise SynthError(
                f"{folder} holds sub-folders ({', '.join(sorted(strays)[:3])}); --force only "
                "replaces data files in a data folder"
            )


def synthesise(
    folder: Path,
    *,
    geojson: Path,
    municipalities: int | None = None,
    seed: int = 1,
    areas: int | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> SynthSummary:
    """Write a synthetic data folder; see the module docstring."""
    _check_output(folder, force=force)
    sources = read_municipalities(geojson, municipalities)
    area_count = default_area_count(len(sources)) if areas is None else areas
    count_arg = "all" if municipalities is None else str(municipalities)
    area_arg = "" if areas is None else f" --areas {areas}"
    command = f"kotokartta data synth --municipalities {count_arg} --seed {seed}{area_arg}"
    generator = _Generator(sources, seed=seed, area_count=area_count, command=command)
    files = generator.generate()
    folder.mkdir(parents=True, exist_ok=True)
    if force:
        for stale in sorted(folder.iterdir()):
            if stale.is_file() and (stale.suffix == ".yaml" or stale.name == DOCUMENT_FILE):
                stale.unlink()
    total = 0
    municipal = len(files) - 2  # all but area.yaml (first) and the document (last)
    for index, item in enumerate(files):
        data = item.text.encode("utf-8")
        (folder / item.name).write_bytes(data)
        total += len(data)
        if progress is not None and 1 <= index <= municipal:
            progress(index, municipal, item.label)
    return SynthSummary(
        folder=folder,
        files=len(files),
        bytes=total,
        municipalities=len(sources),
        areas=len(generator.areas),
        counties=len(generator.counties),
        provisions=generator.provision_count,
        organisations=generator.organisation_count,
        activities=generator.activity_count,
        flags=generator.flag_count,
        purchased=generator.purchased_count,
    )
