"""Reading gettext messages for the catalogue tests: the `pgettext_lazy` calls a labels module
makes, and the translations an app's `.po` file holds."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

Message = tuple[str, str]  # (context, msgid)

_QUOTED = r'"((?:[^"\\]|\\.)*)"'
_ENTRY = re.compile(rf"^msgctxt {_QUOTED}\nmsgid {_QUOTED}\nmsgstr {_QUOTED}$", re.M)


def _unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def pgettext_calls(module: Path) -> list[Message]:
    """Every `pgettext_lazy("context", "message")` with literal arguments in `module`."""
    found = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "pgettext_lazy"
            and len(node.args) == 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
        ):
            context, message = (a.value for a in node.args)  # type: ignore[attr-defined]
            found.append((context, message))
    return found


def translations(po: Path) -> dict[Message, str]:
    """(context, msgid) → msgstr for every entry with a context in the catalogue `po`."""
    text = subprocess.run(
        ["msgcat", "--no-wrap", "--no-location", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {
        (_unescape(ctx), _unescape(msgid)): _unescape(msgstr)
        for ctx, msgid, msgstr in _ENTRY.findall(text)
    }


def untranslated(module: Path, po: Path, *, contexts: set[str]) -> list[Message]:
    """The messages of `module` in one of `contexts` that `po` lacks or leaves empty."""
    held = translations(po)
    return [
        message
        for message in pgettext_calls(module)
        if message[0] in contexts and not held.get(message)
    ]


def finnish_literals(module: Path) -> list[str]:
    """String literals of `module`, docstrings aside, with a Finnish letter (ä, ö, å): the mark
    of a Finnish text written in the code rather than in a catalogue."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            docstrings.add(id(body[0].value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and any(letter in node.value for letter in "äöåÄÖÅ")
    ]
