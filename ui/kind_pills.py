"""The kinds' pills of both pages, each with how many pairs (rows) a click on it shows: "omitted 2".

The pills listed every kind, and a click on one the document has none of showed "No pair matches…". A
kind with none is not offered (as the three-column page did, now with its count); a kind the reviewer has
chosen stays in sight while a correction takes its count to 0, so the filter still says what is shown."""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

import streamlit as st

from ui import state
from ui.only_kind import kind_clicked
from ui.wording import kind_name


def kind_counts(kinds_of_each: Iterable[Iterable[str]], order: Sequence[str] = ()) -> dict[str, int]:
    """How many pairs (or rows) have each kind, a pair counted once under each of its kinds: what a click
    on that kind's pill shows. Kinds in `order` first (0 when none has it), then any other, sorted."""
    counts = dict.fromkeys(order, 0)
    for kinds in kinds_of_each:
        for kind in set(kinds):
            counts[kind] = counts.get(kind, 0) + 1
    return {kind: counts[kind] for kind in [*order, *sorted(set(counts) - set(order))]}


def offered_kinds(counts: dict[str, int], key: str) -> list[str]:
    """The kinds the pills under `key` offer this run, with their state set to match (before they are drawn).

    Every pair shown ("Problems only" off): every kind offered is ticked, ready for a click on one. While
    every kind was ticked under "Problems only", a kind a correction brings is ticked too (the pair just
    corrected would else be hidden); kinds the reviewer chose stay chosen, and offered, at 0."""
    present = [kind for kind, n in counts.items() if n]
    before_key = f"_offered_{key}"
    chosen = list(st.session_state.get(key) or [])
    before = st.session_state.get(before_key)
    if not st.session_state.get(state.PROBLEMS_ONLY) or not chosen or (before is not None and set(chosen) >= set(before)):
        chosen = present
    offered = [kind for kind in counts if kind in present or kind in chosen]
    st.session_state[key] = [kind for kind in offered if kind in chosen]
    st.session_state[before_key] = offered
    return offered


def counted(counts: dict[str, int]) -> Callable[[str], str]:
    """A kind as its pill (and the "Only one kind…" list) names it: 'omitted 2', 'low confidence 0'."""
    return lambda kind: f"{kind_name(kind)} {counts.get(kind, 0)}"


def kind_pills(where, label: str, offered: Sequence[str], counts: dict[str, int], key: str,
               reset_page: Callable[[], None]) -> None:
    """Draw the pills of the kinds `offered` in `where`, each with its count; a click shows that kind alone
    (`only_kind.kind_clicked`), a second click on the only kind shown every pair again."""
    where.pills(label, list(offered), selection_mode="multi", key=key, format_func=counted(counts),
                on_change=kind_clicked, args=(list(offered), key, reset_page),
                label_visibility="collapsed", wrap=True)  # a second line on a narrow window: none cut
