from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kotokartta.search"
    label = "search"
