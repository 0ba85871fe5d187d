"""A strip along the whole document with a mark where each pair to look at lies, in its status colour.

In a long document the pairs table shows one page; the strip shows at a glance where the omissions,
additions and flags are (a cluster of omissions is a dropped passage), as a CAT tool's or a diff
tool's overview bar does. Each mark is a button: a click selects that pair (`ui/row_picker.py`).

It marks the pairs "Next problem" walks, of the kinds it walks (`aligner.pair_filter.to_look_at`): it marked
only the pairs whose status is not ok, and said "4 to look at" where Next problem walked six, the merged/split
pairs (ok, but their boundaries are worth a look) having no mark. Those have a mark of their own colour, the
colour of their row's left edge.
"""
from __future__ import annotations

from html import escape

from aligner.export.status import STATUS_LABELS, status
from aligner.pair_filter import MARKS, MERGED_SPLIT, ToLookAt, mark_of, problems
from aligner.types import Alignment
from ui.pairs_table import MERGED_SPLIT_ACCENT, STATUS_ACCENTS
from ui.wording import kind_name

MAP_ID = "problem-map"
MAP_CSS = f"""<style>
#{MAP_ID} {{position: relative; height: 14px; margin: 0; background: #EEF1F4; border-radius: 3px;}}
#{MAP_ID} button.pick {{position: absolute; top: 0; height: 14px; min-width: 4px; padding: 0; border: none;
  border-radius: 1px; cursor: pointer; transform: translateX(-50%);}}
#{MAP_ID} button.pick:hover, #{MAP_ID} button.pick:focus {{outline: 2px solid #1F6FEB; z-index: 1;}}
</style>"""


MIN_WIDTH = 220  # px, caption and strip (260 left no room beside the row colours' six chips at 1280 px)
PLACES = 400  # marks at most: a 5,000-pair document with many flags stays a light element
MARK_COLOURS = {**STATUS_ACCENTS, MERGED_SPLIT: MERGED_SPLIT_ACCENT}
MARK_LABELS = {**STATUS_LABELS, MERGED_SPLIT: "merged/split (more than one sentence on a side)"}


def _one_per_place(found: list[tuple[int, str]], total: int, reviewed: list[bool]) -> list[tuple[int, str]]:
    """Of the pairs that fall on one place of the strip (1/PLACES of it), the first of the gravest mark not yet
    reviewed (else reviewed): more marks would be drawn on top of each other."""
    best: dict[int, tuple[int, str]] = {}

    def rank(i: int, mark: str) -> tuple[bool, int]:
        return reviewed[i], MARKS.index(mark)

    for i, mark in found:
        place = i * PLACES // total
        if place not in best or rank(i, mark) < rank(*best[place]):
            best[place] = (i, mark)
    return sorted(best.values())


def _reasons(bead) -> str:
    """Its flags' reasons, and its shape when more than one sentence is on a side."""
    reasons = [f"{kind_name(flag.kind)}: {flag.reason}" for flag in bead.flags]
    if MERGED_SPLIT in problems(bead):
        reasons.append(f"{MERGED_SPLIT}: {bead.kind.replace('-', '–')}, check the boundaries")
    return "; ".join(reasons)


def problem_map_html(alignment: Alignment, look: ToLookAt) -> str:
    """The two-column page's strip: a mark per pair to look at (`look`), its hover naming the pair, its status and
    its flags' reasons; a pair marked reviewed faded, and the count says how many are left."""
    statuses = [status(bead) for bead in alignment.beads]
    reasons = [_reasons(bead) for bead in alignment.beads]
    return strip_html(statuses, reasons, look, "Pair", "pair", [bead.reviewed for bead in alignment.beads],
                      hint="a flag, or more than one sentence on a side (merged/split: a purple mark)",
                      numbers=[number for number, _ in alignment.numbered()])


def caption(look: ToLookAt) -> str:
    """"6 to look at", and once some are marked reviewed "5 of 6 left to look at": the count stayed at 6 while an
    editor ticked every one off."""
    count, left = len(look.marked), len(look.left)
    if left == count:
        return f"{count} to look at"
    return f"{left} of {count} left to look at" if left else f"all {count} reviewed"


def strip_html(statuses: list[str], reasons: list[str], look: ToLookAt, noun: str, what: str,
               reviewed: list[bool], hint: str = "a flag", numbers: list[int] | None = None) -> str:
    """The strip for items (pairs, or the rows of three columns) of these statuses and reasons: a mark per item to
    look at (one per place: `_one_per_place`) at its share of the document, faded if `reviewed`, and the count of
    those left. Empty when there is none to look at. `hint` says what makes one to look at; `numbers`, each item's
    number as its table shows it (a file of some pairs: the file's), else its place."""
    found = [(i, mark_of(statuses[i])) for i in look.marked]
    marks = []
    for i, mark in _one_per_place(found, len(statuses), reviewed):
        hover = (f"{noun} {numbers[i] if numbers else i + 1}: {MARK_LABELS[mark]}" + (" (reviewed)" if reviewed[i] else "")
                 + (f" — {reasons[i]}" if reasons[i] else ""))
        faded = ";opacity:0.3" if reviewed[i] else ""
        marks.append(f'<button type="button" class="pick" data-pick="{i + 1}" data-status="{statuses[i]}" '
                     f'title="{escape(hover)}" aria-label="{escape(hover)}" data-reviewed="{str(reviewed[i]).lower()}" '
                     f'data-mark="{mark}" style="left:{(i + 0.5) / len(statuses):.4%};background:{MARK_COLOURS[mark]}'
                     f'{faded}"></button>')
    if not marks:
        return ""
    about = (f"The {what}s to look at ({hint}; of the kinds the pills choose while Problems only is on), where they "
             f"lie from the document's start to its end, faded when marked reviewed: the {what}s Next problem walks. "
             f"Click a mark to select its {what}")
    # the strip is never narrower than MIN_WIDTH: beside the row colours on a laptop screen, under them on a
    # narrower one (the caption is short to leave the room to the strip; its hover says what the strip is)
    return (f'{MAP_CSS}<div style="display:flex;align-items:center;gap:8px;min-width:{MIN_WIDTH}px">'
            f'<span class="map-caption" style="font-size:0.85rem;opacity:0.8;white-space:nowrap;'
            f'text-decoration:underline dotted;cursor:help" title="{escape(about)}">{caption(look)}:</span>'
            f'<div id="{MAP_ID}" role="group" aria-label="{noun}s to look at" style="flex:1">{"".join(marks)}</div></div>')
