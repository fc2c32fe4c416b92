"""Write a runnable copy of deploy/nginx/kotokartta.conf into a scratch folder: the same
configuration with its paths moved under that folder and a main nginx.conf around it. Used by
tests/test_deploy.py (`nginx -t`) and bench/stack.py (the measured stack), so both check the
file that is documented, not a look-alike.

    python deploy/localise.py FOLDER --port 8080 --socket FOLDER/gunicorn.sock [--file-port 8081]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
SITE = DEPLOY / "nginx" / "kotokartta.conf"
BROTLI_MODULES = (
    Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"),
    Path("/usr/share/nginx/modules/ngx_http_brotli_filter_module.so"),
)


def brotli_module() -> Path | None:
    return next((path for path in BROTLI_MODULES if path.exists()), None)


def localise(
    folder: Path,
    *,
    port: int,
    socket: Path | str,
    static_root: Path | None = None,
    file_root: Path | None = None,
    file_port: int | None = None,
    workers: str = "auto",
) -> Path:
    """Write FOLDER/nginx.conf (and the site file beside it); return the main file's path."""
    folder = folder.resolve()
    for name in ("cache", "logs", "static", "tmp"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    site = SITE.read_text(encoding="utf-8")
    replacements = {
        # a socket path, or host:port
        "unix:/run/kotokartta/gunicorn.sock": (
            f"unix:{socket}" if isinstance(socket, Path) else str(socket)
        ),
        "/var/cache/nginx/kotokartta": str(folder / "cache"),
        "/var/log/nginx/": f"{folder / 'logs'}/",
        "/srv/kotokartta/static/": f"{static_root or folder / 'static'}/",
        "listen 80;": f"listen 127.0.0.1:{port};",
        "listen [::]:80;": "",
    }
    for old, new in replacements.items():
        if old not in site:
            raise ValueError(f"{SITE.name} no longer contains {old!r}: update deploy/localise.py")
        site = site.replace(old, new)
    module = brotli_module()
    if module is None:  # documented: without the module, the brotli lines go
        site = _without_brotli(site)
    (folder / "kotokartta.conf").write_text(site, encoding="utf-8")
    file_server = ""
    if file_root is not None and file_port is not None:
        # The baseline: the same nginx, the same log format, serving the bytes as a file.
        file_server = f"""
    server {{
        listen 127.0.0.1:{file_port};
        access_log {folder / "logs"}/file-access.log kotokartta_private;
        location / {{ root {file_root}; }}
    }}"""
    mime = Path("/etc/nginx/mime.types")
    main = f"""{"load_module " + str(module) + ";" if module else ""}
worker_processes {workers};
pid {folder / "nginx.pid"};
error_log {folder / "logs"}/error.log warn;
{"user root;" if _is_root() else ""}
events {{ worker_connections 1024; }}
http {{
    {"include " + str(mime) + ";" if mime.exists() else ""}
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {folder / "tmp"}/body;
    proxy_temp_path {folder / "tmp"}/proxy;
    fastcgi_temp_path {folder / "tmp"}/fastcgi;
    uwsgi_temp_path {folder / "tmp"}/uwsgi;
    scgi_temp_path {folder / "tmp"}/scgi;
    include {folder / "kotokartta.conf"};{file_server}
}}
"""
    (folder / "nginx.conf").write_text(main, encoding="utf-8")
    return folder / "nginx.conf"


def _without_brotli(text: str) -> str:
    """The site without its `brotli*` directives (including their continuation lines)."""
    out, skipping = [], False
    for line in text.splitlines():
        if skipping or line.strip().startswith("brotli"):
            skipping = not line.rstrip().endswith(";")
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def _is_root() -> bool:
    import os

    return os.geteuid() == 0


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if Path(p).exists()), None
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--socket", type=Path, required=True)
    parser.add_argument("--file-root", type=Path)
    parser.add_argument("--file-port", type=int)
    args = parser.parse_args()
    print(
        localise(
            args.folder,
            port=args.port,
            socket=args.socket,
            file_root=args.file_root,
            file_port=args.file_port,
        )
    )


if __name__ == "__main__":
    main()
