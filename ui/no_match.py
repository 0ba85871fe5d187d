"""What the page says when the filters and the search leave nothing to show: which of them did it, and
how to get the rows back. "No pair matches the filter or the search." left the reviewer to find out, after
a click on a kind the document did not have (the pills offered every kind; they now offer the kinds present,
with their counts: `ui/kind_pills.py`)."""
from __future__ import annotations

from typing import Collection, Sequence

from ui.wording import kind_name


def no_match_message(noun: str, problems_only: bool, ticked: Collection[str], kinds: Sequence[str], query: str,
                     hide_reviewed: bool = False) -> str:
    """'No pair matches the filter or the search: kind name. A second click on it shows every pair again.'
    (`noun` 'pair' or 'row'; `ticked` the kinds' pills ticked, `kinds` every pill.)"""
    why, back = [], []
    if problems_only and ticked and set(ticked) != set(kinds):
        names = [kind_name(kind) for kind in kinds if kind in ticked]
        why.append(f"kind{'s' if len(names) > 1 else ''} {', '.join(names)}")
        if len(names) == 1:
            back.append(f"A second click on {names[0]} shows every {noun} again.")
    elif problems_only:
        why.append("problems only")
    if query.strip():
        why.append(f"search “{query.strip()}”")
        back.append("Clear the search to see more.")
    if hide_reviewed:
        why.append(f"reviewed {noun}s hidden")
    said = f": {' · '.join(why)}." if why else "."
    return f"No {noun} matches the filter or the search{said}" + "".join(f" {line}" for line in back)
