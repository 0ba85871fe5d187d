"""The filter bar's "Only one kind…" choice: the problems of one kind alone in two clicks, where the
pills took "Problems only" and every other pill unticked. The pills stay in sight and say what is shown."""
from __future__ import annotations

from typing import Callable, Sequence

import streamlit as st

from ui import state
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


def only_kind_box(where, kinds: Sequence[str], key: str, categories_key: str, reset_page: Callable[[], None]) -> None:
    """Draw the choice in `where` (a column); picking a kind turns "Problems only" on with the pills under
    `categories_key` set to that kind alone."""
    where.selectbox("Only one kind", list(kinds), index=None, key=key, on_change=_pick,
                    args=(key, categories_key, reset_page), format_func=kind_name, placeholder=PLACEHOLDER, label_visibility="collapsed")
