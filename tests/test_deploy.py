"""The production stack in deploy/: nginx accepts the configuration as documented, its access
log cannot hold a query string, and in front of a real server its cache keeps public answers
while never keeping a person's own answers."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
sys.path.insert(0, str(DEPLOY))
import localise  # noqa: E402

NGINX = localise.nginx_binary()
needs_nginx = pytest.mark.skipif(NGINX is None, reason="nginx missing (scripts/test installs it)")


def nginx_t(conf: Path) -> subprocess.CompletedProcess[str]:
    assert NGINX is not None
    return subprocess.run(
        [NGINX, "-t", "-c", str(conf), "-p", str(conf.parent)],
        capture_output=True,
        text=True,
        check=False,
    )


@needs_nginx
def test_nginx_configuration__is_valid(tmp_path: Path) -> None:
    conf = localise.localise(tmp_path, port=18080, socket=tmp_path / "gunicorn.sock")
    result = nginx_t(conf)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


@needs_nginx
def test_nginx_configuration_without_brotli__is_valid_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(localise, "brotli_module", lambda: None)
    conf = localise.localise(tmp_path, port=18080, socket=tmp_path / "gunicorn.sock")
    site = (tmp_path / "kotokartta.conf").read_text()
    assert not re.search(r"^\s*brotli", site, re.MULTILINE)
    result = nginx_t(conf)
    assert result.returncode == 0, result.stderr


def test_access_log__names_neither_query_string_nor_client_address() -> None:
    site = (DEPLOY / "nginx" / "kotokartta.conf").read_text()
    log_format = re.search(r"log_format kotokartta_private(.*?);", site, re.DOTALL)
    assert log_format is not None
    variables = set(re.findall(r"\$([a-z_]+)", log_format.group(1)))
    forbidden = {"request", "request_uri", "args", "query_string", "remote_addr", "http_referer"}
    assert not variables & forbidden
    for directive in re.findall(r"^\s*access_log\s+([^;]+);", site, re.MULTILINE):
        parts = directive.split()
        assert parts == ["off"] or parts[1] == "kotokartta_private", directive


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


@pytest.fixture(scope="module")
def stack(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """nginx with deploy/nginx/kotokartta.conf in front of the test server (gunicorn)."""
    if NGINX is None:
        pytest.skip("nginx missing")
    from tests.servers import free_port

    folder = tmp_path_factory.mktemp("nginx")
    port = free_port()
    conf = localise.localise(folder, port=port, socket=server.removeprefix("http://"), workers="1")
    process = subprocess.Popen(
        [NGINX, "-c", str(conf), "-p", str(folder), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                time.sleep(0.05)
        yield base, folder
    finally:
        process.send_signal(signal.SIGQUIT)
        process.wait(timeout=10)


def test_stack__serves_a_public_page_from_its_cache_the_second_time(
    stack: tuple[str, Path],
) -> None:
    base, _ = stack
    url = base + "/fi/path?municipality=kuhmo&client=other"
    first = fetch(url)
    second = fetch(url)
    assert first[0] == second[0] == 200
    assert first[1]["X-Cache"] == "MISS" and second[1]["X-Cache"] == "HIT"
    assert second[2] == first[2]


def test_stack__answers_a_matching_conditional_get_with_304(stack: tuple[str, Path]) -> None:
    base, _ = stack
    url = base + "/api/v1/path?municipality=kuhmo&client=job-seeker"
    status, headers, _ = fetch(url)
    assert status == 200
    status, again, body = fetch(url, **{"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""
    assert again["ETag"] == headers["ETag"]


def test_stack__compresses_text_for_clients_that_accept_it(stack: tuple[str, Path]) -> None:
    base, _ = stack
    _, headers, _ = fetch(base + "/fi/municipalities/kuhmo/", **{"Accept-Encoding": "gzip"})
    assert headers.get("Content-Encoding") == "gzip"


@pytest.mark.parametrize(
    "path",
    [
        "/fi/path?municipality=kuhmo&client=other&permit=2024-05-01",
        "/healthz",
        "/staff/",
    ],
)
def test_stack__never_keeps_personal_staff_or_health_answers(
    stack: tuple[str, Path], path: str
) -> None:
    base, _ = stack
    statuses = {fetch(base + path)[1].get("X-Cache") for _ in range(2)}
    assert statuses <= {"BYPASS"}, statuses


def test_stack__access_log_holds_paths_without_query_strings(stack: tuple[str, Path]) -> None:
    base, folder = stack
    fetch(base + "/fi/path?municipality=kuhmo&client=other&permit=2024-05-01")
    log = (folder / "logs" / "kotokartta-access.log").read_text()
    assert "GET /fi/path HTTP/1.1" in log
    assert "?" not in log and "permit" not in log and "127.0.0.1" not in log
