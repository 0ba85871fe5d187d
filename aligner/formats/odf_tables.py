"""Rows of an OpenDocument spreadsheet (.ods: LibreOffice Calc, OpenOffice, Google Sheets' download),
and of the tables in an OpenDocument text (.odt: our Word export opened and saved in LibreOffice Writer).

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
    """The row's cells; empty ones (a merged cell's covered columns too) keep their places before a
    cell with text, and the empty run that ends the row (the rest of the sheet's width) is dropped."""
    cells: list[str] = []
    empty = 0  # empty cells not yet known to come before text
    for cell in row:
        if cell.tag in _CELLS:
            text, repeat = _cell_text(cell), _repeat(cell, "number-columns-repeated")
            if text:
                cells += [""] * empty + [text] * repeat
                empty = 0
            else:
                empty += repeat
    return cells


def _rows(parent, rows: list[list[str]] | None = None, empty: list[int] | None = None) -> list[list[str]]:
    """The rows under `parent` (inside row groups too), empty ones kept only before a row with text."""
    rows = [] if rows is None else rows
    empty = [0] if empty is None else empty  # empty rows not yet known to come before text
    for child in parent:
        if child.tag == f"{{{_TABLE}}}table-row":
            cells, repeat = _row(child), _repeat(child, "number-rows-repeated")
            if cells:
                rows += [[] for _ in range(empty[0])] + [list(cells) for _ in range(repeat)]
                empty[0] = 0
            else:
                empty[0] += repeat
        elif child.tag in _ROW_GROUPS:
            _rows(child, rows, empty)
    return rows


def odf_tables(path: Path) -> list[list[list[str]]]:
    """The rows of every table (an .ods's sheets, an .odt's tables), in document order, each a list of
    cell texts (trailing empty cells and rows left out)."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as archive:
            content = archive.read("content.xml")
    except (*DAMAGED_ZIP, KeyError, OSError):
        raise InputError(f"{path} is not a readable OpenDocument file; save it again from LibreOffice.") from None
    try:
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                                huge_tree=True))
    except etree.XMLSyntaxError as error:
        raise InputError(f"{path} is damaged ({error}); save it again from LibreOffice.") from None
    return [_rows(table) for table in root.iter(f"{{{_TABLE}}}table")]


def ods_rows(path: Path) -> list[list[str]]:
    """The rows of the spreadsheet's first sheet."""
    tables = odf_tables(path)
    return tables[0] if tables else []
