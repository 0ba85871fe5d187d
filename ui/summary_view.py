"""The summary above the table: the pairs to look at (by the strip's rule) and the rest ok, coverage, confidence
along the document."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from aligner.pair_filter import MARKS, MERGED_SPLIT
from aligner.review.trust import table_rows
from aligner.summary import LookCounts, confidence_track, coverage, look_counts
from aligner.types import Alignment
from ui.pairs_table import LANG_NAMES
from ui.problem_map import MARK_COLOURS
from ui.wording import kind_name

SHORT_LABELS = {"omitted": "omitted", "added": "added", "flagged": "flagged", "weak": kind_name("weak"),
                MERGED_SPLIT: MERGED_SPLIT, "ok": "ok"}
HELP = {
    "omitted": "Chinese with no counterpart in the translation",
    "added": "Translation with no Chinese counterpart",
    "flagged": "Pairs with a review flag: numbers, names, partial translation …",
    "weak": "Low confidence: pairs the aligner is not sure about",
    MERGED_SPLIT: "Confident pairs with no flag but more than one sentence on a side: check the boundaries (purple "
                  "on the strip)",
    "ok": "Confident one-to-one pairs with no flag: nothing to look at",
}


# The summary must not take the first screen: on a 1280×800 laptop the title, the metrics and the
# chart left no pair in sight. Its counts are the label of an expander, read at a glance; the
# metrics (with their explanations), the confidence chart and how far to trust each kind of flag
# open under it.
SUMMARY_KEY = "summary"


def look_words(counts: LookCounts) -> str:
    """'44 ok · 7 to look at (2 omitted, 1 added, 2 merged/split)': the strip's pairs, by what marks them (the
    marks none has left out), and the rest ok. The line counted statuses, and said "47 ok" of merged/split pairs
    the strip marked to look at."""
    marks = ", ".join(f"{n} {SHORT_LABELS[mark]}" for mark, n in counts.marks.items() if n)
    return f"{counts.ok} ok · {counts.to_look_at} to look at" + (f" ({marks})" if marks else "")


def summary_line(alignment: Alignment) -> str:
    """Every number of the metrics on one line: 'Summary: 51 pairs · 44 ok · 7 to look at (2 omitted, …) · covered:
    zh 98%, ru 99%'."""
    counts = look_counts(alignment)
    cov = coverage(alignment)
    marked = f" ({counts.reviewed} reviewed)" if counts.reviewed else ""
    return (f"Summary: {counts.pairs} pairs{marked} · {look_words(counts)} · covered: {alignment.source.lang} "
            f"{cov.source:.0%}, {alignment.target.lang} {cov.target:.0%}")


def show_summary(alignment: Alignment) -> None:
    """The counts on one line; under it, metrics on the left (three rows of three), the confidence
    chart on the right, and the flags' trust table.

    Three to a row, so labels such as "zh covered" are not cut to "zh co…" on a laptop screen.
    """
    counts = look_counts(alignment)
    cov = coverage(alignment)
    tgt_name = LANG_NAMES.get(alignment.target.lang, "translation")
    # keyed: its label changes with the counts, and an expander the reviewer opened stays open
    with st.expander(summary_line(alignment), expanded=False, key=SUMMARY_KEY, icon=":material/bar_chart:"):
        numbers, chart = st.columns([1, 1])
        with numbers:
            cells = [cell for _ in range(3) for cell in st.columns(3)]
            cells[0].metric("pairs", counts.pairs, help=f"{counts.to_look_at} to look at (the strip's marks), "
                                                        f"{counts.reviewed} marked reviewed")
            # the pairs to look at by their mark, as the strip colours them, then the rest: ok
            for cell, name in zip(cells[1:7], (*MARKS, "ok")):
                cell.metric(SHORT_LABELS[name], counts.ok if name == "ok" else counts.marks[name], help=HELP[name])
            cells[7].metric(f"{alignment.source.lang} covered", f"{cov.source:.0%}",
                            help="Share of the Chinese characters in confident pairs")
            cells[8].metric(f"{alignment.target.lang} covered", f"{cov.target:.0%}",
                            help=f"Share of the {tgt_name} characters in confident pairs")
        with chart:
            st.altair_chart(confidence_chart(alignment), width="stretch")
        show_flag_trust()


TRUST_TITLE = "How far to trust the flags"


def show_flag_trust() -> None:
    """How often each kind of flag was right, and how much it found, in benchmarks/gaps.py."""
    rows = table_rows()
    if not rows:
        return
    st.markdown(f"**{TRUST_TITLE}**")
    st.caption("Measured by planting omissions, additions, cut clauses, changed numbers and swapped names in real "
               "translations (benchmarks/gaps.py): *right* is the share of flags that point at a planted "
               "or known problem, *found* the share of planted problems that were flagged. Literary prose: "
               "six chapters of Chinese novels with their published English translations; formal documents: "
               "the sample joint statement in Russian and English, a small test (hover a flag for the counts). "
               "Literary prose is harder: a sentence a novel's translator dropped is often glued to its neighbour. "
               "*low confidence* is measured on the undamaged chapters against their hand alignment (benchmarks/mac_eval.py): "
               "right means the pair really is misaligned, found the share of misaligned pairs flagged.")
    st.dataframe(pd.DataFrame(rows).assign(flag=lambda t: t["flag"].map(kind_name)), hide_index=True, width="stretch")


def confidence_chart(alignment: Alignment) -> alt.Chart:
    """Score of each pair against its place in the Chinese text, coloured as the strip marks it (a merged/split pair
    purple, not ok green)."""
    data = pd.DataFrame(confidence_track(alignment))
    every = (*MARKS, "ok")
    present = [s for s in every if s in set(data["mark"])] if len(data) else list(every)
    colour = alt.Color(
        "mark:N",
        scale=alt.Scale(domain=present, range=[MARK_COLOURS[s] for s in present]),
        legend=alt.Legend(orient="right", title=None),
    )
    x = alt.X("position:Q", title="position in the Chinese text", axis=alt.Axis(format="%"))
    y = alt.Y("score:Q", title="confidence", scale=alt.Scale(domain=[0, 1]))
    line = alt.Chart(data).mark_line(color="#B0B7C0", strokeWidth=1).encode(x=x, y=y)
    points = alt.Chart(data).mark_circle(size=30, opacity=0.9).encode(
        x=x, y=y, color=colour,
        tooltip=["pair:Q", "type:N", "status:N", alt.Tooltip("score:Q", format=".2f")],
    )
    return (line + points).properties(height=260)
