"""A strip along the whole document with a mark where each pair to look at lies, in its status colour.

In a long document the pairs table shows one page; the strip shows at a glance where the omissions,
additions and flags are (a cluster of omissions is a dropped passage), as a CAT tool's or a diff
tool's overview bar does. Each mark is a button: a click selects that pair (`ui/row_picker.py`).
"""
from __future__ import annotations

from html import escape

from aligner.export.status import STATUS_LABELS, status
from aligner.types import Alignment
from ui.pairs_table import STATUS_ACCENTS

MAP_ID = "problem-map"
MAP_CSS = f"""<style>
#{MAP_ID} {{position: relative; height: 14px; margin: 0; background: #EEF1F4; border-radius: 3px;}}
#{MAP_ID} button.pick {{position: absolute; top: 0; height: 14px; min-width: 4px; padding: 0; border: none;
  border-radius: 1px; cursor: pointer; transform: translateX(-50%);}}
#{MAP_ID} button.pick:hover, #{MAP_ID} button.pick:focus {{outline: 2px solid #1F6FEB; z-index: 1;}}
</style>"""


def problem_map_html(alignment: Alignment) -> str:
    """The strip: one mark per pair whose status is not ok, placed at that pair's share of the document,
    its hover naming the pair, its status and its flags' reasons. Empty when there is nothing to mark."""
    beads = alignment.beads
    marks = []
    for i, bead in enumerate(beads):
        state = status(bead)
        if state == "ok":
            continue
        reasons = "; ".join(f"{flag.kind}: {flag.reason}" for flag in bead.flags)
        hover = f"Pair {i + 1}: {STATUS_LABELS[state]}" + (f" — {reasons}" if reasons else "")
        marks.append(f'<button type="button" class="pick" data-pick="{i + 1}" data-status="{state}" '
                     f'title="{escape(hover)}" aria-label="{escape(hover)}" '
                     f'style="left:{(i + 0.5) / len(beads):.4%};background:{STATUS_ACCENTS[state]}"></button>')
    if not marks:
        return ""
    return (f'{MAP_CSS}<div style="display:flex;align-items:center;gap:8px">'
            f'<span class="map-caption" style="font-size:0.85rem;opacity:0.8;white-space:nowrap" '
            f'title="From the start of the document to its end; click a mark to select its pair">'
            f'{len(marks)} to look at, along the document:</span>'
            f'<div id="{MAP_ID}" role="group" aria-label="Pairs to look at" style="flex:1">{"".join(marks)}</div></div>')
