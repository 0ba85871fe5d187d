"""The three-way page: the Chinese and two translations in three columns, pivoted on the Chinese.

Rows come from `aligner.threeway` (`ThreeWay.plain_rows()`); this module only filters, pages and
draws them, walks the problem rows (Next problem), keeps the reviewer's ✓ and note on a row, and hands
out the three-way downloads and the saved review (the JSON record, opened again by "Open a project").
Merges, splits and moves are made on one translation's pairs in the sidebar (`ui/threeway_correct.py`),
and the rows are cut again from the two alignments.
"""
from __future__ import annotations

import math
import re
from html import escape

import streamlit as st

from aligner.export import MEDIA_TYPES
from aligner.export.marked import three_way_cells
from aligner.export.status import STATUS_COLOURS
from aligner.export.threeway import column_names, render
from aligner.export.threeway import row_status as three_way_status
from aligner.pair_filter import KindCount, ToLookAt, row_tally, rows_to_look_at, search, searchable
from aligner.summary import OTHER_FLAGS, RowCounts, row_counts
from aligner.threeway import DISAGREE, ThreeWay
from aligner.types import ADDED, OMITTED
from ui import state
from ui.correct_panel import mark_key, next_label
from ui.downloads import FORMATS as TWO_WAY_FORMATS
from ui.downloads import LABELS, file_stem, opened_encodings, panel_settings, settled, status_downloads
from ui.no_match import no_match_message
from ui.kind_pills import counted, kind_pills, offered_kinds
from ui.only_kind import only_kind_box, problems_only_toggled
from ui.pairs_table import STATUS_ACCENTS, TABLE_CSS, legend_html
from ui.pairs_view import ONLY_WIDTH, ROWS_WIDTH, SEARCH_WIDTH, scroll_to
from ui.problem_map import strip_html
from ui.search_hits import hit_pattern, mark_hits
from ui.threeway_correct import correction_panel
from ui.wording import kind_name

KINDS_KEY, PAGE_KEY, ONLY_KEY = "tw_kinds", "tw_page", "tw_only"
OPEN_AT = "_tw_open_at"  # the row a reopened project was saved on (1-based), selected once its rows are built
SELECTED_KEY, SCROLL_KEY = "tw_selected", "tw_scroll"  # the row "Next problem" chose (1-based); a scroll owed
ROW_BOX, NOTE_KEY = "tw_row_box", "tw_note_{}"  # the sidebar's row number; the note box of row {number}
SAVED_KEY = "_tw_saved"  # (the result, its rows' ✓ and notes, its corrections' count and last) when its review
# was last saved or opened

# format → (button label, MIME type): the two-way page's formats plus the text listing
FORMATS: dict[str, tuple[str, str]] = {**TWO_WAY_FORMATS, "txt": (LABELS["txt"], MEDIA_TYPES["txt"])}
# on hover of "Row colours", as the two-column page's note on the left edge: the legend shares its line with the strip
DISAGREE_NOTE = "A disagree row (one translation has a Chinese sentence, the other not) is coloured as omitted."


def row_status(row: dict) -> str:
    """One status per row, most serious first, as the two-way table colours a pair."""
    return three_way_status(f["kind"] for f in row["flags"])


def haystacks(result: ThreeWay, rows: list[dict]) -> list[str]:
    """Per row, all three texts and their folded forms, made `searchable`: what a search looks in."""
    docs = {result.source.lang: (result.source, "src")}
    docs.update({label: (result.alignments[label].target, f"{label}_idx") for label in result.labels})
    out = []
    for row in rows:
        parts = []
        for label, (doc, key) in docs.items():
            parts.append(row[label])
            parts += [doc.sentences[i].norm for i in row[key] if doc.sentences[i].norm != doc.sentences[i].text]
        out.append(searchable("\u0000".join(parts)))
    return out


def _prepared(result: ThreeWay) -> tuple[list[dict], list[str], list[str]]:
    """Rows, their search texts and statuses, built once per three-way result (not on every click)."""
    cached = st.session_state.get("_tw_rows")
    revision = st.session_state.get(state.REVISION, 0)  # a ✓ or a note changed the rows' marks
    if cached is None or cached[0] is not result or cached[1] != revision:
        if cached is None or cached[0] is not result:  # a new result: no row chosen yet, no note box of the last
            for key in [k for k in st.session_state if k in (SELECTED_KEY, ROW_BOX) or str(k).startswith(NOTE_KEY[:-2])]:
                del st.session_state[key]
        rows = result.plain_rows()
        opened_at = st.session_state.pop(OPEN_AT, None)
        if isinstance(opened_at, int) and 1 < opened_at <= len(rows):  # back where the reviewer stopped
            _select(opened_at - 1, list(range(len(rows))))
        cached = (result, revision, rows, haystacks(result, rows), [row_status(r) for r in rows])
        st.session_state["_tw_rows"] = cached
    return cached[2], cached[3], cached[4]


def select_rows(rows: list[dict], texts: list[str], problems_only: bool, kinds: set[str], query: str) -> list[int]:
    """Indices of the rows the filter and the search let through, in order."""
    found = search(texts, query)
    if problems_only:
        found = [i for i in found if any(f["kind"] in kinds for f in rows[i]["flags"])]
    return found


def _chosen_kinds(kinds_present: list[str]) -> set[str] | None:
    """The kinds the flag filter lets through, or None (every kind) while "Problems only" is off."""
    if not st.session_state.get(state.PROBLEMS_ONLY):
        return None
    return set(st.session_state.get(KINDS_KEY) or kinds_present)


def rows_look(result: ThreeWay) -> ToLookAt:
    """The rows to look at, of the kinds the filter lets through: what the strip marks and Next problem walks and
    counts, by the two-column page's rule (Next problem walked the rows the search showed, and counted none)."""
    return rows_to_look_at(result, _chosen_kinds(sorted({f.kind for row in result.rows for f in row.flags})))


def _shown() -> tuple[list[dict], list[int], set[str] | None]:
    """The rows, the indices of those the filter and the search show, and the kinds the filter lets through."""
    rows, texts, _ = _prepared(state.three_way())
    kinds_present = sorted({f["kind"] for r in rows for f in r["flags"]})
    kinds = _chosen_kinds(kinds_present)
    return rows, select_rows(rows, texts, kinds is not None, kinds or set(), st.session_state.get(state.QUERY, "")), kinds


def _select(index: int, shown: list[int]) -> None:
    """Select row `index` (0-based): its page turned to (when the filter shows it), scrolled to, its number
    in the sidebar's box."""
    st.session_state[SELECTED_KEY] = st.session_state[ROW_BOX] = index + 1
    if index in shown:
        st.session_state[PAGE_KEY] = shown.index(index) // state.page_size() + 1
        st.session_state[SCROLL_KEY] = True


def _jump_next() -> None:
    """Button callback: select the next row to look at of the kinds the filter shows, turn to its page."""
    _, shown, _ = _shown()
    here = int(st.session_state.get(SELECTED_KEY, 0)) - 1
    found = rows_look(state.three_way()).next_after(here)
    if found is None:
        state.flash("info", "No problem rows left that are not marked reviewed.")
        return
    if found <= here:
        state.flash("info", f"No more problems after row {here + 1}: back to the first one, row {found + 1}.")
    _select(found, shown)


def pick_row(number) -> None:
    """A row's number or a mark of the problem strip clicked: row `number` (1-based) selected and shown."""
    rows, shown, _ = _shown()
    if isinstance(number, int) and 1 <= number <= len(rows):
        _select(number - 1, shown)


def _go_to_row() -> None:
    """The row number typed in the sidebar: that row selected and shown."""
    _, shown, _ = _shown()
    _select(int(st.session_state[ROW_BOX]) - 1, shown)


def _marks_changed() -> None:
    """A ✓ or a note changed: the table redrawn with it, and the page's work kept for a reload (`autosave`)."""
    st.session_state[state.REVISION] = st.session_state.get(state.REVISION, 0) + 1


def _note_left(number: int) -> None:
    """The reviewer left the note box of row `number` (or pressed Ctrl+Enter): the note is kept on the row."""
    row = state.three_way().rows[number - 1]
    text = str(st.session_state.get(NOTE_KEY.format(number), "")).strip()
    if text != row.note:
        row.note = text
        _marks_changed()


def keep_typed_note() -> None:
    """Before a correction cuts the rows again: a note typed on the selected row and not left is kept on it."""
    number = int(st.session_state.get(SELECTED_KEY, 0))
    if 1 <= number <= len(state.three_way().rows):
        _note_left(number)


def rows_changed(index: int) -> None:
    """A correction cut the rows again: the table drawn anew, the note boxes of the rows before it dropped
    (a box is keyed by its row's number, which now may be another row), and row `index` (0-based) selected.
    The flag filter follows the kinds now present as on the two-column page (`kind_pills.offered_kinds`): a kind
    chosen stays chosen at 0 (a kind gone used to be unchosen, and the last one gone showed every row again),
    and while every kind was chosen a new one is too."""
    _marks_changed()
    for key in [k for k in st.session_state if str(k).startswith(NOTE_KEY[:-2])]:
        del st.session_state[key]
    _, shown, _ = _shown()
    _select(index, shown)


def _mark(number: int) -> None:
    """Mark row `number` reviewed, or unmark it (key M)."""
    _note_left(number)  # a note typed and not left is kept too
    row = state.three_way().rows[number - 1]
    row.reviewed = not row.reviewed
    _marks_changed()
    state.flash("success", f"Row {number} {'marked' if row.reviewed else 'no longer marked'} reviewed.")


def navigation(result: ThreeWay) -> None:
    """"Next problem" (key N) and what the selected row's flags say, in the sidebar."""
    _prepared(result)  # first: a new result forgets the row chosen in the one before
    st.header("Problems")
    st.button(next_label(state.drawn_look(rows_look(result))), on_click=_jump_next, key="next_problem3",
              width="stretch", shortcut="N", help="The next row with a flag not marked reviewed, as the strip marks "
                                                  "them: of the kinds the pills choose while Problems only is on. A "
                                                  "passage one translation leaves out is walked row by row (each row "
                                                  "holds more of the other translation), though its pill counts it "
                                                  "once")
    number = int(st.session_state.get(SELECTED_KEY, 0))
    if not 1 <= number <= len(result.rows):
        number = 1  # nothing chosen yet: the first row, marked in the table as the one key M and the note are on
        st.session_state[SELECTED_KEY] = number
    st.session_state.setdefault(ROW_BOX, number)
    st.number_input("Row number", min_value=1, max_value=len(result.rows), step=1, key=ROW_BOX, on_change=_go_to_row)
    row = result.rows[number - 1]
    st.caption(f"Row {number}: " + ("; ".join(f"{f.side + ' ' if f.side else ''}{kind_name(f.kind)}" for f in row.flags)
                                    or "no flag") + (" · ✓ reviewed" if row.reviewed else ""))
    st.button("Unmark reviewed" if row.reviewed else "Mark reviewed ✓", on_click=_mark, args=(number,),
              key="tw_reviewed", width="stretch", **mark_key(row.reviewed))
    key = NOTE_KEY.format(number)
    if key not in st.session_state:
        st.session_state[key] = row.note  # the row's note (e.g. from an opened review) in its box
    st.text_area("Note", key=key, height=70, on_change=_note_left, args=(number,),
                 placeholder="e.g. the translations differ on the date; ask the translator")
    correction_panel(result, number)


def _cell(html: str, missing: str) -> str:
    return f"<td>{html}</td>" if html.strip() else f'<td class="missing">— {missing} —</td>'


def row_html(result: ThreeWay, row: dict, status: str, hits: re.Pattern | None = None, selected: bool = False) -> str:
    """One row: number, the three texts (what a search found marked), then each flag with the side it belongs to."""
    flags = "".join(
        f'<span class="flag">⚑ {escape((f["side"] + " ") if f["side"] else "")}{escape(kind_name(f["kind"]))}: '
        f'{escape(f["reason"])}</span>' for f in row["flags"])
    flags += ('<span class="note">✓ reviewed</span>' if row["reviewed"] else "") + (
        f'<span class="note">✎ {escape(row["note"])}</span>' if row["note"] else "")
    classes = f"status-{status}" + (" problem" if row["flags"] else "") + (" selected" if selected else "")
    texts = [mark_hits(text, hits) for text in three_way_cells(result, result.rows[row["row"] - 1])]
    missing = [f"no {name}" for name in column_names(result)]
    cells = "".join(_cell(text, gap) for text, gap in zip(texts, missing))
    return (f'<tr class="{classes}" data-row="{row["row"]}" data-status="{status}" '
            f'style="background:#{STATUS_COLOURS[status]}; --accent:{STATUS_ACCENTS[status]}">'
            f'<td class="num">{_pick_button(row["row"])}</td>{cells}<td>{flags}</td></tr>')


def _pick_button(number: int) -> str:
    """The row's number as a button (`ui/row_picker.py`) that selects the row, as on the two-column page: the
    three-column numbers were plain text, and a reviewer's click on one did nothing."""
    return (f'<button type="button" class="pick" data-pick="{number}" title="Select row {number} in the sidebar">'
            f'{number}</button>')


def table_html(result: ThreeWay, rows: list[dict], statuses: list[str], indices: list[int], query: str = "") -> str:
    """The rows at `indices` (one page) as one HTML table: Chinese, each translation, flags."""
    names = column_names(result)  # "English (en1)", "English (en2)" when both translations are English
    head = ('<colgroup><col style="width:3.5em"><col><col><col><col style="width:20%"></colgroup><thead><tr><th>#</th>'
            + "".join(f"<th>{escape(n)}</th>" for n in names) + "<th>flags</th></tr></thead>")
    hits = hit_pattern(query)
    selected = int(st.session_state.get(SELECTED_KEY, 0)) - 1
    body = "".join(row_html(result, rows[i], statuses[i], hits, i == selected) for i in indices)
    return f'{TABLE_CSS}<table class="pairs" id="threeway">{head}<tbody>{body}</tbody></table>'


def selected_elsewhere(selected: int, shown: list[int], on_page: list[int], size: int) -> str:
    """Where the row the sidebar marks, notes and corrects is when this page does not show it, as the two-column
    page says of its pair: a reviewer reading page 2 (or the problems only) pressed M or Merge ↓ on row 1, out
    of sight."""
    if selected < 0 or selected in on_page:
        return ""
    where = f"on page {shown.index(selected) // size + 1}" if selected in shown else "not shown with these filters"
    return (f"The sidebar marks and corrects row {selected + 1}, {where}: click a row's number to take that row "
            "instead.")


def summary_line(result: ThreeWay, counts: RowCounts) -> str:
    """'Summary: 51 rows · 43 ok · 8 to look at · 4 disagree · ru: 2 omitted, 1 added, 1 other flags · en: …', read at
    a glance: the rows to look at as the strip counts them, each problem as its pill does ('en: 1 omitted (4 rows)',
    a passage the English leaves out across four rows)."""
    def said(name: str, what: str) -> str:
        count = counts.problems[name]
        return f"{count.total} {what}{f' ({count.rows} rows)' if count.rows else ''}"

    sides = " · ".join(f"{label}: " + ", ".join(said(f"{label} {kind}", kind) for kind in (OMITTED, ADDED, OTHER_FLAGS))
                       for label in result.labels)
    marked = f" ({counts.reviewed} reviewed)" if counts.reviewed else ""
    return (f"Summary: {counts.rows} rows{marked} · {counts.ok} ok · {counts.to_look_at} to look at · "
            f"{said(DISAGREE, DISAGREE)} · {sides}")


SUMMARY_HELP = {"ok": "Rows with no flag", "to look at": "Rows with a flag: the strip's marks",
                DISAGREE: "Rows where one translation renders a Chinese sentence and the other leaves it out (a passage "
                          "over several rows once)"}


def show_summary(result: ThreeWay) -> None:
    """The counts on one line, the metrics with their explanations under it: the rows first, then the problems. As
    on the two-column page: a row of eight metrics took the height of two rows of the table on a 1280×800 screen,
    which showed one."""
    counts = row_counts(result)
    with st.expander(summary_line(result, counts), key="tw_summary", icon=":material/bar_chart:"):
        problems = counts.problems  # a line of them under the rows', in cells of one width
        for cell, (name, n) in zip(st.columns(len(problems)),
                                   {"rows": counts.rows, "ok": counts.ok, "to look at": counts.to_look_at}.items()):
            cell.metric(name, n, help=SUMMARY_HELP.get(name))
        for cell, (name, n) in zip(st.columns(len(problems)), problems.items()):
            # the rows a passage spans small under its count: "5 (7 rows)" in the metric's large digits was cut to "5 (7 r…"
            cell.metric(name, n.total, delta=f"{n.rows} rows" if n.rows else None, delta_color="off", delta_arrow="off",
                        help=SUMMARY_HELP.get(name, "A passage one translation leaves out across several rows counts "
                                                    "once"))


def _reset_page() -> None:
    st.session_state[PAGE_KEY] = 1


def pill_kinds(result: ThreeWay) -> tuple[dict[str, KindCount], list[str]]:
    """The pills' counts and the kinds they offer, their state settled (`offered_kinds`): called before Next problem
    and the strip count the rows of the kinds chosen, and again by the filter bar. They counted before a correction's
    new kind was chosen with the rest: "8 to look at" beside a new "low confidence 1" pill, 9 once the page ran again."""
    # a kind chosen is counted, at 0 once corrections took its last row: offered_kinds keeps it chosen and in sight
    # (it was left out of the counts, and the filter fell back to every row); a passage over several rows, once
    present = {f.kind for row in result.rows for f in row.flags}
    counts = row_tally(result, sorted(present | set(st.session_state.get(KINDS_KEY) or [])))
    return counts, offered_kinds(counts, KINDS_KEY)


@st.fragment
def threeway_rows(result: ThreeWay) -> None:
    """Filter bar, pagination and the table of the current page (reruns only this part)."""
    counts, kinds_present = pill_kinds(result)
    if state.look_stale(rows_look(result)):  # the filter's kinds changed: the strip and Next problem's count too
        st.rerun(scope="app")
    rows, texts, statuses = _prepared(result)
    # the two-column page's filter bar (ui/pairs_view.py), keyed alike for the page's CSS: the toggle, the search,
    # "Only one kind…" and what is shown on one line; the pills, the pages and their size on the next
    filters = st.container(horizontal=True, vertical_alignment="center", gap="small", key="filter_bar")
    filters.toggle("Problems only", key=state.PROBLEMS_ONLY, on_change=problems_only_toggled,
                   args=(kinds_present, KINDS_KEY, _reset_page))
    filters.text_input("Search", key=state.QUERY, placeholder="Search any column…", on_change=_reset_page,
                       label_visibility="collapsed", width=SEARCH_WIDTH)
    only_kind_box(filters, kinds_present, ONLY_KEY, KINDS_KEY, _reset_page, width=ONLY_WIDTH,
                  name=counted(counts), then_focus="next_problem3")
    kinds = st.container(horizontal=True, vertical_alignment="center", gap="xsmall", key="kind_bar")
    kind_pills(kinds, "Flags", kinds_present, counts, KINDS_KEY, _reset_page)
    shown = select_rows(rows, texts, bool(st.session_state.get(state.PROBLEMS_ONLY)),
                        set(st.session_state.get(KINDS_KEY) or kinds_present), st.session_state.get(state.QUERY, ""))
    pages = max(1, math.ceil(len(shown) / state.page_size()))
    if not 1 <= int(st.session_state.get(PAGE_KEY, 1)) <= pages:
        st.session_state[PAGE_KEY] = 1
    page = kinds.pagination(pages, key=PAGE_KEY, max_visible_pages=9, width="stretch") if pages > 1 else 1
    kinds.selectbox("Rows", state.PAGE_SIZES, index=1, key=state.PAGE_SIZE, on_change=_reset_page,
                    label_visibility="collapsed", format_func=lambda n: f"{n} rows", width=ROWS_WIDTH)
    if not shown:
        st.info(no_match_message("row", bool(st.session_state.get(state.PROBLEMS_ONLY)),
                                 st.session_state.get(KINDS_KEY) or kinds_present, kinds_present,
                                 st.session_state.get(state.QUERY, "")))
        return
    first = (page - 1) * state.page_size()
    on_page = shown[first:first + state.page_size()]
    which = f"{len(shown)} matching of {len(rows)}" if len(shown) < len(rows) else f"all {len(rows)}"
    reviewed = sum(r["reviewed"] for r in rows)
    filters.caption(f"Showing {len(on_page)} rows on page {page} of {pages} ({which} rows)"
                    + (f" · {reviewed} of {len(rows)} marked reviewed" if reviewed else ""))
    selected = int(st.session_state.get(SELECTED_KEY, 0)) - 1
    elsewhere = selected_elsewhere(selected, shown, on_page, state.page_size())
    if elsewhere:
        st.caption(elsewhere)
    st.html(table_html(result, rows, statuses, on_page, st.session_state.get(state.QUERY, "")))
    if st.session_state.pop(SCROLL_KEY, False) and selected in on_page:
        scroll_to(f'table#threeway tr.selected[data-row="{selected + 1}"]', "_tw_scrolls")


def base_name(result: ThreeWay) -> str:
    """e.g. 'joint-statement.zh-ru-en' from the Chinese file's name, or 'alignment.zh-ru-en'."""
    return f"{file_stem(result.source.name)}.{result.source.lang}-{'-'.join(result.labels)}"


def downloads(result: ThreeWay) -> None:
    """The three-way outputs of the rows of the statuses chosen (as on the two-column page and with
    `--keep`: e.g. only 'ok' rows for a trilingual memory), rendered only when a button is pressed."""
    from aligner.pair_filter import kept_rows

    st.header("Download")
    status_downloads("row", "download3", "E.g. only 'ok' for a translation memory or training data; a disagree row "
                                         "counts as omitted.", FORMATS,
                     lambda keep: len(kept_rows(result, keep).rows),
                     lambda keep, fmt: settled(lambda: render(kept_rows(result, keep), fmt)),
                     lambda fmt: f"{base_name(result)}.{fmt}")


def _marks(result: ThreeWay) -> list[tuple]:
    """Each row's sentences, ✓ and note: what a saved review holds of the page's work."""
    from aligner.threeway_corrections import row_key

    return [(row_key(row, result.labels), row.reviewed, row.note) for row in result.rows]


def _corrections(result: ThreeWay):
    """The corrections made to `result` (None: none yet)."""
    from ui.threeway_correct import EDITS

    corrections = st.session_state.get(EDITS)
    return corrections if corrections is not None and corrections.result is result else None


def _history(result: ThreeWay) -> list:
    corrections = _corrections(result)
    return corrections.history if corrections is not None else []


def _point(result: ThreeWay) -> tuple[int, object]:
    """How many corrections `result` has had, and the last (None: none): where a save leaves them."""
    history = _history(result)
    return len(history), history[-1] if history else None


def mark_saved() -> None:
    """The saved review now holds the rows' ✓ marks and notes and the corrections (Save project clicked, a
    review opened)."""
    result = state.three_way()
    if result is not None:
        st.session_state[SAVED_KEY] = (result, _marks(result), _point(result))


def saved_marks(result: ThreeWay) -> tuple[list[tuple], tuple[int, object]] | None:
    """The rows' ✓ and notes, and the corrections' point, when `result`'s review was last saved (None: never),
    for a reload to carry."""
    saved, marks, point = st.session_state.get(SAVED_KEY, (None, [], (0, None)))
    return (list(marks), point) if saved is result else None


def restore_saved_marks(result: ThreeWay, kept: tuple[list[tuple], tuple[int, object]] | None) -> None:
    if kept is not None:
        marks, point = kept
        st.session_state[SAVED_KEY] = (result, [tuple(m) for m in marks], tuple(point))


def unsaved_rows(result: ThreeWay) -> int:
    """How many rows the saved review lacks as they are now: marked, noted or cut again by a correction
    since it was saved (when never saved, every marked or noted row and each correction), so that the page
    asks before a new alignment or an opened file replaces them."""
    saved, marks, _ = st.session_state.get(SAVED_KEY, (None, [], None))
    if saved is result:
        return len(set(_marks(result)) - set(marks))
    return sum(row.reviewed or bool(row.note) for row in result.rows) + len(_history(result))


def unsaved_marks(result: ThreeWay) -> int:
    """How many rows are marked or noted as the saved review does not hold them (never saved: every one)."""
    saved, marks, _ = st.session_state.get(SAVED_KEY, (None, [], None))
    held = set(marks) if saved is result else set()
    return sum(mark not in held for mark in _marks(result) if mark[1] or mark[2])


def unsaved_corrections(result: ThreeWay) -> int:
    """How many corrections the saved review lacks (never saved: every one). Counted apart from the rows: merging
    two pairs of one row leaves the rows as they were cut, and the review saved before holds the pairs unmerged."""
    from ui.unsaved import steps_since

    saved, _, point = st.session_state.get(SAVED_KEY, (None, [], (0, None)))
    history = _history(result)
    return steps_since(history, *point) if saved is result else len(history)


def unsaved_work(result: ThreeWay) -> str:
    """What the saved review lacks, as the sidebar names it ("2 corrections and 1 row marked or noted"; "" for
    nothing), in the two-column page's words: the line said "2 rows corrected, marked or noted since the project
    was saved" of a project never saved, counting each correction as a row (a merge undone by a split too)."""
    saved, marks, _ = st.session_state.get(SAVED_KEY, (None, [], None))
    held = {key for key, reviewed, note in marks if reviewed or note} if saved is result else set()
    unmarked = sum(key in held and not (reviewed or note) for key, reviewed, note in _marks(result))
    corrections, rows = unsaved_corrections(result), unsaved_marks(result) + unmarked
    parts = ([f"{corrections} correction{'s' if corrections != 1 else ''}"] * bool(corrections)
             + [f"{rows} row{'s' if rows != 1 else ''} marked or noted"] * bool(rows))
    if not parts and unsaved_rows(result):  # rows cut again by corrections since undone: still not as saved
        parts = [f"changes to {unsaved_rows(result)} row{'s' if unsaved_rows(result) != 1 else ''}"]
    return " and ".join(parts)


def save_project(result: ThreeWay) -> None:
    """"Save project": the three columns with the reviewer's ✓ marks and notes, as the JSON record, which
    "Open a project" opens again (a note typed and not yet left is in it: see `settled`). The inputs and the row
    are taken now: the file is built on a thread of the server's, where the page's session state is not to be
    had (the record kept neither the encoder, the segmentation and the glossary nor the row)."""
    from ui.threeway_correct import SIDE_KEY

    inputs, row = st.session_state.get(state.INPUTS), int(st.session_state.get(SELECTED_KEY, 0)) or 1
    corrections, side = _corrections(result), st.session_state.get(SIDE_KEY)
    st.download_button("Save project", data=settled(lambda: review_record(result, inputs, row, corrections, side)),
                       file_name=f"{base_name(result)}.project.json", mime="application/json", key="download_project3",
                       width="stretch", type="primary", on_click=mark_saved,
                       help="The three columns with your ✓ marks, notes and corrections (Undo and Redo too); open "
                            "it again with 'Open a project'")


def review_record(result: ThreeWay, inputs, row: int, corrections=None, side: str | None = None) -> bytes:
    """The three-column JSON record with what the page needs to take up the review again, as a two-column
    project has it: the row it is on, the encoder, segmentation and glossary the texts were aligned with
    (so that "Align" with the panel unchanged keeps the review instead of aligning with the defaults), the
    corrections made and undone (`corrections`), so that Undo and Redo carry on where they were, and the
    translation the reviewer was correcting (`side`: a review of the English opened again on the Russian)."""
    import json

    from aligner.export.record import glossary_to_list
    from aligner.project import steps_to_list

    record = json.loads(render(result, "json"))
    settings = {**record["settings"], "row": row} | ({"side": side} if side in result.labels else {})
    if inputs is not None:
        settings |= {**panel_settings(inputs), "glossary": glossary_to_list(inputs.glossary)}
    record["settings"] = settings
    if corrections is not None and (corrections.history or corrections.undone):
        record["history"], record["undone"] = steps_to_list(corrections.history), steps_to_list(corrections.undone)
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _saved_settings(data: bytes) -> dict:
    """The page's settings saved with a review by "Save project" (`review_record`; {} in a plain three-column download)."""
    import json

    settings = json.loads(data).get("settings")
    return settings if isinstance(settings, dict) else {}


def open_review(data: bytes, name: str) -> bool:
    """Open a saved three-column review (or a three-column JSON download) on the page; False when `data`
    is not one (a two-way project, to be opened as such)."""
    from aligner.errors import AlignerError
    from aligner.export.threeway import is_three_way_record, parse_json
    from ui.inputs import Inputs, show_in_panel

    if not is_three_way_record(data):
        return False
    from aligner.threeway_corrections import fitted_scorers
    from ui.threeway_correct import EDITS, SIDE_KEY

    settings = _saved_settings(data)
    try:
        result = parse_json(data, name)
        # its corrections, undo and redo as they were; scored by the aligner's model as those made here
        corrections = _saved_corrections(result, data, name, fitted_scorers(result, settings.get("model") or None))
    except AlignerError as exc:
        state.flash("error", str(exc))
        return True
    from aligner.export.record import glossary_from_list

    first, second = (result.alignments[label].target for label in result.labels)
    try:
        glossary = glossary_from_list(settings.get("glossary") or [])
    except (KeyError, TypeError, AttributeError):
        glossary = ()
    inputs = Inputs(result.source.text, first.text, result.source.name, first.name, first.lang,
                    settings.get("model") or None, bool(settings.get("presplit", False)),
                    tgt2_text=second.text, tgt2_name=second.name, tgt2_lang=second.lang, glossary=glossary,
                    **opened_encodings(settings))
    state.start_three(result, inputs)
    st.session_state[EDITS] = corrections
    st.session_state[OPEN_AT] = settings.get("row")
    if settings.get("side") in result.labels:  # the translation the reviewer was correcting
        st.session_state[SIDE_KEY] = settings["side"]
    mark_saved()
    show_in_panel(inputs)  # what the review holds, so "Align" without changes keeps it
    reviewed, noted = sum(row.reviewed for row in result.rows), sum(bool(row.note) for row in result.rows)
    n = len(corrections.history)
    state.flash("success", f"Opened {name}: {len(result.rows)} rows in three columns, {reviewed} marked reviewed, "
                           f"{noted} with a note" + (f", {n} correction{'s' if n != 1 else ''} with undo." if n else "."))
    return True


def _saved_corrections(result: ThreeWay, data: bytes, name: str, scorers: dict):
    """The corrections a review saved with `result`, made and undone (none in a plain download or a review saved
    before they were kept); ProjectError when they do not fit its pairs."""
    import json

    from aligner.project import three_way_corrections

    record = json.loads(data)
    return three_way_corrections(result, record.get("history") or [], record.get("undone") or [], scorers, name)


def threeway_page(result: ThreeWay) -> None:
    """Summary, then the paged three-column table."""
    rows, _, statuses = _prepared(result)
    show_summary(result)
    # the row colours and the strip of rows to look at share a line, as on the two-column page
    colours_and_strip = st.container(horizontal=True, vertical_alignment="center", gap="small", key="overview")
    colours_and_strip.html(legend_html(("omitted", "added", "flagged", "weak"), hover=DISAGREE_NOTE), width="content")
    reasons = ["; ".join(f"{f['side'] + ' ' if f.get('side') else ''}{kind_name(f['kind'])}: {f['reason']}"
                         for f in row["flags"]) for row in rows]
    overview = strip_html(statuses, reasons, rows_look(result), "Row", "row", [row["reviewed"] for row in rows])
    if overview:
        colours_and_strip.html(overview)
    threeway_rows(result)
