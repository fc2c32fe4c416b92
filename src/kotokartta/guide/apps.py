from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "kotokartta.guide"
    label = "guide"
