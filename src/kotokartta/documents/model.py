"""The regenerated programme document as plain data.

`build.programme_document` fills it from the database; the renderers (HTML, PDF, Word) and the
guide page only lay it out. Every text says which language it is in, so a renderer can mark
the Finnish texts that stand in for missing English ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph. `kind`: text, prose (generated from fields), details (the provision's
    own description), note (a remark of ours), law (where the law differs from the document's
    references)."""

    text: str
    lang: str
    kind: str = "text"
    fallback: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    """A unit of content under a heading: one provision, cooperation body or flag."""

    paragraphs: tuple[Paragraph, ...]
    status: str = ""
    ref: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    email_column: int | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A headed part of the document. Its heading level follows its depth: sections are
    level 2 (under the title), their parts level 3, and so on, never skipping a level."""

    id: str
    title: str
    kind: str
    number: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    table: Table | None = None
    items: tuple[Item, ...] = ()
    children: tuple[Block, ...] = ()
    title_lang: str = ""
    municipality: str = ""

    def walk(self, level: int = 2) -> Iterator[tuple[int, Block]]:
        yield level, self
        for child in self.children:
            yield from child.walk(level + 1)

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass(frozen=True, slots=True)
class DocumentModel:
    lang: str
    title: str
    title_lang: str
    subtitle: str
    area_name: str
    data_date: dt.date
    source_title: str
    sections: tuple[Block, ...]
    labels: dict[str, str] = field(default_factory=dict)
    fallback_count: int = 0

    def blocks(self) -> Iterator[tuple[int, Block]]:
        """Every block with its heading level, in document order."""
        for section in self.sections:
            yield from section.walk(2)

    def headings(self) -> list[tuple[int, str]]:
        return [(1, self.title), *((level, block.heading) for level, block in self.blocks())]

    def section(self, section_id: str) -> Block:
        for block in self.sections:
            if block.id == section_id:
                return block
        raise KeyError(section_id)
