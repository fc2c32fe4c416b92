"""Reading YAML data files while remembering the line of every value.

PyYAML's safe loader forgets where values came from; for messages like
`kajaani.yaml:42: provisions[3].role: unknown role 'x'` we compose the node tree ourselves and
record, for each path of keys and indexes, the line it starts on. Anything a file may contain
(syntax errors, unknown tags, duplicate keys, alias loops, huge alias fan-out) becomes a
`Problem`, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Loc = tuple[str | int, ...]

# libyaml's parser when PyYAML was built with it (about 4× faster on national data), else Python's.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NODES = 200_000
MAX_DEPTH = 64
MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the data: where it is and what is wrong."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


def loc_to_field(loc: Loc) -> str:
    """('provisions', 3, 'role') → 'provisions[3].role'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(slots=True)
class LoadedFile:
    path: Path
    data: Any = None
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    def line_of(self, loc: Loc) -> int:
        """The line of `loc`, or of its nearest ancestor that has one."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return 1

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.name, self.line_of(loc), loc_to_field(loc), message)


class _Walker:
    def __init__(self, loaded: LoadedFile) -> None:
        self.loaded = loaded
        self.constructor = SafeConstructor()
        self.count = 0

    def fail(self, node: Node, message: str) -> None:
        self.loaded.problems.append(
            Problem(self.loaded.name, node.start_mark.line + 1, "", message)
        )

    def value(self, node: Node, loc: Loc, active: tuple[int, ...]) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge
        self.loaded.lines.setdefault(loc, node.start_mark.line + 1)
        if len(loc) > MAX_DEPTH or id(node) in active:
            self.fail(node, "structure nests too deep or refers to itself")
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        inner = (*active, id(node))
        if isinstance(node, SequenceNode):
            return [self.value(item, (*loc, i), inner) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self.mapping(node, loc, inner)
        self.fail(node, "unsupported YAML node")  # pragma: no cover - yaml has only three kinds
        return None

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates are parsed by the schema, not by YAML
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, TypeError) as error:
            self.fail(node, f"value cannot be read: {_first_line(error)}")
            return None

    def mapping(self, node: MappingNode, loc: Loc, active: tuple[int, ...]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail(key_node, "merge keys (<<) are not supported; write the fields out")
                continue
            if not isinstance(key_node, ScalarNode):
                self.fail(key_node, "a key must be a plain word")
                continue
            key = str(key_node.value)
            if key in result:
                self.fail(key_node, f"key {key!r} appears twice in the same mapping")
                continue
            self.loaded.lines.setdefault((*loc, key), key_node.start_mark.line + 1)
            result[key] = self.value(value_node, (*loc, key), active)
        return result


class _TooLarge(Exception):
    pass


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def read_yaml(path: Path) -> LoadedFile:
    """Read one YAML file; problems are collected in `LoadedFile.problems`."""
    loaded = LoadedFile(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        loaded.problems.append(Problem(path.name, 0, "", f"cannot read file: {error.strerror}"))
        return loaded
    if len(raw) > MAX_FILE_BYTES:
        loaded.problems.append(Problem(path.name, 0, "", "file is larger than 5 MB"))
        return loaded
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        loaded.problems.append(Problem(path.name, line, "", "file is not valid UTF-8 text"))
        return loaded
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        message = error.problem or error.context or "syntax error"
        loaded.problems.append(Problem(path.name, line, "", f"YAML syntax error: {message}"))
        return loaded
    except yaml.YAMLError as error:
        loaded.problems.append(Problem(path.name, 0, "", f"YAML error: {_first_line(error)}"))
        return loaded
    except RecursionError:
        loaded.problems.append(Problem(path.name, 0, "", "file nests too deep"))
        return loaded
    if root is None:
        loaded.problems.append(Problem(path.name, 1, "", "file is empty"))
        return loaded
    walker = _Walker(loaded)
    try:
        loaded.data = walker.value(root, (), ())
    except _TooLarge:
        loaded.problems.append(
            Problem(path.name, 0, "", f"file expands to more than {MAX_NODES} values")
        )
        loaded.data = None
    except RecursionError:
        loaded.problems.append(Problem(path.name, 0, "", "file nests too deep"))
        loaded.data = None
    return loaded
