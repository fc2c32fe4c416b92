from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "kotokartta.opendata"
    label = "opendata"
