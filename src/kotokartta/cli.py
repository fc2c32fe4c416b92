"""The `kotokartta` command: Django's management commands under the project's own name.

`kotokartta data check`, `kotokartta path kajaani --client other`, `kotokartta serve` …

Django's URL checks import every URL and view of the site (and with them the HSDS schema
validator, the QR and PDF libraries…), which was most of a light command's start-up. All system
checks run for the commands that start or change the site (`check`, `serve`, `runserver`,
`migrate`, `makemigrations`, `test`); every other command runs Kotokartta's own checks only
(`run_light_checks`: the borders file…), then starts with Django's own `--skip-checks`.
"""

from __future__ import annotations

import os
import sys

from django.core.management import execute_from_command_line
from django.db import DatabaseError

from kotokartta.core.errors import database_error_message

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
    run_light_checks()
    return [args[0], "--skip-checks", *args[1:]]


def run_light_checks() -> None:
    """Kotokartta's own system checks (e.g. the borders file); Django's and the libraries'
    configuration checks, which import every URL, view and template library, run with
    `kotokartta check`, `serve` and `migrate`."""
    from django.core import checks
    from django.core.management.base import SystemCheckError

    found: list[checks.CheckMessage] = []
    for check in checks.registry.registry.get_checks(include_deployment_checks=False):
        if check.__module__.startswith("kotokartta."):
            found.extend(check(app_configs=None, databases=None))
    serious = [message for message in found if message.is_serious() and not message.is_silenced()]
    if serious:
        lines = "\n".join(str(message) for message in serious)
        sys.stderr.write(
            f"{SystemCheckError.__name__}: System check identified some issues:\n{lines}\n"
        )
        sys.exit(1)


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotokartta.settings")
    args = sys.argv[1:] if argv is None else argv
    try:
        execute_from_command_line(["kotokartta", *_skipping_checks(list(args))])
    except BrokenPipeError:  # e.g. `kotokartta path … | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except KeyboardInterrupt:
        sys.exit(130)
    except DatabaseError as error:  # a command that did not say it: still not a traceback
        sys.stderr.write(database_error_message(error) + "\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
