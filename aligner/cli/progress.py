"""A progress callback that draws one tqdm bar per pipeline stage on stderr, counted in what a user knows.

tqdm's defaults printed bare counts and rates ("543/543", "848865.85/s"): no unit, and a stage whose
first report came at once (every sentence from the embedding cache) got a rate of a jump over no time.
Each bar now names what it counts (characters, sentences, documents; a stage whose steps mean nothing to
a user shows its percentage only), and what was done before the bar appeared is its starting point, not
part of its rate: a rate is shown once it was measured.
"""
from __future__ import annotations

import sys

from tqdm import tqdm

from aligner.types import LANGUAGE_NAMES

STAGE_LABELS = {"segment": "segmenting", "embed": "embedding", "plan": "preparing", "align": "aligning",
                "review": "reviewing"}
# What each stage's done/total counts, in words; a stage not here (the search's passes over the rows, its
# set-up steps, the review's checks weighted by their time) shows only how far along it is.
STAGE_UNITS = {"segment": "characters", "embed": "sentences"}
SINGULAR = {"characters": "character", "sentences": "sentence", "documents": "document", "pairs": "pair"}
# When stderr is a file or pipe (a log), a line every LOG_INTERVAL seconds and each stage's last
# line kept; a terminal gets the smooth bar that clears itself.
LOG_INTERVAL = 10.0

COUNTED = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} {unit} [{elapsed}<{remaining}{postfix}]"
COUNTED_UNMEASURED = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} {unit} [{elapsed}]"
PERCENT = "{desc}: {percentage:3.0f}%|{bar}| [{elapsed}<{remaining}]"
PERCENT_UNMEASURED = "{desc}: {percentage:3.0f}%|{bar}| [{elapsed}]"


def rate_text(rate: float, unit: str) -> str:
    """'320 sentences/s', '1.23M characters/s', or '4.0 s per document' for what takes longer than a second."""
    if rate >= 1000:
        return f"{tqdm.format_sizeof(rate)} {unit}/s"
    if rate >= 1:
        return f"{rate:.0f} {unit}/s" if rate >= 10 else f"{rate:.1f} {unit}/s"
    return f"{1 / rate:.1f} s per {SINGULAR.get(unit, unit)}"


class UnitBar(tqdm):
    """A bar that counts `unit` (plural, e.g. "sentences"; None: its percentage only). Its rate and time left
    come from the progress made while it was shown (from `initial` on): none until some was measured."""

    def __init__(self, total: int, desc: str, unit: str | None, initial: int = 0, **kwargs) -> None:
        self.unit_name = unit
        super().__init__(total=total, desc=desc, initial=initial, unit=unit or "", unit_scale=unit == "characters",
                         bar_format=COUNTED if unit else PERCENT, **kwargs)

    def measured(self) -> bool:
        """Whether progress was made while the bar was shown, so that a rate means something."""
        return self.n > self.initial

    @property
    def format_dict(self) -> dict:
        d = super().format_dict
        rate = d.get("rate")  # tqdm's recent rate, or None before its first refresh (every 10 s in a log)
        if rate is None and self.measured() and d.get("elapsed"):
            rate = d["rate"] = (self.n - self.initial) / d["elapsed"]  # the average since the bar appeared
        if not self.measured() or not rate:
            d["bar_format"] = COUNTED_UNMEASURED if self.unit_name else PERCENT_UNMEASURED
        elif self.unit_name:
            d["postfix"] = rate_text(rate, self.unit_name)
        return d


def stage_label(stage: str) -> str:
    """A bar's name: "splitting the Russian" for "segment (ru)" (as the review page says it), "embedding (ru)" for
    three columns' "embed (ru)", "preparing: names" for "plan names", "aligning: pass 2 of 3" for "align 2/3"."""
    base, _, side = stage.partition(" ")
    if base == "segment" and side:
        return f"splitting the {LANGUAGE_NAMES.get(side.strip('()'), side)}"
    if side and not side.startswith("("):  # the search's steps and passes: "plan names", "align 2/3 (ru)"
        from aligner.align.core import step_words  # here: the command line starts without numpy's import

        part, _, side = side.partition(" ")
        return " ".join(filter(None, (f"{STAGE_LABELS.get(base, base)}:", step_words(part), side)))
    return " ".join(filter(None, (STAGE_LABELS.get(base, base), side)))


class StderrProgress:
    """Callable as progress(stage, done, total); starts a new bar whenever the stage changes."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._bar: UnitBar | None = None
        self._stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if stage != self._stage or self._bar is None:
            self.close()
            self._stage = stage
            base = stage.partition(" ")[0]
            label = stage_label(stage)
            terminal = getattr(sys.stderr, "isatty", lambda: False)()
            # done already (e.g. the sentences found in the embedding cache): where the bar starts, not a rate
            # in a log, on its own lines: below batch's bar over the documents, tqdm would place it by moving the
            # cursor up and down (escape codes a file keeps as garbage)
            self._bar = UnitBar(total, label, STAGE_UNITS.get(base), initial=min(done, total), file=sys.stderr,
                                leave=not terminal, dynamic_ncols=True, mininterval=0.1 if terminal else LOG_INTERVAL,
                                **({} if terminal else {"position": 0}))
        if self._bar.total != total:
            self._bar.total = total
        if stage.partition(" ")[0] == "review":  # one bar for the review, named by the check that runs
            from aligner.review import review_step  # here: the command line starts without the review's imports

            step = review_step(done, total)
            label = f"{stage_label(stage)}: {step}" if step else stage_label(stage)
            if self._bar.desc != label:
                self._bar.set_description_str(label, refresh=False)
        self._bar.update(done - self._bar.n)  # update() honours tqdm's refresh interval

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def document_bar(total: int, quiet: bool) -> UnitBar:
    """`batch`'s bar over its documents: "3/10 documents [00:12<00:28, 4.0 s per document]"."""
    return UnitBar(total, "documents", "documents", file=sys.stderr, disable=quiet, dynamic_ncols=True)
