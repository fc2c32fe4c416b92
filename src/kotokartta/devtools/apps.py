from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    name = "kotokartta.devtools"
    label = "devtools"

    def ready(self) -> None:
        from kotokartta.devtools.synth_command import SYNTH
        from kotokartta.programme.data_subcommands import register_data_subcommand

        register_data_subcommand(SYNTH)
