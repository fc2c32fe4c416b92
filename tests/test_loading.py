"""`data load` is all or nothing; `data export` writes files that load back to the same database."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import models

from kotokartta.programme import hooks, services
from kotokartta.programme import models as m
from kotokartta.programme.loading import load_programme
from kotokartta.programme.services import (
    AfterLoadHook,
    ProgrammeInvalid,
    load_programme_from_folder,
)
from kotokartta.programme.validation import check_folder
from kotokartta.search.models import SearchDocument
from tests.builders import DataFolder
from tests.conftest import REAL_DATA

PROGRAMME_MODELS: list[type[models.Model]] = [
    m.Role,
    m.Organisation,
    m.Unit,
    m.Municipality,
    m.Place,
    m.Coordinator,
    m.Activity,
    m.Provision,
    m.Partner,
    m.Flag,
    m.CooperationBody,
]


def database_snapshot() -> dict[str, Any]:
    """Every programme row as plain values (without surrogate keys), for comparisons."""
    snapshot: dict[str, Any] = {}
    for model in PROGRAMME_MODELS:
        fields = [
            f.attname for f in model._meta.concrete_fields if f.name != "id" or not f.auto_created
        ]
        rows = []
        for obj in model._default_manager.all():
            row = {name: getattr(obj, name) for name in fields}
            if isinstance(obj, m.Partner | m.Coordinator):
                row.pop("id", None)
            row.pop("order", None)  # file order; checked per municipality below
            for many in model._meta.many_to_many:
                row[many.name] = sorted(x.pk for x in getattr(obj, many.name).all())
            if isinstance(obj, m.Provision):  # rows of their own, in the files' order
                row["clients"] = obj.clients
                row["place_ids"] = obj.place_ids
                row["alternative_role_ids"] = obj.alternative_role_ids
            rows.append(row)
        snapshot[model.__name__] = sorted(rows, key=repr)
    snapshot["provision order"] = {
        mun.id: list(mun.provisions.values_list("id", flat=True))
        for mun in m.Municipality.objects.all()
    }
    return snapshot


@pytest.mark.django_db
def test_load__fills_the_database_with_the_ten_municipalities() -> None:
    assert m.Municipality.objects.count() == 10
    codes = set(m.Municipality.objects.values_list("code", flat=True))
    assert codes == {"105", "205", "290", "305", "578", "620", "697", "765", "777", "832"}
    assert m.Provision.objects.filter(phase="assessment").exists()
    assert m.DataSet.objects.count() == 1


@pytest.mark.django_db
def test_export_then_load__gives_the_same_database(tmp_path: Path) -> None:
    before = database_snapshot()
    call_command("data", "export", "-o", str(tmp_path / "out"), verbosity=0)
    programme, problems = check_folder(tmp_path / "out")
    assert [str(p) for p in problems] == []
    assert programme is not None
    load_programme(programme=programme, source_folder=tmp_path / "out")
    assert database_snapshot() == before


@pytest.mark.django_db(transaction=True)
def test_failure_mid_load__leaves_the_previous_data_set_intact(data_folder: DataFolder) -> None:
    call_command("data", "load", str(REAL_DATA), verbosity=0)
    before = database_snapshot()
    programme, problems = check_folder(data_folder.write())
    assert programme is not None, problems
    with (
        mock.patch(
            "kotokartta.programme.loading._load_provisions", side_effect=RuntimeError("boom")
        ),
        pytest.raises(RuntimeError),
    ):
        load_programme(programme=programme, source_folder=data_folder.root)
    assert database_snapshot() == before
    assert m.Municipality.objects.filter(id="testikunta").count() == 0


@pytest.mark.django_db(transaction=True)
def test_invalid_folder__is_not_loaded_and_exits_1(data_folder: DataFolder) -> None:
    call_command("data", "load", str(REAL_DATA), verbosity=0)
    before = database_snapshot()
    data_folder.municipality["provisions"][0]["role"] = "nobody"
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as raised:
        call_command("data", "load", str(data_folder.write()), verbosity=0)
    assert raised.value.returncode == 1
    assert "nothing was loaded" in str(raised.value)
    assert database_snapshot() == before


@pytest.mark.django_db(transaction=True)
def test_load_if_changed__skips_an_unchanged_folder(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("data", "load", str(REAL_DATA), verbosity=0)
    loaded_at = m.DataSet.objects.get().loaded_at
    call_command("data", "load", str(REAL_DATA), "--if-changed", verbosity=0)
    assert "already loaded" in capsys.readouterr().out
    assert m.DataSet.objects.get().loaded_at == loaded_at


# --- The load service and its after-load hooks ---------------------------------------------


@pytest.mark.django_db
def test_load_service__rebuilds_the_search_index_in_the_same_load(data_folder: DataFolder) -> None:
    result = load_programme_from_folder(folder=data_folder.write())
    assert result.dataset == m.DataSet.objects.current()
    indexed = set(SearchDocument.objects.values_list("municipality_id", flat=True))
    # the search hook ran: the old municipalities are gone from the index, the new one is in
    assert indexed - {None} == {"testikunta"}  # (area-wide documents have no municipality)


@pytest.mark.django_db
def test_load_service__a_failing_hook_leaves_data_and_index_as_they_were(
    data_folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = database_snapshot()
    documents_before = SearchDocument.objects.count()

    def broken() -> None:
        raise RuntimeError("hook failed")

    monkeypatch.setattr(
        hooks, "_AFTER_LOAD", [*services.after_load_hooks(), AfterLoadHook("failing", broken)]
    )
    with pytest.raises(RuntimeError, match="hook failed"):
        load_programme_from_folder(folder=data_folder.write())
    assert database_snapshot() == before
    assert SearchDocument.objects.count() == documents_before


def test_load_service__an_invalid_folder_lists_every_problem(data_folder: DataFolder) -> None:
    data_folder.municipality["provisions"][0]["role"] = "nobody"
    with pytest.raises(ProgrammeInvalid) as raised:
        load_programme_from_folder(folder=data_folder.write())
    assert raised.value.problems
    assert "nothing was loaded" in str(raised.value)


@pytest.mark.django_db
def test_data_load__reports_the_hooks_steps(
    data_folder: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("data", "load", str(data_folder.write()), verbosity=1)
    err = capsys.readouterr().err
    total = services.load_step_count()
    assert f"[{total}/{total}] building the search index" in err
