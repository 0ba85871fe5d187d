"""A pair's side as HTML, on one line, with the words its flags quote marked (<mark>).

A reviewer sees at once which number changed or which name is missing, in the user's own text.
Marks are character offsets into the document (`Flag.marks`); the text is made one line the way
every table shows it (`table.one_line`), so the mark boundaries travel through that as two
private-use characters that no text of ours contains; the runs between them become <mark>s
in HTML and bold coloured runs in XLSX cells.
"""
from __future__ import annotations

import re
from html import escape
from typing import Iterable

from aligner.export.table import one_line
from aligner.threeway import ThreeWay, ThreeWayRow
from aligner.types import Alignment, Bead, Document, Mark

_OPEN, _CLOSE = "\ue000", "\ue001"
# How a marked word looks in every HTML view (review table, correction panel, reports).
MARK_STYLE = "background:#FFA726;color:#000;font-weight:600;padding:0 2px;border-radius:2px"
# How it looks where there is no background per word (XLSX cells, Word tables): bold in this colour.
MARK_COLOUR = "B34700"


def _spans(marks: Iterable[Mark], start: int, end: int) -> list[tuple[int, int]]:
    """The marks inside [start, end), relative to start, overlapping ones merged."""
    spans = sorted((m.start - start, m.end - start) for m in marks if start <= m.start < m.end <= end)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def span_segments(document: Document, indices: tuple[int, ...], marks: Iterable[Mark],
                  lines: bool = False) -> list[tuple[str, bool]]:
    """The one-line text of sentences `indices` of `document` as (piece, marked) runs, in order
    (with `lines`, the text as written, its line breaks kept)."""
    if not indices:
        return []
    start, end = document.sentences[indices[0]].start, document.sentences[indices[-1]].end
    text = document.text[start:end]
    pieces, at = [], 0
    for s, e in _spans(marks, start, end):
        pieces += [text[at:s], _OPEN, text[s:e], _CLOSE]
        at = e
    pieces.append(text[at:])
    segments = []
    joined = "".join(pieces)
    for k, run in enumerate(re.split(f"[{_OPEN}{_CLOSE}]", joined if lines else one_line(joined))):
        if run:
            segments.append((run, k % 2 == 1))
    return segments


def span_html(document: Document, indices: tuple[int, ...], marks: Iterable[Mark], lines: bool = False) -> str:
    """The escaped one-line text of sentences `indices` of `document`, the given marks as <mark>."""
    return runs_html(span_segments(document, indices, marks, lines))


def side_marks(beads: Iterable[Bead], side: str) -> list[Mark]:
    """The marks that the flags of `beads` put on one side ("src" or "tgt")."""
    return [m for bead in beads for flag in bead.flags for m in flag.marks if m.side == side]


def side_html(alignment: Alignment, bead: Bead, side: str, lines: bool = False) -> str:
    """The pair's Chinese ("src") or translation ("tgt") as `span_html`, with its flags' marks."""
    document, indices = (alignment.source, bead.src) if side == "src" else (alignment.target, bead.tgt)
    return span_html(document, indices, side_marks([bead], side), lines)


def three_way_segments(result: ThreeWay, row: ThreeWayRow) -> list[list[tuple[str, bool]]]:
    """A three-way row's texts as runs (Chinese, then each translation): the Chinese marks what any
    translation's flags quote in it, each translation its own flags' marks."""
    chinese = [m for beads in row.beads.values() for m in side_marks(beads, "src")] + [
        m for flag in row.flags for m in flag.marks if m.side == "src"]  # e.g. the sentence one translation lacks
    return [span_segments(result.source, row.src, chinese)] + [
        span_segments(result.alignments[label].target, row.tgt[label], side_marks(row.beads[label], "tgt"))
        for label in result.labels]


def runs_html(runs: list[tuple[str, bool]]) -> str:
    """Escaped runs, the marked ones as <mark>."""
    return "".join(f"<mark>{escape(run)}</mark>" if marked else escape(run) for run, marked in runs)


def three_way_cells(result: ThreeWay, row: ThreeWayRow) -> list[str]:
    """A three-way row's texts as HTML, marked as `three_way_segments` says."""
    return [runs_html(runs) for runs in three_way_segments(result, row)]
