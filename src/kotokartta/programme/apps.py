from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "kotokartta.programme"
    label = "programme"

    def ready(self) -> None:
        from kotokartta.core.cache import set_version_provider
        from kotokartta.programme.models import DataSet

        # Every cache in core.cache is bound to the loaded data set's version.
        set_version_provider(DataSet.objects.version)
