"""`kotokartta ptv diff`: output, exit codes, no traceback, no network with --recorded."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import urllib.error
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from kotokartta.integrations.ptv import client as client_module
from tests.conftest import REAL_DATA
from tests.test_ptv_client import FIXTURES, FakeOpener, forbid_sockets, http_error

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sockets(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """No test here may open a socket; the list records every attempt."""
    return forbid_sockets(monkeypatch)


def ptv(*args: str) -> str:
    out = StringIO()
    call_command("ptv", *args, stdout=out)
    return out.getvalue()


def _folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_diff_recorded__opens_no_socket_and_changes_no_file(sockets: list[Any]) -> None:
    before = _folder_digest(REAL_DATA)
    text = ptv("diff", "puolanka", "--recorded", str(FIXTURES))
    assert sockets == []
    assert text.startswith("PTV and Kotokartta — Puolanka (620)\n")
    assert (
        "e-mail: PTV “erja.helttunen@kktyollisyysalue.fi”, ours “erja.helttunen@puolanka.fi”"
        in text
    )
    assert (
        "puolanka.yaml:17 coordinators[0].email (change) → erja.helttunen@kktyollisyysalue.fi"
        in text
    )
    assert _folder_digest(REAL_DATA) == before


@pytest.mark.parametrize("term", ["Kajaani", "205", "Kajana", "kajaani"])
def test_diff_recorded__finds_the_municipality_by_name_code_or_swedish_name(term: str) -> None:
    assert ptv("diff", term, "--recorded", str(FIXTURES)).startswith(
        "PTV and Kotokartta — Kajaani (205)"
    )


def test_diff_json(sockets: list[Any]) -> None:
    data = json.loads(ptv("diff", "Kajaani", "--json", "--recorded", str(FIXTURES)))
    assert data["ptv"] == {"services": 4, "service_channels": 5}
    assert len(data["differences"]) == 14
    assert data["changed_anything"] is False
    assert sockets == []


def test_unknown_municipality__exit_2_listing_the_municipalities() -> None:
    with pytest.raises(CommandError) as caught:
        ptv("diff", "Oulu", "--recorded", str(FIXTURES))
    assert caught.value.returncode == 2
    assert "unknown municipality 'Oulu'" in str(caught.value)
    assert "Kajaani (205)" in str(caught.value) and "Puolanka (620)" in str(caught.value)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--recorded", "/no/such/folder"], "no such folder"),
        (["--timeout", "0"], "--timeout must be more than 0"),
    ],
)
def test_bad_options__exit_2(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message) as caught:
        ptv("diff", "Puolanka", *args)
    assert caught.value.returncode == 2


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (lambda url: http_error(url, 500, "Internal Server Error"), "HTTP 500"),
        (lambda url: http_error(url, 404, "Not Found"), "HTTP 404"),
        (lambda url: b"<!DOCTYPE html><p>Huoltokatko</p>", "is not JSON"),
        (lambda url: TimeoutError("timed out"), "did not answer within 20 s"),
        (
            lambda url: urllib.error.URLError(OSError(101, "Network is unreachable")),
            "cannot reach PTV",
        ),
    ],
)
def test_ptv_failure__exit_1_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, settings: Any, failure: Any, message: str
) -> None:
    settings.PTV_BASE_URL = "https://ptv.test/api/v11"
    opener = FakeOpener(failure)
    monkeypatch.setattr(client_module, "_default_opener", lambda: opener)
    with pytest.raises(CommandError, match=message) as caught:
        ptv("diff", "Puolanka")
    assert caught.value.returncode == 1
    assert str(caught.value).startswith("cannot read PTV: ")
    assert opener.urls == [
        "https://ptv.test/api/v11/Service/list/area/Municipality/code/620?page=1"
    ]


def test_live_mode__reads_settings_ptv_base_url(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.PTV_BASE_URL = "https://ptv.test/api/v11/"
    recordings = client_module.RecordedTransport(FIXTURES)
    monkeypatch.setattr(client_module, "_default_opener", lambda: recordings)
    text = ptv("diff", "Puolanka")
    assert "Read from https://ptv.test/api/v11: 2 services, 1 service channel." in text
    assert (
        recordings.requests[0]
        == "https://ptv.test/api/v11/Service/list/area/Municipality/code/620?page=1"
    )


def test_recorded_garbage__exit_1(tmp_path: Path) -> None:
    page = tmp_path / "Service/list/area/Municipality/code/620__page=1.json"
    page.parent.mkdir(parents=True)
    page.write_text("<html>502 Bad Gateway</html>")
    with pytest.raises(CommandError, match="is not JSON") as caught:
        ptv("diff", "Puolanka", "--recorded", str(tmp_path))
    assert caught.value.returncode == 1


# ---- as a person runs it: a real process, real exit codes -----------------------------------

# Runs the CLI with socket.socket replaced, so the process fails loudly if it opens a socket.
# Django's system checks import every URL conf first: there DRF imports requests, and urllib3
# probes for IPv6 by binding a local socket once at import time. That happens before the
# command runs and sends nothing, so the URL conf is loaded before sockets are forbidden.
NO_NETWORK_MAIN = """
import os, socket, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotokartta.settings")
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns
class NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        raise SystemExit("a socket was opened")
socket.socket = NoSocket
from kotokartta.cli import main
main(sys.argv[1:])
"""


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    var = tmp_path_factory.mktemp("ptv-var")
    env = {
        **os.environ,
        "KOTOKARTTA_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var}/cli.sqlite3",
        "KOTOKARTTA_PTV_BASE_URL": "https://ptv.invalid/api/v11",
    }
    for args in (["migrate", "-v0"], ["data", "-v0", "load", str(REAL_DATA)]):
        subprocess.run([sys.executable, "-m", "kotokartta.cli", *args], env=env, check=True)
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", NO_NETWORK_MAIN, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_process__recorded_diff_exits_0_without_a_socket(cli_env: dict[str, str]) -> None:
    result = run(cli_env, "ptv", "diff", "Kajaani", "--recorded", str(FIXTURES))
    assert result.returncode == 0, result.stderr
    assert "Kajaanin pääkirjasto" in result.stdout


def test_process__errors_exit_without_a_traceback(cli_env: dict[str, str], tmp_path: Path) -> None:
    page = tmp_path / "ServiceChannel/list/area/Municipality/code/620__page=1.json"
    page.parent.mkdir(parents=True)
    page.write_text("not json")
    (tmp_path / "Service/list/area/Municipality/code").mkdir(parents=True)
    (tmp_path / "Service/list/area/Municipality/code/620__page=1.json").write_text(
        '{"itemList": []}'
    )
    cases = [
        (["ptv", "diff", "Puolanka", "--recorded", str(tmp_path)], 1, "is not JSON"),
        (["ptv", "diff", "Oulu", "--recorded", str(FIXTURES)], 2, "Puolanka (620)"),
        (["ptv", "diff", "Puolanka", "--bogus"], 2, "unrecognized arguments: --bogus"),
    ]
    for args, code, message in cases:
        result = run(cli_env, *args)
        assert result.returncode == code, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
