"""A reviewer's corrections to three columns: the zh–ru or the zh–en alignment of a row corrected as on
the two-column page, the rows cut again after each step.

Each translation's alignment to the Chinese is corrected by its own `aligner.corrections.Corrections`
(merge, split, move, the aligner's other reading), so a pair made here is scored and flagged exactly as
there; the rows are then merged anew (`merge_rows`), which flags the disagreements again. One history
over both translations, in the order the steps were made: undo takes back the last step, whichever
translation it was on, and redo makes it again.

The rows' ✓ and notes are the reviewer's, not the alignment's: a row whose sentences a step left alone
keeps them; a note on a row a step changed goes to the first row that holds any of its sentences (never
dropped, never doubled); the ✓ of a changed row is gone (it needs reading again), and undo puts back the rows as they
were, ✓ and notes included.

    edits = ThreeWayCorrections(result)
    edit = edits.correct("ru", lambda c: c.merge_with_next(6))
    edits.row_of("ru", first_changed(edit))     # the row to show
    edits.undo()
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from aligner.corrections import Corrections, Edit, Scorer
from aligner.threeway import ThreeWay, ThreeWayRow, merge_rows

RowKey = tuple[tuple[int, ...], ...]  # a row's Chinese sentences, then each translation's, in column order
RowMarks = dict[RowKey, tuple[bool, str]]  # the reviewer's ✓ and note per row


@dataclass(frozen=True)
class SideEdit:
    """One step: a correction to translation `label`'s alignment, and the rows' marks before it."""

    label: str
    edit: Edit
    marks: RowMarks = field(default_factory=dict, compare=False)


def row_key(row: ThreeWayRow, labels: list[str]) -> RowKey:
    return (row.src, *(row.tgt[label] for label in labels))


def row_marks(result: ThreeWay) -> RowMarks:
    """Each marked or noted row's ✓ and note, by its sentences."""
    return {row_key(row, result.labels): (row.reviewed, row.note) for row in result.rows if row.reviewed or row.note}


def carry_marks(old: list[ThreeWayRow], new: list[ThreeWayRow], labels: list[str],
                remembered: RowMarks | None = None) -> None:
    """Put the reviewer's ✓ and notes of rows `old` on the rows `new` cut after a step: a row with the same
    sentences keeps them (or takes those `remembered` for it: an undo gives back the rows before the step);
    the note of a row gone is added to the first new row that holds one of its sentences."""
    before = {row_key(row, labels): row for row in old}
    remembered = remembered or {}
    for row in new:
        key = row_key(row, labels)
        if key in before:
            row.reviewed, row.note = before[key].reviewed, before[key].note
        elif key in remembered:
            row.reviewed, row.note = remembered[key]
    kept = {row_key(row, labels) for row in new}
    present = {line for row in new for line in row.note.split("\n") if line}
    for gone in old:
        missing = [line for line in gone.note.split("\n") if line and line not in present]
        if not missing or row_key(gone, labels) in kept:
            continue  # its lines are on the rows already (an undo put back the notes a merge had joined)
        target = next(row for row in new if _shares_a_sentence(row, gone, labels))
        target.note = "\n".join([target.note] * bool(target.note) + missing)
        present.update(missing)


def _shares_a_sentence(a: ThreeWayRow, b: ThreeWayRow, labels: list[str]) -> bool:
    return bool(set(a.src) & set(b.src)) or any(set(a.tgt[label]) & set(b.tgt[label]) for label in labels)


def fitted_scorers(result: ThreeWay, model: str | None = None) -> dict[str, Scorer]:
    """Per translation, the aligner's model of its document pair that scores the pairs a reviewer makes, as on
    the two-column page: fitted at that translation's first correction, unless the alignment kept its fit."""
    from aligner.align.rescore import LazyRescorer

    return {label: LazyRescorer(a.source, a.target, model) for label, a in result.alignments.items()}


class ThreeWayCorrections:
    """Three columns being corrected: one `Corrections` per translation and one history over both."""

    def __init__(self, result: ThreeWay, scorers: dict[str, Scorer] | None = None) -> None:
        self.result = result
        self.sides = {label: Corrections(alignment, scorer=(scorers or {}).get(label))
                      for label, alignment in result.alignments.items()}
        self.history: list[SideEdit] = []
        self.undone: list[SideEdit] = []  # steps undone, the last undone last: redo makes them again

    @property
    def has_work(self) -> bool:
        return bool(self.history)

    def correct(self, label: str, action: Callable[[Corrections], Edit]) -> Edit:
        """Make a correction to translation `label`'s alignment (`action` calls one of `Corrections`'
        methods) and cut the rows again; CorrectionError, with nothing changed, when it cannot be made."""
        marks, rows = row_marks(self.result), self.result.rows
        edit = action(self.sides[label])
        self.history.append(SideEdit(label, edit, marks))
        self.undone.clear()
        for side in self.sides.values():  # a new step: what was undone no longer fits the pairs
            side.undone.clear()
        self._cut_again(rows)
        return edit

    def undo(self) -> SideEdit | None:
        """Take back the last step (None: nothing to undo)."""
        if not self.history:
            return None
        step, rows = self.history[-1], self.result.rows
        self.sides[step.label].undo()
        self.history.pop()
        self.undone.append(step)
        self._cut_again(rows, step.marks)
        return step

    def redo(self) -> SideEdit | None:
        """Make the step undone last again (None: nothing to redo)."""
        if not self.undone:
            return None
        step, marks, rows = self.undone[-1], row_marks(self.result), self.result.rows
        self.sides[step.label].redo()
        self.undone.pop()
        self.history.append(replace(step, marks=marks))
        self._cut_again(rows)
        return step

    def _cut_again(self, old: list[ThreeWayRow], remembered: RowMarks | None = None) -> None:
        """The rows merged from the alignments as they are now (disagreements flagged again), marks carried."""
        self.result.rows = merge_rows(self.result.alignments)
        self.result.numbers = ()  # every row now (a record of some rows opened), numbered 1, 2, 3 …
        carry_marks(old, self.result.rows, self.result.labels, remembered)

    def pairs_in_row(self, row: int, label: str) -> list[int]:
        """The indices, in translation `label`'s alignment, of its pairs merged into row `row` (0-based)."""
        held = {id(bead) for bead in self.result.rows[row].beads[label]}
        return [i for i, bead in enumerate(self.result.alignments[label].beads) if id(bead) in held]

    def row_of(self, label: str, pair: int) -> int:
        """The row (0-based) that holds pair `pair` of translation `label` (the last pair past the end)."""
        beads = self.result.alignments[label].beads
        bead = beads[min(pair, len(beads) - 1)]
        return next(i for i, row in enumerate(self.result.rows) if any(b is bead for b in row.beads[label]))
