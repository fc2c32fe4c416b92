"""gunicorn's settings for Kotokartta behind nginx (deploy/nginx/kotokartta.conf).

    gunicorn -c deploy/gunicorn.conf.py kotokartta.wsgi:application

The worker class and count were chosen by measurement (bench/stack.py, docs/performance.md):
threaded workers keep nginx's upstream connections alive, and on 2 cores 2 processes × 4 threads
served the uncached path page best. Override with the environment variables below.
"""

import os

bind = os.environ.get("KOTOKARTTA_BIND", "unix:/run/kotokartta/gunicorn.sock").split(",")
worker_class = os.environ.get("KOTOKARTTA_WORKER_CLASS", "gthread")
workers = int(os.environ.get("KOTOKARTTA_WORKERS", "2"))
threads = int(os.environ.get("KOTOKARTTA_THREADS", "4"))
keepalive = 5  # seconds; nginx keeps up to 16 idle upstream connections open
timeout = 30
graceful_timeout = 10
# A worker is replaced after this many requests (jitter spreads the restarts), so a slow leak
# cannot grow for ever; the per-worker caches refill from the first requests.
max_requests = 20000
max_requests_jitter = 2000
# No access log: nothing about visitors is kept (nginx logs paths only). Errors go to the journal.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("KOTOKARTTA_GUNICORN_LOG_LEVEL", "warning")
proc_name = "kotokartta"
forwarded_allow_ips = os.environ.get("KOTOKARTTA_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
