"""A real Kotokartta server (gunicorn via `kotokartta serve`) on a throwaway SQLite database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import REAL_DATA


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(var: Path) -> dict[str, str]:
    env = {**os.environ, "KOTOKARTTA_VAR_DIR": str(var)}
    env["DATABASE_URL"] = os.environ.get("KOTOKARTTA_TEST_SERVER_DATABASE_URL") or (
        f"sqlite:///{var}/server.sqlite3"
    )
    return env


@contextmanager
def running_server(var: Path, *, workers: int = 2) -> Iterator[str]:
    env = server_env(var)
    cli = [sys.executable, "-m", "kotokartta.cli"]
    subprocess.run([*cli, "migrate", "-v0"], env=env, check=True)
    subprocess.run([*cli, "data", "-v0", "load", str(REAL_DATA)], env=env, check=True)
    port = free_port()
    process = subprocess.Popen(
        [*cli, "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        # Up to a minute: a loaded two-core machine can take far longer than the usual second.
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
