"""Settings: production mode names its database or refuses to start; development needs nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "KOTOKARTTA_PRODUCTION": "true",
    "KOTOKARTTA_SECRET_KEY": "x" * 50,
    "KOTOKARTTA_ALLOWED_HOSTS": "kotokartta.example.fi",
}


ENGINE = "import kotokartta.settings as s; print(s.DATABASES['default']['ENGINE'])"


def _settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import kotokartta.settings as s; print(s.DATABASES['default']['ENGINE'])",
        ],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def test_production_without_database_url__refuses_to_start() -> None:
    result = _settings(PRODUCTION)
    assert result.returncode != 0
    assert "DATABASE_URL is not set" in result.stderr


def test_production_with_database_url__starts() -> None:
    result = _settings({**PRODUCTION, "DATABASE_URL": "postgres://k@db.example.fi:5432/k"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_development__falls_back_to_the_embedded_sqlite(tmp_path: Path) -> None:
    result = _settings({"KOTOKARTTA_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_the_renamed_maps_folder_variable__is_refused_with_its_new_name(tmp_path: Path) -> None:
    result = _settings({"KOTOKARTTA_VAR_DIR": str(tmp_path), "KOTOKARTTA_MAPS_DIR": "/srv/maps"})
    assert result.returncode != 0
    assert "KOTOKARTTA_MAPS_DIR was renamed KOTOKARTTA_CACHE_DIR" in result.stderr


def test_rendered_files__are_kept_under_the_state_folder_by_default(tmp_path: Path) -> None:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "KOTOKARTTA_CACHE_DIR")
    }
    result = subprocess.run(
        [sys.executable, "-c", "import kotokartta.settings as s; print(s.CACHE_DIR)"],
        env={**clean, "KOTOKARTTA_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "cache")
