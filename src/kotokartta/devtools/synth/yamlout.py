"""The YAML the generator writes: block style, with flow-style short lists and quoted codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

# --------------------------------------------------------------------------- YAML output


class _Flow(dict[str, Any]):
    """A mapping written on one line: `{fi: Kajaani, en: Kajaani}`."""


class _FlowList(list[Any]):
    """A list written on one line: `[job-seeker, other]`."""


class _Quoted(str):
    """A string always written in double quotes (municipal codes: "005")."""

    __slots__ = ()


class _Dumper(yaml.SafeDumper):
    def choose_scalar_style(self) -> str:
        # Quote with double quotes, like the hand-written files, where quoting is needed.
        style: str = super().choose_scalar_style()
        return '"' if style == "'" else style

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent block lists under their key, as the hand-written files do.
        super().increase_indent(flow, False)


_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
)
_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)
_Dumper.add_representer(
    _Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"')
)


def _dump(header: Sequence[str], sections: Sequence[tuple[str, Any]]) -> str:
    """Top-level sections separated by blank lines, after a comment header."""
    parts = ["".join(f"# {line}\n" if line else "#\n" for line in header)]
    for key, value in sections:
        if value is None or value == []:
            continue
        parts.append(
            yaml.dump(
                {key: value},
                Dumper=_Dumper,
                sort_keys=False,
                allow_unicode=True,
                width=100_000,
                default_flow_style=False,
            )
        )
    return "\n".join(parts)
