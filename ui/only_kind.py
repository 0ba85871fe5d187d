"""The filter bar's "Only one kind…" choice: the problems of one kind alone in two clicks, where the
pills took "Problems only" and every other pill unticked. The pills stay in sight and say what is shown."""
from __future__ import annotations

from typing import Callable, Sequence

import streamlit as st

from ui import state
from ui.correct_panel import FOCUS_BOX, FOCUS_SCRIPT
from ui.wording import kind_name

PLACEHOLDER = "Only one kind…"


def _pick(key: str, categories_key: str, reset_page: Callable[[], None]) -> None:
    kind = st.session_state.get(key)
    if kind is None:
        return
    st.session_state[state.PROBLEMS_ONLY] = True
    st.session_state[categories_key] = [kind]
    st.session_state[key] = None  # empty again, for another kind: the pills say what is shown
    reset_page()
    st.session_state[_picks(key)] = st.session_state.get(_picks(key), 0) + 1  # one focus script more to draw


def _picks(key: str) -> str:
    return f"{key}_picks"


def kind_clicked(kinds: Sequence[str], categories_key: str, reset_page: Callable[[], None]) -> None:
    """A kind's pill clicked while every pair is shown: that kind's problems alone. The pills were greyed
    out and did nothing until "Problems only" was found; and the click, which unticks the pill, meant
    "show me these", not every kind but these. The click that unticks the last pill shows every pair again."""
    if not st.session_state.get(state.PROBLEMS_ONLY):
        clicked = [kind for kind in kinds if kind not in (st.session_state.get(categories_key) or [])]
        st.session_state[categories_key] = clicked[:1] or list(kinds)
        st.session_state[state.PROBLEMS_ONLY] = True
    elif not st.session_state.get(categories_key):
        # the last ticked pill clicked again: the reviewer is done with that kind. No pill ticked showed every
        # problem under "Problems only", which no pill said: back to every pair, every pill ticked, as before
        # the first click
        st.session_state[categories_key] = list(kinds)
        st.session_state[state.PROBLEMS_ONLY] = False
    reset_page()


def problems_only_toggled(kinds: Sequence[str], categories_key: str, reset_page: Callable[[], None]) -> None:
    """Every pair shown again: every kind's pill ticked, ready for the next click on one."""
    if not st.session_state.get(state.PROBLEMS_ONLY):
        st.session_state[categories_key] = list(kinds)
    reset_page()


def only_kind_box(where, kinds: Sequence[str], key: str, categories_key: str, reset_page: Callable[[], None],
                  width: int | str = "stretch", name: Callable[[str], str] = kind_name, then_focus: str = "") -> None:
    """Draw the choice in `where` (a column, or a row of controls with the box `width` pixels wide), each kind
    as `name` says it (with its count, as on its pill); picking a kind turns "Problems only" on with the pills
    under `categories_key` set to that kind alone, and puts the keyboard focus on the button `then_focus`."""
    where.selectbox("Only one kind", list(kinds), index=None, key=key, on_change=_pick,
                    args=(key, categories_key, reset_page), format_func=name, placeholder=PLACEHOLDER,
                    label_visibility="collapsed", width=width)
    # The keyboard focus stayed in the box after a pick, where the key N typed an "n" instead of going to the
    # next problem: the script hands it to the button `then_focus`. Drawn here, as the box's fragment reruns
    # alone (the sidebar's focus script is not drawn again), in a box that takes no room (app.PAGE_CSS).
    picks, drawn = st.session_state.get(_picks(key), 0), st.session_state.get(f"{_picks(key)}_drawn", 0)
    if then_focus and picks > drawn:  # once a pick
        st.session_state[f"{_picks(key)}_drawn"] = picks
        where.container(key=f"{FOCUS_BOX}_{key}").html(FOCUS_SCRIPT.format(key=then_focus, other=key, count=picks),
                                                         unsafe_allow_javascript=True)
