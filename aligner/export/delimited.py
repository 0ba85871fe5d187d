"""TSV and CSV: one row per pair, written with the csv module so quoting is always right.

Cells are one line each (see `table.one_line`), so every pair is exactly one line in the file
and line-based tools (cut, awk, grep) work too; a tab in a text is kept in CSV, in a quoted cell,
and is a space in TSV; a cell holding a quote or delimiter is quoted the csv way. CSV starts with a UTF-8 BOM so that Excel opens Chinese text correctly;
TSV is plain UTF-8. Every delimited file aligner writes (two and three columns, a merged corpus,
batch's summary.tsv) ends its lines with LF: `cut -f5` would give the last column's text with a
carriage return after it under csv's default CRLF, while Excel, LibreOffice and pandas read LF alike.

Excel, which the CSV is made for, reads a cell starting with = + - or @ as a formula ("=SUM(A1)" shows a
sum, "-3 degrees" #NAME?, a crafted cell runs a command): in CSV such a cell is written after an apostrophe,
Excel's "text follows", and `aligner.tables` reads it back without it. TSV is for scripts and keeps the text.
"""
from __future__ import annotations

import csv
import io
import re

from aligner.export.table import header, rows
from aligner.types import Alignment

# Per format: the csv dialect and the encoding (CSV gets a BOM so that Excel reads it as UTF-8).
DIALECTS = {"tsv": ("excel-tab", "utf-8"), "csv": ("excel", "utf-8-sig")}
LINE_END = "\n"  # one line end for every delimited file (see the module docstring)


# A cell Excel would take for a formula; one already starting with apostrophes before such a character gets one
# more, so that taking one away on reading gives back every text as it was.
FORMULA_START = re.compile(r"'*[=+\-@]")


def spreadsheet_text(cell):
    """A CSV cell as Excel reads it as text: after an apostrophe if it would start a formula (numbers stay numbers)."""
    return "'" + cell if isinstance(cell, str) and FORMULA_START.match(cell) else cell


class _TextCells:
    """A csv writer whose text cells never start a formula (`spreadsheet_text`)."""

    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([spreadsheet_text(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def delimited_writer(handle, fmt: str):
    """A csv writer of format `fmt` ('tsv' or 'csv', any text handle) with the line end all our files have; in
    CSV no text cell starts a formula."""
    writer = csv.writer(handle, dialect=DIALECTS[fmt][0], lineterminator=LINE_END)
    return _TextCells(writer) if fmt == "csv" else writer


def render_table(head: list[str], body, fmt: str) -> bytes:
    """A header and rows as TSV or CSV bytes (`fmt`), with the dialect, encoding and line end of every delimited
    file we write; a None cell is empty (as csv writes it)."""
    buffer = io.StringIO(newline="")
    writer = delimited_writer(buffer, fmt)
    writer.writerow(head)
    writer.writerows(body)
    return buffer.getvalue().encode(DIALECTS[fmt][1])


def render_tsv(alignment: Alignment) -> bytes:
    """Tab-separated pairs (csv's excel-tab dialect), UTF-8."""
    return render_table(header(alignment), rows(alignment), "tsv")


def render_csv(alignment: Alignment) -> bytes:
    """Comma-separated pairs (csv's excel dialect), UTF-8 with a BOM for Excel."""
    return render_table(header(alignment), rows(alignment, keep_tabs=True), "csv")


def render_documents(named: list[tuple[str, Alignment]], fmt: str) -> bytes:
    """Pairs of several documents in one TSV or CSV, a `document` column first (same languages throughout)."""
    text = "".join(document_lines(name, alignment, fmt, head=not number) for number, (name, alignment) in enumerate(named))
    return text.encode(DIALECTS[fmt][1])


def document_lines(name: str, alignment: Alignment, fmt: str, head: bool = False) -> str:
    """One document's rows of a merged TSV or CSV (after the header, with `head`): a corpus file is
    these, document after document, so it can be written as each document is aligned."""
    buffer = io.StringIO(newline="")
    writer = delimited_writer(buffer, fmt)
    if head:
        writer.writerow(["document", *header(alignment)])
    writer.writerows([name, *cells] for cells in rows(alignment, keep_tabs=fmt == "csv"))
    return buffer.getvalue()
