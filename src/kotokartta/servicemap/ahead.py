"""Service map PDFs rendered once per data version, ahead of the people who ask for them.

Rendered maps are files under `<maps folder>/<data version and release>/<municipality>-<second
language>-<paper>.pdf`, written atomically. `map_pdf` answers from the file when it is there and
renders it otherwise; `warm` (`kotokartta map --warm`, run by scripts/run and the deploy's
warm-up unit after start and after a load) renders every map of the current version that is
missing, most asked-for first, and the area overview's PDF in every language (`area_pdf`).
A map is never rendered twice at once: each one has a lock file (`flock`), so a web worker and
the warm-up, or two workers, wait for one render instead of doing it twice. Folders of older
data versions are removed by `warm`.

The folder is KOTOKARTTA_MAPS_DIR (default: `<KOTOKARTTA_VAR_DIR>/maps`). The store is two
functions (`stored` and `store`) so that it can later live in a shared data-versioned cache
instead of files.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from kotokartta.core.httpcache import release
from kotokartta.programme import publication
from kotokartta.programme.models import Municipality
from kotokartta.servicemap import render
from kotokartta.servicemap.selectors import PAPERS, service_map


class NothingPublished(Exception):
    pass


def _root() -> Path:
    return Path(settings.MAPS_DIR)


def version_folder() -> Path:
    """The current data version's folder; the code's release is part of its name too, so that a
    deployment with other templates does not serve maps drawn by the old ones."""
    current = publication.current()
    if current is None:
        raise NothingPublished("no programme data is loaded")
    token, _ = current
    key = f"{token}|{release()[0]}"
    return _root() / hashlib.sha256(key.encode()).hexdigest()[:16]


def _name(municipality_id: str, second_lang: str, paper: str) -> str:
    return f"{municipality_id}-{second_lang}-{paper}.pdf"


def stored(folder: Path, name: str) -> bytes | None:
    try:
        return (folder / name).read_bytes()
    except FileNotFoundError:
        return None


def store(folder: Path, name: str, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def _locked(folder: Path, name: str, *, wait: bool = True) -> Iterator[bool]:
    """Hold the map's lock; with wait=False, yield False at once when someone else holds it."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f".{name}.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build(municipality: Municipality, second_lang: str, paper: str) -> bytes:
    content = service_map(municipality=municipality, second_lang=second_lang)
    return render.render_pdf(content, paper=paper)


def map_pdf(
    *,
    municipality: Municipality,
    second_lang: str,
    paper: str,
    build: Callable[[Municipality, str, str], bytes] | None = None,
) -> bytes:
    """The map's PDF for the current data version: stored, or rendered now (once)."""
    folder = version_folder()
    name = _name(municipality.id, second_lang, paper)
    found = stored(folder, name)
    if found is not None:
        return found
    with _locked(folder, name):
        found = stored(folder, name)  # rendered by whoever held the lock
        if found is not None:
            return found
        data = (build or _build)(municipality, second_lang, paper)
        store(folder, name, data)
        return data


def _build_area(second_lang: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=render.render_area_html(lang=second_lang)).write_pdf())


def area_pdf(*, second_lang: str) -> bytes:
    """The area overview's PDF (purchase arrangements) for the current data version."""
    folder = version_folder()
    name = f"area-{second_lang}.pdf"
    found = stored(folder, name)
    if found is not None:
        return found
    with _locked(folder, name):
        found = stored(folder, name)
        if found is not None:
            return found
        data = _build_area(second_lang)
        store(folder, name, data)
        return data


def second_languages() -> list[str]:
    """Every language a map is offered beside Finnish, the most asked-for first: English (the
    Finnish and English pages' default), then each interface language's own."""
    codes = [code for code, _ in settings.LANGUAGES]
    return ["en", *[code for code in codes if code not in ("en", "fi")], "fi"]


def warm(*, report: Callable[[str], None] = lambda line: None) -> tuple[int, int]:
    """Render every missing map of the current data version; return (rendered, already there).
    Maps another process is rendering are left to it."""
    folder = version_folder()
    for other in _root().iterdir() if _root().exists() else ():
        if other.is_dir() and other != folder:
            shutil.rmtree(other, ignore_errors=True)
    rendered = present = 0
    for second_lang in second_languages():
        name = f"area-{second_lang}.pdf"
        if (folder / name).exists():
            present += 1
        else:
            with _locked(folder, name, wait=False) as mine:
                if mine and not (folder / name).exists():
                    store(folder, name, _build_area(second_lang))
                    rendered += 1
                    report(name)
        for municipality in Municipality.objects.all():
            if version_folder() != folder:  # a new version was published meanwhile
                return rendered, present
            for paper in PAPERS:
                name = _name(municipality.id, second_lang, paper)
                if (folder / name).exists():
                    present += 1
                    continue
                with _locked(folder, name, wait=False) as mine:
                    if not mine or (folder / name).exists():
                        continue
                    store(folder, name, _build(municipality, second_lang, paper))
                    rendered += 1
                    report(name)
    (folder / ".warmed").touch()
    return rendered, present


def start_warming() -> bool:
    """Start `kotokartta map --warm` in the background (a separate, nice'd process, so that no
    web worker renders for it) unless it has been started for this data version already.
    Called on a map request; returns whether it started one now. Off unless
    settings.MAPS_AHEAD (KOTOKARTTA_MAPS_AHEAD) is on."""
    if not settings.MAPS_AHEAD:
        return False
    try:
        folder = version_folder()
        folder.mkdir(parents=True, exist_ok=True)
        marker = os.open(folder / ".warming", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except (FileExistsError, NothingPublished):
        return False
    os.close(marker)
    import subprocess
    import sys

    subprocess.Popen(
        ["nice", "-n", "10", sys.executable, "-m", "kotokartta.cli", "map", "--warm"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    return True
