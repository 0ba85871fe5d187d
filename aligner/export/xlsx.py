"""XLSX (openpyxl): a sheet of pairs coloured by status, and a summary sheet.

The pairs sheet has the same columns as TSV/CSV, each row filled with its status colour
(`status.STATUS_COLOURS`), text wrapped, the header frozen and filterable; the numbers and names
a flag quotes are bold and coloured inside their text cell. The summary sheet
counts pairs per status, per type and per flag kind.
"""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment as CellAlignment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from aligner.errors import AlignerError
from aligner.export.marked import MARK_COLOUR, side_marks, span_segments
from aligner.export.status import STATUS_COLOURS, STATUS_LABELS, STATUSES, kind_name, status
from aligner.export.table import header, rows, summary_counts
from aligner.types import Alignment, Bead

# Column widths in Excel's units (about one Latin character; a CJK character takes two).
COLUMN_WIDTHS = (7, 6, 7, 50, 60, 14, 40, 9, 30)
TEXT_COLUMNS = {4, 5, 7, 9}  # 1-based: the two texts, reasons, note
SIDE_COLUMNS = {4: "src", 5: "tgt"}
FLAGS_COLUMN = 6  # 1-based: the flag kinds, named for a reader (the TSV keeps the kinds as files name them)
DOCUMENT_WIDTH = 20  # the document column of a corpus in one workbook
MAX_ROWS = 1_048_576  # Excel opens no sheet with more rows
# The words a flag quotes (a changed number, a missing name), as the review table highlights them.
MARK_FONT = InlineFont(b=True, color=MARK_COLOUR)


def status_fill(status_name: str) -> PatternFill:
    """The fill of a row of this status, the colour the review table gives it."""
    colour = STATUS_COLOURS[status_name]
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


MAX_CELL_CHARS = 32_767  # Excel's limit for a cell (openpyxl cuts a longer string there silently, rich text not at all)


def fits(text) -> bool:
    """Whether a cell's text (a string or rich text) is within what Excel holds in one cell."""
    return len(str(text)) <= MAX_CELL_CHARS


def cell_text(value):
    """`value` as a cell can hold it: a text beyond Excel's limit (a classical text without punctuation is
    one "sentence") cut, saying how much is left out and where the whole of it is, not cut without a word."""
    if not isinstance(value, str) or fits(value):
        return value
    tail = (f" … [{{}} more characters: an Excel cell holds at most {MAX_CELL_CHARS:,}; "
            "the TSV, CSV, TMX and JSON exports hold the whole text]")
    keep = MAX_CELL_CHARS - len(tail.format(f"{len(value):,}"))
    return value[:keep] + tail.format(f"{len(value) - keep:,}")


def set_text(cell, value) -> None:
    """Store a value; a string starting with '=' stays text, never becomes a formula; one too long for a
    cell is cut (`cell_text`)."""
    value = cell_text(value)
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def rich_text(runs: list[tuple[str, bool]]) -> CellRichText | None:
    """Rich text with the marked runs bold and coloured; None when nothing is marked (plain text will do)."""
    if not any(marked for _, marked in runs):
        return None
    return CellRichText([TextBlock(MARK_FONT, run) if marked else run for run, marked in runs])


def _marked_text(alignment: Alignment, bead: Bead, side: str | None) -> CellRichText | None:
    """A text cell whose flags quote words of it: rich text with those words bold on orange, else None."""
    if side is None:
        return None
    marks = side_marks([bead], side)
    if not marks:
        return None
    document, indices = (alignment.source, bead.src) if side == "src" else (alignment.target, bead.tgt)
    return rich_text(span_segments(document, indices, marks))


def _pairs_sheet(sheet, named: list[tuple[str, Alignment]], document: bool = False) -> None:
    """The pairs of one alignment, or of several (a corpus) after a `document` column naming each one's."""
    sheet.title = "Pairs"
    shift = 1 if document else 0  # the pair table's columns start after the document column
    bold = Font(bold=True)
    head = (["document"] if document else []) + header(named[0][1])
    for column, name in enumerate(head, start=1):
        sheet.cell(row=1, column=column, value=name).font = bold
    wrap = CellAlignment(wrap_text=True, vertical="top")
    top = CellAlignment(vertical="top")
    fills = {name: status_fill(name) for name in STATUSES}
    row_number = 1
    for name, alignment in named:
        for bead, cells in zip(alignment.beads, rows(alignment)):
            row_number += 1
            cells[FLAGS_COLUMN - 1] = "; ".join(kind_name(flag.kind) for flag in bead.flags)
            fill = fills[status(bead)]
            for column, value in enumerate(([name] if document else []) + cells, start=1):
                cell = sheet.cell(row=row_number, column=column)
                marked = _marked_text(alignment, bead, SIDE_COLUMNS.get(column - shift))
                if marked is not None and fits(marked):
                    cell.value = marked
                else:
                    set_text(cell, value)
                cell.fill = fill
                cell.alignment = wrap if column - shift in TEXT_COLUMNS else top
    widths = ((DOCUMENT_WIDTH,) if document else ()) + COLUMN_WIDTHS
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{row_number}"


def _summary_sheet(sheet, alignment: Alignment) -> None:
    bold = Font(bold=True)
    counts = summary_counts(alignment)
    lines: list[tuple] = [
        ("Source", f"{alignment.source.lang}: {alignment.source.name}", len(alignment.source)),
        ("Target", f"{alignment.target.lang}: {alignment.target.name}", len(alignment.target)),
        ("Model", alignment.model, None),
        ("Pairs", None, len(alignment.beads)),
        (),
        ("Pairs by status", None, None),
    ]
    status_rows = {}
    for name in STATUSES:
        status_rows[len(lines) + 1] = name
        lines.append((None, STATUS_LABELS[name], counts["status"].get(name, 0)))
    lines += [(), ("Pairs by type", None, None)]
    lines += [(None, kind, n) for kind, n in sorted(counts["type"].items(), key=lambda kv: (-kv[1], kv[0]))]
    lines += [(), ("Flags by kind", None, None)]
    lines += [(None, kind_name(kind), n) for kind, n in sorted(counts["flag"].items(), key=lambda kv: (-kv[1], kv[0]))]
    for row_number, line in enumerate(lines, start=1):
        for column, value in enumerate(line, start=1):
            if value is not None:
                set_text(sheet.cell(row=row_number, column=column), value)
        if line and line[0] is not None:
            sheet.cell(row=row_number, column=1).font = bold
    for row_number, name in status_rows.items():
        sheet.cell(row=row_number, column=2).fill = status_fill(name)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 48
    sheet.column_dimensions["C"].width = 10


def render_xlsx(alignment: Alignment) -> bytes:
    """The workbook as bytes: sheet 'Pairs' then sheet 'Summary'."""
    workbook = Workbook()
    _pairs_sheet(workbook.active, [("", alignment)])
    _summary_sheet(workbook.create_sheet("Summary"), alignment)
    return _saved(workbook)


def check_rows(rows_needed: int) -> None:
    """Refuse a sheet Excel would not open (more than MAX_ROWS rows, header included)."""
    if rows_needed > MAX_ROWS:
        raise AlignerError(f"{rows_needed - 1:,} rows do not fit in one Excel sheet ({MAX_ROWS - 1:,} at most); "
                         "write the corpus as TSV, CSV or TMX instead.")


def render_xlsx_documents(named: list[tuple[str, Alignment]]) -> bytes:
    """The pairs of several documents (the same languages) in one sheet, a `document` column first."""
    check_rows(1 + sum(len(alignment.beads) for _, alignment in named))
    workbook = Workbook()
    _pairs_sheet(workbook.active, named, document=True)
    return _saved(workbook)


def _saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
