"""A progress callback that draws one tqdm bar per pipeline stage on stderr."""
from __future__ import annotations

import sys

from tqdm import tqdm

STAGE_LABELS = {"segment": "segmenting", "embed": "embedding", "plan": "preparing", "align": "aligning",
                "review": "reviewing"}
# When stderr is a file or pipe (a log), a line every LOG_INTERVAL seconds and each stage's last
# line kept; a terminal gets the smooth bar that clears itself.
LOG_INTERVAL = 10.0


class StderrProgress:
    """Callable as progress(stage, done, total); starts a new bar whenever the stage changes."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._bar: tqdm | None = None
        self._stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if stage != self._stage or self._bar is None:
            self.close()
            self._stage = stage
            base, _, side = stage.partition(" ")  # three columns: "embed (ru)"
            label = " ".join(filter(None, (STAGE_LABELS.get(base, base), side)))
            terminal = getattr(sys.stderr, "isatty", lambda: False)()
            self._bar = tqdm(total=total, desc=label, unit="", file=sys.stderr, leave=not terminal, dynamic_ncols=True,
                             mininterval=0.1 if terminal else LOG_INTERVAL)
        if self._bar.total != total:
            self._bar.total = total
        self._bar.update(done - self._bar.n)  # update() honours tqdm's refresh interval

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
