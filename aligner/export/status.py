"""One status per pair, so every export (and the UI) colours a pair the same way.

The status follows the bead's shape and its review flags, most serious first: a pair with no
translation is `omitted`, one with no Chinese is `added`; any other flag (number, name,
partial ...) makes it `flagged`; a `weak` flag alone (low confidence) makes it `weak`;
otherwise it is `ok`. The threshold for "weak" belongs to the review step, not to exports.
"""
from __future__ import annotations

from typing import Iterable

from aligner.types import ADDED, OMITTED, WEAK, Bead

STATUSES: tuple[str, ...] = ("omitted", "added", "flagged", "weak", "ok")

STATUS_LABELS: dict[str, str] = {
    "omitted": "omitted (no translation)",
    "added": "added (no Chinese)",
    "flagged": "flagged",
    "weak": "low confidence",
    "ok": "ok",
}

# What a reader is shown for a flag kind, where the kind's own name (kept in files: JSON `kind`, TSV/CSV
# flag columns, TMX props) is the aligner's shorthand: `weak` reads as its status does, "low confidence".
KIND_NAMES: dict[str, str] = {WEAK: STATUS_LABELS["weak"]}


def kind_name(kind: str) -> str:
    """A flag kind (or status) as every page, report and document shows it to a person."""
    return KIND_NAMES.get(kind, kind)


# Background colours (RGB hex, no '#'), light enough to read black text on.
STATUS_COLOURS: dict[str, str] = {
    "omitted": "F4C7C3",  # red
    "added": "FCE0B8",  # orange
    "flagged": "FFF2A8",  # yellow
    "weak": "DDE3EA",  # grey-blue
    "ok": "FFFFFF",  # white
}


def flags_status(kinds: Iterable[str]) -> str:
    """The status that flags of these kinds give, most serious first (a three-way row has no one shape)."""
    kinds = set(kinds)
    if OMITTED in kinds:
        return "omitted"
    if ADDED in kinds:
        return "added"
    if kinds - {WEAK}:
        return "flagged"
    return "weak" if WEAK in kinds else "ok"


def status(bead: Bead) -> str:
    """The one status of a pair: 'omitted', 'added', 'flagged', 'weak' or 'ok'."""
    if bead.src and not bead.tgt:
        return "omitted"
    if bead.tgt and not bead.src:
        return "added"
    return flags_status(flag.kind for flag in bead.flags)


def status_counts(beads: list[Bead]) -> dict[str, int]:
    """How many pairs have each status, every status present (zero if none), in STATUSES order."""
    counts = dict.fromkeys(STATUSES, 0)
    for bead in beads:
        counts[status(bead)] += 1
    return counts
