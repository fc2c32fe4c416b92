"""Choosing a service map's type size before it is rendered, so that WeasyPrint lays it out once.

The map's HTML is read once into rows of cells of text blocks, each word with its width taken
from the font's own advance widths (DejaVu Sans, the map's first font). The height of the map at
a type size is then arithmetic: words wrap greedily into each cell's width, a row is as tall as
its tallest cell, tables and the header and footer add their fixed parts. `choose_font_size`
returns the largest size on a 0.05 pt grid whose estimated height, with a safety margin measured
against WeasyPrint's own layout of every map of the real data (bench/pdf.py --calibrate), fits
the page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

PT = 25.4 / 72  # mm per point
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
DEFAULT_ADVANCE = 0.55  # em, for characters the font lacks (e.g. Thai from a fallback font)
# The estimate is multiplied by this before it is compared with the page: the largest ratio of
# WeasyPrint's height to the estimate over the real data's 10 municipalities × A4/A3 × fi/ar/uk/th,
# plus a little room (bench/pdf.py --calibrate prints the ratios).
SAFETY = 1.06


@dataclass(frozen=True, slots=True)
class PaperGeometry:
    width: float  # mm, the page's content box
    height: float
    table_widths: tuple[float, ...]  # the tables side by side (A3) or one under another (A4)
    side_by_side: bool
    line_height: float
    cell_pad: tuple[float, float]  # vertical, horizontal (mm)
    entry_gap: float  # mm below each entry
    h1_pt: float
    qr_mm: float


# The page less its 8 mm margins and the body's 8 px margin; A3 sets its two tables side by side
# with 3 mm between them.
GEOMETRY = {
    "a4": PaperGeometry(189.8, 276.8, (189.8,), False, 1.18, (0.6, 0.8), 0.6, 12, 22),
    "a3": PaperGeometry(399.8, 276.8, (198.4, 198.4), True, 1.25, (1.0, 1.2), 1.0, 15, 26),
}


@cache
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    """Advance widths in em by code point, from DejaVu Sans (Bold); empty if the font is absent."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        path = folder / name
        if path.exists():
            from fontTools.ttLib import TTFont

            font = TTFont(str(path), lazy=True)
            units = font["head"].unitsPerEm
            metrics = font["hmtx"].metrics
            cmap = font.getBestCmap()
            widths = {code: metrics[glyph][0] / units for code, glyph in cmap.items()}
            font.close()
            return widths, widths.get(ord(" "), 0.32)
    return {}, 0.32


def text_width(text: str, *, bold: bool = False) -> float:
    """The width of `text` in em."""
    widths, _ = _advances(bold)
    return sum(widths.get(ord(char), DEFAULT_ADVANCE) for char in text)


@dataclass
class Block:
    """One block of text (a paragraph, a list item, a heading line) at `scale` em."""

    scale: float
    words: list[float] = field(default_factory=list)  # widths in em at the block's scale
    fixed_pt: float | None = None  # an absolute size (headings), not relative to the map's type
    space: float = 0.32

    def lines(self, width_mm: float, size_pt: float) -> int:
        em_mm = (self.fixed_pt or size_pt * self.scale) * PT
        if not self.words:
            return 0
        lines, used = 1, 0.0
        for word in self.words:
            word_mm = word * em_mm
            if used and used + self.space * em_mm + word_mm > width_mm:
                lines += 1
                used = word_mm
            else:
                used += (self.space * em_mm if used else 0) + word_mm
            while used > width_mm:  # an unbreakable word longer than the line
                lines += 1
                used -= width_mm
        return lines

    def height(self, width_mm: float, size_pt: float, line_height: float) -> float:
        size = self.fixed_pt or size_pt * self.scale
        return self.lines(width_mm, size_pt) * size * line_height * PT


@dataclass
class Cell:
    fraction: float  # of the table's width
    blocks: list[Block] = field(default_factory=list)
    entries: int = 0


@dataclass
class Table:
    caption: Block | None = None
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class MapText:
    titles: list[Block] = field(default_factory=list)
    qr_caption: Block | None = None
    tables: list[Table] = field(default_factory=list)
    legend: list[Block] = field(default_factory=list)
    contacts: list[Block] = field(default_factory=list)


BLOCK_CLASSES = {"smap-phase-fi", "smap-phase-other"}
SCALES = {"smap-small": 0.9, "smap-status": 0.85, "smap-groupcap": 1.15, "smap-foot": 0.92}
BOLD_CLASSES = {"smap-status", "smap-phase-fi", "smap-bought", "smap-status-other"}
PHASE_FRACTION = 0.22


class _Reader(HTMLParser):
    """Reads servicemap/_map.html's structure: header, tables of rows of cells, footer."""

    def __init__(self, *, h1_pt: float) -> None:
        super().__init__(convert_charrefs=True)
        self.h1_pt = h1_pt
        self.text = MapText()
        self.stack: list[
            tuple[str, set[str], float, bool, bool]
        ] = []  # tag, classes, scale, bold, upper
        self.block: Block | None = None
        self.cell: Cell | None = None
        self.section = ""
        self.skip = 0

    # style of the innermost element
    def _style(self) -> tuple[float, bool, bool]:
        return self.stack[-1][2:] if self.stack else (1.0, False, False)

    def _new_block(self, *, fixed_pt: float | None = None) -> Block:
        scale, _, _ = self._style()
        block = Block(scale=scale, fixed_pt=fixed_pt)
        if self.section == "head":
            if self.stack and any(tag == "figcaption" for tag, *_ in self.stack):
                self.text.qr_caption = block
            else:
                self.text.titles.append(block)
        elif self.section == "table" and self.cell is not None:
            self.cell.blocks.append(block)
        elif self.section == "caption":
            self.text.tables[-1].caption = block
        elif self.section == "legend":
            self.text.legend.append(block)
        elif self.section == "contacts":
            self.text.contacts.append(block)
        return block

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip or tag == "svg":
            self.skip += tag == "svg"
            return
        if tag in ("br", "meta", "img", "input"):
            return
        classes = set((dict(attrs).get("class") or "").split())
        scale, bold, upper = self._style()
        for css in classes:
            scale *= SCALES.get(css, 1.0)
        bold = bold or tag in ("strong", "b", "th", "h1") or bool(classes & BOLD_CLASSES)
        upper = upper or "smap-status" in classes
        self.stack.append((tag, classes, scale, bold, upper))
        if tag == "header":
            self.section = "head"
        elif tag == "table":
            self.text.tables.append(Table())
        elif tag == "caption":
            self.section = "caption"
            self.block = self._new_block()
        elif tag == "tr":
            self.section = "table"
            self.text.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.text.tables:
            span = int(dict(attrs).get("colspan") or 1)
            row = self.text.tables[-1].rows[-1]
            first = not row
            fraction = PHASE_FRACTION if first else (1 - PHASE_FRACTION) / 2 * span
            self.cell = Cell(fraction=fraction)
            row.append(self.cell)
            self.block = self._new_block()
        elif tag == "div" and "smap-entry" in classes and self.cell is not None:
            self.cell.entries += 1
        elif tag == "footer":
            self.section = "foot"
        elif tag == "div" and "smap-legend" in classes:
            self.section = "legend"
        elif tag == "div" and "smap-contacts" in classes:
            self.section = "contacts"
        if tag in ("p", "li", "figcaption") or classes & BLOCK_CLASSES:
            self.block = self._new_block()
        elif tag == "h1":
            self.block = self._new_block(fixed_pt=self.h1_pt)
        if self.block is not None and tag == "p" and "smap-sub" in classes:
            self.block.fixed_pt = 11
        if self.block is not None and tag == "figcaption":
            self.block.fixed_pt = 6.5

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip -= tag == "svg"
            return
        classes: set[str] = set()
        while self.stack:
            open_tag, classes, *_ = self.stack.pop()
            if open_tag == tag:
                break
        if tag in ("p", "li", "h1", "caption", "figcaption", "td", "th") or (
            tag == "span" and classes & BLOCK_CLASSES
        ):
            self.block = None
        if tag in ("td", "th"):
            self.cell = None
        if tag == "caption":
            self.section = "table"
        if tag in ("header", "footer"):
            self.section = ""

    def handle_data(self, data: str) -> None:
        if self.skip or not data.strip():
            return
        if self.block is None:  # text between blocks: an anonymous block of its own
            if self.cell is None and self.section not in ("head", "legend", "contacts"):
                return
            self.block = self._new_block()
        scale, bold, upper = self._style()
        text = data.upper() if upper else data
        relative = scale / (self.block.scale or 1.0)
        _, space = _advances(bold)
        self.block.space = space
        for word in text.split():
            self.block.words.append(text_width(word, bold=bold) * relative)


def read(html: str, *, paper: str) -> MapText:
    reader = _Reader(h1_pt=GEOMETRY[paper].h1_pt)
    reader.feed(html)
    reader.close()
    return reader.text


def _blocks_height(blocks: list[Block], width: float, size: float, lh: float) -> float:
    return sum(block.height(width, size, lh) for block in blocks)


def estimate_height(text: MapText, *, paper: str, size: float) -> float:
    """The map's height in mm at `size` pt, as WeasyPrint would lay it out (before SAFETY)."""
    geo = GEOMETRY[paper]
    lh = geo.line_height
    pad_v, pad_h = geo.cell_pad
    titles_width = geo.width - geo.qr_mm - 8
    titles = _blocks_height(text.titles, titles_width, size, lh) + 1 + 1  # h1 and sub margins
    qr = geo.qr_mm + (text.qr_caption.height(geo.qr_mm + 8, size, lh) if text.qr_caption else 0.0)
    header = max(titles, qr) + 2 + 0.6 + 2  # padding, 2px border, margin

    table_heights = []
    for table, width in zip(
        text.tables,
        geo.table_widths * (1 if geo.side_by_side else len(text.tables)),
        strict=False,
    ):
        height = table.caption.height(width, size, lh) + 2 if table.caption else 0.0
        for row in table.rows:
            tallest = 0.0
            for cell in row:
                inner = cell.fraction * width - 2 * pad_h - 0.2
                if cell.entries:
                    inner -= 4.5  # the entry's coloured border and padding
                content = _blocks_height(cell.blocks, inner, size, lh)
                content += cell.entries * (1.0 + geo.entry_gap)
                tallest = max(tallest, content)
            height += tallest + 2 * pad_v + 0.2
        table_heights.append(height)
    tables = max(table_heights) if geo.side_by_side else sum(table_heights)

    foot_size = size * SCALES["smap-foot"]
    legend_width = geo.width * 0.38
    contacts_width = geo.width - legend_width - 6 - 4
    legend = _blocks_height(text.legend, legend_width - 4, size, lh)
    contacts = _blocks_height(text.contacts, contacts_width, size, lh)
    paragraph_margins = 2 * foot_size * PT  # the <p> heading's margins (1em above and below)
    footer = 2 + max(legend, contacts) + paragraph_margins
    return header + tables + footer


def choose_font_size(html: str, *, paper: str, largest: float, smallest: float) -> float:
    """The largest type size (pt, 0.05 pt steps) at which the map fits one page."""
    text = read(html, paper=paper)
    page = GEOMETRY[paper].height
    steps = max(0, math.floor((largest - smallest) / 0.05 + 1e-9))
    for step in range(steps + 1):
        size = round(largest - step * 0.05, 2)
        if estimate_height(text, paper=paper, size=size) * SAFETY <= page:
            return size
    return smallest
