"""A click on a row's number in the pairs table or the three-column table (or on a mark of the problem map)
selects that pair or row in the sidebar.

The table is plain HTML (`st.html`), which cannot call back. This component has no look of its
own: its script listens for clicks on the table's number buttons (keyboard-reachable buttons, so
Enter or Space works too) and hands the pair number to Python, as Streamlit's documented way for
links and buttons in the page to talk to the app (`st.components.v2`, example "inline links").
"""
from __future__ import annotations

import streamlit as st

from ui import state

KEY = "row_picker"

PICK_JS = """
export default function(component) {
  const { setTriggerValue } = component;
  const pick = (event) => {
    const button = event.target.closest('table.pairs button.pick, #problem-map button.pick');
    if (button) setTriggerValue('pick', Number(button.dataset.pick));
  };
  document.addEventListener('click', pick);
  // A click in the moment between the table and this script is not lost: the button it hit kept the
  // focus. Only on the page's first start, so that a later remount never picks a row again.
  if (!window.alignerPickerStarted) {
    window.alignerPickerStarted = true;
    const early = document.activeElement && document.activeElement.closest('table.pairs button.pick, #problem-map button.pick');
    if (early) setTriggerValue('pick', Number(early.dataset.pick));
  }
  return () => document.removeEventListener('click', pick);
}
"""

_picker = st.components.v2.component("aligner_row_picker", js=PICK_JS)


def _picked() -> None:
    from ui.correct_panel import select_pair

    number = getattr(st.session_state.get(KEY), "pick", None)
    if state.three_way() is not None:  # a row's number or a mark of the three-column page's strip: that row
        from ui.threeway_view import pick_row

        pick_row(number)
        return
    corrections = state.work()
    if corrections is not None and isinstance(number, int) and 1 <= number <= len(corrections.beads):
        select_pair(number - 1)


def row_picker() -> None:
    """Mount the listener (outside the table's fragment: a pick redraws the correction panel too)."""
    _picker(key=KEY, on_pick_change=_picked)
