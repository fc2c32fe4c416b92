"""The `kotokartta` command as a person runs it: exit codes and messages, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import DataFolder
from tests.conftest import REAL_DATA

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A throwaway SQLite database with the real data loaded, for subprocess runs."""
    var = tmp_path_factory.mktemp("var")
    env = {
        **os.environ,
        "KOTOKARTTA_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var}/cli.sqlite3",
    }
    for args in (["migrate", "-v0"], ["data", "-v0", "load", str(REAL_DATA)]):
        subprocess.run([sys.executable, "-m", "kotokartta.cli", *args], env=env, check=True)
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kotokartta.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def test_path_json__has_the_documented_shape(cli_env: dict[str, str]) -> None:
    result = run(cli_env, "path", "kajaani", "--client", "job-seeker", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["municipality"] == {"code": "205", "name": "Kajaani"}
    assert data["client"] == "job-seeker"
    assert {"name", "title", "email", "unit"} <= set(data["coordinators"][0])
    step = data["steps"][0]
    for key in (
        "phase", "law", "status", "responsible", "provider", "purchased", "places", "modes",
        "partners", "languages", "details", "source",
    ):  # fmt: skip
        assert key in step
    assert step["phase"] == "assessment"


@pytest.mark.parametrize("term", ["kajaani", "205", "Kajana", "KAJAANI"])
def test_path__finds_the_municipality_by_name_code_or_swedish_name(
    cli_env: dict[str, str], term: str
) -> None:
    result = run(cli_env, "path", term, "--client", "other")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Kajaani (205)")


def test_path_in_english__uses_english_texts(cli_env: dict[str, str]) -> None:
    result = run(cli_env, "path", "Kajaani", "--client", "other", "--lang", "en")
    assert "Assessment of skills and integration service needs" in result.stdout
    assert "Who: " in result.stdout and "Bought from" not in result.stdout.split("Who: ")[0]


def test_unknown_municipality__exits_2_and_lists_the_municipalities(
    cli_env: dict[str, str],
) -> None:
    result = run(cli_env, "path", "Oulu", "--client", "other")
    assert result.returncode == 2
    assert "unknown municipality 'Oulu'" in result.stderr
    assert "Puolanka (620)" in result.stderr and "Taivalkoski (832)" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["path", "kajaani"],
        ["path", "kajaani", "--client", "tourist"],
        ["path", "kajaani", "--client", "other", "--lang", "xx"],
        ["path", "kajaani", "--client", "other", "--age", "-3"],
        ["path", "kajaani", "--client", "other", "--uses-finnish", "maybe"],
        ["data"],
        ["data", "frobnicate"],
        ["serve", "--port", "99999"],
        ["serve", "--threads", "0"],
    ],
)
def test_bad_options__exit_2_without_traceback(cli_env: dict[str, str], args: list[str]) -> None:
    result = run(cli_env, *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "usage:" in result.stderr or "error" in result.stderr.lower()


def test_data_check__prints_every_problem_and_exits_1(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    folder = DataFolder(tmp_path / "bad")
    folder.municipality["provisions"][0]["role"] = "nobody"
    folder.municipality["coordinators"][0]["unit"] = "no-such-unit"
    result = run(cli_env, "data", "check", str(folder.write()))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(
        line.startswith("testikunta.yaml:") and "unknown role 'nobody'" in line for line in lines
    )
    assert any("coordinators[0].unit: unknown unit 'no-such-unit'" in line for line in lines)
    assert lines[-1].startswith("CommandError: 2 problems")
    assert "Traceback" not in result.stderr


def test_data_check__real_data_is_ok(cli_env: dict[str, str]) -> None:
    result = run(cli_env, "data", "check", str(REAL_DATA))
    assert result.returncode == 0, result.stderr
    assert "OK (10 municipalities" in result.stdout


def test_data_export__into_a_file_path_exits_2(cli_env: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x")
    result = run(cli_env, "data", "export", "-o", str(target))
    assert result.returncode == 2
    assert "is not a folder" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["path", "kajaani", "--client", "other"],
        ["data", "load"],
        ["coverage"],
    ],
)
def test_database_error__says_so_and_exits_1_not_no_data(tmp_path: Path, args: list[str]) -> None:
    """A database without tables (never migrated) is a database error, not "no data loaded"."""
    env = {
        **os.environ,
        "KOTOKARTTA_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/empty.sqlite3",
    }
    result = run(env, *args)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "database error: no such table" in result.stderr
    assert "no programme data is loaded" not in result.stderr
    assert "Traceback" not in result.stderr
