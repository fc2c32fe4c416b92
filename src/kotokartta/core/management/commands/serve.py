"""kotokartta serve — the guide behind a production WSGI server (gunicorn), or Django's
development server with --dev."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.wsgi import get_wsgi_application


def _port(value: str) -> int:
    port = int(value)
    if not 1 <= port <= 65535:
        raise ValueError(value)
    return port


def _count(value: str) -> int:
    count = int(value)
    if not 1 <= count <= 64:
        raise ValueError(value)
    return count


class Command(BaseCommand):
    help = "Serve the guide over HTTP with gunicorn (production-grade), or --dev for development."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
        )
        parser.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
        parser.add_argument(
            "--workers", type=_count, default=2, help="worker processes, 1–64 (default 2)"
        )
        parser.add_argument(
            "--threads",
            type=_count,
            default=4,
            help="threads per worker, 1–64 (default 4, as in deploy/gunicorn.conf.py)",
        )
        parser.add_argument(
            "--dev", action="store_true", help="Django's auto-reloading development server"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        bind = f"{options['host']}:{options['port']}"
        if options["dev"]:
            call_command("runserver", bind, use_reloader=True)
            return
        try:
            from gunicorn.app.base import BaseApplication
        except ImportError as error:  # pragma: no cover - gunicorn is a dependency
            raise CommandError("gunicorn is not installed; run `uv sync`") from error

        application = get_wsgi_application()

        class Server(BaseApplication):
            def load_config(self) -> None:
                self.cfg.set("bind", bind)
                self.cfg.set("workers", options["workers"])
                # Threaded workers, as measured for production (deploy/gunicorn.conf.py).
                self.cfg.set("worker_class", "gthread")
                self.cfg.set("threads", options["threads"])
                self.cfg.set("accesslog", None)  # no access log: nothing about visitors is kept
                self.cfg.set("errorlog", "-")
                self.cfg.set("timeout", 30)
                self.cfg.set("graceful_timeout", 10)

            def load(self) -> Any:
                return application

        self.stdout.write(
            f"Kotokartta at http://{bind}/ (gunicorn, {options['workers']} workers × "
            f"{options['threads']} threads; Ctrl+C stops)"
        )
        Server().run()
