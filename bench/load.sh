#!/usr/bin/env bash
# Load: 100 concurrent simulated users for a few minutes against the production setup (gunicorn)
# on loopback; reports requests, failures and the worker's memory at the start and the end.
# Usage: bench/load.sh [users=100] [duration=3m] [workers=2]
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${1:-100}; DURATION=${2:-3m}; WORKERS=${3:-2}
export UV_PYTHON_DOWNLOADS=never
RUN=(python3 -m uv run --locked)
TMP=$(mktemp -d /tmp/kkload.XXXXXX)
trap 'kill "${SERVER:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$TMP"' EXIT
export KOTOKARTTA_VAR_DIR="$TMP" DATABASE_URL="${DATABASE_URL:-sqlite:///$TMP/load.sqlite3}"
"${RUN[@]}" kotokartta migrate -v0
"${RUN[@]}" kotokartta data -v0 load "${DATA_DIR:-data/kainuu-koillismaa}" >/dev/null
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"${RUN[@]}" kotokartta serve --port "$PORT" --workers "$WORKERS" >"$TMP/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
# gunicorn's processes: the master and its workers share the command line (uv's wrapper does not
# run Python, so it is left out by its name).
rss() { for pid in $(pgrep -f "kotokartta serve --port $PORT"); do
          [ "$(ps -o comm= -p "$pid")" = uv ] || ps -o rss= -p "$pid"; done |
        awk '{s+=$1; n+=1; if ($1>m) m=$1} END {printf "%d MiB in %d processes (largest %d MiB)", s/1024, n, m/1024}'; }
echo "workers' memory before: $(rss)"
"${RUN[@]}" locust -f bench/locustfile.py --headless -u "$USERS" -r 20 -t "$DURATION" \
  --host "http://127.0.0.1:$PORT" --only-summary --csv "$TMP/load" 2>&1 | tail -25
echo "workers' memory after:  $(rss)"
python3 - "$TMP/load_stats.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
total = next(r for r in rows if r["Name"] == "Aggregated")
print(f"requests {total['Request Count']}, failures {total['Failure Count']}, "
      f"{float(total['Requests/s']):.1f} req/s, p50 {total['50%']} ms, p95 {total['95%']} ms")
PY
