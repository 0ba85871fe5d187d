"""Corrections not yet in a saved project: said beside "Save project", and asked about before the tab closes.

The page keeps its work across a reload (`ui/autosave.py`), but only the project file keeps it once the
tab or the browser is closed or the server stops. So the page counts the corrections made since the
project was last saved (or opened), and while there are any the browser asks before leaving the page.
"""
from __future__ import annotations

import streamlit as st

from aligner.corrections import Corrections, Edit
from ui import state

SAVED = "_project_saved"  # (the work, its number of corrections, the last one) when its project was last saved or opened

# The browser's own "Leave site?" question, on while the page holds unsaved corrections. The flag is
# in the script's text, so that the page runs it anew whenever it changes.
GUARD_JS = """<script>
(() => {{
  window.alignerUnsaved = {unsaved};
  if (!window.alignerGuard) {{
    window.alignerGuard = true;
    window.addEventListener("beforeunload", event => {{
      if (window.alignerUnsaved) {{ event.preventDefault(); event.returnValue = ""; }}
    }});
  }}
}})();
</script>"""


def _point(corrections: Corrections) -> tuple[Corrections, int, Edit | None]:
    history = corrections.history
    return corrections, len(history), history[-1] if history else None


def mark_saved() -> None:
    """The project file now holds the page's work (Save project clicked, a project opened)."""
    corrections = state.work()
    if corrections is not None:
        st.session_state[SAVED] = _point(corrections)


def saved_point(corrections: Corrections) -> tuple[int, Edit | None] | None:
    """Where `corrections` stood when their project was last saved (None: never), for a reload to carry."""
    work, count, last = st.session_state.get(SAVED, (None, 0, None))
    return (count, last) if work is corrections else None


def restore_saved_point(corrections: Corrections, point: tuple[int, Edit | None] | None) -> None:
    if point is not None:
        st.session_state[SAVED] = (corrections, *point)


def unsaved(corrections: Corrections) -> int:
    """How many corrections the saved project lacks (every one when it was never saved)."""
    work, count, last = st.session_state.get(SAVED, (None, 0, None))
    if work is not corrections:  # other work on the page since (aligned, opened, restored): never saved
        return len(corrections.history)
    return steps_since(corrections.history, count, last)


def steps_since(history: list, count: int, last) -> int:
    """How many steps of `history` a file saved when it held `count` steps, the last `last`, lacks (two or
    three columns: `Edit`s or `SideEdit`s)."""
    if _holds(history, count, last):
        return len(history) - count
    return max(len(history), 1)  # undone past the save: the file differs


def _holds(history: list, count: int, last) -> bool:
    """Whether `history` still begins with the `count` steps a file was saved with (the last `last`)."""
    return len(history) >= count and (count == 0 or history[count - 1] == last)


MARKS = ("review", "note")  # the steps that mark a pair reviewed or note it, not re-cut it


def unsaved_words(corrections: Corrections) -> str:
    """What the saved project lacks, as the three-column page says it: "2 corrections and 1 pair marked or noted"
    ("" for nothing). Every ✓ counted as a correction: "7 corrections" after seven pairs marked and no other step."""
    work, count, last = st.session_state.get(SAVED, (None, 0, None))
    history = corrections.history
    if work is not corrections:  # never saved: every step
        steps = history
    elif _holds(history, count, last):
        steps = history[count:]
    else:  # undone past the save: the file differs by steps no longer here
        return "changes"
    n, marks = len(steps), sum(step.op in MARKS for step in steps)
    parts = ([f"{n - marks} correction{'s' if n - marks != 1 else ''}"] * bool(n - marks)
             + [f"{marks} pair{'s' if marks != 1 else ''} marked or noted"] * bool(marks))
    return " and ".join(parts)


def guard() -> None:
    """Say what the saved project lacks, and ask before the tab closes while it lacks anything."""
    corrections = state.work()
    if corrections is not None:
        work = unsaved_words(corrections)
    elif state.three_way() is not None:  # three columns: rows' ✓ marks and notes
        from ui.threeway_view import unsaved_work

        work = unsaved_work(state.three_way())
    else:
        work = ""
    if work:
        st.caption(f"{work} not in a saved project yet: save it to keep your work once this tab is closed.")
    st.html(GUARD_JS.format(unsaved="true" if work else "false"), unsafe_allow_javascript=True)
