"""`kotokartta export hsds|ptv -o DIR` as a person runs it: the files, exit codes, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from kotokartta.opendata import schemas
from kotokartta.opendata.hsds import TABLES, build_hsds
from kotokartta.opendata.management.commands import export as export_command
from tests.conftest import REAL_DATA

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
FILES = {f"{table}.json" for table in TABLES} | {"datapackage.json", "README.md"}


def _env(var: Path) -> dict[str, str]:
    return {
        **os.environ,
        "KOTOKARTTA_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var}/cli.sqlite3",
    }


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A throwaway SQLite database of its own, with the real data loaded."""
    env = _env(tmp_path_factory.mktemp("var"))
    for args in (["migrate", "-v0"], ["data", "-v0", "load", str(REAL_DATA)]):
        subprocess.run([sys.executable, "-m", "kotokartta.cli", *args], env=env, check=True)
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kotokartta.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_export_hsds__writes_one_file_per_table(cli_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "hsds"
    result = run(cli_env, "export", "hsds", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} == FILES
    for table in TABLES:
        assert f"{table}.json: " in result.stdout  # a progress line per table
    assert "all valid" in result.stdout
    for table, schema_file in TABLES.items():
        raw = (out / f"{table}.json").read_bytes()
        rows = json.loads(raw.decode("utf-8"))
        assert isinstance(rows, list)
        assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
        assert raw.startswith(b"[\n  {") or rows == []  # indented
        for row in rows:
            assert schemas.errors(row, schema_file, strict=True) == [], (table, row["id"])
    services = json.loads((out / "services.json").read_text(encoding="utf-8"))
    assert any("Ostopalvelu: Puolanka (620)" in s["eligibility_description"] for s in services)
    assert "ä" in (out / "services.json").read_text(encoding="utf-8")  # UTF-8, not \\u escapes
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["data_date"] == "2026-11-28"
    assert {r["path"] for r in package["resources"]} == FILES - {"datapackage.json", "README.md"}
    assert any("CC BY 4.0" in note for note in package["licence_notes"])
    assert any("no open licence" in note.lower() for note in package["licence_notes"])
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "Data date: 2026-11-28" in readme and "Maanmittauslaitos" in readme


def test_export_hsds__twice_and_from_another_database_gives_the_same_data(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert run(cli_env, "export", "hsds", "-v0", "-o", str(first)).returncode == 0
    assert run(cli_env, "export", "hsds", "-v0", "-o", str(second)).returncode == 0
    for name in FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    # The test database is another database than the CLI's: the same identifiers.
    here = build_hsds("fi")
    for table in TABLES:
        exported = json.loads((first / f"{table}.json").read_text(encoding="utf-8"))
        assert [r["id"] for r in exported] == [r["id"] for r in here.tables[table]], table


def test_export_hsds_in_english(cli_env: dict[str, str], tmp_path: Path) -> None:
    result = run(cli_env, "export", "hsds", "--lang", "en", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    services = json.loads((tmp_path / "services.json").read_text(encoding="utf-8"))
    assert any("buys it from Suomussalmi (777)" in s["eligibility_description"] for s in services)


@pytest.mark.parametrize(
    "args",
    [
        ["export"],
        ["export", "hsds"],
        ["export", "csv", "-o", "x"],
        ["export", "hsds", "-o", "x", "--lang", "sv"],
        ["export", "hsds", "-o", "x", "--bogus"],
        ["export", "ptv"],
    ],
)
def test_bad_options__exit_2_without_traceback(cli_env: dict[str, str], args: list[str]) -> None:
    result = run(cli_env, *args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "usage:" in result.stderr


def test_output_is_a_file__exits_2(cli_env: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "file.json"
    target.write_text("{}")
    result = run(cli_env, "export", "hsds", "-o", str(target))
    assert result.returncode == 2
    assert "is not a folder" in result.stderr and "Traceback" not in result.stderr


def test_unwritable_folder__exits_1(cli_env: dict[str, str], tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    result = run(cli_env, "export", "hsds", "-o", str(blocker / "inside"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_no_data__exits_1(tmp_path: Path) -> None:
    env = _env(tmp_path)
    result = run(env, "export", "hsds", "-o", str(tmp_path / "out"))  # no tables at all
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert run(env, "migrate", "-v0").returncode == 0
    result = run(env, "export", "hsds", "-o", str(tmp_path / "out"))  # tables, but no data
    assert result.returncode == 1
    assert "no programme data is loaded" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


# --- ptv: the module is written elsewhere; the subcommand only calls it ----------------------


def test_ptv__calls_export_ptv_with_the_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[dict[str, Any]] = []

    def export_ptv(*, folder: Path) -> list[Path]:
        calls.append({"folder": folder})
        return [folder / "services.json", folder / "organizations.json"]

    monkeypatch.setattr(export_command, "export_ptv", export_ptv)
    call_command("export", "ptv", "-o", str(tmp_path))
    assert calls == [{"folder": tmp_path}]
    out = capsys.readouterr().out
    assert "[1/2] services.json" in out and "Wrote 2 files" in out


def test_ptv_without_data__exits_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def export_ptv(*, folder: Path) -> list[Path]:
        raise LookupError("no programme data is loaded")

    monkeypatch.setattr(export_command, "export_ptv", export_ptv)
    with pytest.raises(CommandError, match="no programme data") as caught:
        call_command("export", "ptv", "-o", str(tmp_path))
    assert caught.value.returncode == 1
