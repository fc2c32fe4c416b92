from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kotokartta.search"
    label = "search"

    def ready(self) -> None:
        from kotokartta.programme.hooks import AfterLoadHook, register_after_load
        from kotokartta.search.indexing import rebuild_index

        # In the load's own transaction: the data and its index change together or not at all.
        register_after_load(AfterLoadHook(message="building the search index", run=rebuild_index))
