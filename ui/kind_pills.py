"""The kinds' pills of both pages, each with how many of its pairs (rows) are left to look at: "omitted 2", and
once some are marked reviewed "omitted 1 of 2 left", "omitted 2 ✓" (`aligner.pair_filter.kind_tally`).

The pills listed every kind, and a click on one the document has none of showed "No pair matches…". A
kind with none is not offered (as the three-column page did, now with its count); a kind the reviewer has
chosen stays in sight while a correction takes its count to 0, so the filter still says what is shown. The
count was of every pair of the kind, reviewed or not: "omitted 3" beside a strip and a "Next problem" that
said nothing was left, once all three were ticked off."""
from __future__ import annotations

from typing import Callable, Sequence

import streamlit as st

from aligner.pair_filter import PROBLEMS, KindCount, kind_tally, problems
from aligner.types import Alignment
from ui import state
from ui.only_kind import kind_clicked
from ui.wording import kind_name


def offered_kinds(counts: dict[str, KindCount], key: str) -> list[str]:
    """The kinds the pills under `key` offer this run, with their state set to match (before they are drawn).

    Every pair shown ("Problems only" off): every kind offered is ticked, ready for a click on one. While
    every kind was ticked under "Problems only", a kind a correction brings is ticked too (the pair just
    corrected would else be hidden); kinds the reviewer chose stay chosen, and offered, at 0."""
    present = [kind for kind, n in counts.items() if n.total]
    before_key = f"_offered_{key}"
    chosen = list(st.session_state.get(key) or [])
    before = st.session_state.get(before_key)
    if not st.session_state.get(state.PROBLEMS_ONLY) or not chosen or (before is not None and set(chosen) >= set(before)):
        chosen = present
    offered = [kind for kind in counts if kind in present or kind in chosen]
    st.session_state[key] = [kind for kind in offered if kind in chosen]
    st.session_state[before_key] = offered
    return offered


def pair_kinds(alignment: Alignment, key: str) -> tuple[dict[str, KindCount], list[str]]:
    """The two-column pills' counts and the kinds they offer, their state under `key` settled (`offered_kinds`).

    Called before the strip and Next problem count the pairs of the kinds chosen, and again by the filter bar: the
    strip counted before a correction's new kind was chosen with the rest, one run behind the pills ("6 to look
    at" beside a new "partial 1" pill, 7 once the page ran again)."""
    counts = kind_tally((problems(bead) for bead in alignment.beads), (bead.reviewed for bead in alignment.beads),
                        PROBLEMS)
    return counts, offered_kinds(counts, key)


def left_words(count: KindCount) -> str:
    """How many of a kind are left to look at, in the strip's words: '2' (none reviewed yet), '1 of 2 left', '2 ✓'
    (every one reviewed), '0' (a kind chosen whose last pair a correction took)."""
    if count.left == count.total:
        return str(count.total)
    return f"{count.left} of {count.total} left" if count.left else f"{count.total} ✓"


def count_words(count: KindCount) -> str:
    """`left_words`, and the rows when a passage spans several: '1 (3 rows)', '1 of 2 left (4 rows)'."""
    return left_words(count) + (f" ({count.rows} rows)" if count.rows else "")


def counted(counts: dict[str, KindCount]) -> Callable[[str], str]:
    """A kind as its pill (and the "Only one kind…" list) names it: 'omitted 2', 'omitted 1 of 2 left', in three
    columns 'omitted 1 (3 rows)' for a passage one translation leaves out across three rows."""
    return lambda kind: f"{kind_name(kind)} {count_words(counts.get(kind, KindCount(0, 0)))}"


def kind_pills(where, label: str, offered: Sequence[str], counts: dict[str, KindCount], key: str,
               reset_page: Callable[[], None]) -> None:
    """Draw the pills of the kinds `offered` in `where`, each with its count; a click shows that kind alone
    (`only_kind.kind_clicked`), a second click on the only kind shown every pair again."""
    where.pills(label, list(offered), selection_mode="multi", key=key, format_func=counted(counts),
                on_change=kind_clicked, args=(list(offered), key, reset_page),
                label_visibility="collapsed", wrap=True)  # a second line on a narrow window: none cut
