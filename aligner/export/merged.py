"""One file for a whole corpus: every pair of every document, labelled by its document.

Translation memories and training sets are imported as one file, and a corpus is read in Excel as
one sheet; TSV, CSV and XLSX get a `document` column, TMX a document prop on each unit. The
documents of one file share their languages; three columns (zh–ru–en) have their own merged file,
as their rows have three texts.
"""
from __future__ import annotations

from aligner.export.delimited import render_documents
from aligner.export.tmx import tmx_document
from aligner.export.xlsx import render_xlsx_documents
from aligner.threeway import ThreeWay
from aligner.types import Alignment

MERGED_FORMATS: tuple[str, ...] = ("tsv", "csv", "tmx", "xlsx")


def languages(result: Alignment | ThreeWay) -> tuple[str, str]:
    """The languages of a result, as merged files are named and grouped: ('zh', 'en') or ('zh', 'ru-en')."""
    if isinstance(result, ThreeWay):
        return result.source.lang, "-".join(result.labels)
    return result.source.lang, result.target.lang


def render_merged(named: list[tuple[str, Alignment | ThreeWay]], fmt: str) -> bytes:
    """The results `named` (document name, result) as one TSV, CSV, TMX or XLSX file."""
    if fmt not in MERGED_FORMATS:
        raise ValueError(f"one file for several documents is written as {', '.join(MERGED_FORMATS)}, not {fmt}")
    if not named:
        raise ValueError("no alignments to write")
    pairs = {languages(result) for _, result in named}
    if len(pairs) > 1:
        raise ValueError(f"one merged file holds one language pair, not {sorted(pairs)}")
    if isinstance(named[0][1], ThreeWay):
        from aligner.export.threeway import render_documents as three_way_documents

        return three_way_documents(named, fmt)
    if fmt == "xlsx":
        return render_xlsx_documents(named)
    return tmx_document(named) if fmt == "tmx" else render_documents(named, fmt)
