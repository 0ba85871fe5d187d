"""Text of a Word document (.docx): its paragraphs, tables' included, in reading order, as Word shows
them with tracked changes accepted.

The paragraphs are read from the XML, not from python-docx's `Paragraph.text`, which skips every run
that is not a direct child of the paragraph: tracked insertions (w:ins), content controls (w:sdt),
smart tags, field results (w:fldSimple) and hyperlinks would lose their words. Tracked deletions
(w:del, w:moveFrom) are left out, as are field codes (w:instrText) and the older drawing a shape
repeats for old Word versions (mc:Fallback). A text box's paragraphs follow the paragraph they are
anchored in. A merged table cell is one w:tc in the XML, so it is read once.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from aligner.errors import InputError
from aligner.formats.archive import DAMAGED_ZIP, check_unpacked, zip_fault

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
PARAGRAPH, TABLE_ROW, TABLE_CELL, TEXT_BOX = f"{_W}p", f"{_W}tr", f"{_W}tc", f"{_W}txbxContent"
# Not the text as it reads: deleted or moved-away runs, field codes, properties, the VML copy of a shape.
LEFT_OUT = frozenset({f"{_W}del", f"{_W}moveFrom", f"{_W}delText", f"{_W}instrText", f"{_W}delInstrText",
                      f"{_W}pPr", f"{_W}rPr", f"{_W}sdtPr", f"{_W}sectPr", f"{_W}tcPr", f"{_W}trPr", _MC_FALLBACK})
CHARACTERS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def open_word_document(path: Path):
    """The python-docx Document of a .docx, or InputError naming the file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        with zipfile.ZipFile(path) as archive:
            parts = [name for name in archive.namelist() if name.startswith("word/")]
            check_unpacked(archive, parts, path, "text")
    except DAMAGED_ZIP:
        raise InputError(f"{path} is not a readable .docx document: {zip_fault(path)}; save it again from Word "
                         "as .docx.") from None
    if not parts:
        raise InputError(f"{path} is not a readable .docx document: it is a ZIP archive with no Word text in it; "
                         "check that it is the file you meant, or save it again from Word as .docx.")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError, XMLSyntaxError, AttributeError, *DAMAGED_ZIP):
        # in python-docx's and lxml's words ("Package not found", "Opening and ending tag mismatch"): not the user's
        raise InputError(f"{path} is not a readable .docx document: its contents are damaged; save it again from "
                         "Word as .docx.") from None


def docx_text(path: Path) -> str:
    """Text of a Word document: its paragraphs (tables' included, in order) joined by blank lines."""
    body = open_word_document(path).element.body
    return "\n\n".join(p.strip() for p in paragraphs(body) if p.strip())


def paragraphs(element):
    """The text of each paragraph under `element` (body, table, cell, content control), in order;
    a text box's paragraphs after the paragraph holding it."""
    if element.tag in LEFT_OUT:
        return
    if element.tag == PARAGRAPH:
        boxes: list = []
        yield "".join(_characters(element, boxes))
        for box in boxes:
            yield from paragraphs(box)
        return
    for child in element:
        yield from paragraphs(child)


def _characters(element, boxes: list):
    """A paragraph's characters: every w:t outside deletions, tabs and breaks spelled out; text
    boxes met on the way are put in `boxes` to be read as paragraphs of their own."""
    for child in element:
        tag = child.tag
        if tag in LEFT_OUT or not isinstance(tag, str):
            continue
        if tag == f"{_W}t":
            yield child.text or ""
        elif tag in CHARACTERS:
            yield CHARACTERS[tag]
        elif tag == TEXT_BOX:
            boxes.append(child)
        else:
            yield from _characters(child, boxes)


def table_rows(table) -> list[list[str]]:
    """A w:tbl's rows as cell texts, one per grid column: a merged cell's text once, in its first
    column, and empty strings in the columns it spans (gridSpan) or continues into (vMerge)."""
    rows = []
    for row in table.iter(TABLE_ROW):
        if _enclosing_table(row) is not table:
            continue  # a row of a table nested in a cell
        before = row.find(f"{_W}trPr/{_W}gridBefore")
        cells = [""] * _int_value(before)
        for cell in row.iter(TABLE_CELL):
            if _enclosing_table(cell) is not table:
                continue
            cells.append("\n".join(p.strip() for p in paragraphs(cell) if p.strip()))
            cells.extend([""] * (_int_value(cell.find(f"{_W}tcPr/{_W}gridSpan"), 1) - 1))
        rows.append(cells)
    return rows


def _enclosing_table(element):
    return next(element.iterancestors(f"{_W}tbl"), None)


def _int_value(element, default: int = 0) -> int:
    try:
        return int(element.get(f"{_W}val")) if element is not None else default
    except (TypeError, ValueError):
        return default


def is_docx(path: Path) -> bool:
    """A .docx saved or renamed with another extension (a ZIP holding word/document.xml).

    Office and mail clients do this often enough; the text is right there, so we read it.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (*DAMAGED_ZIP, OSError):
        return False
