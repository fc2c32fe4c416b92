# Shared by scripts/run and scripts/test: make sure uv and the locked environment exist.
# Needs only Python >= 3.11 on the machine; installs uv with pip when it is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export UV_PYTHON_DOWNLOADS=never
PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Kotokartta needs Python 3.11 or newer as '$PYTHON' (set PYTHON=/path/to/python3.11)." >&2
  exit 2
fi
if ! "$PYTHON" -m uv --version >/dev/null 2>&1; then
  echo "Installing uv with pip…" >&2
  "$PYTHON" -m pip install --quiet uv
fi
uv() { "$PYTHON" -m uv "$@"; }

# Debian packages that the tests and the PDF/search features use; installed only when missing.
apt_missing() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if ((${#missing[@]})); then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      echo "Installing system packages: ${missing[*]}" >&2
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "Missing system packages (install them as root): ${missing[*]}" >&2
    fi
  fi
}

# gettext: compiling the interface translations; libvoikko1 + voikko-fi: Finnish base forms for
# search (search falls back to Snowball stems without them); libharfbuzz-subset0 + fonts-noto-core:
# PDF rendering with fonts for every interface language (Arabic, Persian, Thai…).
apt_missing gettext libvoikko1 voikko-fi libharfbuzz-subset0 fonts-noto-core

uv sync --locked --quiet
