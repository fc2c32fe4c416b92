"""The production stack against the physical limit, in one run.

The same Arabic Puolanka path page is loaded with wrk (from a separate process, on loopback):
  (a) nginx serving the page's bytes as a file            — the baseline
  (b) nginx with deploy/nginx/kotokartta.conf in front of gunicorn, proxy cache warm
  (c) gunicorn directly (the app's own throughput; its in-process page cache on)
and, with --choose-workers, gunicorn directly with sync and gthread workers, 2, 3 and 4 of them,
to choose deploy/gunicorn.conf.py's worker class and count by measurement.

Usage: python bench/stack.py [--seconds 10] [--connections 16] [--choose-workers]
Needs nginx and wrk. Exits non-zero when anything fails (a server that does not start, a non-200
answer, a cache that is not warm, wrk errors): no figure is printed for a run that did not work.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
import localise  # noqa: E402

PAGE = "/ar/path?municipality=puolanka&client=job-seeker&finnish=no"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"


class BenchError(Exception):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers.items()), response.read()


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.1)
    raise BenchError(f"{url} did not answer within {seconds:.0f} s")


def bin_path(name: str) -> str:
    found = Path(sys.executable).parent / name
    if found.exists():
        return str(found)
    other = shutil.which(name)
    if other is None:
        raise BenchError(f"{name} is needed")
    return other


@contextmanager
def gunicorn(
    env: dict[str, str], *, binds: list[str], worker_class: str, workers: int, log: Path
) -> Iterator[None]:
    process_env = {
        **env,
        "KOTOKARTTA_BIND": ",".join(binds),
        "KOTOKARTTA_WORKER_CLASS": worker_class,
        "KOTOKARTTA_WORKERS": str(workers),
    }
    with log.open("ab") as out:
        process = subprocess.Popen(
            [bin_path("gunicorn"), "-c", str(GUNICORN_CONF), "kotokartta.wsgi:application"],
            env=process_env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


WRK_LINE = re.compile(r"Requests/sec:\s+([\d.]+)")
LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, *, seconds: int, connections: int, strict: bool = True) -> dict[str, float]:
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BenchError(f"wrk failed on {url}: {result.stderr.strip()}")
    out = result.stdout
    if strict and ("Non-2xx or 3xx responses" in out or "Socket errors" in out):
        raise BenchError(f"wrk saw errors on {url}:\n{out}")
    rate = WRK_LINE.search(out)
    if rate is None:
        raise BenchError(f"no figure from wrk on {url}:\n{out}")
    figures = {"rps": float(rate.group(1))}
    for share, value, unit in LATENCY.findall(out):
        figures[f"p{share}"] = float(value) * UNIT[unit]
    return figures


def warm(url: str, *, connections: int) -> None:
    """Every worker's caches warm (path engine, page cache): a short load first, not measured."""
    for _ in range(10):
        get(url)
    wrk(url, seconds=3, connections=connections, strict=False)


def row(name: str, figures: dict[str, float]) -> str:
    return (
        f"| {name} | {figures['rps']:,.0f} | {figures.get('p50', 0):.2f} ms "
        f"| {figures.get('p99', 0):.2f} ms |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--choose-workers", action="store_true")
    args = parser.parse_args()
    for tool in ("wrk",):
        if shutil.which(tool) is None:
            raise BenchError(f"{tool} is needed (Debian package {tool})")
    nginx = localise.nginx_binary()
    if nginx is None:
        raise BenchError("nginx is needed (Debian package nginx)")

    tmp = Path(tempfile.mkdtemp(prefix="kkstack."))
    env = {
        **os.environ,
        "KOTOKARTTA_VAR_DIR": str(tmp),
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3"),
        "DJANGO_SETTINGS_MODULE": "kotokartta.settings",
    }
    kotokartta = bin_path("kotokartta")
    subprocess.run([kotokartta, "migrate", "-v0"], env=env, check=True)
    subprocess.run(
        [kotokartta, "data", "-v0", "load"], env=env, check=True, stdout=subprocess.DEVNULL
    )
    sock = tmp / "gunicorn.sock"
    app_port, stack_port, file_port = free_port(), free_port(), free_port()
    file_root = tmp / "root"
    file_root.mkdir()
    conf = localise.localise(
        tmp / "nginx", port=stack_port, socket=sock, file_root=file_root, file_port=file_port
    )
    log = tmp / "gunicorn.log"
    direct = f"http://127.0.0.1:{app_port}"
    stack = f"http://127.0.0.1:{stack_port}"
    print(f"# {os.cpu_count()} cores; wrk -t2 -c{args.connections} -d{args.seconds}s; {PAGE}")

    choice = ("gthread", 2)
    if args.choose_workers:
        print("\n## gunicorn directly, by worker class and count (page cache on)\n")
        print("| workers | requests/s | p50 | p99 |\n|---|---|---|---|")
        best = 0.0
        for worker_class in ("sync", "gthread"):
            for workers in (2, 3, 4):
                with gunicorn(
                    env,
                    binds=[f"127.0.0.1:{app_port}"],
                    worker_class=worker_class,
                    workers=workers,
                    log=log,
                ):
                    wait_for(direct + "/healthz")
                    warm(direct + PAGE, connections=args.connections)
                    figures = wrk(direct + PAGE, seconds=args.seconds, connections=args.connections)
                label = f"{worker_class} × {workers}" + (
                    " (4 threads)" if worker_class == "gthread" else ""
                )
                print(row(label, figures), flush=True)
                if figures["rps"] > best:
                    best, choice = figures["rps"], (worker_class, workers)
        print(f"\nbest: {choice[0]} × {choice[1]}")

    nginx_process = subprocess.Popen(
        [nginx, "-c", str(conf), "-p", str(tmp / "nginx"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    try:
        with gunicorn(
            env,
            binds=[f"unix:{sock}", f"127.0.0.1:{app_port}"],
            worker_class=choice[0],
            workers=choice[1],
            log=log,
        ):
            wait_for(direct + "/healthz")
            wait_for(stack + "/healthz")
            # The page as the stack sends it (its share link names the stack's address); the
            # file server serves exactly these bytes.
            status, headers, body = get(stack + PAGE)
            if status != 200 or len(body) < 1000 or headers.get("X-Cache") != "MISS":
                raise BenchError(f"the page answered {status}, {len(body)} bytes, {headers}")
            (file_root / "path.html").write_bytes(body)
            wait_for(f"http://127.0.0.1:{file_port}/path.html")
            _, _, file_body = get(f"http://127.0.0.1:{file_port}/path.html")
            if file_body != body:
                raise BenchError("nginx does not serve the page's bytes as the file")
            _, headers, stack_body = get(stack + PAGE)
            if headers.get("X-Cache") != "HIT" or stack_body != body:
                raise BenchError(f"the proxy cache is not warm: X-Cache {headers.get('X-Cache')}")
            warm(direct + PAGE, connections=args.connections)
            results = {
                "(a) nginx, the bytes as a file": wrk(
                    f"http://127.0.0.1:{file_port}/path.html",
                    seconds=args.seconds,
                    connections=args.connections,
                ),
                "(b) nginx + proxy cache (warm) + gunicorn": wrk(
                    stack + PAGE, seconds=args.seconds, connections=args.connections
                ),
                f"(c) gunicorn directly, {choice[0]} × {choice[1]}, page cache on": wrk(
                    direct + PAGE, seconds=args.seconds, connections=args.connections
                ),
            }
    finally:
        nginx_process.send_signal(signal.SIGQUIT)
        try:
            nginx_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            nginx_process.kill()
    print(f"\n## The same page ({len(body):,} bytes), one run\n")
    print("| served by | requests/s | p50 | p99 |\n|---|---|---|---|")
    for name, figures in results.items():
        print(row(name, figures))
    values = list(results.values())
    print(
        f"\nratio stack / file = {values[1]['rps'] / values[0]['rps']:.2f}; "
        f"gunicorn directly / file = {values[2]['rps'] / values[0]['rps']:.2f}"
    )
    for name in ("kotokartta-access.log", "file-access.log"):
        access = (tmp / "nginx" / "logs" / name).read_text(errors="replace")
        if "?" in access or "municipality=" in access:
            raise BenchError(f"{name} holds a query string")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (BenchError, subprocess.CalledProcessError, OSError) as error:
        print(f"bench/stack.py: {error}", file=sys.stderr)
        sys.exit(1)
