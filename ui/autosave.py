"""A reviewer's work survives a reload of the page (F5, a tab the browser put to sleep, a lost connection).

Streamlit keeps the page's state per browser connection, so a reload used to throw away every
correction, mark and note without a word, and texts pasted and aligned, in two or three columns (the
sample came back). After each alignment and correction the work is kept on the server (pickled, in
the same kind of small store as the alignments) under a random key the page's address carries
(`?work=…`); a page opened at that address takes a copy of it and a key of its own, so a duplicated
tab never writes over the first tab's work. Kept in memory only: the project file is what keeps work
across a server restart.
"""
from __future__ import annotations

import pickle
import uuid
from dataclasses import dataclass

import streamlit as st

from aligner.corrections import Corrections
from aligner.threeway import ThreeWay
from aligner.threeway_corrections import ThreeWayCorrections
from ui import state, unsaved
from ui.inputs import Inputs, show_in_panel
from ui.run import AlignmentStore
from ui.threeway_correct import EDITS as THREE_EDITS
from ui.threeway_view import restore_saved_marks, saved_marks

PARAM = "work"  # the address's query parameter
KEY, KEPT = "_work_key", "_work_kept"  # this page's key; the revision (and project save) last kept
KEEP_PAGES = 32  # pages' work kept on the server (each reload takes one; about 1 MB for 1,300 pairs)


@dataclass
class Kept:
    """What a reload gives back: a two-way alignment under correction, or three columns."""

    corrections: Corrections | None
    inputs: Inputs
    pair: int  # 0-based, the selected pair
    saved: tuple | list | None = None  # where the work stood when its project was last saved (`ui/unsaved.py`;
    # for three columns, the rows' ✓ and notes and where the corrections stood then: `threeway_view.saved_marks`)
    three_way: ThreeWay | None = None
    three_edits: ThreeWayCorrections | None = None  # three columns' corrections, for undo after the reload


@st.cache_resource
def _store() -> AlignmentStore:
    return AlignmentStore(keep=KEEP_PAGES)


def remember() -> None:
    """Keep the alignment on show (texts pasted and aligned, two or three columns) and its corrections once
    they changed, and put their key in the address."""
    corrections, three_way = state.work(), state.three_way()
    if corrections is None and three_way is None:
        return
    saved = unsaved.saved_point(corrections) if corrections is not None else saved_marks(three_way)
    now = (st.session_state.get(state.REVISION, 0), saved)
    if st.session_state.get(KEPT) == now and st.query_params.get(PARAM) == st.session_state.get(KEY):
        return
    key = st.session_state.setdefault(KEY, uuid.uuid4().hex)
    try:
        edits = st.session_state.get(THREE_EDITS) if three_way is not None else None
        edits = edits if edits is not None and edits.result is three_way else None
        _store().put(key, Kept(corrections, st.session_state[state.INPUTS], state.selected_index(), saved, three_way,
                               edits))
    except pickle.PicklingError:  # e.g. a module reloaded by Streamlit under a developer: keeping is a nicety
        return
    st.session_state[KEPT] = now
    st.query_params[PARAM] = key


def restore() -> None:
    """On a new page (nothing on show yet) whose address names kept work: put that work back."""
    if state.work() is not None or state.three_way() is not None or PARAM not in st.query_params:
        return
    kept = _store().get(st.query_params[PARAM])
    del st.query_params[PARAM]  # this page keeps its work under a key of its own (see remember)
    if kept is None:
        state.flash("info", "The work this page's address pointed to is no longer kept on the server (it was "
                            "restarted, or many other pages were opened since): if it had corrections, open your "
                            "saved project to carry on.")
        return
    show_in_panel(kept.inputs)
    if kept.three_way is not None:
        state.start_three(kept.three_way, kept.inputs)
        if kept.three_edits is not None:  # pickled with its rows: the same result, undo and redo with it
            st.session_state[THREE_EDITS] = kept.three_edits
        restore_saved_marks(kept.three_way, kept.saved)  # rows saved before the reload are not asked about
        return
    state.start(kept.corrections.alignment, kept.inputs, kept.corrections.history,
                rescore=kept.corrections.scorer is not None,  # checked rows stay unscored by the model
                undone=kept.corrections.undone)  # redo too
    state.show_pair(min(kept.pair, len(kept.corrections.beads) - 1))
    unsaved.restore_saved_point(state.work(), kept.saved)
    n = len(kept.corrections.history)
    if n:  # else the page simply looks as it did
        state.flash("success", f"Your work is back: {n} correction{'s' if n != 1 else ''}, with undo. "
                               "Save the project to keep it past a restart of the server.")
