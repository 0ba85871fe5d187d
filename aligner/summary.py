"""The numbers a reviewer reads first: the pairs to look at and the rest ok, coverage, where the trouble is.

Coverage is by characters of the original text (whitespace not counted), so a long omitted
paragraph weighs more than a short heading. A pair is *confident* when both sides are present
and the review step did not call it weak.

The review page counts pairs by the strip's rule (`pair_filter.pairs_to_look_at`): its summary said "47 ok" of a
document whose strip marked 6 to look at, the merged/split pairs (status ok, but their boundaries worth a look)
counted as ok in one and to look at in the other. Files keep their status columns: `ok` there is still a status.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aligner.types import WEAK, Alignment, Bead, Document


@dataclass(frozen=True)
class Coverage:
    """Share (0–1) of each side's characters that lies in confident pairs."""

    source: float
    target: float


@dataclass(frozen=True)
class LookCounts:
    """The pairs by the strip's rule: those to look at by what marks them (`pair_filter.MARKS`: a status, or
    merged/split), and how many are marked reviewed; the rest are ok, nothing to look at."""

    pairs: int
    marks: dict[str, int]  # every mark, 0 when none has it, in MARKS order
    reviewed: int

    @property
    def to_look_at(self) -> int:
        return sum(self.marks.values())

    @property
    def ok(self) -> int:
        return self.pairs - self.to_look_at


def look_counts(alignment: Alignment) -> LookCounts:
    """The whole document's pairs to look at (every kind, whatever the page's filter) by mark, and the rest."""
    from aligner.export.status import status
    from aligner.pair_filter import MARKS, mark_of, pairs_to_look_at

    marks = dict.fromkeys(MARKS, 0)
    for i in pairs_to_look_at(alignment).marked:
        marks[mark_of(status(alignment.beads[i]))] += 1
    return LookCounts(len(alignment.beads), marks, sum(b.reviewed for b in alignment.beads))


@dataclass(frozen=True)
class RowCounts:
    """Three columns' rows by the strip's rule (those with a flag are to look at, the rest ok), how many are marked
    reviewed, and their problems as the pills count them (`pair_filter.count_items`: a passage one translation leaves
    out across several rows once): 'disagree', then per translation 'ru omitted', 'ru added', 'ru other flags'."""

    rows: int
    to_look_at: int
    reviewed: int
    problems: dict  # name -> pair_filter.KindCount

    @property
    def ok(self) -> int:
        return self.rows - self.to_look_at


OTHER_FLAGS = "other flags"  # a translation's flags but its omissions, additions and low confidence


def row_counts(result) -> RowCounts:
    """The numbers of the three-column summary: the rows to look at, and each side's problems counted as its pills
    count them (the line said "en: 3 omitted" of one passage the English leaves out, its reason given once)."""
    from aligner.pair_filter import count_items, rows_to_look_at
    from aligner.threeway import DISAGREE
    from aligner.types import ADDED, OMITTED

    problems = {DISAGREE: count_items(result, lambda f: f.kind == DISAGREE)}
    for label in result.labels:
        problems[f"{label} {OMITTED}"] = count_items(result, lambda f, label=label: (f.side, f.kind) == (label, OMITTED))
        problems[f"{label} {ADDED}"] = count_items(result, lambda f, label=label: (f.side, f.kind) == (label, ADDED))
        problems[f"{label} {OTHER_FLAGS}"] = count_items(
            result, lambda f, label=label: f.side == label and f.kind not in (OMITTED, ADDED, WEAK))
    return RowCounts(len(result.rows), len(rows_to_look_at(result).marked), sum(row.reviewed for row in result.rows),
                     problems)


def is_confident(bead: Bead) -> bool:
    """Both sides present and not flagged weak (other flags do not make the pairing doubtful)."""
    return bool(bead.src and bead.tgt) and not any(f.kind == WEAK for f in bead.flags)


def _char_counts(doc: Document) -> np.ndarray:
    """Non-whitespace characters per sentence."""
    return np.array([sum(not c.isspace() for c in s.text) for s in doc.sentences], dtype=np.int64)


def coverage(alignment: Alignment) -> Coverage:
    """How much of the Chinese and of the translation confident pairs cover, by characters."""
    shares = []
    for doc, side in ((alignment.source, "src"), (alignment.target, "tgt")):
        counts = _char_counts(doc)
        total = int(counts.sum())
        covered = [i for b in alignment.beads if is_confident(b) for i in getattr(b, side)]
        shares.append(float(counts[covered].sum()) / total if total else 0.0)
    return Coverage(source=shares[0], target=shares[1])


def confidence_track(alignment: Alignment) -> list[dict]:
    """One point per pair for a chart along the document.

    `position` is where the pair starts, as a share (0–1) of the Chinese text; a pair with no
    Chinese sits where the previous pair's Chinese ends, so gaps show at their place.
    """
    from aligner.export.status import status
    from aligner.pair_filter import is_problem, mark_of

    sentences = alignment.source.sentences
    length = max(len(alignment.source.text), 1)
    points, here = [], 0
    for number, bead in enumerate(alignment.beads, start=1):
        if bead.src:
            here = sentences[bead.src[0]].start
        points.append({
            "pair": number,
            "position": round(here / length, 4),
            "score": round(float(bead.score), 3),
            "status": status(bead),
            # the colour the strip and the row's left edge give it: a merged/split pair is purple there, not ok green
            "mark": mark_of(status(bead)) if is_problem(bead) else "ok",
            "type": bead.kind,
        })
        if bead.src:
            here = sentences[bead.src[-1]].end
    return points
