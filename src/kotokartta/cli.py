"""The `kotokartta` command: Django's management commands under the project's own name.

`kotokartta data check`, `kotokartta path kajaani --client other`, `kotokartta serve` …
"""

from __future__ import annotations

import os
import sys

from django.core.management import execute_from_command_line
from django.db import DatabaseError

from kotokartta.core.errors import database_error_message


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotokartta.settings")
    args = sys.argv[1:] if argv is None else argv
    try:
        execute_from_command_line(["kotokartta", *args])
    except BrokenPipeError:  # e.g. `kotokartta path … | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except KeyboardInterrupt:
        sys.exit(130)
    except DatabaseError as error:  # a command that did not say it: still not a traceback
        sys.stderr.write(database_error_message(error) + "\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
