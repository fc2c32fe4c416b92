#!/usr/bin/env bash
# Benchmark 3: rendering time of one municipality's service map (A4, A3) and of the whole
# programme document as PDF, and command start-up: whole-process timings with /usr/bin/time
# (median of N runs; wall and CPU = user + system, which a busy machine disturbs less).
# Usage: bench/pdf.sh [runs=5] [municipality=kajaani] [lang=ar]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}; MUNICIPALITY=${2:-kajaani}; LANG2=${3:-ar}
export UV_PYTHON_DOWNLOADS=never
RUN=(python3 -m uv run --locked)
TMP=$(mktemp -d /tmp/kkpdf.XXXXXX); trap 'rm -rf "$TMP"' EXIT
export KOTOKARTTA_VAR_DIR="$TMP" DATABASE_URL="sqlite:///$TMP/pdf.sqlite3"
"${RUN[@]}" kotokartta migrate -v0; "${RUN[@]}" kotokartta data -v0 load >/dev/null
VENV_BIN=$(dirname "$("${RUN[@]}" python -c 'import sys;print(sys.executable)')")
measure() {
  local name=$1; shift
  local times=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/t" "$@" >/dev/null 2>&1
    times+=("$(cat "$TMP/t")")
  done
  printf '%s\n' "${times[@]}" | python3 -c "
import sys, statistics
rows=[l.split() for l in sys.stdin if l.strip()]
secs=[float(r[0]) for r in rows]; cpu=[float(r[1])+float(r[2]) for r in rows]; rss=[int(r[3]) for r in rows]
print(f'$name: wall median {statistics.median(secs):.2f} s (min {min(secs):.2f}, max {max(secs):.2f}), CPU median {statistics.median(cpu):.2f} s, peak RSS {max(rss)//1024} MiB, {len(rows)} runs')"
}
measure "map $MUNICIPALITY A4 ($LANG2)" "$VENV_BIN/kotokartta" map "$MUNICIPALITY" --lang "$LANG2" --paper a4 -o "$TMP/a4.pdf"
measure "map $MUNICIPALITY A3 ($LANG2)" "$VENV_BIN/kotokartta" map "$MUNICIPALITY" --lang "$LANG2" --paper a3 -o "$TMP/a3.pdf"
measure "programme document PDF" "$VENV_BIN/kotokartta" document --format pdf -o "$TMP/doc.pdf"
measure "command start-up (kotokartta --help)" "$VENV_BIN/kotokartta" --help
measure "light command (kotokartta path Kajaani --client other)" "$VENV_BIN/kotokartta" path Kajaani --client other
measure "kotokartta check (with the system checks)" "$VENV_BIN/kotokartta" check
