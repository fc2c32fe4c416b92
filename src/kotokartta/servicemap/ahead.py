"""Service map PDFs rendered once per data version, ahead of the people who ask for them.

Where and how the PDFs are kept is core's disk tier of the data-versioned cache
(`versioned_cache.shared`, core/cache.py): one folder per data version shared by every worker,
files written atomically, a lock per file so that a map is never rendered twice at once, older
versions removed. This module only says what the maps are and which to render ahead:

- `map_pdf` and `area_pdf` answer from the store, rendering (once) what is not there yet;
- `warm` (`kotokartta map --warm`, run by scripts/run and the deploy's warm-up unit after start
  and after a load) renders every map of the current version that is missing, most asked-for
  languages first, and the area overview's PDF in every language; a map another process is
  rendering is left to it;
- `start_warming` starts that warm-up in the background on the first map request of a version.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django.conf import settings

from kotokartta.core.cache import data_version, versioned_cache
from kotokartta.programme.models import Municipality
from kotokartta.servicemap import render
from kotokartta.servicemap.selectors import PAPERS, service_map

NAMESPACE = "pdf"


class NothingPublished(Exception):
    pass


def _map_key(municipality_id: str, second_lang: str, paper: str) -> str:
    return f"map-{municipality_id}-{second_lang}-{paper}"


def _area_key(second_lang: str) -> str:
    return f"area-{second_lang}"


def _build(municipality: Municipality, second_lang: str, paper: str) -> bytes:
    content = service_map(municipality=municipality, second_lang=second_lang)
    return render.render_pdf(content, paper=paper)


def _build_area(second_lang: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=render.render_area_html(lang=second_lang)).write_pdf())


def map_pdf(
    *,
    municipality: Municipality,
    second_lang: str,
    paper: str,
    build: Callable[[Municipality, str, str], bytes] | None = None,
) -> bytes:
    """The map's PDF for the current data version: stored, or rendered now (once)."""
    return versioned_cache.shared.get_or_compute(
        NAMESPACE,
        _map_key(municipality.id, second_lang, paper),
        lambda: (build or _build)(municipality, second_lang, paper),
    )


def area_pdf(*, second_lang: str) -> bytes:
    """The area overview's PDF (purchase arrangements) for the current data version."""
    return versioned_cache.shared.get_or_compute(
        NAMESPACE, _area_key(second_lang), lambda: _build_area(second_lang)
    )


def second_languages() -> list[str]:
    """Every language a map is offered beside Finnish, the most asked-for first: English (the
    Finnish and English pages' default), then each interface language's own."""
    codes = [code for code, _ in settings.LANGUAGES]
    return ["en", *[code for code in codes if code not in ("en", "fi")], "fi"]


def warm(*, report: Callable[[str], None] = lambda line: None) -> tuple[int, int]:
    """Render every missing map of the current data version; return (rendered, already there).
    Maps another process is rendering are left to it; older versions' files are removed first.
    Stops early when a new data version is published meanwhile (its own warm-up follows)."""
    version = data_version()
    if version is None:
        raise NothingPublished("no programme data is loaded")
    store = versioned_cache.shared
    store.sweep()
    rendered = present = 0

    def one(key: str, build: Callable[[], bytes]) -> None:
        nonlocal rendered, present
        if store.has(NAMESPACE, key):
            present += 1
        elif store.fill(NAMESPACE, key, build):
            rendered += 1
            report(key)

    for second_lang in second_languages():
        one(_area_key(second_lang), partial(_build_area, second_lang))
        for municipality in Municipality.objects.all():
            if data_version() != version:
                return rendered, present
            for paper in PAPERS:
                key = _map_key(municipality.id, second_lang, paper)
                one(key, partial(_build, municipality, second_lang, paper))
    return rendered, present


def start_warming() -> bool:
    """Start `kotokartta map --warm` in the background (a separate, nice'd process, so that no
    web worker renders for it) unless it has been started for this data version already.
    Called on a map request; returns whether it started one now. Off unless
    settings.MAPS_AHEAD (KOTOKARTTA_MAPS_AHEAD) is on."""
    if not settings.MAPS_AHEAD or not versioned_cache.shared.first_time("maps-warming"):
        return False
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
