"""The page's session state in one place: the alignment under correction and what is shown.

Streamlit reruns the script on every click; the Corrections object (alignment + history) lives
in st.session_state so corrections survive reruns, and a revision number tells caches when
the pairs changed.
"""
from __future__ import annotations

import streamlit as st

from aligner.align import fits
from aligner.corrections import Corrections, Edit
from aligner.pair_filter import PROBLEMS, haystacks, select
from aligner.types import Alignment

WORK, INPUTS, REVISION, PAIR, PAGE, FLASH = "work", "inputs", "revision", "pair", "page", "flash"
PROBLEMS_ONLY, CATEGORIES, QUERY, PAGE_SIZE = "problems_only", "categories", "query", "page_size"
HIDE_REVIEWED = "hide_reviewed"
ONLY = "only_problem"  # "Only…": a problem kind picked to be shown alone
SCROLL = "scroll_to_selected"  # set when the selection moved: the table scrolls it into view once
PAGE_SIZES = (25, 50, 100)
THREEWAY = "threeway"  # a three-way result (Chinese + two translations) shown instead of the pairs
PENDING = "pending_inputs"  # (inputs, from a sample button), or the key of an uploaded file to open, waiting
# for "Replace my work" or "Keep my work"
CONFIRMED = "confirmed_inputs"  # inputs the reviewer chose to align in place of their work
KEPT_FITS = 1  # alignments whose fitted models the server keeps for the corrections: the last one (a novel's take
# ~200 MB; three columns are one alignment, and both translations' are kept: ~400 MB)

fits.keep(KEPT_FITS)  # the first merge, split or move scores its pair without fitting the models again


def work() -> Corrections | None:
    return st.session_state.get(WORK)


def work_at_stake() -> bool:
    """Whether the page holds a reviewer's corrections, marks or notes that a new alignment would replace
    and that no saved project holds: work saved (or just opened) is replaced without a question."""
    from ui.unsaved import unsaved

    corrections = work()
    if corrections is None and three_way() is not None:  # three columns: corrections, rows marked or noted
        from ui.threeway_view import unsaved_corrections, unsaved_rows

        return unsaved_rows(three_way()) > 0 or unsaved_corrections(three_way()) > 0
    return corrections is not None and corrections.has_work and unsaved(corrections) > 0


def three_way():
    """The three-way result on show, or None when the page shows one alignment."""
    return st.session_state.get(THREEWAY)


def start_three(result, inputs) -> None:
    """Show a three-way result, from the first row; its corrections (`ui/threeway_correct.py`) start with its
    first one, as a new result starts a new history."""
    st.session_state.pop(WORK, None)
    st.session_state[THREEWAY] = result
    st.session_state[INPUTS] = inputs
    st.session_state["tw_page"] = 1
    st.session_state[REVISION] = st.session_state.get(REVISION, 0) + 1


def start(alignment: Alignment, inputs, history: list[Edit] | None = None, rescore: bool = True,
          undone: list[Edit] | None = None) -> None:
    """Put a fresh alignment (or a loaded project, with its corrections made and `undone`, for Redo) under review,
    from the first pair. Pairs the reviewer makes are scored by the aligner's model of the document (`rescore`; not
    for rows checked as they were aligned elsewhere, whose scores say how well a row's sides match, not where its
    boundaries go)."""
    from aligner.align.rescore import LazyRescorer

    st.session_state.pop(THREEWAY, None)
    scorer = LazyRescorer(alignment.source, alignment.target, inputs.model) if rescore else None
    st.session_state[WORK] = Corrections(alignment, history, scorer=scorer)
    st.session_state[WORK].undone[:] = undone or []
    st.session_state[INPUTS] = inputs
    st.session_state[PAIR] = 1
    st.session_state[PAGE] = 1
    changed()


def changed() -> None:
    """Record that the pairs changed: new revision, selection kept inside the pair range."""
    st.session_state[REVISION] = st.session_state.get(REVISION, 0) + 1
    corrections = work()
    if corrections is not None:
        n = len(corrections.beads)
        st.session_state[PAIR] = min(max(int(st.session_state.get(PAIR, 1)), 1), n)


# The pairs (or rows) to look at as the sidebar's "Next problem" and the strip were last drawn: both are outside
# the table's fragment, which reruns alone when a filter changes, and then left them counting the kinds shown
# before ("· 6 left" beside the one number pair shown).
LOOKED_AT = "_looked_at"


def drawn_look(look):
    """Record the `ToLookAt` the page draws this run (the strip's marks and Next problem's count); return it."""
    st.session_state[LOOKED_AT] = look
    return look


def look_stale(look) -> bool:
    """Whether the strip and Next problem, as last drawn, no longer count `look` (the filter changed since)."""
    drawn = st.session_state.get(LOOKED_AT)
    return drawn is not None and drawn != look


def flash(kind: str, message: str) -> None:
    """A message shown once on the next run (kind: 'success', 'error', 'info')."""
    st.session_state[FLASH] = (kind, message)


def take_flash() -> tuple[str, str] | None:
    return st.session_state.pop(FLASH, None)


def selected_index() -> int:
    """0-based index of the selected pair."""
    return int(st.session_state.get(PAIR, 1)) - 1


def texts_of(alignment: Alignment) -> list[str]:
    """What a search looks in, per pair; rebuilt only when the pairs change."""
    key = ("texts", st.session_state.get(REVISION, 0))
    cached = st.session_state.get("_texts")
    if not cached or cached[0] != key:
        cached = (key, haystacks(alignment))
        st.session_state["_texts"] = cached
    return cached[1]


def visible(alignment: Alignment) -> list[int]:
    """Indices of the pairs the filter and search let through, in order."""
    categories = set(st.session_state.get(CATEGORIES) or PROBLEMS)
    return select(
        alignment,
        problems_only=bool(st.session_state.get(PROBLEMS_ONLY)),
        categories=categories,
        query=st.session_state.get(QUERY, ""),
        hide_reviewed=bool(st.session_state.get(HIDE_REVIEWED)),
        texts=texts_of(alignment),
    )


def page_size() -> int:
    return int(st.session_state.get(PAGE_SIZE, 50))


def show_pair(index: int) -> None:
    """Select pair `index`, turn to the page that shows it (if the filter shows it) and scroll to it."""
    st.session_state[PAIR] = index + 1
    st.session_state[SCROLL] = True
    corrections = work()
    if corrections is None:
        return
    shown = visible(corrections.alignment)
    if index in shown:
        st.session_state[PAGE] = shown.index(index) // page_size() + 1
