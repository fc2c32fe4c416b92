from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "kotokartta.programme"
    label = "programme"

    def ready(self) -> None:
        from kotokartta.core.dataversion import set_version_provider
        from kotokartta.programme import publication

        # Every data-versioned cache (core.cache: pages, paths, search terms, names, PDFs) and
        # the HTTP validators (core.httpcache) ask the programme which data set is published.
        set_version_provider(publication.current)
