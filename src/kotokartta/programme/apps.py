from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "kotokartta.programme"
    label = "programme"

    def ready(self) -> None:
        from kotokartta.core.dataversion import set_version_provider
        from kotokartta.programme.models import DataSet

        # Every data-versioned cache (core.pagecache and those keyed on `data_version()`)
        # asks the programme which data set is loaded.
        set_version_provider(DataSet.objects.version)
