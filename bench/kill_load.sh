#!/usr/bin/env bash
# Fault check: kill -9 `kotokartta data load` at random moments, many times. After every kill the
# database must hold exactly the previous complete data set or the new one — never a mix — and the
# server must keep answering while loads run and die.
# Usage: bench/kill_load.sh [rounds=20] [NEW_DATA_DIR]   (default NEW: a synthetic national set)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-20}
export UV_PYTHON_DOWNLOADS=never
RUN=(python3 -m uv run --locked)
TMP=$(mktemp -d /tmp/kkkill.XXXXXX)
trap 'kill "${SERVER:-}" "${PROBE:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$TMP"' EXIT
export KOTOKARTTA_VAR_DIR="$TMP" DATABASE_URL="${DATABASE_URL:-sqlite:///$TMP/kill.sqlite3}"
OLD=data/kainuu-koillismaa
NEW=${2:-$TMP/national}
if [ ! -d "$NEW" ]; then "${RUN[@]}" kotokartta data synth --municipalities all -o "$NEW" >/dev/null; fi
"${RUN[@]}" kotokartta migrate -v0

fingerprint() {
  "${RUN[@]}" python - <<'PY'
import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotokartta.settings")
django.setup()
from kotokartta.programme import models as m
from kotokartta.search.models import SearchDocument
sets = list(m.DataSet.objects.values_list("checksum", flat=True))
print(len(sets), sets[0][:12] if sets else "-", m.Municipality.objects.count(),
      m.Provision.objects.count(), m.Place.objects.count(), SearchDocument.objects.count())
PY
}

"${RUN[@]}" kotokartta data -v0 load "$NEW" >/dev/null
NEW_PRINT=$(fingerprint)
"${RUN[@]}" kotokartta data -v0 load "$OLD" >/dev/null
OLD_PRINT=$(fingerprint)
echo "old: $OLD_PRINT"
echo "new: $NEW_PRINT"

PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"${RUN[@]}" kotokartta serve --port "$PORT" --workers 2 >"$TMP/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
# A probe that asks for a page every 50 ms and counts answers that are not 200.
( ok=0; bad=0; while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$PORT/fi/" || echo 000)
    if [ "$code" = 200 ]; then ok=$((ok+1)); else bad=$((bad+1)); echo "probe: $code" >>"$TMP/probe.err"; fi
    echo "$ok $bad" >"$TMP/probe.count"; sleep 0.05
  done ) &
PROBE=$!

START=$(date +%s.%N)
"${RUN[@]}" kotokartta data -v0 load "$NEW" >/dev/null
LOAD_SECONDS=$(python3 -c "import time;print(round(time.time()-$START,2))")
"${RUN[@]}" kotokartta data -v0 load "$OLD" >/dev/null
echo "a full load of the new set takes ${LOAD_SECONDS}s (with the command's start-up)"

mixed=0; old=0; new=0
for round in $(seq "$ROUNDS"); do
  before=$(fingerprint)
  delay=$(python3 -c "import random;print(round(random.uniform(0.3, $LOAD_SECONDS), 2))")
  "${RUN[@]}" kotokartta data -v0 load "$NEW" >/dev/null 2>&1 &
  LOADER=$!
  sleep "$delay"
  # kill the whole process group of the loader (uv → python)
  pkill -9 -P "$LOADER" 2>/dev/null || true; kill -9 "$LOADER" 2>/dev/null || true
  wait "$LOADER" 2>/dev/null || true
  after=$(fingerprint)
  if [ "$after" = "$OLD_PRINT" ]; then old=$((old+1)); state=old
  elif [ "$after" = "$NEW_PRINT" ]; then new=$((new+1)); state=new
  else mixed=$((mixed+1)); state="MIXED: $after"; fi
  echo "round $round: killed after ${delay}s → $state"
  # go back to the old set for the next round when the load had finished
  if [ "$state" = new ]; then "${RUN[@]}" kotokartta data -v0 load "$OLD" >/dev/null; fi
  [ "$before" = "$OLD_PRINT" ] || echo "warning: round started from $before"
done
sleep 0.5
read -r ok bad <"$TMP/probe.count"
echo "result: $ROUNDS kills: $old left the old set, $new the new set, $mixed mixed"
echo "server during the loads: $ok answers 200, $bad other"
[ "$mixed" = 0 ] && [ "$bad" = 0 ]
