"""The `kotokartta` command: Django's management commands under the project's own name.

`kotokartta data check`, `kotokartta path kajaani --client other`, `kotokartta serve` …

Django's system checks import every URL and view of the site (and with them the HSDS schema
validator, the QR and PDF libraries…), which is most of a light command's start-up. They run for
the commands that start or change something (`check`, `serve`, `runserver`, `migrate`); every
other command starts without them (Django's own `--skip-checks`).
"""

from __future__ import annotations

import os
import sys

CHECKED_COMMANDS = frozenset({"check", "serve", "runserver", "migrate", "makemigrations", "test"})


def _skipping_checks(args: list[str]) -> list[str]:
    if not args or args[0].startswith("-") or args[0] in CHECKED_COMMANDS:
        return args
    if "--skip-checks" in args or any(arg in ("-h", "--help") for arg in args):
        return args
    import django
    from django.core.management import get_commands, load_command_class

    try:
        django.setup()
    except Exception:
        return args
    app = get_commands().get(args[0])
    if app is None:
        return args
    command = load_command_class(app, args[0]) if isinstance(app, str) else app
    if not command.requires_system_checks:
        return args
    return [args[0], "--skip-checks", *args[1:]]


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotokartta.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:] if argv is None else argv
    try:
        execute_from_command_line(["kotokartta", *_skipping_checks(list(args))])
    except BrokenPipeError:  # e.g. `kotokartta path … | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
