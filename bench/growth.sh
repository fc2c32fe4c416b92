#!/usr/bin/env bash
# Benchmark 2 and 4: growth from the ten-municipality data to the national synthetic set (309
# municipalities) — p50/p95 of the path page, municipality page, search and API path with the page
# cache off (the work behind a page), data load times, and a worker's peak memory after the
# national load and 1,000 mixed requests. SQLite by default; for PostgreSQL:
#   scripts/with-postgres bench/growth.sh
# Usage: bench/growth.sh [requests=200]
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-200}
export UV_PYTHON_DOWNLOADS=never
RUN=(python3 -m uv run --locked)
TMP=$(mktemp -d /tmp/kkgrowth.XXXXXX)
trap 'kill "${SERVER:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$TMP"' EXIT
export KOTOKARTTA_VAR_DIR="$TMP" DATABASE_URL="${DATABASE_URL:-sqlite:///$TMP/growth.sqlite3}"
export KOTOKARTTA_PAGE_CACHE=false
echo "# database: ${DATABASE_URL%%:*}; $(nproc) cores; page cache off; $REQUESTS requests per kind"
"${RUN[@]}" kotokartta migrate -v0
"${RUN[@]}" kotokartta data synth --municipalities all -o "$TMP/national" 2>/dev/null | tail -1
VENV_BIN=$(dirname "$("${RUN[@]}" python -c 'import sys;print(sys.executable)')")

serve_and_measure() {
  local label=$1
  PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  "$VENV_BIN/kotokartta" serve --port "$PORT" --workers 1 >"$TMP/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
  echo "## $label"
  "$VENV_BIN/python" bench/latency.py "http://127.0.0.1:$PORT" --requests "$REQUESTS"
  if [ "$label" = national ]; then
    # 1,000 mixed requests, then the worker's peak resident memory (VmHWM)
    "$VENV_BIN/python" bench/latency.py "http://127.0.0.1:$PORT" --requests 250 >/dev/null
    worker=$(pgrep -P "$SERVER" | head -1)
    echo "worker peak memory after the national load and 1,000+ requests: $(awk '/VmHWM/ {printf "%d MiB", $2/1024}' "/proc/$worker/status")"
  fi
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
}

for label in ten national; do
  folder=data/kainuu-koillismaa; [ "$label" = national ] && folder="$TMP/national"
  /usr/bin/time -f "%e s wall, %M KiB peak" -o "$TMP/load.time" "$VENV_BIN/kotokartta" data -v0 load "$folder" >/dev/null
  echo "## data load ($label): $(cat "$TMP/load.time")"
  serve_and_measure "$label"
done
