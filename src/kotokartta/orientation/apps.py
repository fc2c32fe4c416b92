from django.apps import AppConfig


class OrientationConfig(AppConfig):
    name = "kotokartta.orientation"
    label = "orientation"
    default_auto_field = "django.db.models.BigAutoField"
