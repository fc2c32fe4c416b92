"""`kotokartta orientation plan` as a coordinator runs it: the JSON contract and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.test_cli import cli_env, run  # noqa: F401 (a fixture)

DEMAND = """municipality,language,count,earliest_start
Kajaani,ar,9,2027-02
Paltamo,ar,3,
Kuusamo,ar,5,
Puolanka,sw,3,
Suomussalmi,uk,7,
Taivalkoski,uk,4,2027-05
Hyrnsalmi,th,2,
Sotkamo,uk,30,
"""


@pytest.fixture
def demand_file(tmp_path: Path) -> Path:
    path = tmp_path / "demand.csv"
    path.write_text(DEMAND, encoding="utf-8")
    return path


def _plan(env: dict[str, str], *args: str) -> dict:  # type: ignore[type-arg]
    result = run(env, "orientation", "plan", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _plan_here(*args: str) -> str:
    """In this process (a subprocess costs seconds): the command's standard output."""
    out = io.StringIO()
    call_command("orientation", "plan", *args, stdout=out)
    return out.getvalue()


def test_orientation_plan_json__has_the_contract_shape_and_accounts_for_everyone(
    cli_env: dict[str, str],  # noqa: F811
    demand_file: Path,
) -> None:
    data = _plan(cli_env, "--demand", str(demand_file))
    assert {"groups", "unserved", "parameters"} <= set(data)
    assert data["optimal"] is True and data["gap"] == 0
    total = 0
    for group in data["groups"]:
        assert {"language", "host", "mode", "size", "members"} <= set(group)
        assert group["mode"] in {"in_person", "hybrid", "remote"}
        assert group["host"] is None or set(group["host"]) >= {"code", "name"}
        assert 6 <= group["size"] <= 20
        assert group["size"] == sum(m["count"] for m in group["members"])
        for member in group["members"]:
            assert set(member["municipality"]) >= {"code", "name"}
            assert member["mode"] in {"in_person", "remote"}
        total += group["size"]
    for item in data["unserved"]:
        assert {"municipality", "language", "count", "reason"} <= set(item)
        total += item["count"]
    assert total == 9 + 3 + 5 + 3 + 7 + 4 + 2 + 30
    swahili = next(u for u in data["unserved"] if u["language"] == "sw")
    assert swahili["reason"] == "3 Swahili speakers in the area; a group needs 6."
    assert [h["name"] for h in data["parameters"]["hosts"]] == ["Kajaani", "Kuusamo", "Suomussalmi"]


@pytest.mark.django_db
def test_orientation_plan__no_remote_and_own_hosts__are_honoured(demand_file: Path) -> None:
    data = json.loads(_plan_here(
        "--demand", str(demand_file), "--no-remote", "--hosts", "Kajaani,777",
        "--min-size", "4", "--max-size", "12", "--max-travel-km", "60", "--json",
    ))  # fmt: skip
    assert data["parameters"]["remote_allowed"] is False
    assert all(g["mode"] == "in_person" for g in data["groups"])
    assert {g["host"]["name"] for g in data["groups"]} <= {"Kajaani", "Suomussalmi"}
    assert all(4 <= g["size"] <= 12 for g in data["groups"])
    kuusamo = next(u for u in data["unserved"] if u["municipality"]["name"] == "Kuusamo")
    assert "within 60 km" in kuusamo["reason"]


@pytest.mark.django_db
def test_orientation_plan__text__names_groups_hours_and_unserved(demand_file: Path) -> None:
    text = _plan_here("--demand", str(demand_file))
    assert "at least 70 hours" in text
    assert "Arabic (ar) — Kajaani" in text
    assert "Without a group: 5" in text
    assert "HiGHS" not in text


def test_orientation_plan__bad_file__exits_2_with_every_problem_listed(
    cli_env: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    path = tmp_path / "demand.csv"
    path.write_text("municipality,language,count\nOulu,ar,3\nKajaani,xx,-1\n", encoding="utf-8")
    result = run(cli_env, "orientation", "plan", "--demand", str(path))
    assert result.returncode == 2
    for text in ("demand.csv:2: municipality", "demand.csv:3: language", "demand.csv:3: count"):
        assert text in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_orientation_plan__bad_option__exits_2(cli_env: dict[str, str]) -> None:  # noqa: F811
    result = run(cli_env, "orientation", "plan", "--demand", "x.csv", "--min-size", "0")
    assert result.returncode == 2
    assert "--min-size" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "args", "expected"),
    [
        ("", [], ["demand.csv:1: file: the file is empty"]),
        (DEMAND, ["--min-size", "8", "--max-size", "4"], ["--min-size must not exceed --max-size"]),
        (DEMAND, ["--hosts", "Kajaani,Atlantis"], ["--hosts: unknown municipality 'Atlantis'"]),
        ("x", ["--demand", "/nonexistent/demand.csv"], ["No such file"]),
    ],
)  # fmt: skip
def test_orientation_plan__bad_input__is_an_error_with_exit_code_2(
    tmp_path: Path, content: str, args: list[str], expected: list[str]
) -> None:
    path = tmp_path / "demand.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        _plan_here("--demand", str(path), *args)
    assert caught.value.returncode == 2
    for text in expected:
        assert text in str(caught.value)
