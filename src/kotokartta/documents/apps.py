from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "kotokartta.documents"
    label = "documents"
