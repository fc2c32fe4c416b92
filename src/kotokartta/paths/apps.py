from django.apps import AppConfig


class PathsConfig(AppConfig):
    name = "kotokartta.paths"
    label = "paths"
