from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kotokartta.core"
    label = "core"
