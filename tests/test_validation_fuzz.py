"""Whatever a data file contains, `data check` answers with problems, never a traceback."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kotokartta.programme.validation import check_folder
from tests.builders import DataFolder

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(document: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = new
    return document


@SETTINGS
@given(data=st.data(), replacement=values)
def test_any_value_anywhere__gives_problems_not_tracebacks(
    tmp_path_factory: Any, data: st.DataObject, replacement: Any
) -> None:
    folder = DataFolder(tmp_path_factory.mktemp("fuzz"))
    which = data.draw(st.sampled_from(["area", "municipality"]))
    document = copy.deepcopy(getattr(folder, which))
    path = data.draw(st.sampled_from(_paths(document)))
    setattr(folder, which, _replace(document, path, replacement))
    programme, problems = check_folder(folder.write())
    assert (programme is None) == bool(problems)
    for problem in problems:
        assert problem.file and problem.message


@SETTINGS
@given(text=st.text(max_size=400))
def test_any_text_as_a_file__gives_problems_not_tracebacks(
    tmp_path_factory: Any, text: str
) -> None:
    folder = DataFolder(tmp_path_factory.mktemp("fuzz"))
    folder.raw["testikunta.yaml"] = text
    programme, problems = check_folder(folder.write())
    assert programme is None and problems


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=10_000), junk=st.binary(max_size=40))
def test_truncated_or_corrupted_real_file__gives_problems(
    tmp_path_factory: Any, cut: int, junk: bytes
) -> None:
    folder = DataFolder(tmp_path_factory.mktemp("fuzz"))
    root = folder.write()
    original = (root / "testikunta.yaml").read_bytes()
    (root / "testikunta.yaml").write_bytes(original[: cut % (len(original) + 1)] + junk)
    programme, problems = check_folder(root)
    assert (programme is None) == bool(problems)


def test_billion_laughs__is_bounded(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path)
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    folder.raw["testikunta.yaml"] = "\n".join(lines) + "\n"
    _, problems = check_folder(folder.write())
    assert any("more than" in p.message for p in problems)


def test_yaml_safe_dump_of_minimal_folder_round_trips(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path)
    assert yaml.safe_load(yaml.safe_dump(folder.area))["area"]["id"] == "testialue"
