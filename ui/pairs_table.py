"""One page of pairs as a single HTML table: cheap to render, rows coloured by status.

One element per page instead of a widget per row keeps a 5,000-pair document responsive.
Texts are escaped and shown on one line each, as in the TSV/XLSX exports: a PDF line break
inside a sentence is not the reviewer's concern here (the exports' JSON keeps the exact text).
The numbers and names a flag quotes are highlighted in the text.
"""
from __future__ import annotations

import re
from html import escape

from aligner.export.marked import MARK_STYLE, side_marks, span_html
from aligner.export.status import STATUS_COLOURS, STATUS_LABELS, STATUSES, status
from aligner.pair_filter import MERGED_SPLIT, problems
from aligner.review.trust import title_attribute
from aligner.pair_numbers import number_of
from aligner.review.weak import WEAK_BELOW
from aligner.types import LANGUAGE_NAMES as LANG_NAMES
from aligner.types import Alignment
from ui.search_hits import HIT_CSS, hit_pattern, mark_hits
from ui.wording import kind_name

# Stronger shades of the export colours for the left edge of problem rows and the chart.
STATUS_ACCENTS = {
    "omitted": "#C62828",
    "added": "#E67E00",
    "flagged": "#B8A000",
    "weak": "#5C6B7A",
    "ok": "#2E7D32",
}
# The left edge (and the strip's mark) of a pair to look at for its shape alone: merged/split, no flag. It had the
# green of 'ok', which said "fine" of a pair the page asks to look at.
MERGED_SPLIT_ACCENT = "#7B3FB5"

# Lines a little closer than Streamlit's 1.6 and cells a little less padded: a laptop screen shows more pairs.
# The rows are always painted in the exports' light status colours, so the table sets its own dark
# text instead of the theme's: in Streamlit's dark theme the inherited light text would vanish.
TABLE_CSS = """
<style>
table.pairs {border-collapse: collapse; width: 100%; font-size: 0.92rem; line-height: 1.45; table-layout: fixed;
  color: #1F2328;}
table.pairs th {text-align: left; background: #F0F2F6; padding: 4px 8px; position: sticky; top: 0;}
table.pairs th[title] {text-decoration: underline dotted; cursor: help;}
table.pairs td {padding: 5px 8px; vertical-align: top; border-bottom: 1px solid #E3E6EA;
  overflow-wrap: anywhere;}
table.pairs td.num, table.pairs td.score {white-space: nowrap; color: #333;}
table.pairs td.kind {color: #333; overflow-wrap: normal;}
table.pairs tr.problem td:first-child {border-left: 6px solid var(--accent);}
table.pairs tr.selected {outline: 3px solid #1F6FEB; outline-offset: -3px;}
table.pairs button.pick {font: inherit; color: #1F5FBF; background: none; border: none; padding: 0;
  text-decoration: underline; cursor: pointer;}
table.pairs td.missing {color: #9A1C1C; font-style: italic;}
table.pairs .flag {display: block; font-size: 0.82rem; color: #5A3B00;}
table.pairs .note {display: block; font-size: 0.82rem; color: #1F4E8C;}
table.pairs details.more summary {cursor: pointer; color: #1F5FBF; font-size: 0.85rem;}
""" + f"table.pairs mark {{{MARK_STYLE}}}\n" + HIT_CSS + "</style>\n"


MERGED_SPLIT_HOVER = ("merged/split: more than one sentence on a side, joined by the aligner; "
                      "check that the boundaries are right")


# The two columns whose headings are the aligner's words, explained on hover (underlined dots say so).
TYPE_HOVER = ("Sentences on each side of the pair, Chinese first: 1–2 is one Chinese sentence translated by two, "
              "1–0 a Chinese sentence with no translation, 0–1 a translated sentence with no Chinese; "
              "under it, the pair's status (the row colour)")
SCORE_HOVER = (f"How sure the aligner is that the two sides belong together, from 0 to 1; a pair below {WEAK_BELOW} "
               "is flagged low confidence")


# A side of more sentences than this (a chapter the translation adds: 420 sentences in one cell) shows its first
# SHOWN and folds the rest under "417 more sentences"; a search that finds something there unfolds it.
LONG_PASSAGE = 12
SHOWN = 3


def side_cell(alignment: Alignment, bead, side: str, hits: re.Pattern | None) -> str:
    """A pair's side as the table shows it: its text with the flags' marks and the search's hits."""
    document, indices = (alignment.source, bead.src) if side == "src" else (alignment.target, bead.tgt)
    marks = side_marks([bead], side)
    if len(indices) <= LONG_PASSAGE:
        return mark_hits(span_html(document, indices, marks), hits)
    rest = mark_hits(span_html(document, indices[SHOWN:], marks), hits)
    unfolded = " open" if 'class="hit"' in rest else ""
    return (f'{mark_hits(span_html(document, indices[:SHOWN], marks), hits)} <details class="more"{unfolded}>'
            f"<summary>{len(indices) - SHOWN:,} more sentences</summary>{rest}</details>")


def flag_html(kind: str, reason: str) -> str:
    """A flag and its reason; hovering it tells how often such flags were right in our tests."""
    return f'<span class="flag"{title_attribute(kind)}>⚑ {escape(kind_name(kind))}: {escape(reason)}</span>'


def row_html(alignment: Alignment, index: int, selected: bool, hits: re.Pattern | None = None) -> str:
    """One pair as a table row; problem rows get a coloured left edge and their reasons; `hits`
    (`search_hits.hit_pattern`) marks what a search found in the texts."""
    bead = alignment.beads[index]
    state = status(bead)
    found = problems(bead)
    classes = [f"status-{state}"] + (["problem"] if found else []) + (["selected"] if selected else [])
    missing_src = '<td class="missing">— no Chinese —</td>'
    missing_tgt = '<td class="missing">— no translation —</td>'
    notes = "".join(flag_html(f.kind, f.reason) for f in bead.flags)
    if MERGED_SPLIT in found:
        notes += (f'<span class="flag" title="{MERGED_SPLIT_HOVER}">⇄ {escape(bead.kind)} pair (merged/split)</span>')
    if bead.note:
        notes += f'<span class="note">✎ {escape(bead.note)}</span>'
    review_mark = "✓ " if bead.reviewed else ""
    accent = MERGED_SPLIT_ACCENT if found and state == "ok" else STATUS_ACCENTS[state]
    # the language of each text, so that a screen reader reads it in its own voice and the right font is chosen
    src_lang, tgt_lang = escape(alignment.source.lang or "zh"), escape(alignment.target.lang or "")
    number = number_of(alignment, index)  # a file of some pairs: the number it gives the pair; data-pick is its place
    return (
        f'<tr class="{" ".join(classes)}" data-pair="{index + 1}" data-status="{state}" '
        f'style="background:#{STATUS_COLOURS[state]}; --accent:{accent}">'
        f'<td class="num">{review_mark}<button type="button" class="pick" data-pick="{index + 1}" '
        f'title="Select pair {number} in the correction panel">{number}</button></td>'
        f'<td class="kind">{escape(bead.kind.replace("-", "–"))}<br>{escape(STATUS_LABELS[state])}</td>'
        f'<td class="score">{bead.score:.2f}</td>'
        + (f'<td lang="{src_lang}">{side_cell(alignment, bead, "src", hits)}</td>' if bead.src else missing_src)
        + (f'<td lang="{tgt_lang}">{side_cell(alignment, bead, "tgt", hits)}</td>' if bead.tgt else missing_tgt)
        + f"<td>{notes}</td></tr>"
    )


def table_html(alignment: Alignment, indices: list[int], selected: int | None = None, query: str = "") -> str:
    """The pairs at `indices` (one page) as one HTML table with its stylesheet, what `query` finds marked."""
    tgt_name = LANG_NAMES.get(alignment.target.lang, alignment.target.lang)
    head = (
        # narrow number columns, the status wrapping under the type: on a laptop screen the two texts get
        # the room (the status label once ran over the score, and each text had under a quarter of the width)
        '<colgroup><col style="width:3.8em"><col style="width:6.6em"><col style="width:3.2em">'
        '<col><col><col style="width:17%"></colgroup>'
        f'<thead><tr><th>#</th><th title="{TYPE_HOVER}">type</th><th title="{SCORE_HOVER}">score</th><th>Chinese</th>'
        f"<th>{escape(tgt_name)}</th><th>flags · notes</th></tr></thead>"
    )
    hits = hit_pattern(query)
    body = "".join(row_html(alignment, i, i == selected, hits) for i in indices)
    return f'{TABLE_CSS}<table class="pairs" id="pairs">{head}<tbody>{body}</tbody></table>'


def legend_html(statuses: tuple[str, ...] = STATUSES, note: str = "", hover: str = "", merged_split: bool = False) -> str:
    """Each status a row can have, once, in the colours of its rows, and `note` (HTML) after them; `hover`
    (text), said when the pointer rests on "Row colours", keeps the legend on one line. `merged_split`: a chip for
    the purple left edge (and strip mark) of a pair to look at for its shape alone, before 'ok', whose white it
    has: the strip and the rows had purple, the legend did not say what it meant."""
    chips = [f'<span class="swatch" data-status="{name}" style="background:#{STATUS_COLOURS[name]};'
             f'border-left:6px solid {STATUS_ACCENTS[name]}">{escape(STATUS_LABELS[name])}</span>' for name in statuses]
    if merged_split:
        chips.insert(statuses.index("ok") if "ok" in statuses else len(chips),
                     f'<span class="swatch" data-mark="{MERGED_SPLIT}" title="{MERGED_SPLIT_HOVER}" '
                     f'style="background:#{STATUS_COLOURS["ok"]};border-left:6px solid {MERGED_SPLIT_ACCENT}">'
                     f'{MERGED_SPLIT}</span>')
    swatches = " ".join(chips)
    title = f'<span class="legend-title" title="{escape(hover)}">Row colours</span>:' if hover else "Row colours:"
    return (
        '<style>.legend {font-size:0.85rem;opacity:0.8} .legend .swatch {padding:1px 5px;margin:0 2px;'
        'color:#222;border-radius:2px;white-space:nowrap} '
        '.legend .legend-title {text-decoration:underline dotted;cursor:help}</style>'
        f'<div class="legend">{title} {swatches}' + (f" · {note}" if note else "") + "</div>")
