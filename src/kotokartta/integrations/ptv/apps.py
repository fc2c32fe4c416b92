from django.apps import AppConfig


class PtvConfig(AppConfig):
    name = "kotokartta.integrations.ptv"
    label = "ptv"
