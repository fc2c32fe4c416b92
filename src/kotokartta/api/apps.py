from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kotokartta.api"
    label = "api"
