from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "kotokartta.staff"
    label = "staff"
    verbose_name = "Staff editing"

    def ready(self) -> None:
        from kotokartta.programme.data_subcommands import register_load_option
        from kotokartta.staff.data_load import AS_DRAFT

        register_load_option(AS_DRAFT)
