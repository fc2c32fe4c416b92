from django.apps import AppConfig


class CoverageConfig(AppConfig):
    name = "kotokartta.coverage"
    label = "coverage"
