from django.apps import AppConfig
from django.core import checks


class CoreConfig(AppConfig):
    name = "kotokartta.core"
    label = "core"

    def ready(self) -> None:
        from kotokartta.core.borders import check_borders_file

        checks.register(check_borders_file)
