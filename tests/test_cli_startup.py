"""A light command starts without Django's system checks (which import every view of the site);
the commands that start or change something keep them."""

from __future__ import annotations

import pytest

from kotokartta.cli import _skipping_checks


def test_light_command__skips_the_system_checks() -> None:
    assert _skipping_checks(["path", "kajaani", "--client", "other"]) == [
        "path",
        "--skip-checks",
        "kajaani",
        "--client",
        "other",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["serve", "--port", "8000"],
        ["migrate"],
        ["--help"],
        ["path", "--help"],
        ["path", "--skip-checks", "kajaani"],
        ["no-such-command"],
        [],
    ],
)
def test_checked_help_unknown_or_explicit__are_left_as_they_are(args: list[str]) -> None:
    assert _skipping_checks(list(args)) == args


def test_light_command__still_fails_without_the_borders_file(
    settings: pytest.FixtureRequest, tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.GEO_DIR = tmp_path  # type: ignore[attr-defined]
    with pytest.raises(SystemExit) as stopped:
        _skipping_checks(["path", "kajaani", "--client", "other"])
    assert stopped.value.code == 1
    assert "kotokartta.E001" in capsys.readouterr().err
