"""Unmatched passages: Chinese with no counterpart (`omitted`), translation with none (`added`).

The aligner emits null beads one sentence at a time (`[12]:[]`, `[13]:[]`). A reviewer thinks in
passages, so a run of adjacent null beads is merged here into one bead per side
(`[12,13,14]:[]`, then `[]:[40,41]` if the translation also has unmatched sentences there) and
that bead gets one flag. Every sentence stays in exactly one bead and beads stay in document
order, so the alignment's invariants hold after merging.
"""
from __future__ import annotations

from aligner.types import ADDED, OMITTED, Alignment, Bead, Flag
from aligner.types import LANGUAGE_NAMES as LANG_NAMES


def _is_null(bead: Bead) -> bool:
    return not bead.src or not bead.tgt


def merge_null_runs(beads: list[Bead]) -> list[Bead]:
    """Merge each run of adjacent null beads into at most one omitted and one added bead."""
    merged: list[Bead] = []
    run: list[Bead] = []

    def passage(side: list[Bead], src: tuple[int, ...], tgt: tuple[int, ...]) -> Bead:
        # a reviewer's notes and ✓ mark stay (a checked memory's one-sided rows, a correction's beads)
        return Bead(src=src, tgt=tgt, score=min(b.score for b in side), flags=[f for b in side for f in b.flags],
                    reviewed=all(b.reviewed for b in side), note="\n".join(b.note for b in side if b.note))

    def close_run() -> None:
        src = tuple(i for b in run for i in b.src)
        tgt = tuple(j for b in run for j in b.tgt)
        if src:
            merged.append(passage([b for b in run if b.src], src, ()))
        if tgt:
            merged.append(passage([b for b in run if b.tgt], (), tgt))
        run.clear()

    for bead in beads:
        if _is_null(bead) and (bead.src or bead.tgt):
            run.append(bead)
            continue
        if run:
            close_run()
        if bead.src or bead.tgt:  # a bead with neither side carries nothing; drop it
            merged.append(bead)
    if run:
        close_run()
    return merged


def _count(n: int) -> str:
    return "1 sentence" if n == 1 else f"{n} sentences"


def gap_flags(alignment: Alignment) -> None:
    """Merge null runs into passages and flag each: `omitted` for Chinese, `added` for translation."""
    alignment.beads[:] = merge_null_runs(alignment.beads)
    src_lang = LANG_NAMES.get(alignment.source.lang, alignment.source.lang)
    tgt_lang = LANG_NAMES.get(alignment.target.lang, alignment.target.lang)
    for bead in alignment.beads:
        kinds = {f.kind for f in bead.flags}
        if bead.src and not bead.tgt and OMITTED not in kinds:
            bead.flags.append(Flag(OMITTED, f"no counterpart in the {tgt_lang} for {_count(len(bead.src))}"))
        elif bead.tgt and not bead.src and ADDED not in kinds:
            bead.flags.append(Flag(ADDED, f"no counterpart in the {src_lang} for {_count(len(bead.tgt))}"))
