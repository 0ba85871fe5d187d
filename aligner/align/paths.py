"""Paths through the alignment grid as lists of beads (i0, a, j0, b), and comparing two of them.

Two paths over the same document pair part and meet again at grid points both pass through;
between two such points they cover exactly the same sentences, so either stretch can stand in
for the other. `adopt_gaps` uses that to take one model's decisions about unmatched passages
into another model's path.
"""
from __future__ import annotations

Path = list[tuple[int, int, int, int]]  # beads (i0, a, j0, b): source i0..i0+a-1 with target j0..j0+b-1


def corners(path: Path) -> list[tuple[int, int]]:
    """The grid points a path passes through: (0, 0), then the end of each bead."""
    out, r, c = [(0, 0)], 0, 0
    for _, a, _, b in path:
        r, c = r + a, c + b
        out.append((r, c))
    return out


def regions(one: Path, other: Path) -> list[tuple[Path, Path]]:
    """Both paths cut at the grid points they share: pairs of stretches covering the same sentences."""
    shared = set(corners(one)) & set(corners(other))

    def cut(path: Path) -> list[Path]:
        pieces: list[Path] = [[]]
        for bead, end in zip(path, corners(path)[1:]):
            pieces[-1].append(bead)
            if end in shared:
                pieces.append([])
        return pieces[:-1] if not pieces[-1] else pieces

    return list(zip(cut(one), cut(other)))


def differing_regions(one: Path, other: Path) -> list[tuple[Path, Path]]:
    """The stretches where two paths over the same grid disagree."""
    return [(p, q) for p, q in regions(one, other) if p != q]


def has_gap(stretch: Path) -> bool:
    return any(a == 0 or b == 0 for _, a, _, b in stretch)


def adopt_gaps(main: Path, opinion: Path) -> Path:
    """`main`, except where `opinion` disagrees and leaves sentences unmatched there: take its stretch."""
    out: Path = []
    for mine, theirs in regions(main, opinion):
        out.extend(theirs if mine != theirs and has_gap(theirs) else mine)
    return out
