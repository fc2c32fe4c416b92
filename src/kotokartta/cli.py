"""The `kotokartta` command: Django's management commands under the project's own name.

`kotokartta data check`, `kotokartta path kajaani --client other`, `kotokartta serve` …
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotokartta.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:] if argv is None else argv
    try:
        execute_from_command_line(["kotokartta", *args])
    except BrokenPipeError:  # e.g. `kotokartta path … | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
