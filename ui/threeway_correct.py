"""The three-column page's correction panel: the selected row's zh–ru or zh–en pair corrected as on the
two-column page (merge, split, move, the aligner's other reading, undo, redo), the rows cut again after.

The controls are the two-column panel's own (`ui/correct_panel.py`), keyed `tw_…`; the corrections are
`aligner.threeway_corrections`' (each translation's alignment scored by the aligner's model of the
document and flagged anew, as on the two-column page, and the disagreements flagged again).
"""
from __future__ import annotations

import functools

import streamlit as st

from aligner.corrections import CorrectionError, first_changed
from aligner.threeway import ThreeWay, side_names
from aligner.threeway_corrections import SideEdit, ThreeWayCorrections, fitted_scorers
from ui import state
from ui.correct_panel import (correcting, focus_next, history_buttons, merge_buttons, pair_about, pair_texts,
                              split_and_move)

PREFIX = "tw_"  # the keys of this panel's widgets: tw_merge, tw_split, tw_undo …
EDITS = "_tw_edits"  # the corrections of the three columns on show
SIDE_KEY = "tw_side"  # the translation the panel corrects
FOCUS_PAIR = "_tw_focus_pair"  # (translation, pair) the last step changed: the pair shown in its row


def edits(result: ThreeWay) -> ThreeWayCorrections:
    """The corrections of `result`, made when it is first corrected: a new result starts a new history
    (a review opened from a file brings its own: `threeway_view.open_review`)."""
    kept = st.session_state.get(EDITS)
    if kept is None or kept.result is not result:
        inputs = st.session_state.get(state.INPUTS)
        kept = ThreeWayCorrections(result, fitted_scorers(result, inputs.model if inputs is not None else None))
        st.session_state[EDITS] = kept
    return kept


def describe(step: SideEdit | tuple[str, object]) -> str:
    """A step as the page names it: "merged pair 7 with pair 8 in the Russian"."""
    label, edit = (step.label, step.edit) if isinstance(step, SideEdit) else step
    return f"{edit.description} in the {side_names(state.three_way().alignments)[label]}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _changed(label: str, pair: int) -> None:
    """After a step: the rows cut again on the page, the row holding the pair it changed selected, and the panel
    on that pair's translation (an Undo of an English merge, pressed with Russian chosen, showed the row's
    Russian pair, and the reviewer could not see what came back)."""
    from ui.threeway_view import rows_changed

    corrections = edits(state.three_way())
    pair = min(pair, len(corrections.result.alignments[label].beads) - 1)
    st.session_state[FOCUS_PAIR] = (label, pair)
    st.session_state[SIDE_KEY] = label
    rows_changed(corrections.row_of(label, pair))


def _act(label: str, action, i: int) -> None:
    """A button's correction to pair `i` of translation `label` (a row note typed and not left is kept first)."""
    from ui.threeway_view import keep_typed_note

    keep_typed_note()
    corrections = edits(state.three_way())
    try:
        with correcting(corrections.sides[label].scorer, side_names(corrections.result.alignments)[label], PREFIX):
            edit = corrections.correct(label, lambda side: action(side, i))
    except CorrectionError as exc:
        state.flash("error", str(exc))
        return
    _changed(label, first_changed(edit))
    state.flash("success", _sentence(describe((label, edit))))


def _history_step(undo: bool) -> None:
    """Undo (or redo) the last step over both translations; the focus moves on when its button goes grey."""
    from ui.threeway_view import keep_typed_note

    keep_typed_note()
    corrections = edits(state.three_way())
    try:
        step = corrections.undo() if undo else corrections.redo()
    except CorrectionError as exc:
        state.flash("error", str(exc))
        return
    if step is None:
        state.flash("info", f"Nothing to {'undo' if undo else 'redo'}.")
        return
    _changed(step.label, first_changed(step.edit))
    if not (corrections.history if undo else corrections.undone):
        focus_next(PREFIX + ("redo" if undo else "undo"))
    state.flash("success", f"{'Undone' if undo else 'Redone'}: {describe(step)}.")


def _undo() -> None:
    _history_step(undo=True)


def _redo() -> None:
    _history_step(undo=False)


def _chosen_pair(pairs: list[int], label: str, row: int, revision: int) -> int:
    """The pair of the row to correct: the only one, else the one chosen (at first the one the last step
    changed, or the row's first)."""
    if len(pairs) == 1:
        return pairs[0]
    focus = st.session_state.get(FOCUS_PAIR)
    first = pairs.index(focus[1]) if focus and focus[0] == label and focus[1] in pairs else 0
    beads = state.three_way().alignments[label].beads
    return st.selectbox(f"Row {row} holds {len(pairs)} pairs of this translation", pairs, index=first,
                        key=f"{PREFIX}pair_{label}_{row}_{revision}",
                        format_func=lambda k: f"pair {k + 1} ({beads[k].kind.replace('-', '–')})")


def correction_panel(result: ThreeWay, row: int) -> None:
    """The selected row's (1-based) pair of the translation chosen, with the two-column panel's controls."""
    corrections = edits(result)
    names = side_names(result.alignments)
    st.header("Correct the alignment")
    if st.session_state.get(SIDE_KEY) not in result.labels:
        st.session_state[SIDE_KEY] = result.labels[0]
    label = st.radio("Translation", result.labels, key=SIDE_KEY, format_func=names.get, horizontal=True,
                     help="Each translation is aligned to the Chinese on its own: a correction changes that "
                          "translation's pairs, and the rows are cut again.")
    revision = st.session_state.get(state.REVISION, 0)
    pairs = corrections.pairs_in_row(row - 1, label)
    if not pairs:
        st.caption(f"The {names[label]} has no pair in row {row}: its sentences are in the rows around it.")
    else:
        i = _chosen_pair(pairs, label, row, revision)
        alignment = result.alignments[label]
        act = functools.partial(_act, label)
        st.caption(f"{names[label]} pair {i + 1} of {len(alignment.beads)}")
        pair_about(alignment.beads[i], i, act, PREFIX)
        pair_texts(alignment, alignment.beads[i], names[label])
        merge_buttons(i, len(alignment.beads), act, PREFIX)
        split_and_move(alignment.beads[i], i, revision, act, PREFIX)
    last = describe(corrections.history[-1]) if corrections.history else None
    undone = describe(corrections.undone[-1]) if corrections.undone else None
    history_buttons(last, undone, _undo, _redo, PREFIX)
