"""Scoring sentence alignments against gold, as the MAC/Bertalign/vecalign benchmarks do.

A bead is a pair (source indices, target indices). Definitions (micro-averaged over documents):
- precision: over every predicted bead (nulls included); strict = the bead is in the gold,
  lax = some source sentence of it is aligned in the gold with some target sentence of it;
- recall: over gold beads with both sides non-empty, against predicted beads with both sides;
  strict = the gold bead was predicted exactly, lax = it overlaps a predicted bead on both sides.
"""
from __future__ import annotations

from ast import literal_eval
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from aligner.errors import InputError

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Counts:
    """Hits and trials for precision and recall, strict and lax; they add up over documents."""

    p_strict: int = 0
    p_lax: int = 0
    p_total: int = 0
    r_strict: int = 0
    r_lax: int = 0
    r_total: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple())))

    def as_tuple(self) -> tuple[int, ...]:
        return (self.p_strict, self.p_lax, self.p_total, self.r_strict, self.r_lax, self.r_total)

    def scores(self) -> dict[str, dict[str, float]]:
        """{"strict": {"P", "R", "F1"}, "lax": {...}}."""
        return {
            "strict": _prf(self.p_strict, self.p_total, self.r_strict, self.r_total),
            "lax": _prf(self.p_lax, self.p_total, self.r_lax, self.r_total),
        }


def _prf(p_hit: int, p_total: int, r_hit: int, r_total: int) -> dict[str, float]:
    p = p_hit / p_total if p_total else 0.0
    r = r_hit / r_total if r_total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f}


def _hits(reference: set[Pair], tested: set[Pair]) -> tuple[int, int]:
    """How many tested beads are in `reference` exactly, and how many overlap it on both sides."""
    partners: dict[int, set[int]] = defaultdict(set)
    for src, tgt in reference:
        for s in src:
            partners[s].update(tgt)
    strict = lax = 0
    for src, tgt in tested:
        if (src, tgt) in reference:
            strict += 1
            lax += 1
        elif any(partners[s].intersection(tgt) for s in src):
            lax += 1
    return strict, lax


def _clean(beads: list[Pair]) -> set[Pair]:
    return {(tuple(s), tuple(t)) for s, t in beads if s or t}


def count(gold: list[Pair], pred: list[Pair]) -> Counts:
    """Precision and recall counts of one document."""
    gold_set, pred_set = _clean(gold), _clean(pred)
    p_strict, p_lax = _hits(gold_set, pred_set)
    gold_both = {b for b in gold_set if b[0] and b[1]}
    pred_both = {b for b in pred_set if b[0] and b[1]}
    r_strict, r_lax = _hits(pred_both, gold_both)
    return Counts(p_strict, p_lax, len(pred_set), r_strict, r_lax, len(gold_both))


def score(gold_docs: list[list[Pair]], pred_docs: list[list[Pair]]) -> dict[str, dict[str, float]]:
    """Micro-averaged strict and lax P/R/F1 over documents."""
    total = Counts()
    for gold, pred in zip(gold_docs, pred_docs):
        total = total + count(gold, pred)
    return total.scores()


def parse_align(text: str, name: str = "") -> list[Pair]:
    """Parse the gold format: one bead a line, `[0,1]:[0]`, `[5]:[]`."""
    beads = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            left, right = line.split(":")
            src, tgt = literal_eval(left.strip()), literal_eval(right.strip())
            if not (isinstance(src, list) and isinstance(tgt, list)):
                raise ValueError
            beads.append((tuple(int(x) for x in src), tuple(int(x) for x in tgt)))
        except (ValueError, SyntaxError):
            raise InputError(f"{name or 'alignment'} line {number}: expected a bead like [0,1]:[0], got {line.strip()!r}")
    return beads


def format_align(beads: list[Pair]) -> str:
    """The gold format, one bead a line."""
    return "".join(f"[{','.join(map(str, s))}]:[{','.join(map(str, t))}]\n" for s, t in beads)


def read_align(path: str | Path) -> list[Pair]:
    return parse_align(Path(path).read_text(encoding="utf-8"), str(path))
