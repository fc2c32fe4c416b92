"""Load test: simulated visitors of the guide and the API, on loopback only.

Run through bench/load.sh (it starts the production setup and stops everything itself), or:
    locust -f bench/locustfile.py --headless -u 100 -r 20 -t 3m --host http://127.0.0.1:PORT
"""

from __future__ import annotations

import random

from locust import HttpUser, between, task

MUNICIPALITIES = ["105", "205", "290", "305", "578", "620", "697", "765", "777", "832"]
LANGS = ["fi", "ar", "en", "uk", "so", "fa"]
QUERIES = ["kielikurssille", "lukutaito", "työnhaku", "kulttuuripassi", "language course"]


class Visitor(HttpUser):
    wait_time = between(0.5, 2.0)

    @task(5)
    def path_page(self) -> None:
        lang = random.choice(LANGS)
        municipality = random.choice(MUNICIPALITIES)
        client = random.choice(["job-seeker", "other"])
        self.client.get(
            f"/{lang}/path?municipality={municipality}&client={client}",
            name="/[lang]/path",
        )

    @task(1)
    def path_with_dates(self) -> None:
        day = random.randint(1, 28)
        self.client.get(
            f"/fi/path?municipality={random.choice(MUNICIPALITIES)}&client=other"
            f"&permit=2025-01-{day:02d}&plan=2025-03-{day:02d}",
            name="/fi/path (dates, uncached)",
        )

    @task(3)
    def home(self) -> None:
        self.client.get(f"/{random.choice(LANGS)}/", name="/[lang]/")

    @task(2)
    def municipality_page(self) -> None:
        self.client.get(
            f"/fi/municipalities/{random.choice(MUNICIPALITIES)}/",
            name="/fi/municipalities/[code]/",
        )

    @task(2)
    def search(self) -> None:
        self.client.get(f"/fi/search?q={random.choice(QUERIES)}", name="/fi/search")

    @task(2)
    def api_path(self) -> None:
        self.client.get(
            f"/api/v1/path?municipality={random.choice(MUNICIPALITIES)}&client=job-seeker",
            name="/api/v1/path",
        )

    @task(1)
    def static(self) -> None:
        self.client.get("/static/site/site.css", name="/static/site.css")
