"""Unmatched passages: Chinese with no counterpart (`omitted`), translation with none (`added`).

The aligner emits null beads one sentence at a time (`[12]:[]`, `[13]:[]`). A reviewer thinks in
passages, so a run of adjacent null beads is merged here into one bead per side
(`[12,13,14]:[]`, then `[]:[40,41]` if the translation also has unmatched sentences there) and
that bead gets one flag. Every sentence stays in exactly one bead and beads stay in document
order, so the alignment's invariants hold after merging.
"""
from __future__ import annotations

from aligner.editorial import is_credit, is_note
from aligner.types import ADDED, OMITTED, Alignment, Bead, Flag
from aligner.types import LANGUAGE_NAMES as LANG_NAMES


def _is_null(bead: Bead) -> bool:
    return not bead.src or not bead.tgt


def merge_null_runs(beads: list[Bead], numbers: tuple[int, ...] = ()) -> tuple[list[Bead], tuple[int, ...]]:
    """Merge each run of adjacent null beads into at most one omitted and one added bead; with the beads'
    page `numbers` (`Alignment.numbers`: some pairs of a longer alignment), the merged beads' numbers too,
    a passage taking the first number of the beads it joins."""
    merged: list[Bead] = []
    firsts: list[int] = []  # each merged bead's first bead (its number's)
    run: list[int] = []  # indices into beads

    def passage(side: list[int], src: tuple[int, ...], tgt: tuple[int, ...]) -> None:
        # a reviewer's notes and ✓ mark stay (a checked memory's one-sided rows, a correction's beads)
        members = [beads[k] for k in side]
        merged.append(Bead(src=src, tgt=tgt, score=min(b.score for b in members),
                           flags=[f for b in members for f in b.flags], reviewed=all(b.reviewed for b in members),
                           note="\n".join(b.note for b in members if b.note)))
        firsts.append(side[0])

    def close_run() -> None:
        src = tuple(i for k in run for i in beads[k].src)
        tgt = tuple(j for k in run for j in beads[k].tgt)
        if src:
            passage([k for k in run if beads[k].src], src, ())
        if tgt:
            passage([k for k in run if beads[k].tgt], (), tgt)
        run.clear()

    for k, bead in enumerate(beads):
        if _is_null(bead) and (bead.src or bead.tgt):
            run.append(k)
            continue
        if run:
            close_run()
        if bead.src or bead.tgt:  # a bead with neither side carries nothing; drop it
            merged.append(bead)
            firsts.append(k)
    if run:
        close_run()
    # numbers that name other pairs than these (not one per bead) name none of the merged ones
    return merged, tuple(numbers[k] for k in firsts) if len(numbers) == len(beads) else ()


_CREDITS = ": an end mark or editorial credit, which translations leave out"
_NOTES = ": a translator's or editor's note"


def _all_of(alignment: Alignment, bead: Bead, kind) -> bool:
    """Every sentence of a passage with no counterpart is of this kind (`is_credit`, `is_note`)."""
    side, indices = (alignment.source, bead.src) if bead.src and not bead.tgt else (alignment.target, bead.tgt)
    return bool(indices) and _is_null(bead) and all(kind(side.sentences[i].text, side.lang) for i in indices)


def _count(n: int) -> str:
    return "1 sentence" if n == 1 else f"{n} sentences"


def gap_flags(alignment: Alignment) -> None:
    """Merge null runs into passages and flag each: `omitted` for Chinese, `added` for translation."""
    alignment.beads[:], alignment.numbers = merge_null_runs(alignment.beads, alignment.numbers)
    src_lang = LANG_NAMES.get(alignment.source.lang, alignment.source.lang)
    tgt_lang = LANG_NAMES.get(alignment.target.lang, alignment.target.lang)
    for bead in alignment.beads:
        kinds = {f.kind for f in bead.flags}
        # （完）, 责任编辑：…, "(Editing by …)", "(Translator's note: …)": lines of one edition, not of the text; the reason
        # says which, so they are seen for what they are and marked reviewed at a glance
        what = _CREDITS if _all_of(alignment, bead, is_credit) else _NOTES if _all_of(alignment, bead, is_note) else ""
        if bead.src and not bead.tgt and OMITTED not in kinds:
            bead.flags.append(Flag(OMITTED, f"no counterpart in the {tgt_lang} for {_count(len(bead.src))}{what}"))
        elif bead.tgt and not bead.src and ADDED not in kinds:
            bead.flags.append(Flag(ADDED, f"no counterpart in the {src_lang} for {_count(len(bead.tgt))}{what}"))
