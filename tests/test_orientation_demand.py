"""Demand input: counts only; a bad row rejects the file, every problem as line: field: message."""

# ruff: noqa: E501 (tables of bad input read best one case per line)

from __future__ import annotations

import pytest

from kotokartta.orientation.demand import DemandError, read_csv, read_items, write_csv
from kotokartta.orientation.engine import DemandRow
from kotokartta.orientation.selectors import resolve_municipality

NAMES = {"kajaani": "kajaani", "205": "kajaani", "paltamo": "paltamo", "578": "paltamo"}


def resolve(term: str) -> str | None:
    return NAMES.get(term.casefold())


HEADER = "municipality,language,count,earliest_start\n"


def test_read_csv__good_file__gives_rows_with_resolved_ids() -> None:
    rows = read_csv((HEADER + "Kajaani,ar,9,2027-02\n578,UK,3,\n\n").encode(), resolve=resolve)
    assert rows == [
        DemandRow("kajaani", "ar", 9, "2027-02"),
        DemandRow("paltamo", "uk", 3, None),
    ]


def test_read_csv__without_the_optional_column_and_with_a_bom__is_accepted() -> None:
    rows = read_csv(
        "\ufeffmunicipality,language,count\r\nkajaani,sw,0\r\n".encode(), resolve=resolve
    )
    assert rows == [DemandRow("kajaani", "sw", 0, None)]


BAD_FILES = [
    ("unknown municipality", HEADER + "Oulu,ar,3,\n", ["2: municipality: unknown municipality 'Oulu'"]),
    ("unknown language", HEADER + "Kajaani,xx,3,\n", ["2: language: 'xx' is not an ISO 639-1"]),
    ("language name", HEADER + "Kajaani,Arabic,3,\n", ["2: language: 'Arabic' is not an ISO 639-1 language code; did you mean 'ar'?"]),
    ("withdrawn code bh", HEADER + "Kajaani,bh,3,\n", ["2: language: 'bh' is not"]),
    ("negative count", HEADER + "Kajaani,ar,-3,\n", ["2: count: -3 is negative"]),
    ("decimal count", HEADER + "Kajaani,ar,3.5,\n", ["2: count: '3.5' is not a whole number"]),
    ("word count", HEADER + "Kajaani,ar,three,\n", ["2: count: 'three' is not a whole number"]),
    ("missing count", HEADER + "Kajaani,ar,,\n", ["2: count: missing"]),
    ("duplicate row", HEADER + "Kajaani,ar,3,\n205,ar,4,\n", ["3: row: duplicate of line 2"]),
    ("bad month", HEADER + "Kajaani,ar,3,2027-13\n", ["2: earliest_start: '2027-13' is not a month"]),
    ("month as date", HEADER + "Kajaani,ar,3,1.3.2027\n", ["2: earliest_start: '1.3.2027' is not a month"]),
    ("too few values", HEADER + "Kajaani,ar\n", ["2: row: expected 4 values"]),
    ("too many values", HEADER + "Kajaani,ar,3,,x\n", ["2: row: expected 4 values"]),
    ("missing column", "municipality,count\nKajaani,3\n", ["1: header: missing column 'language'"]),
    ("extra column", "municipality,language,count,name\nKajaani,ar,3,X\n", ["1: header: unknown column 'name'"]),
    ("empty file", "", ["1: file: the file is empty"]),
    ("only blank lines", "\n \n", ["1: file: the file is empty"]),
    ("header only", HEADER, ["1: file: no demand rows"]),
    ("binary", "\x00\x01\x02", ["1: file: not a text file"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "expected"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_read_csv__bad_input__is_rejected_with_line_field_and_message(
    data: str, expected: list[str]
) -> None:
    with pytest.raises(DemandError) as caught:
        read_csv(data.encode(), resolve=resolve)
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == len(expected)
    for message, start in zip(messages, expected, strict=True):
        assert message.startswith(start)


def test_read_csv__wrong_encoding__names_the_line_and_says_to_save_as_utf8() -> None:
    data = (HEADER + "Kajaani,ar,3,\n").encode() + "Pälkäne,ar,3,\n".encode("latin-1")
    with pytest.raises(DemandError) as caught:
        read_csv(data, resolve=resolve)
    assert [str(p) for p in caught.value.problems] == [
        "3: file: not UTF-8 text; save the file as CSV UTF-8"
    ]


def test_read_csv__several_bad_rows__lists_every_problem_in_line_order() -> None:
    data = HEADER + "Oulu,ar,3,\nKajaani,zz,-1,2027-00\nKajaani,ar,2,\n"
    with pytest.raises(DemandError) as caught:
        read_csv(data.encode(), resolve=resolve)
    assert [(p.line, p.field) for p in caught.value.problems] == [
        (2, "municipality"),
        (3, "language"),
        (3, "count"),
        (3, "earliest_start"),
    ]


BAD_ITEMS = [
    ("not a list", {"municipality": "kajaani"}, ["1: demand: expected a non-empty list"]),
    ("empty list", [], ["1: demand: expected a non-empty list"]),
    ("not an object", ["kajaani"], ["1: row: expected an object"]),
    ("missing field", [{"municipality": "kajaani", "language": "ar"}], ["1: count: missing"]),
    ("unknown field", [{"municipality": "kajaani", "language": "ar", "count": 1, "name": "x"}], ["1: name: unknown field"]),
    ("float count", [{"municipality": "kajaani", "language": "ar", "count": 2.5}], ["1: count: '2.5' is not a whole number"]),
    ("boolean count", [{"municipality": "kajaani", "language": "ar", "count": True}], ["1: count: missing"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("items", "expected"), [c[1:] for c in BAD_ITEMS], ids=[c[0] for c in BAD_ITEMS]
)
def test_read_items__bad_json_rows__are_rejected_with_position_field_and_message(
    items: object, expected: list[str]
) -> None:
    with pytest.raises(DemandError) as caught:
        read_items(items, resolve=resolve)  # type: ignore[arg-type]
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == len(expected)
    for message, start in zip(messages, expected, strict=True):
        assert message.startswith(start)


def test_write_csv__reads_back_to_the_same_rows() -> None:
    rows = [DemandRow("kajaani", "ar", 9, "2027-02"), DemandRow("paltamo", "uk", 3, None)]
    text = write_csv(rows, {"kajaani": "205", "paltamo": "578"})
    assert read_csv(text.encode(), resolve=resolve) == rows


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Kajaani", "kajaani"),
        ("205", "kajaani"),
        ("Kajana", "kajaani"),
        ("Hyrnsalmi", "hyrynsalmi"),
    ],
)
def test_resolve_municipality__accepts_name_code_swedish_name_and_alias(
    term: str, expected: str
) -> None:
    assert resolve_municipality(term) == expected
