#!/usr/bin/env bash
# Benchmark 1: the same path page served dynamically and as a static file by the same production
# setup (gunicorn, the same number of workers), loaded by wrk from a separate process on loopback.
# Usage: bench/static_vs_dynamic.sh [seconds=15] [connections=16] [workers=2]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-15}
CONNECTIONS=${2:-16}
WORKERS=${3:-2}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
export UV_PYTHON_DOWNLOADS=never
RUN=(python3 -m uv run --locked)
TMP=$(mktemp -d /tmp/kkbench.XXXXXX)
trap 'kill "${SERVER:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$TMP"' EXIT
export KOTOKARTTA_VAR_DIR="$TMP" DATABASE_URL="${DATABASE_URL:-sqlite:///$TMP/bench.sqlite3}"
export KOTOKARTTA_WHITENOISE_ROOT="$TMP/root"
mkdir -p "$KOTOKARTTA_WHITENOISE_ROOT"
PAGE="/ar/path?municipality=kajaani&client=job-seeker&finnish=no"
"${RUN[@]}" kotokartta migrate -v0
"${RUN[@]}" kotokartta data -v0 load
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
# The static copy: exactly the bytes the dynamic page sends.
"${RUN[@]}" python -c "
import os, django
os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'kotokartta.settings')
django.setup()
from django.test import Client
open('$KOTOKARTTA_WHITENOISE_ROOT/path.html', 'wb').write(Client().get('$PAGE').content)
"
"${RUN[@]}" kotokartta serve --port "$PORT" --workers "$WORKERS" >"$TMP/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
BASE="http://127.0.0.1:$PORT"
echo "# gunicorn, $WORKERS workers; wrk -t2 -c$CONNECTIONS -d${SECONDS_EACH}s; $(nproc) cores"
echo "## static file: /path.html ($(stat -c %s "$KOTOKARTTA_WHITENOISE_ROOT/path.html") bytes)"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$BASE/path.html" | tee "$TMP/static.txt"
echo "## dynamic page: $PAGE"
curl -sf "$BASE$PAGE" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$BASE$PAGE" | tee "$TMP/dynamic.txt"
static=$(awk '/Requests\/sec/ {print $2}' "$TMP/static.txt")
dynamic=$(awk '/Requests\/sec/ {print $2}' "$TMP/dynamic.txt")
python3 -c "print(f'ratio dynamic/static = {float($dynamic)/float($static):.2f} ({$dynamic} / {$static} requests/s)')"
