from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The site shell: the base template, the context every page gets, the shared template tags,
    the error pages and /healthz. Every public app's pages extend `site/base.html`; no app imports
    this one (it sits on top of them, see docs/adr/0003-layers.md)."""

    name = "kotokartta.site"
    label = "site"
