"""The programme document as a standalone HTML page, a PDF (WeasyPrint) and a Word file.

All three lay out the same `DocumentModel`; none of them decides content.
"""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string

from kotokartta.documents.model import Block, DocumentModel, Paragraph, Table

_WORD_LANG = {"fi": "fi-FI", "en": "en-GB", "sv": "sv-FI"}


def render_html(doc: DocumentModel) -> str:
    """A complete, standalone HTML page with its own screen and print styles."""
    return render_to_string("documents/standalone.html", {"doc": doc})


def render_pdf(doc: DocumentModel) -> bytes:
    """A4 PDF from the standalone HTML: the title on the first page, page numbers in the
    footer, the title in the header of the following pages, bookmarks from the headings."""
    from weasyprint import HTML

    pdf = HTML(string=render_html(doc), base_url=None).write_pdf(
        custom_metadata=True, pdf_tags=True
    )
    assert pdf is not None
    return bytes(pdf)


def render_docx(doc: DocumentModel) -> bytes:
    """A Word document: the title in the Title style, sections and their parts in Heading 1–3,
    paragraphs, and the municipalities and coordinators as tables."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    word = Document()
    props = word.core_properties
    props.title = doc.title
    props.subject = doc.area_name
    props.language = _WORD_LANG.get(doc.lang, doc.lang)
    props.comments = doc.labels.get("generated", "")
    _set_language(word.styles["Normal"].element, doc.lang)
    word.styles["Normal"].font.size = Pt(10.5)

    section = word.sections[0]
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{doc.labels.get('page', 'Page')} ")
    _add_field(footer, "PAGE")

    title = word.add_heading(level=0)
    _add_text(title, doc.title, doc.title_lang, doc.lang)
    word.add_paragraph(doc.subtitle, style="Subtitle")
    for level, block in doc.blocks():
        _add_block(word, block, level, doc)
    return _save(word)


def _save(word: Any) -> bytes:
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _add_block(word: Any, block: Block, level: int, doc: DocumentModel) -> None:
    heading = word.add_heading(level=min(level - 1, 9))
    _add_text(heading, block.heading, block.title_lang or doc.lang, doc.lang)
    for paragraph in block.paragraphs:
        _add_paragraph(word, paragraph, doc)
    if block.table is not None:
        _add_table(word, block.table)
    for item in block.items:
        for paragraph in item.paragraphs:
            _add_paragraph(word, paragraph, doc)


def _add_paragraph(word: Any, paragraph: Paragraph, doc: DocumentModel) -> None:
    from docx.shared import Pt, RGBColor

    style = "Quote" if paragraph.kind in {"law", "note"} else None
    out = word.add_paragraph(style=style)
    if paragraph.kind == "details":
        out.paragraph_format.left_indent = Pt(14)
    run = _add_text(out, paragraph.text, paragraph.lang, doc.lang)
    if paragraph.kind == "details":
        run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    if paragraph.fallback:
        key = "fallback" if paragraph.lang != doc.lang else "fallback_partly"
        mark = out.add_run(f" ({doc.labels.get(key, '')})")
        mark.italic = True
        _set_language(mark._element, doc.lang)


def _add_text(paragraph: Any, text: str, lang: str, doc_lang: str) -> Any:
    run = paragraph.add_run(text)
    if lang and lang != doc_lang:
        _set_language(run._element, lang)
    return run


def _add_table(word: Any, table: Table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    out = word.add_table(rows=1, cols=len(table.columns))
    out.style = "Table Grid"
    header = out.rows[0]
    row_props = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row_props.append(repeat)
    for cell, text in zip(header.cells, table.columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in table.rows:
        cells = out.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    caption = word.add_paragraph(table.caption, style="Caption")
    caption.paragraph_format.space_after = 0


def _set_language(element: Any, lang: str) -> None:
    """Mark text as Finnish/English for Word's spelling and screen readers (w:lang)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = element.get_or_add_rPr() if hasattr(element, "get_or_add_rPr") else None
    if props is None:
        style_props = element.find(qn("w:rPr"))
        if style_props is None:
            style_props = OxmlElement("w:rPr")
            element.append(style_props)
        props = style_props
    found = props.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        props.append(found)
    found.set(qn("w:val"), _WORD_LANG.get(lang, lang))


def _add_field(paragraph: Any, code: str) -> None:
    """A Word field (PAGE): Word fills in the number when it lays the page out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = code
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instruction)
    run._r.append(end)
