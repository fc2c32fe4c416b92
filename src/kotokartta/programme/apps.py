from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "kotokartta.programme"
    label = "programme"
