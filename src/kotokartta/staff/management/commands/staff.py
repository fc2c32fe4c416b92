"""kotokartta staff add|list|remove — staff users and their roles (docs/staff.md)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kotokartta.staff.models import Role
from kotokartta.staff.users import UserError, user_add, user_list, user_remove


class Command(BaseCommand):
    help = "Add, list or archive staff users (editors, publishers, area admins)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", metavar="{add,list,remove}", required=True)
        add = sub.add_parser("add", help="Add a staff user with a role.")
        add.add_argument("username")
        add.add_argument("--role", required=True, choices=Role.values)
        add.add_argument(
            "--municipality",
            action="append",
            default=[],
            metavar="M",
            help="by name, code or alias; repeat for several (not for area-admin)",
        )
        add.add_argument(
            "--password-stdin",
            action="store_true",
            required=True,
            help="read the password from standard input (never from the command line)",
        )
        sub.add_parser("list", help="List staff users, their roles and two-step sign-in.")
        remove = sub.add_parser(
            "remove",
            help="Archive a user: deactivate the account and remove its roles (not deleted: "
            "their name stays on the history and the audit log).",
        )
        remove.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        try:
            if action == "add":
                password = sys.stdin.readline().rstrip("\n")
                user_add(
                    username=options["username"],
                    role=options["role"],
                    municipalities=options["municipality"],
                    password=password,
                )
                self.stdout.write(f"Added {options['username']} ({options['role']})")
            elif action == "remove":
                user_remove(username=options["username"])
                self.stdout.write(f"Archived {options['username']}: deactivated, roles removed")
            else:
                for person in user_list():
                    state = "active" if person.active else "archived"
                    two = "2FA" if person.two_factor else "no 2FA"
                    roles = ", ".join(person.roles) or "-"
                    self.stdout.write(f"{person.username}\t{state}\t{two}\t{roles}")
        except UserError as error:
            raise CommandError(str(error), returncode=2) from error
