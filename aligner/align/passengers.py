"""Passengers at the edge of an added passage: a translation sentence glued onto the pair beside a run of
unmatched translation sentences, where it belongs to the run.

The search weighs a sentence at a run's edge by the run's cost (cheap: a run pays little for each further
sentence) against what it costs the pair beside it, which with length-weighted spans is little for an unrelated
short sentence. So the first or last sentence of a long added passage often rides along in its neighbour pair.
Here each pair next to a run of RUN_MIN or more unmatched translation sentences is asked whether its edge
sentence joins the run: yes when the pair without it, plus the run one sentence longer, scores higher than the
pair with it once the pair also pays for how much that sentence dilutes its similarity (the evidence the
search gives Chinese edge sentences, `block_scores._member_evidence`, which for translation sentences in
general flags a literary translator's elaborations: TRIED.md) and what the dictionary says against it. The
bead scores floor each translation sentence's dictionary evidence at 0, so that a loose translation is never
left unmatched for it; here the unmatched alternative is the one being weighed, and a sentence of another text,
whose words the pair's Chinese explains none of, pays for them (`benchmarks/long_passages.py`, passages of 80
sentences: 5/12 → 7/12 found exactly; MAC dev and gaps.py unchanged).
"""
from __future__ import annotations

import numpy as np

from aligner.align.block_scores import Pairs, similarity_llr

RUN_MIN = 3  # unmatched translation sentences in a row that make an added passage worth trimming towards

Path = list[tuple[int, int, int, int]]


def _one(scorer, i0: int, a: int, b: int, j0: int) -> float:
    return float(scorer(i0, a, b, np.array([j0]))[0])


def _similarity(scorer, i0: int, a: int, b: int, j0: int) -> float:
    return float(similarity_llr(scorer, a, b, Pairs.of_call(i0, np.array([j0])))[0])


def _uncovered(scorer, i0: int, a: int, j: int) -> float:
    """The dictionary's evidence against target sentence j in the bead of source span (i0, a): the negative part
    of its words' coverage LLR, which the bead's own score floors at 0 (`lexicon.LexiconModel`), at the term's
    weight; 0 without a dictionary (Chinese–Russian)."""
    if scorer.lexicon is None or not scorer.p.lexicon_weight:
        return 0.0
    return scorer.p.lexicon_weight * min(scorer.lexicon.sentence_evidence(i0, a, j), 0.0)


def _joins_run(scorer, bead: tuple[int, int, int, int], last: bool, bonus: float) -> bool:
    """Whether the bead's last (or first) translation sentence scores better as one more of the run beside it."""
    i0, a, j0, b = bead
    edge = j0 + b - 1 if last else j0
    rest = j0 if last else j0 + 1
    full = _similarity(scorer, i0, a, b, j0)
    dilution = min(full - _similarity(scorer, i0, a, b - 1, rest), 0.0) * scorer.p.member_weight
    kept = _one(scorer, i0, a, b, j0) + dilution + _uncovered(scorer, i0, a, edge)
    moved = _one(scorer, i0, a, b - 1, rest) + _one(scorer, i0 + a, 0, 1, edge) + bonus
    return moved > kept


def trim_passengers(path: Path, scorer, bonus: float) -> Path:
    """`path` with each translation sentence that rides at the edge of a pair beside an added passage
    (RUN_MIN or more 0–1 beads) moved into the passage, while that scores higher (see the module)."""
    out = list(path)
    changed = True
    while changed:
        changed = False
        runs = _target_runs(out)
        for start, stop in reversed(runs):  # from the end, so that earlier indices stay valid
            if stop < len(out) and _trimmable(out[stop]) and _joins_run(scorer, out[stop], False, bonus):
                i0, a, j0, b = out[stop]
                out[stop:stop + 1] = [(i0, 0, j0, 1), (i0, a, j0 + 1, b - 1)]
                changed = True
            if start > 0 and _trimmable(out[start - 1]) and _joins_run(scorer, out[start - 1], True, bonus):
                i0, a, j0, b = out[start - 1]
                out[start - 1:start] = [(i0, a, j0, b - 1), (i0 + a, 0, j0 + b - 1, 1)]
                changed = True
    return out


def _trimmable(bead: tuple[int, int, int, int]) -> bool:
    return bead[1] >= 1 and bead[3] >= 2


def _target_runs(path: Path) -> list[tuple[int, int]]:
    """(start, stop) bead indices of each run of RUN_MIN or more consecutive 0–1 beads."""
    runs, k = [], 0
    while k < len(path):
        if path[k][1] == 0 and path[k][3] == 1:
            end = k
            while end < len(path) and path[end][1] == 0 and path[end][3] == 1:
                end += 1
            if end - k >= RUN_MIN:
                runs.append((k, end))
            k = end
        else:
            k += 1
    return runs
