"""A strip along the whole document with a mark where each pair to look at lies, in its status colour.

In a long document the pairs table shows one page; the strip shows at a glance where the omissions,
additions and flags are (a cluster of omissions is a dropped passage), as a CAT tool's or a diff
tool's overview bar does. Each mark is a button: a click selects that pair (`ui/row_picker.py`).
"""
from __future__ import annotations

from html import escape

from aligner.export.status import STATUS_LABELS, STATUSES, status
from aligner.types import Alignment
from ui.pairs_table import STATUS_ACCENTS
from ui.wording import kind_name

MAP_ID = "problem-map"
MAP_CSS = f"""<style>
#{MAP_ID} {{position: relative; height: 14px; margin: 0; background: #EEF1F4; border-radius: 3px;}}
#{MAP_ID} button.pick {{position: absolute; top: 0; height: 14px; min-width: 4px; padding: 0; border: none;
  border-radius: 1px; cursor: pointer; transform: translateX(-50%);}}
#{MAP_ID} button.pick:hover, #{MAP_ID} button.pick:focus {{outline: 2px solid #1F6FEB; z-index: 1;}}
</style>"""


MIN_WIDTH = 260  # px, caption and strip
PLACES = 400  # marks at most: a 5,000-pair document with many flags stays a light element


def _one_per_place(found: list[tuple[int, str]], total: int, reviewed: list[bool]) -> list[tuple[int, str]]:
    """Of the pairs that fall on one place of the strip (1/PLACES of it), the first of the gravest status not yet
    reviewed (else reviewed): more marks would be drawn on top of each other."""
    best: dict[int, tuple[int, str]] = {}

    def rank(i: int, state: str) -> tuple[bool, int]:
        return reviewed[i], STATUSES.index(state)

    for i, state in found:
        place = i * PLACES // total
        if place not in best or rank(i, state) < rank(*best[place]):
            best[place] = (i, state)
    return sorted(best.values())


def problem_map_html(alignment: Alignment) -> str:
    """The two-column page's strip: a mark per pair whose status is not ok, its hover naming the pair,
    its status and its flags' reasons; a pair marked reviewed faded, and the count says how many are left."""
    statuses = [status(bead) for bead in alignment.beads]
    reasons = ["; ".join(f"{kind_name(flag.kind)}: {flag.reason}" for flag in bead.flags) for bead in alignment.beads]
    return strip_html(statuses, reasons, "Pair", "pair", [bead.reviewed for bead in alignment.beads])


def _caption(count: int, left: int) -> str:
    """"4 to look at", and once some are marked reviewed "3 of 4 left to look at": the count stayed at 4 while an
    editor ticked every one off."""
    if left == count:
        return f"{count} to look at"
    return f"{left} of {count} left to look at" if left else f"all {count} reviewed"


def strip_html(statuses: list[str], reasons: list[str], noun: str, what: str, reviewed: list[bool] | None = None) -> str:
    """The strip for items (pairs, or the rows of three columns) of these statuses and flag reasons: a mark
    per item not ok (one per place: `_one_per_place`) at its share of the document, faded if `reviewed`. Empty
    when none is."""
    note = " (faded: marked reviewed)" if reviewed is not None else ""
    reviewed = reviewed or [False] * len(statuses)
    found = [(i, state) for i, state in enumerate(statuses) if state != "ok"]
    count = len(found)
    left = sum(1 for i, _ in found if not reviewed[i])
    marks = []
    for i, state in _one_per_place(found, len(statuses), reviewed):
        hover = (f"{noun} {i + 1}: {STATUS_LABELS[state]}" + (" (reviewed)" if reviewed[i] else "")
                 + (f" — {reasons[i]}" if reasons[i] else ""))
        faded = ";opacity:0.3" if reviewed[i] else ""
        marks.append(f'<button type="button" class="pick" data-pick="{i + 1}" data-status="{state}" '
                     f'title="{escape(hover)}" aria-label="{escape(hover)}" data-reviewed="{str(reviewed[i]).lower()}" '
                     f'style="left:{(i + 0.5) / len(statuses):.4%};background:{STATUS_ACCENTS[state]}{faded}"></button>')
    if not marks:
        return ""
    # the strip is never narrower than MIN_WIDTH: beside the row colours on a laptop screen, under them on a
    # narrower one (the caption is short to leave the room to the strip; its hover says what the strip is)
    return (f'{MAP_CSS}<div style="display:flex;align-items:center;gap:8px;min-width:{MIN_WIDTH}px">'
            f'<span class="map-caption" style="font-size:0.85rem;opacity:0.8;white-space:nowrap;'
            f'text-decoration:underline dotted;cursor:help" title="Where they lie along the document, from its start '
            f'to its end{note}; click a mark to select its {what}">{_caption(count, left)}:</span>'
            f'<div id="{MAP_ID}" role="group" aria-label="{noun}s to look at" style="flex:1">{"".join(marks)}</div></div>')
