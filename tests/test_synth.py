"""`kotokartta data synth`: a synthetic national data set that `data check` and `load` accept."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from kotokartta.devtools.synth import (
    MAX_AREA_SIZE,
    group_areas,
    read_municipalities,
    synthesise,
)
from kotokartta.programme.validation import Programme, check_folder
from kotokartta.programme.vocabulary import PHASES, ClientGroup, OrganisationKind

ROOT = Path(__file__).resolve().parent.parent
GEOJSON = Path(settings.GEO_DIR) / "finland-municipalities.geojson"
COUNT = 12


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def synth_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth") / "seed1"
    synthesise(folder, geojson=GEOJSON, municipalities=COUNT, seed=1)
    return folder


@pytest.fixture(scope="module")
def programme(synth_folder: Path) -> Programme:
    checked, problems = check_folder(synth_folder)
    assert problems == [], "\n".join(map(str, problems[:20]))
    assert checked is not None
    return checked


def test_synth__validates_with_no_problems(programme: Programme, synth_folder: Path) -> None:
    assert len(programme.municipalities) == COUNT
    assert programme.area.name["fi"] == "Suomi (synteettinen)"
    # the first N municipalities by official code, one file each, plus area.yaml and the document
    assert sorted(m.code for m in programme.municipalities.values())[:2] == ["005", "009"]
    assert len(list(synth_folder.glob("*.yaml"))) == COUNT + 1
    assert (synth_folder / programme.area.document.file).is_file()


def test_synth__covers_every_phase_for_both_client_groups(programme: Programme) -> None:
    for mun_id in programme.municipalities:
        covered = {
            (provision.phase, client)
            for provision in programme.provisions_for(mun_id)
            for client in provision.clients
        }
        assert covered == {(phase.id, client) for phase in PHASES for client in ClientGroup}


def test_synth__has_the_real_sets_pattern(programme: Programme) -> None:
    per_municipality = [
        sum(1 for owner, _p in programme.provisions.values() if owner == mun_id)
        for mun_id in programme.municipalities
    ]
    assert all(12 <= count <= 25 for count in per_municipality), per_municipality
    statuses = {p.status.value for _owner, p in programme.provisions.values()}
    assert {"available", "on_need", "undetermined"} <= statuses
    assert all(c.email.endswith(".example.fi") for _m, c in programme.coordinators)
    counties = [
        o for o in programme.organisations.values() if o.kind == OrganisationKind.WELLBEING_COUNTY
    ]
    assert counties
    assert {m.wellbeing_county for m in programme.municipalities.values()} <= {
        c.id for c in counties
    }
    # every quote stands in the generated document (the checker verified it); there are many
    quotes = [p.source.quote for _o, p in programme.provisions.values() if p.source.quote]
    assert len(quotes) > COUNT * 10


def test_synth__small_municipalities_buy_from_their_areas_lead(programme: Programme) -> None:
    """A purchased provision whose provider is another municipality of the same area."""
    areas = [
        set(p.municipalities or [])
        for owner, p in programme.provisions.values()
        if owner is None and p.phase == "orientation"
    ]
    assert sum(len(a) for a in areas) == COUNT  # each municipality in exactly one area
    found = []
    for owner, provision in programme.provisions.values():
        if owner is None or not provision.purchased or provision.provider is None:
            continue
        seller = programme.organisations[provision.provider.organisation]
        if seller.kind == OrganisationKind.MUNICIPALITY and seller.municipality != owner:
            assert provision.responsible == owner
            assert any({owner, seller.municipality} <= area for area in areas)
            found.append((owner, provision.phase, seller.municipality))
    assert {phase for _o, phase, _s in found} >= {"assessment", "plan", "guidance"}


def test_synth__same_seed_same_bytes_other_seed_other_bytes(
    synth_folder: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again"
    other = tmp_path / "other"
    synthesise(again, geojson=GEOJSON, municipalities=COUNT, seed=1)
    synthesise(other, geojson=GEOJSON, municipalities=COUNT, seed=2)
    assert _files(again) == _files(synth_folder)
    other_files = _files(other)
    assert other_files.keys() == _files(synth_folder).keys()  # same municipalities
    assert other_files != _files(synth_folder)


def test_group_areas__national_areas_are_1_to_20_neighbours() -> None:
    municipalities = read_municipalities(GEOJSON)
    assert len(municipalities) == 309
    areas = group_areas(municipalities, 45)
    assert len(areas) == 45
    assert all(1 <= len(area) <= MAX_AREA_SIZE for area in areas)
    assert sorted(m.code for area in areas for m in area) == sorted(m.code for m in municipalities)
    assert len({m.id for m in municipalities}) == 309


def test_cli_synth__writes_with_progress_and_summary(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    folder = tmp_path / "cli"
    call_command(
        "data", "synth", "--municipalities", "3", "-o", str(folder), stdout=out, stderr=err
    )
    assert "[3/3]" in err.getvalue()
    assert "Wrote 5 files" in out.getvalue()
    assert "3 municipalities" in out.getvalue()
    assert check_folder(folder)[1] == []


@pytest.mark.parametrize("count", ["0", "310", "abc", "-1"])
def test_cli_synth__bad_count_is_an_error(tmp_path: Path, count: str) -> None:
    with pytest.raises(CommandError) as error:
        call_command("data", "synth", "--municipalities", count, "-o", str(tmp_path / "x"))
    assert error.value.returncode == 2
    assert not (tmp_path / "x").exists()


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KOTOKARTTA_VAR_DIR": str(tmp_path / "var")}
    return subprocess.run(
        [sys.executable, "-m", "kotokartta.cli", "data", "synth", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def test_cli_synth__exit_code_2_for_bad_count_and_non_empty_folder(tmp_path: Path) -> None:
    bad = _run(tmp_path, "--municipalities", "0", "-o", str(tmp_path / "new"))
    assert bad.returncode == 2, bad.stderr
    assert "--municipalities" in bad.stderr
    assert "Traceback" not in bad.stderr

    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("keep me")
    refused = _run(tmp_path, "--municipalities", "2", "-o", str(busy))
    assert refused.returncode == 2, refused.stderr
    assert "not empty" in refused.stderr
    assert [p.name for p in busy.iterdir()] == ["notes.txt"]


def test_synth__force_replaces_data_files_only(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    synthesise(folder, geojson=GEOJSON, municipalities=4, seed=1)
    (folder / "notes.md").write_text("keep me")
    synthesise(folder, geojson=GEOJSON, municipalities=2, seed=1, force=True)
    assert len(list(folder.glob("*.yaml"))) == 3  # no stale files from the larger set
    assert (folder / "notes.md").read_text() == "keep me"
    assert check_folder(folder)[1] == []
