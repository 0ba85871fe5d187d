"""The pair table shared by TSV, CSV and XLSX: one row per pair, the same columns everywhere.

Cells hold each side's original text on one line: a line break inside a sentence (a PDF break,
a paragraph break inside a 2–1 pair) would otherwise break a row for line-based tools. A break
between two wide (CJK) characters is dropped, as in the original before extraction; any other
break becomes one space. A tab becomes a space too, except in CSV (`keep_tabs`), where a quoted
cell holds it without confusing anyone; in TSV it would split the cell for cut, awk and pandas'
simple readers. Control characters, which XML and Excel reject and no reader wants, are removed,
as are U+FFFE, U+FFFF and lone surrogates, which no XML (TMX, XLSX, Word) may hold. A page number or
running head that a sentence of text copied out of a PDF runs across (为核 -1- 中俄联合声明 心的) is
left out: it is the page's, not the sentence's, and a translation memory should not learn it.
The JSON record keeps the exact original text.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from aligner.export.status import status
from aligner.types import Alignment, Bead, Document

# A whitespace run that contains a line break, tab or other vertical whitespace (or, keeping tabs,
# a line break or vertical whitespace: a tab on its own stays).
_BREAK_RUN = re.compile(r"\s*[\n\r\t\f\v\x85\u2028\u2029]\s*")
_LINE_BREAK_RUN = re.compile(r"[^\S\t]*[\n\r\f\v\x85\u2028\u2029]\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def is_wide(char: str) -> bool:
    """True for characters a terminal draws two columns wide (CJK ideographs, full-width forms)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def one_line(text: str, keep_tabs: bool = False) -> str:
    """`text` on one line, for a cell: breaks joined (dropped between CJK, else a space), tabs kept
    only if asked (CSV), control characters removed, trimmed."""

    def join(match: re.Match) -> str:
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        return "" if before and after and is_wide(before) and is_wide(after) else " "

    breaks = _LINE_BREAK_RUN if keep_tabs else _BREAK_RUN
    return _CONTROL.sub("", breaks.sub(join, text)).strip()


def pair_texts(alignment: Alignment, bead: Bead, keep_tabs: bool = False) -> tuple[str, str]:
    """The original Chinese and translation text of a pair, each on one line ('' for a missing side)."""
    return (one_line(text_without_pages(alignment.source, bead.src), keep_tabs),
            one_line(text_without_pages(alignment.target, bead.tgt), keep_tabs))


def text_without_pages(document: Document, indices) -> str:
    """The sentences' original text without the page numbers and running heads inside a sentence."""
    text = document.span_text(indices)
    if not text or "\n" not in text and "\f" not in text:
        return text
    first, last = document.sentences[indices[0]], document.sentences[indices[-1]]
    inside = [(a, b) for a, b in _furniture(document.text) if first.start < a and b < last.end
              and _within_one(document, a, b)]
    for a, b in reversed(inside):
        text = text[: a - first.start] + text[b - first.start:]
    return text


def _within_one(document: Document, a: int, b: int) -> bool:
    """Whether characters a–b lie inside one sentence (not between two: one-sentence-a-line text has no pages)."""
    k = bisect_right(document.sentences, a, key=lambda s: s.start) - 1
    return k >= 0 and document.sentences[k].start < a and b < document.sentences[k].end


@lru_cache(maxsize=8)
def _furniture(text: str) -> tuple[tuple[int, int], ...]:
    from aligner.normalise import layout

    return tuple(layout(text).furniture)


def header(alignment: Alignment) -> list[str]:
    """Column names; the two text columns are named by their language codes (e.g. 'zh', 'ru')."""
    return ["index", "type", "score", alignment.source.lang, alignment.target.lang,
            "flags", "reasons", "reviewed", "note"]


def row(alignment: Alignment, number: int, bead: Bead, keep_tabs: bool = False) -> list:
    """One pair as cells: number (1-based), type, score (3 decimals), texts, flags, reasons, review."""
    src, tgt = pair_texts(alignment, bead, keep_tabs)
    return [
        number,
        bead.kind,
        round(float(bead.score), 3),
        src,
        tgt,
        "; ".join(flag.kind for flag in bead.flags),
        "; ".join(one_line(flag.reason) for flag in bead.flags),
        "yes" if bead.reviewed else "",
        one_line(bead.note),
    ]


def rows(alignment: Alignment, keep_tabs: bool = False) -> list[list]:
    """Every pair as a row, in document order, numbered as the page numbers it; tabs in the texts kept for CSV."""
    return [row(alignment, number, bead, keep_tabs) for number, bead in alignment.numbered()]


def summary_counts(alignment: Alignment) -> dict[str, Counter]:
    """Counts per status, per pair type and per flag kind, for summaries in XLSX and HTML."""
    return {
        "status": Counter(status(bead) for bead in alignment.beads),
        "type": Counter(bead.kind for bead in alignment.beads),
        "flag": Counter(flag.kind for bead in alignment.beads for flag in bead.flags),
    }
