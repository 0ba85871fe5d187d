"""One name for each flag kind on the page. The aligner's `weak` read as "low confidence" in the legend
and downloads but "weak" in the buttons, summary and flags: one status under two names. The page says
it in a translator's words everywhere, as the reports and documents do (`aligner.export.status.kind_name`);
the kind in files stays `weak`."""
from __future__ import annotations

from aligner.export.status import KIND_NAMES, kind_name

__all__ = ["KIND_NAMES", "kind_name"]
