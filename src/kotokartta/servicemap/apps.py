from django.apps import AppConfig


class ServicemapConfig(AppConfig):
    name = "kotokartta.servicemap"
    label = "servicemap"
