"""`kotokartta staff add|list|remove` and `kotokartta data load --as-draft`."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from kotokartta.cli import main
from kotokartta.programme.models import Provision
from kotokartta.staff import services
from kotokartta.staff.models import AuditEvent, Draft, Membership
from tests.conftest import REAL_DATA
from tests.staff_helpers import make_user

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fast_hashing"),
]
PASSWORD = "Kuhmo-koordinaattori-2026\n"


@pytest.fixture
def fast_hashing() -> Any:
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


def _staff(*args: str, stdin: str = PASSWORD) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        call_command("staff", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    except Exception as error:  # CommandError carries the exit code
        code = getattr(error, "returncode", 1)
        err.write(str(error))
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


def test_staff_add__by_municipality_name_alias_or_code() -> None:
    code, out, _err = _staff(
        "add",
        "maija",
        "--role",
        "editor",
        "--municipality",
        "Kuhmo",
        "--municipality",
        "205",
        "--password-stdin",
    )
    assert code == 0, out
    assert set(
        Membership.objects.filter(user__username="maija").values_list("municipality_id", flat=True)
    ) == {"kuhmo", "kajaani"}
    assert get_user_model().objects.get(username="maija").check_password(PASSWORD.strip())
    assert AuditEvent.objects.filter(action="user-add", subject="maija").exists()


def test_staff_add__existing_username__exit_2_with_a_message() -> None:
    _staff("add", "maija", "--role", "editor", "--municipality", "kuhmo", "--password-stdin")
    code, _out, err = _staff(
        "add", "maija", "--role", "editor", "--municipality", "kuhmo", "--password-stdin"
    )
    assert code == 2 and "already exists" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "editor", "--municipality", "Helsinki"], "unknown municipality"),
        (["--role", "editor"], "at least one --municipality"),
        (["--role", "area-admin", "--municipality", "kuhmo"], "whole area"),
    ],
)
def test_staff_add__bad_municipality__exit_2(args: list[str], message: str) -> None:
    code, _out, err = _staff("add", "x", *args, "--password-stdin")
    assert code == 2 and message in err


def test_staff_add__bad_role__exit_2() -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["staff", "add", "x", "--role", "boss", "--password-stdin"])
    assert exit_.value.code == 2


def test_staff_list_and_remove__archives_rather_than_deletes() -> None:
    _staff("add", "maija", "--role", "publisher", "--municipality", "kuhmo", "--password-stdin")
    code, out, _err = _staff("list")
    assert code == 0 and "maija" in out and "publisher kuhmo" in out and "no 2FA" in out
    code, out, _err = _staff("remove", "maija")
    assert code == 0 and "Archived" in out
    user = get_user_model().objects.get(username="maija")
    assert not user.is_active and not user.has_usable_password()
    assert not Membership.objects.filter(user=user).exists()
    assert "archived" in _staff("list")[1]
    assert _staff("remove", "nobody")[0] == 2


def test_data_load_as_draft__takes_a_folder_in_for_review(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(REAL_DATA, folder)
    kuhmo = yaml.safe_load((folder / "kuhmo.yaml").read_text())
    for provision in kuhmo["provisions"]:
        if provision["id"] == "kuhmo-assessment-other":
            provision["status"] = "available"
            provision["provider"] = {"organisation": "kuhmo"}
    (folder / "kuhmo.yaml").write_text(yaml.safe_dump(kuhmo, allow_unicode=True, sort_keys=False))
    out = io.StringIO()
    call_command("data", "load", str(folder), "--as-draft", stdout=out, verbosity=0)
    assert "Draft" in out.getvalue()
    draft = Draft.objects.get(origin__startswith="data load --as-draft")
    assert list(draft.changes.values_list("record_id", flat=True)) == ["kuhmo-assessment-other"]
    assert Provision.objects.get(id="kuhmo-assessment-other").status == "undetermined"


def test_data_load_as_draft__same_files__make_no_draft() -> None:
    out = io.StringIO()
    call_command("data", "load", str(REAL_DATA), "--as-draft", stdout=out, verbosity=0)
    assert "no draft" in out.getvalue()
    assert not Draft.objects.exists()


def test_data_load_if_changed__keeps_a_version_published_by_staff() -> None:
    admin = make_user("admin", "area-admin")
    services.draft_save_change(
        acting_user=admin,
        municipality_id="kuhmo",
        kind="provision",
        record_id="kuhmo-assessment-other",
        action="save",
        data={
            **services.current_record(
                municipality_id="kuhmo", kind="provision", record_id="kuhmo-assessment-other"
            )[0].data,
            "status": "on_need",
        },  # type: ignore[union-attr]
        note="n",
        seen=services.Seen(0, 0),
    )
    draft = Draft.objects.active().get(municipality_id="kuhmo")
    services.draft_publish(acting_user=admin, draft=draft, note="n", source="s")
    out = io.StringIO()
    call_command("data", "load", str(REAL_DATA), "--if-changed", stdout=out, verbosity=0)
    assert "published by staff" in out.getvalue()
    assert Provision.objects.get(id="kuhmo-assessment-other").status == "on_need"
