from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "kotokartta.staff"
    label = "staff"
    verbose_name = "Staff editing"
