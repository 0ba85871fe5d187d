"""One file for a whole corpus: every pair of every document, labelled by its document.

Translation memories and training sets are imported as one file; TSV and CSV get a `document`
column, TMX a document prop on each unit. The documents of one file share their languages.
"""
from __future__ import annotations

from aligner.export.delimited import render_documents
from aligner.export.tmx import tmx_document
from aligner.types import Alignment

MERGED_FORMATS: tuple[str, ...] = ("tsv", "csv", "tmx")


def render_merged(named: list[tuple[str, Alignment]], fmt: str) -> bytes:
    """The alignments `named` (document name, alignment) as one TSV, CSV or TMX file."""
    if fmt not in MERGED_FORMATS:
        raise ValueError(f"one file for several documents is written as {', '.join(MERGED_FORMATS)}, not {fmt}")
    if not named:
        raise ValueError("no alignments to write")
    pairs = {(a.source.lang, a.target.lang) for _, a in named}
    if len(pairs) > 1:
        raise ValueError(f"one merged file holds one language pair, not {sorted(pairs)}")
    return tmx_document(named) if fmt == "tmx" else render_documents(named, fmt)
