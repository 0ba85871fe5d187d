"""TSV and CSV: one row per pair, written with the csv module so quoting is always right.

Cells are one line each (see `table.one_line`), so every pair is exactly one line in the file
and line-based tools (cut, awk, grep) work too; a cell holding a tab, quote or delimiter is
quoted the csv way. CSV starts with a UTF-8 BOM so that Excel opens Chinese text correctly;
TSV is plain UTF-8.
"""
from __future__ import annotations

import csv
import io

from aligner.export.table import header, rows
from aligner.types import Alignment


def _render(alignment: Alignment, dialect: str, encoding: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect=dialect)
    writer.writerow(header(alignment))
    writer.writerows(rows(alignment))
    return buffer.getvalue().encode(encoding)


def render_tsv(alignment: Alignment) -> bytes:
    """Tab-separated pairs (csv's excel-tab dialect), UTF-8."""
    return _render(alignment, "excel-tab", "utf-8")


def render_csv(alignment: Alignment) -> bytes:
    """Comma-separated pairs (csv's excel dialect), UTF-8 with a BOM for Excel."""
    return _render(alignment, "excel", "utf-8-sig")
