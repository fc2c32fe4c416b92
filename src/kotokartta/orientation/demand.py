"""Reading aggregate demand: a CSV file or JSON rows in, validated `DemandRow`s out.

Counts only: municipality × language × number of people (× earliest start month). No names and
nothing about a person. One bad row rejects the whole input, and every problem is reported as
`line: field: message`, so a coordinator fixes the file in one go.

    municipality,language,count,earliest_start
    Kajaani,ar,9,2027-02
    Paltamo,ar,3,

Municipalities are given by name, Swedish name, code or alias; `resolve` (from the caller)
turns such a term into a municipality id or None. Languages are ISO 639-1 codes.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kotokartta.orientation.engine import DemandRow
from kotokartta.orientation.languages import ISO_639_1

REQUIRED = ("municipality", "language", "count")
OPTIONAL = ("earliest_start",)
MAX_BYTES = 1_000_000
MAX_ROWS = 20_000
MAX_COUNT = 100_000
_MONTH = re.compile(r"(\d{4})-(\d{2})\Z")
_NAMES = {name.casefold(): code for code, name in ISO_639_1.items()}

Resolver = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.line}: {self.field}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "field": self.field, "message": self.message}


class DemandError(ValueError):
    """The input was rejected; `problems` lists every reason."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def read_csv(data: bytes | str, *, resolve: Resolver) -> list[DemandRow]:
    """Validate a demand CSV (UTF-8, header line first); raise `DemandError` listing all
    problems."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise DemandError([Problem(1, "file", f"larger than {MAX_BYTES:,} bytes")])
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise DemandError(
                [Problem(line, "file", "not UTF-8 text; save the file as CSV UTF-8")]
            ) from None
    else:
        text = data.removeprefix("\ufeff")
    if "\x00" in text:
        raise DemandError([Problem(1, "file", "not a text file")])
    if not text.strip():
        raise DemandError(
            [Problem(1, "file", "the file is empty; the first line must be the header "
                     "municipality,language,count[,earliest_start]")]
        )  # fmt: skip
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise DemandError([Problem(1, "file", f"not readable as CSV: {error}")]) from None
    numbered = [(n, row) for n, row in enumerate(lines, start=1) if any(c.strip() for c in row)]
    header_line, header = numbered[0]
    columns = [c.strip().lower() for c in header]
    problems = _check_header(header_line, columns)
    if problems:
        raise DemandError(problems)
    if len(numbered) == 1:
        raise DemandError([Problem(header_line, "file", "no demand rows after the header")])
    if len(numbered) - 1 > MAX_ROWS:
        raise DemandError([Problem(1, "file", f"more than {MAX_ROWS:,} rows")])
    items: list[tuple[int, Mapping[str, Any]]] = []
    for n, row in numbered[1:]:
        if len(row) != len(columns):
            problems.append(
                Problem(n, "row", f"expected {len(columns)} values ({','.join(columns)}), "
                        f"found {len(row)}")
            )  # fmt: skip
            continue
        items.append((n, dict(zip(columns, row, strict=True))))
    rows = _validate(items, resolve=resolve, problems=problems)
    if problems:
        raise DemandError(sorted(problems, key=lambda p: p.line))
    return rows


def read_items(items: Any, *, resolve: Resolver) -> list[DemandRow]:
    """Validate JSON demand rows (objects with municipality, language, count and optionally
    earliest_start); `line` in the problems is the item's position, counted from 1."""
    if not isinstance(items, list) or not items:
        raise DemandError([Problem(1, "demand", "expected a non-empty list of demand rows")])
    if len(items) > MAX_ROWS:
        raise DemandError([Problem(1, "demand", f"more than {MAX_ROWS:,} rows")])
    problems: list[Problem] = []
    checked: list[tuple[int, Mapping[str, Any]]] = []
    allowed = set(REQUIRED) | set(OPTIONAL)
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problems.append(Problem(n, "row", "expected an object"))
            continue
        for key in sorted(set(item) - allowed):
            problems.append(Problem(n, str(key), "unknown field"))
        for key in REQUIRED:
            if key not in item:
                problems.append(Problem(n, key, "missing"))
        if set(REQUIRED) <= set(item):
            checked.append((n, {k: item.get(k) for k in allowed if k in item}))
    rows = _validate(checked, resolve=resolve, problems=problems)
    if problems:
        raise DemandError(sorted(problems, key=lambda p: p.line))
    return rows


def _check_header(line: int, columns: list[str]) -> list[Problem]:
    problems = []
    for column in REQUIRED:
        if column not in columns:
            problems.append(Problem(line, "header", f"missing column '{column}'"))
    for column in columns:
        if column not in REQUIRED and column not in OPTIONAL:
            problems.append(Problem(line, "header", f"unknown column '{column}'"))
    for column in sorted({c for c in columns if columns.count(c) > 1}):
        problems.append(Problem(line, "header", f"column '{column}' appears twice"))
    return problems


def _validate(
    items: Sequence[tuple[int, Mapping[str, Any]]],
    *,
    resolve: Resolver,
    problems: list[Problem],
) -> list[DemandRow]:
    rows: list[DemandRow] = []
    seen: dict[tuple[str, str, str | None], int] = {}
    known: dict[str, str | None] = {}

    def cached(term: str) -> str | None:  # a file names the same municipalities many times
        if term not in known:
            known[term] = resolve(term)
        return known[term]

    for n, item in items:
        municipality = _municipality(n, item.get("municipality"), cached, problems)
        language = _language(n, item.get("language"), problems)
        count = _count(n, item.get("count"), problems)
        month, month_ok = _month(n, item.get("earliest_start"), problems)
        if municipality is None or language is None or count is None or not month_ok:
            continue
        key = (municipality, language, month)
        if key in seen:
            problems.append(
                Problem(n, "row", f"duplicate of line {seen[key]} (same municipality, language "
                        "and start month); give one row with the total")
            )  # fmt: skip
            continue
        seen[key] = n
        rows.append(DemandRow(municipality, language, count, month))
    return rows


def _municipality(n: int, value: Any, resolve: Resolver, problems: list[Problem]) -> str | None:
    term = str(value).strip() if value is not None else ""
    if not term:
        problems.append(Problem(n, "municipality", "missing"))
        return None
    found = resolve(term)
    if found is None:
        problems.append(
            Problem(n, "municipality", f"unknown municipality '{term}' (name, code or alias)")
        )
    return found


def _language(n: int, value: Any, problems: list[Problem]) -> str | None:
    term = str(value).strip() if value is not None else ""
    if not term:
        problems.append(Problem(n, "language", "missing"))
        return None
    code = term.lower()
    if code in ISO_639_1:
        return code
    hint = f"; did you mean '{_NAMES[term.casefold()]}'?" if term.casefold() in _NAMES else ""
    problems.append(Problem(n, "language", f"'{term}' is not an ISO 639-1 language code{hint}"))
    return None


def _count(n: int, value: Any, problems: list[Problem]) -> int | None:
    if isinstance(value, bool) or value is None or (isinstance(value, str) and not value.strip()):
        problems.append(Problem(n, "count", "missing"))
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
        number = int(value)
    else:
        problems.append(Problem(n, "count", f"'{value}' is not a whole number"))
        return None
    if number < 0:
        problems.append(Problem(n, "count", f"{number} is negative"))
        return None
    if number > MAX_COUNT:
        problems.append(Problem(n, "count", f"{number} is more than {MAX_COUNT:,}"))
        return None
    return number


def _month(n: int, value: Any, problems: list[Problem]) -> tuple[str | None, bool]:
    term = str(value).strip() if value is not None else ""
    if not term:
        return None, True
    match = _MONTH.match(term)
    if not match or not 1 <= int(match.group(2)) <= 12 or not 2000 <= int(match.group(1)) <= 2100:
        problems.append(
            Problem(n, "earliest_start", f"'{term}' is not a month as YYYY-MM (e.g. 2027-03)")
        )
        return None, False
    return term, True


def write_csv(rows: Sequence[DemandRow], codes: Mapping[str, str]) -> str:
    """Demand rows back as CSV, municipalities by code (reads back identically)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*REQUIRED, *OPTIONAL])
    for row in rows:
        writer.writerow(
            [codes[row.municipality], row.language, row.count, row.earliest_start or ""]
        )
    return out.getvalue()
