"""Exports: write an alignment as TSV, CSV, JSON, TMX, XLSX, a Word document, an HTML report or a text listing.

    write(alignment, "pairs.tsv")          # format chosen by the extension
    data = render(alignment, "xlsx")       # bytes, e.g. for a download button
    record = to_dict(alignment); alignment = from_dict(record)
    print(listing(alignment))              # side by side, for a terminal

Each format lives in its own module; `status(bead)` gives every format (and the UI) the same
status, hence the same colour, for a pair.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from aligner.errors import AlignerError
from aligner.export.delimited import render_csv, render_tsv
from aligner.export.html_report import render_html
from aligner.export.listing import FILE_WIDTH, display_width, listing
from aligner.export.record import from_dict, parse_json, record_bytes, render_json, to_dict
from aligner.export.status import STATUS_COLOURS, STATUS_LABELS, STATUSES, status, status_counts
from aligner.export.tmx import render_tmx, unit_count
from aligner.export.word import render_docx
from aligner.export.xlsx import render_xlsx
from aligner.types import Alignment


class ExportFormatError(AlignerError):
    """The requested output format (or file extension) is not one we can write."""


class ExportWriteError(AlignerError):
    """The output file cannot be written (missing folder, no permission, disk full)."""


def _render_txt(alignment: Alignment) -> bytes:
    return (listing(alignment, width=FILE_WIDTH) + "\n").encode("utf-8")


RENDERERS: dict[str, Callable[[Alignment], bytes]] = {
    "tsv": render_tsv,
    "csv": render_csv,
    "json": render_json,
    "tmx": render_tmx,
    "xlsx": render_xlsx,
    "docx": render_docx,
    "html": render_html,
    "txt": _render_txt,
}
FORMATS: tuple[str, ...] = tuple(RENDERERS)

MEDIA_TYPES: dict[str, str] = {
    "tsv": "text/tab-separated-values",
    "csv": "text/csv",
    "json": "application/json",
    "tmx": "application/x-tmx+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "txt": "text/plain",
}


def _format_name(fmt: str, what: str) -> str:
    name = fmt.lower().lstrip(".")
    if name == "htm":
        name = "html"
    if name not in RENDERERS:
        supported = ", ".join("." + f for f in FORMATS)
        raise ExportFormatError(f"Cannot write {what}: unknown format '{fmt or '(none)'}'. "
                                f"Use one of {supported}.")
    return name


def pairs_in_file(alignment: Alignment, fmt: str) -> int:
    """How many pairs a file of format `fmt` holds: all, but in a TMX only those with both sides
    (an omitted or added passage is no translation unit)."""
    return unit_count(alignment) if _format_name(fmt, f"a '{fmt}' export") == "tmx" else len(alignment.beads)


def render(alignment: Alignment, fmt: str) -> bytes:
    """The alignment in format `fmt` ('tsv', 'csv', 'json', 'tmx', 'xlsx', 'docx', 'html', 'txt') as bytes."""
    return RENDERERS[_format_name(fmt, f"a '{fmt}' export")](alignment)


def write(alignment: Alignment, path: str | Path, fmt: str | None = None) -> Path:
    """Write the alignment to `path`, in the format its extension names unless `fmt` is given."""
    path = Path(path)
    name = _format_name(fmt if fmt is not None else path.suffix, str(path))
    return write_bytes(RENDERERS[name](alignment), path)


def write_bytes(data: bytes, path: str | Path) -> Path:
    """Write a rendered file to `path`, a failure told as what to do about it."""
    path = Path(path)
    try:
        path.write_bytes(data)
    except OSError as error:
        raise ExportWriteError(f"Cannot write {path}: {error.strerror or error}. "
                               "Check that the folder exists and is writable.") from None
    return path


def check_destination(path: str | Path, inputs: tuple[str | Path, ...] = ()) -> str:
    """The format `path` names, or the error `write` would meet, raised before any work is done.

    Aligning a long text takes minutes; a typo in the output path should not cost them. An
    output that is one of the `inputs` is refused: writing it would destroy the user's text.
    """
    path = Path(path)
    if path.is_dir():
        raise ExportWriteError(f"Cannot write {path}: it is a folder; give a file name, e.g. {path / 'pairs.tsv'}.")
    if not path.suffix:
        supported = ", ".join("." + f for f in FORMATS)
        raise ExportFormatError(f"Cannot write {path}: the name has no extension to choose the format by; "
                                f"end it with one of {supported}.")
    name = _format_name(path.suffix, str(path))
    folder = path.parent
    if not folder.is_dir():
        raise ExportWriteError(f"Cannot write {path}: the folder {folder} does not exist; create it first "
                               "or choose another folder.")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ExportWriteError(f"Cannot write {path}: permission denied; choose a folder you can write to.")
    for source in inputs:
        if path.exists() and Path(source).exists() and path.samefile(source):
            raise ExportWriteError(f"Cannot write {path}: it is one of the input files and would be overwritten; "
                                   "choose another output name.")
    return name


def load(path: str | Path) -> Alignment:
    """Read an alignment back from a JSON record written by `write(..., 'x.json')`."""
    return parse_json(record_bytes(path), name=str(path))


__all__ = [
    "FORMATS", "MEDIA_TYPES", "STATUSES", "STATUS_COLOURS", "STATUS_LABELS", "ExportFormatError",
    "check_destination",
    "ExportWriteError", "display_width", "from_dict", "listing", "load", "pairs_in_file", "parse_json", "render",
    "status", "status_counts", "to_dict", "write",
]
