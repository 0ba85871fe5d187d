"""A reviewer's work survives a reload of the page (F5, a tab the browser put to sleep, a lost connection).

Streamlit keeps the page's state per browser connection, so a reload used to throw away every
correction, mark and note without a word. After each correction the work is kept on the server
(pickled, in the same kind of small store as the alignments) under a random key the page's
address carries (`?work=…`); a page opened at that address takes a copy of it and a key of its own,
so a duplicated tab never writes over the first tab's work. Kept in memory only: the project file
is what keeps work across a server restart.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

import streamlit as st

from aligner.corrections import Corrections
from ui import state
from ui.inputs import Inputs, show_in_panel
from ui.run import AlignmentStore

PARAM = "work"  # the address's query parameter
KEY, SAVED = "_work_key", "_work_saved_revision"  # this page's key; the revision last kept
KEEP_PAGES = 32  # pages' work kept on the server


@dataclass
class Kept:
    """What a reload gives back."""

    corrections: Corrections
    inputs: Inputs
    pair: int  # 0-based, the selected pair


@st.cache_resource
def _store() -> AlignmentStore:
    return AlignmentStore(keep=KEEP_PAGES)


def remember() -> None:
    """Keep this page's corrections once they changed, and put their key in the address."""
    corrections = state.work()
    if corrections is None or not corrections.has_work:
        return
    revision = st.session_state.get(state.REVISION, 0)
    if st.session_state.get(SAVED) == revision and st.query_params.get(PARAM) == st.session_state.get(KEY):
        return
    key = st.session_state.setdefault(KEY, uuid.uuid4().hex)
    _store().put(key, Kept(corrections, st.session_state[state.INPUTS], state.selected_index()))
    st.session_state[SAVED] = revision
    st.query_params[PARAM] = key


def restore() -> None:
    """On a new page (nothing on show yet) whose address names kept work: put that work back."""
    if state.work() is not None or state.three_way() is not None or PARAM not in st.query_params:
        return
    kept = _store().get(st.query_params[PARAM])
    del st.query_params[PARAM]  # this page keeps its work under a key of its own (see remember)
    if kept is None:
        state.flash("info", "The work this page's address pointed to is no longer kept on the server (it was "
                            "restarted, or many other pages were opened since): open your saved project to carry on.")
        return
    state.start(kept.corrections.alignment, kept.inputs, kept.corrections.history)
    state.show_pair(min(kept.pair, len(kept.corrections.beads) - 1))
    show_in_panel(kept.inputs)
    n = len(kept.corrections.history)
    state.flash("success", f"Your work is back: {n} correction{'s' if n != 1 else ''}, with undo. "
                           "Save the project to keep it past a restart of the server.")
