"""One name for each flag kind on the page. The aligner's `weak` read as "low confidence" in the legend
and downloads but "weak" in the buttons, summary and flags: one status under two names. The page says
it in a translator's words everywhere; the kind in files stays `weak`."""
from __future__ import annotations

from aligner.export.status import STATUS_LABELS

KIND_NAMES = {"weak": STATUS_LABELS["weak"]}


def kind_name(kind: str) -> str:
    """What the page calls a flag kind or status."""
    return KIND_NAMES.get(kind, kind)
