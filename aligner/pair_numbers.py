"""Pair numbers of a record that holds only some pairs of an alignment, kept through corrections.

A download of the page's "Pairs to include" (or `--keep`, `--min-score`), or a TMX, which leaves out the
one-sided pairs, holds pairs under their numbers in the whole alignment (`Alignment.numbers`): 15, 39, 44 …
Between two pairs whose numbers are not consecutive lie pairs the record does not hold (a hole). What they
were is unknown, so no correction may join the pairs on either side of one (a merge, a sentence moved
across): its sentences would be glued to text the file does not show. A correction inside a run of
consecutive pairs is sound, and the pairs are then numbered as the whole alignment's would be after it (a
merge takes one number off every later pair, a split adds one).

A hole is known by where it lies in the sentences, (Chinese, translated) sentences held before it, which no
allowed correction changes: the numbers are worked out again from the pairs after every correction and undo.
"""
from __future__ import annotations

from dataclasses import dataclass

from aligner.types import Alignment, Bead

Boundary = tuple[int, int]  # (Chinese sentences, translated sentences) in the pairs before a pair


def boundaries(beads: list[Bead]) -> list[Boundary]:
    """Where each pair starts: the sentences of each side in the pairs before it."""
    out, src, tgt = [], 0, 0
    for bead in beads:
        out.append((src, tgt))
        src, tgt = src + len(bead.src), tgt + len(bead.tgt)
    return out


@dataclass(frozen=True)
class Holes:
    """The first pair's number and, at each hole, the number of pairs missing there."""

    first: int
    missing: tuple[tuple[Boundary, int], ...]

    @classmethod
    def of(cls, alignment: Alignment) -> "Holes | None":
        """The holes of a record of some pairs; None for every pair (no numbers, or as many as pairs do not fit)."""
        numbers, beads = alignment.numbers, alignment.beads
        if not numbers or len(numbers) != len(beads):
            return None
        starts = boundaries(beads)
        gaps = tuple((starts[k], numbers[k] - numbers[k - 1] - 1) for k in range(1, len(beads))
                     if numbers[k] - numbers[k - 1] > 1)
        return cls(numbers[0], gaps)

    def numbers(self, beads: list[Bead]) -> tuple[int, ...]:
        """Each pair's number among the whole alignment's, the pairs being `beads` now."""
        missing, out = dict(self.missing), []
        number = self.first
        for k, start in enumerate(boundaries(beads)):
            if k:
                number += 1 + missing.get(start, 0)
            out.append(number)
        return tuple(out)

    def kept_by(self, beads: list[Bead]) -> bool:
        """Whether every hole still lies between two pairs of `beads` (no correction joined across one)."""
        return {start for start, _ in self.missing} <= set(boundaries(beads))


def number_of(alignment: Alignment, i: int) -> int:
    """Pair i's number as the page shows it (`Alignment.numbers`, else its place)."""
    return alignment.numbers[i] if len(alignment.numbers) == len(alignment.beads) else i + 1


def missing_between(alignment: Alignment, i: int) -> range:
    """The numbers of the pairs the record does not hold between pair i and pair i + 1 (before the first for
    i = -1); empty when they are neighbours, and always for a record of every pair."""
    numbers = alignment.numbers
    if len(numbers) != len(alignment.beads) or not numbers or i >= len(numbers) - 1:
        return range(0)
    return range(numbers[i] + 1 if i >= 0 else 1, numbers[i + 1])


def across_hole(alignment: Alignment, i: int, what: str) -> str:
    """The line that refuses a correction joining pair i and pair i + 1 across pairs the record does not hold
    ('' when none lie between): `what` is the correction, e.g. "pair 15 cannot be merged with pair 39"."""
    gone = missing_between(alignment, i)
    if not gone:
        return ""
    numbers = alignment.numbers
    held = len(numbers)
    absent = f"pair {gone[0]} is" if len(gone) == 1 else f"pairs {gone[0]}–{gone[-1]} are"
    return (f"This file holds only some pairs ({held}, numbered {numbers[0]} to {numbers[-1]}): {absent} not in it, "
            f"so {what}.")
