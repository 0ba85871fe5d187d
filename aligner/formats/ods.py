"""Rows of an OpenDocument spreadsheet (.ods: LibreOffice Calc, OpenOffice, Google Sheets' download).

Reviewers who work in LibreOffice keep their pairs and glossaries as .ods. Its content.xml holds
each sheet as table:table-row elements of table:table-cell; a cell's text:p paragraphs are the
text as Calc displays it (5%, 2022-09-30, not the stored 0.05 or date serial), so they are read
as they are, one line each. Runs of identical rows or cells are stored once with a repeat count
(table:number-rows-repeated, table:number-columns-repeated): a sheet's unused tail is one empty
row repeated a million times, so repeats are expanded only where they hold text.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from aligner.errors import InputError
from aligner.formats.archive import DAMAGED_ZIP

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_CELLS = {f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"}
_PARAGRAPHS = {f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"}
_ROW_GROUPS = {f"{{{_TABLE}}}table-header-rows", f"{{{_TABLE}}}table-rows", f"{{{_TABLE}}}table-row-group"}


def _repeat(element, name: str) -> int:
    return max(1, int(element.get(f"{{{_TABLE}}}{name}", "1") or 1))


def _cell_text(cell) -> str:
    """The cell's paragraphs, one line each, with the spaces, tabs and breaks they spell out; a
    comment on the cell (office:annotation) is no part of its text."""
    from aligner.formats.odt import _inline

    return "\n".join("".join(_inline(p)) for p in cell if p.tag in _PARAGRAPHS)  # not a comment's (annotation)


def _row(row) -> list[str]:
    cells: list[str] = []
    for cell in row:
        if cell.tag in _CELLS:
            text = _cell_text(cell)
            # a repeated empty cell (the rest of the row) is padding, not columns
            cells += [text] * (_repeat(cell, "number-columns-repeated") if text else 1)
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _rows(parent) -> list[list[str]]:
    rows: list[list[str]] = []
    for child in parent:
        if child.tag == f"{{{_TABLE}}}table-row":
            cells = _row(child)
            rows += [cells] * (_repeat(child, "number-rows-repeated") if cells else 1)
        elif child.tag in _ROW_GROUPS:
            rows += _rows(child)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def ods_rows(path: Path) -> list[list[str]]:
    """The rows of the first sheet, each a list of cell texts (trailing empty cells and rows left out)."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as archive:
            content = archive.read("content.xml")
    except (*DAMAGED_ZIP, KeyError, OSError):
        raise InputError(f"{path} is not a readable OpenDocument spreadsheet; save it again from LibreOffice "
                         "as .ods, .xlsx or .csv.") from None
    try:
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                                huge_tree=True))
    except etree.XMLSyntaxError as error:
        raise InputError(f"{path} is damaged ({error}); save it again from LibreOffice.") from None
    sheet = next(root.iter(f"{{{_TABLE}}}table"), None)
    return _rows(sheet) if sheet is not None else []
