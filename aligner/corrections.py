"""A reviewer's corrections to an alignment, each one undoable.

Every correction replaces a short run of beads (`start`, `before`) with new ones (`after`) and is
kept as an `Edit`, so undo is putting `before` back and a project file can carry the history.
The invariants of an alignment hold after every edit: beads in document order and every sentence
of each side in exactly one bead. Changed beads get fresh flags from the review step, so a pair
split into `[s]:[]` + `[]:[t]` is flagged omitted/added like the aligner's own gaps.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from aligner.errors import AlignerError
from aligner.pair_numbers import Holes, across_hole, missing_between, number_of
from aligner.review.memo import ReviewMemo
from aligner.review.weak import without_doubt
from aligner.types import Alignment, Bead

# score(beads, indices) -> 0–1 confidences of the beads[k], k in indices, that a correction created, each
# among its new neighbours (None where it has none: the fallback below then applies; see align.rescore).
Scorer = Callable[[list[Bead], range], list["float | None"]]
# recheck(context, fresh) -> the fresh beads flagged (adjacent unmatched ones may be merged);
# `context` is the alignment without the beads being replaced, for document-level checks.
Recheck = Callable[[Alignment, list[Bead]], list[Bead]]
CONTEXT_PAIRS = 400  # confident 1–1 pairs lent to the review step so it knows the document's normal

SIDES = ("src", "tgt")


class CorrectionError(AlignerError):
    """A correction that cannot be made (e.g. merging the last pair with a next one)."""


@dataclass(frozen=True)
class Edit:
    """One correction: beads `before` at `start` were replaced by `after`."""

    op: str  # "merge", "split", "move", "review", "note"
    start: int
    before: tuple[Bead, ...]
    after: tuple[Bead, ...]
    description: str


def copy_bead(bead: Bead) -> Bead:
    """A copy that shares nothing mutable with `bead` (its flags list)."""
    return replace(bead, flags=list(bead.flags))


def apply_edit(beads: list[Bead], edit: Edit) -> list[Bead]:
    """A new bead list with the edit made."""
    end = edit.start + len(edit.before)
    return beads[: edit.start] + [copy_bead(b) for b in edit.after] + beads[end:]


def revert_edit(beads: list[Bead], edit: Edit) -> list[Bead]:
    """A new bead list with the edit undone."""
    end = edit.start + len(edit.after)
    return beads[: edit.start] + [copy_bead(b) for b in edit.before] + beads[end:]


def _shape(beads) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in beads]


def _made_here(beads: list[Bead], edit: Edit) -> bool:
    """Whether the edit's new pairs stand where it put them (so undoing it is sound)."""
    return _shape(beads[edit.start : edit.start + len(edit.after)]) == _shape(edit.after)


def first_changed(edit: Edit) -> int:
    """The first pair an edit (or its undo) changed the sentences of: the pair to show the reviewer.

    `edit.start` may be a neighbour whose other reading (`Bead.doubt`) the edit only withdrew; a mark
    or a note changes no sentences, and its pair is `edit.start`."""
    same = 0
    for old, new in zip(edit.before, edit.after):
        if (old.src, old.tgt) != (new.src, new.tgt):
            break
        same += 1
    return edit.start + same if same < min(len(edit.before), len(edit.after)) else edit.start


def check_history(beads: list[Bead], history: list[Edit]) -> None:
    """Raise CorrectionError unless each correction, undone from the last, finds its pairs where it left them."""
    for edit in reversed(history):
        if not _made_here(beads, edit):
            raise CorrectionError(f"its correction history does not match its pairs ({edit.description})")
        beads = revert_edit(beads, edit)


def check_beads(beads: list[Bead], n_src: int, n_tgt: int) -> None:
    """Raise CorrectionError unless the beads cover 0..n-1 of each side once, in order."""
    for side, n in (("src", n_src), ("tgt", n_tgt)):
        seen = [i for b in beads for i in getattr(b, side)]
        if seen != list(range(n)):
            name = "Chinese" if side == "src" else "translation"
            raise CorrectionError(
                f"The pairs do not cover the {name} sentences 1–{n} once each, in order."
            )
    if any(not b.src and not b.tgt for b in beads):
        raise CorrectionError("A pair with no sentences on either side is not allowed.")


def _check_index(beads: list[Bead], i: int) -> None:
    if not 0 <= i < len(beads):
        raise CorrectionError(f"There is no pair {i + 1}; pairs are numbered 1–{len(beads)}.")


def _min_score(bead: Bead, parts: list[Bead]) -> float:
    """Without a scorer, a new pair claims no more confidence than the pairs its sentences came from.

    An unmatched part's score is about being unmatched, not about a pairing: a pair that takes in
    sentences the aligner left unmatched (an omission merged or moved into it) was never paired by
    the aligner, so it has no confidence (0, flagged weak) until a person reviews it. A part that
    gives the new pair none of its sentences (the neighbour a sentence was moved to) does not count.
    """
    given = [p for p in parts if set(p.src) & set(bead.src) or set(p.tgt) & set(bead.tgt)]
    if not given or any(not (p.src and p.tgt) for p in given):
        return 0.0
    return min(p.score for p in given)


class Corrections:
    """An alignment being corrected, with its edit history (for undo and project files)."""

    def __init__(
        self,
        alignment: Alignment,
        history: list[Edit] | None = None,
        scorer: Scorer | None = None,
        recheck: Recheck | None = None,
    ) -> None:
        if history:  # another alignment's history would undo pairs that are not there
            try:
                check_history(alignment.beads, list(history))
            except CorrectionError as error:
                raise CorrectionError(f"These pairs cannot take that history: {error}.") from None
        self.alignment = alignment
        # a record of some pairs (`Alignment.numbers`): the pairs it does not hold, which no correction may cross
        self.holes = Holes.of(alignment)
        self.history: list[Edit] = list(history or [])
        self.undone: list[Edit] = []  # corrections undone, the last undone last: redo makes them again
        self.scorer = scorer
        self.recheck = recheck or ContextReview()

    @property
    def beads(self) -> list[Bead]:
        return self.alignment.beads

    def number(self, i: int) -> int:
        """Pair i's number as the page shows it: its place, or its number in a record of some pairs."""
        return number_of(self.alignment, i)

    def _not_across(self, i: int, what: str) -> None:
        """Refuse, before anything changes, a correction that joins pair i and pair i + 1 across pairs a record of
        some pairs does not hold (`what` it would do, for the message)."""
        refusal = across_hole(self.alignment, i, what)
        if refusal:
            raise CorrectionError(refusal)

    @property
    def has_work(self) -> bool:
        """Whether a reviewer has corrected, marked or noted anything: work to ask about before replacing it."""
        return bool(self.history)

    # -- the corrections -------------------------------------------------------------------

    def merge_with_next(self, i: int) -> Edit:
        """Join pair i and pair i+1 into one pair."""
        _check_index(self.beads, i)
        if i + 1 >= len(self.beads):
            raise CorrectionError(f"Pair {self.number(i)} is the last pair; there is no next pair to merge with.")
        first, second = self.number(i), self.number(i + 1)
        self._not_across(i, f"pair {first} cannot be merged with pair {second}")
        a, b = self.beads[i], self.beads[i + 1]
        merged = Bead(src=a.src + b.src, tgt=a.tgt + b.tgt, note=_join_notes(a.note, b.note))
        return self._replace("merge", i, [a, b], [(merged, [a, b])], f"merged pair {first} with pair {second}")

    def split(self, i: int, src_at: int, tgt_at: int) -> Edit:
        """Cut pair i in two: sentences before `src_at`/`tgt_at` stay, the rest form pair i+1.

        A 1–1 pair split with src_at=1, tgt_at=0 becomes an omission and an addition (1–0 + 0–1).
        """
        _check_index(self.beads, i)
        bead = self.beads[i]
        if not (0 <= src_at <= len(bead.src) and 0 <= tgt_at <= len(bead.tgt)):
            raise CorrectionError(
                f"Pair {self.number(i)} has {len(bead.src)} Chinese and {len(bead.tgt)} translated sentences; "
                f"it cannot be cut after {src_at} and {tgt_at}."
            )
        first = Bead(src=bead.src[:src_at], tgt=bead.tgt[:tgt_at], note=bead.note)
        second = Bead(src=bead.src[src_at:], tgt=bead.tgt[tgt_at:])
        if not (first.src or first.tgt) or not (second.src or second.tgt):
            raise CorrectionError(f"Splitting pair {self.number(i)} there would leave one part with no sentences.")
        return self._replace(
            "split", i, [bead], [(first, [bead]), (second, [bead])],
            f"split pair {self.number(i)} ({bead.kind} → {first.kind} + {second.kind})",
        )

    def move(self, i: int, side: str, direction: str) -> Edit:
        """Move a sentence of pair i to the neighbouring pair, keeping document order.

        direction "up": the first sentence of `side` goes to the end of pair i-1;
        direction "down": the last sentence goes to the start of pair i+1.
        A pair left with no sentences disappears.
        """
        _check_index(self.beads, i)
        if side not in SIDES:
            raise CorrectionError(f"Side must be one of {SIDES}, not {side!r}.")
        if direction not in ("up", "down"):
            raise CorrectionError(f"Direction must be 'up' or 'down', not {direction!r}.")
        bead = self.beads[i]
        sentences = getattr(bead, side)
        name = "Chinese" if side == "src" else "translated"
        if not sentences:
            raise CorrectionError(f"Pair {self.number(i)} has no {name} sentence to move.")
        j = i - 1 if direction == "up" else i + 1
        which = "first" if direction == "up" else "last"
        if j < 0 and missing_between(self.alignment, -1):  # the pairs before this record's first
            self._not_across(-1, f"pair {self.number(i)}'s {which} {name} sentence cannot move to the pair before it")
        if not 0 <= j < len(self.beads):
            where = "previous" if direction == "up" else "next"
            raise CorrectionError(f"Pair {self.number(i)} has no {where} pair to move a sentence to.")
        self._not_across(min(i, j), f"pair {self.number(i)}'s {which} {name} sentence cannot move to pair "
                                    f"{self.number(j)}")
        other = self.beads[j]
        if direction == "up":
            moved, rest = sentences[0], sentences[1:]
            other_new = replace(other, flags=[], doubt=None, **{side: getattr(other, side) + (moved,)})
        else:
            moved, rest = sentences[-1], sentences[:-1]
            other_new = replace(other, flags=[], doubt=None, **{side: (moved,) + getattr(other, side)})
        bead_new = replace(bead, flags=[], doubt=None, **{side: rest})
        lo = min(i, j)
        pair = [bead_new, other_new] if i < j else [other_new, bead_new]
        before = [self.beads[lo], self.beads[lo + 1]]
        after = [(b, [bead, other]) for b in pair if b.src or b.tgt]
        # in a record of some pairs a sentence's place in the text it holds is no number a reviewer knows
        sentence = f"the {which} {name} sentence" if self.holes else f"{name} sentence {moved + 1}"
        return self._replace(
            "move", lo, before, after,
            f"moved {sentence} from pair {self.number(i)} to pair {self.number(j)}",
        )

    def follow_doubt(self, i: int) -> Edit:
        """Make the other reading the aligner found about as likely for pair i (`Bead.doubt`)."""
        _check_index(self.beads, i)
        doubt = self.beads[i].doubt
        if doubt is None:
            raise CorrectionError(f"The aligner has no other reading of pair {self.number(i)}.")
        if doubt.action == "move":
            offset, side, direction = doubt.args
            return self.move(i + offset, side, direction)
        if doubt.action == "merge":
            return self.merge_with_next(i + doubt.args[0])
        return self.split(i, *doubt.args)

    def mark_reviewed(self, i: int, reviewed: bool = True) -> Edit:
        """Record that a person has checked pair i (or take that back)."""
        _check_index(self.beads, i)
        bead = self.beads[i]
        new = replace(bead, flags=list(bead.flags), reviewed=reviewed)
        what = "marked pair {} reviewed" if reviewed else "marked pair {} not reviewed"
        return self._record("review", i, [bead], [new], what.format(self.number(i)))

    def set_note(self, i: int, note: str) -> Edit:
        """Attach a reviewer's note to pair i (an empty note removes it)."""
        _check_index(self.beads, i)
        bead = self.beads[i]
        new = replace(bead, flags=list(bead.flags), note=note.strip())
        number = self.number(i)
        what = f"noted pair {number}" if note.strip() else f"removed the note of pair {number}"
        return self._record("note", i, [bead], [new], what)

    def undo(self) -> Edit | None:
        """Undo the last correction; None when there is nothing to undo."""
        if not self.history:
            return None
        edit = self.history[-1]
        if not _made_here(self.beads, edit):
            raise CorrectionError(f"Cannot undo \"{edit.description}\": the pairs were changed since, "
                                  "not by a correction.")
        self.history.pop()
        self._set_beads(revert_edit(self.beads, edit))
        self.undone.append(edit)
        return edit

    def redo(self) -> Edit | None:
        """Make again the correction undone last (an undo clicked once too often takes nothing away for
        good); None when there is nothing to redo. A new correction since then drops what was undone."""
        if not self.undone:
            return None
        edit = self.undone[-1]
        end = edit.start + len(edit.before)
        if _shape(self.beads[edit.start : end]) != _shape(edit.before):
            raise CorrectionError(f"Cannot redo \"{edit.description}\": the pairs were changed since, "
                                  "not by a correction.")
        self.undone.pop()
        self._record(edit.op, edit.start, list(edit.before), list(edit.after), edit.description, redo=True)
        return edit

    # -- machinery -------------------------------------------------------------------------

    def _replace(self, op: str, start: int, before: list[Bead], made: list[tuple[Bead, list[Bead]]], description: str) -> Edit:
        """Score and flag the new beads, then record the edit (with the neighbours' stale doubts)."""
        a = self.alignment
        end = start + len(before)
        fresh = [replace(bead, score=score, flags=[]) for (bead, _), score in zip(made, self._scores(start, end, made))]
        context = Alignment(a.source, a.target, a.beads[:start] + a.beads[end:], a.model, a.glossary)
        flagged = self.recheck(context, fresh)
        if [(b.src, b.tgt) for b in flagged] == [(b.src, b.tgt) for b in before]:
            raise CorrectionError(
                "That would change nothing: adjacent unmatched sentences are kept together as one passage."
            )
        before, after = list(before), list(flagged)
        edited = range(start, end)
        if start > 0 and _doubt_touches(self.beads, start - 1, edited):
            start -= 1
            before.insert(0, self.beads[start])
            after.insert(0, without_doubt(self.beads[start]))
        if end < len(self.beads) and _doubt_touches(self.beads, end, edited):
            before.append(self.beads[end])
            after.append(without_doubt(self.beads[end]))
        return self._record(op, start, before, after, description)

    def _scores(self, start: int, end: int, made: list[tuple[Bead, list[Bead]]]) -> list[float]:
        """The new beads' scores: the scorer's, each among its new neighbours, else `_min_score`."""
        fallback = [_min_score(bead, parts) if bead.src and bead.tgt else 0.0 for bead, parts in made]
        if self.scorer is None:
            return fallback
        beads = self.beads[:start] + [bead for bead, _ in made] + self.beads[end:]
        scored = self.scorer(beads, range(start, start + len(made)))
        return [given if score is None else float(score) for score, given in zip(scored, fallback)]

    def _set_beads(self, beads: list[Bead]) -> None:
        """Put the corrected pairs in place; in a record of some pairs, numbered as the whole alignment's would be."""
        self.alignment.beads = beads
        if self.holes is not None:
            self.alignment.numbers = self.holes.numbers(beads)

    def _record(self, op: str, start: int, before: list[Bead], after: list[Bead], description: str,
                redo: bool = False) -> Edit:
        edit = Edit(op, start, tuple(copy_bead(b) for b in before), tuple(copy_bead(b) for b in after), description)
        new_beads = apply_edit(self.beads, edit)
        check_beads(new_beads, len(self.alignment.source), len(self.alignment.target))
        if self.holes is not None and not self.holes.kept_by(new_beads):  # the checks above refuse it first
            raise CorrectionError("This file holds only some pairs: a correction cannot join pairs across those "
                                  "it does not hold.")
        self._set_beads(new_beads)
        self.history.append(edit)
        if not redo:  # a new correction: what was undone no longer fits the pairs
            self.undone.clear()
        return edit


def _doubt_touches(beads: list[Bead], i: int, edited: range) -> bool:
    """Pair i's other reading (`Bead.doubt`) moves a sentence to or from, or merges with, a pair
    in `edited`: once a reviewer has changed that pair, the reading is stale."""
    doubt = beads[i].doubt
    if doubt is None or doubt.action == "split":
        return False
    first = i + doubt.args[0]
    second = first + 1 if doubt.action == "merge" or doubt.args[2] == "down" else first - 1
    return first in edited or second in edited


def _join_notes(a: str, b: str) -> str:
    return "\n".join(n for n in (a, b) if n)


def review_in_context(context: Alignment, fresh: list[Bead], memo: ReviewMemo | None = None) -> list[Bead]:
    """Flag the beads a correction made with the pipeline's review step.

    Checks that learn the document's normal (e.g. its length ratio for `partial`) see copies of
    up to CONTEXT_PAIRS of its other 1–1 pairs, evenly spread; only the new beads are flagged and
    returned (the others' flags would be thrown away). The review step may merge adjacent unmatched
    new beads into one passage, as it does after aligning. `memo` keeps what the checks work out
    per pair for the next correction (`review.memo`).
    """
    from aligner.review import review

    others = context_pairs(context)
    whole = Alignment(context.source, context.target, others + list(fresh), context.model, context.glossary)
    review(whole, flag_from=len(others), memo=memo)
    return whole.beads[len(others):]


def context_pairs(context: Alignment) -> list[Bead]:
    """Copies of up to CONTEXT_PAIRS of the alignment's 1–1 pairs, evenly spread: the document's normal."""
    pairs = [b for b in context.beads if len(b.src) == 1 and len(b.tgt) == 1]
    step = max(1, len(pairs) // CONTEXT_PAIRS)
    return [copy_bead(b) for b in pairs[::step][:CONTEXT_PAIRS]]


class ContextReview:
    """The default `Recheck`: `review_in_context` with one memo for all of an alignment's corrections, so that
    the context pairs' numbers and names are worked out once, not at every correction. Pickled (a page's work
    kept for a reload, `ui/autosave.py`) without it: the next correction works them out again."""

    def __init__(self) -> None:
        self.memo = ReviewMemo()

    def __call__(self, context: Alignment, fresh: list[Bead]) -> list[Bead]:
        return review_in_context(context, fresh, self.memo)

    def __getstate__(self) -> dict:
        return {"memo": None}

    def __setstate__(self, state: dict) -> None:
        self.memo = ReviewMemo()
