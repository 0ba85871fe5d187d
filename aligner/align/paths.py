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


def join_speech_tags(path: Path, tags, types) -> Path:
    """A speech tag left unmatched right after a pair (“…。”习近平说。 beside "'…,' Xi said.") joined to that pair.

    Short and generic, a tag matches nothing well and dilutes the pair it belongs to, so the search leaves it
    alone; but a translation renders it inside the quotation's sentence far more often than it drops it (see
    `cues.speech_tags`). Only where the joined shape is one the search has."""
    out: Path = []
    for bead in path:
        i0, a, j0, b = bead
        if tags is not None and a == 1 and b == 0 and tags[i0] and out:
            p0, pa, q0, pb = out[-1]
            if pb and p0 + pa == i0 and (pa + 1, pb) in types:
                out[-1] = (p0, pa + 1, q0, pb)
                continue
        out.append(bead)
    return out


def split_notes(path: Path, src_notes, tgt_notes) -> Path:
    """A translator's or editor's note at the edge of a pair of two or more sentences on its side taken out as a
    sentence with no counterpart: "(… — Прим. пер.)" explains the sentence before it, so the encoder finds it close
    to that sentence's Chinese, but it translates nothing (see `editorial`)."""
    out: Path = []
    for i0, a, j0, b in path:
        if tgt_notes is not None and b >= 2 and a:
            if tgt_notes[j0]:
                out.append((i0, 0, j0, 1))
                j0, b = j0 + 1, b - 1
            if b >= 2 and tgt_notes[j0 + b - 1]:
                out += [(i0, a, j0, b - 1), (i0 + a, 0, j0 + b - 1, 1)]
                continue
        if src_notes is not None and a >= 2 and b:
            if src_notes[i0]:
                out.append((i0, 1, j0, 0))
                i0, a = i0 + 1, a - 1
            if a >= 2 and src_notes[i0 + a - 1]:
                out += [(i0, a - 1, j0, b), (i0 + a - 1, 1, j0 + b, 0)]
                continue
        out.append((i0, a, j0, b))
    return out
