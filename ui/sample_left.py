"""One's own text about to be aligned with the sample's other side, left in its box by mistake.

The page opens with the sample in the boxes. A reviewer who uploaded (or pasted) only their Chinese file and pressed
Align got it aligned with the sample's Russian statement: every pair of low confidence, and a warning to check "the
Russian file", which they never gave. The page says instead which box still holds the sample; Align pressed again
aligns them as they are (someone's own translation of the sample is aligned so).
"""
from __future__ import annotations

import functools
from collections.abc import Sequence


@functools.cache
def sample_texts() -> dict[str, str]:
    """The samples' texts by file name."""
    from ui.inputs import SAMPLE_TGT, SAMPLE_ZH

    return {path.name: path.read_text(encoding="utf-8") for path in (SAMPLE_ZH, *SAMPLE_TGT.values())}


def _lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if line.strip()}


@functools.cache
def _sample_lines() -> frozenset[str]:
    return frozenset().union(*(_lines(text) for text in sample_texts().values()))


MIN_OWN_CHARS = 50  # a document's worth (two Chinese sentences): a word or two tried against the sample is no mistake


def own_text(text: str) -> bool:
    """A document of the reviewer's own: some MIN_OWN_CHARS letters and signs, no line of which is a line of a sample
    (a sample edited to try the page, a sentence taken out, is still the sample)."""
    lines = _lines(text)
    return sum(len("".join(line.split())) for line in lines) >= MIN_OWN_CHARS and not lines & _sample_lines()


def sample_left(sides: Sequence[tuple[str, str, bool]]) -> str:
    """What to say when a box still holds a sample's text beside a text of the reviewer's own: a translation beside
    their Chinese, or the Chinese beside their translation; "" when none does. (The sample's Chinese and Russian with
    a second translation of one's own is the sample given one more translation.) `sides` are each box's (label on
    the page, text, whether the text came from the box rather than a file or an address), the Chinese first."""
    samples = {text: name for name, text in sample_texts().items()}

    def left(side: tuple[str, str, bool]) -> bool:
        return side[2] and side[1] in samples

    chinese, *translations = sides
    if own_text(chinese[1]):
        wrong = [side for side in translations if left(side)]
    else:
        wrong = [chinese] if left(chinese) and own_text(translations[0][1]) else []
    if not wrong:
        return ""
    label, text, _ = wrong[0]
    return (f"The **{label}** box still holds the sample's text ({samples[text]}), not yours: upload or paste your own "
            "there, then press Align. To align your text with the sample's after all, press Align again.")
