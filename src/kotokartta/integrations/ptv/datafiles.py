"""Where a coordinator would edit: positions in the loaded data files
(`puolanka.yaml:37 places[0].address`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from kotokartta.programme import models as m
from kotokartta.programme.yamlfile import LoadedFile, Loc, loc_to_field, read_yaml


@dataclass(frozen=True, slots=True)
class Edit:
    """The data-file field a coordinator would edit to take PTV's value."""

    file: str
    line: int | None
    field: str
    action: str  # "add", "change", "add record", "check"
    value: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        value = f" → {self.value}" if self.value else ""
        return f"{where} {self.field} ({self.action}){value}"


# ---- where a coordinator would edit -----------------------------------------------------------


class _DataFiles:
    """The loaded data files, to say `puolanka.yaml:37 places[0].address`."""

    def __init__(self) -> None:
        dataset = m.DataSet.objects.current()
        folder = Path(dataset.source_folder) if dataset else Path(settings.DATA_DIR)
        if not folder.is_dir():
            folder = Path(settings.DATA_DIR)
        self.folder = folder
        self.files: dict[str, LoadedFile | None] = {}

    def display(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(path)

    def file_for(self, municipality_id: str | None) -> tuple[str, LoadedFile | None]:
        name = f"{municipality_id}.yaml" if municipality_id else "area.yaml"
        if name not in self.files:
            path = self.folder / name
            self.files[name] = read_yaml(path) if path.is_file() else None
        return self.display(self.folder / name), self.files[name]

    def locate(
        self, municipality_id: str | None, section: str, key: str, value: str, rest: Loc
    ) -> tuple[str, int | None, str]:
        """(file, line, field) of `section[i].rest` where `section[i][key] == value`."""
        display, loaded = self.file_for(municipality_id)
        if loaded is None or not isinstance(loaded.data, dict):
            return display, None, f"{section}[{key}={value}]" + "".join(f".{r}" for r in rest)
        records = loaded.data.get(section)
        for index, record in enumerate(records if isinstance(records, list) else []):
            if isinstance(record, dict) and str(record.get(key)) == value:
                loc: Loc = (section, index, *rest)
                return display, loaded.line_of(loc), loc_to_field(loc)
        return display, None, f"{section}[{key}={value}]" + "".join(f".{r}" for r in rest)

    def edit(
        self,
        municipality_id: str | None,
        section: str,
        key: str,
        value: str,
        rest: Loc,
        action: str,
        new_value: str | None = None,
    ) -> Edit:
        file, line, field_name = self.locate(municipality_id, section, key, value, rest)
        return Edit(file, line, field_name, action, new_value)
