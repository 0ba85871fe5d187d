"""Where a flag's evidence lies in the user's own text, as `Mark`s (character offsets).

The review reads a pair in its match form, the sentences' `norm`s joined (`bead_text`): a
quantity or term found there has offsets into that joined string. These
helpers carry such offsets back to the document, sentence by sentence, through
`normalise.norm_positions`; words the reason quotes as the user wrote them are found directly.
"""
from __future__ import annotations

import re

from aligner.normalise import norm_positions
from aligner.types import Document, Mark


def joiner(document: Document) -> str:
    """What separates sentences when a pair's side is read as one text (none between Chinese ones)."""
    return "" if document.lang == "zh" else " "


def bead_text(document: Document, indices: tuple[int, ...]) -> str:
    """The match form of some sentences read as one text (Traditional → Simplified, full-width → half-width)."""
    return joiner(document).join(document.sentences[i].norm or document.sentences[i].text for i in indices)


def joined_marks(document: Document, indices: tuple[int, ...], spans: list[tuple[int, int]], side: str) -> tuple[Mark, ...]:
    """Marks for `spans` of the joined match form of sentences `indices` (as `bead_text` builds it)."""
    marks, offset, glue = [], 0, len(joiner(document))
    for i in indices:
        sentence = document.sentences[i]
        norm = sentence.norm or sentence.text
        inside = [(s - offset, e - offset) for s, e in spans if offset <= s < offset + len(norm)]
        if inside:
            positions = norm_positions(sentence.text, norm) if sentence.norm else list(range(len(norm)))
            for s, e in inside:
                e = min(e, len(norm))
                marks.append(Mark(side, sentence.start + positions[s], sentence.start + positions[e - 1] + 1))
        offset += len(norm) + glue
    return tuple(marks)


def word_marks(document: Document, indices: tuple[int, ...], words: list[str], side: str) -> tuple[Mark, ...]:
    """Every place a pair's side writes one of `words` exactly (as the user's text has them)."""
    if not indices or not words:
        return ()
    start = document.sentences[indices[0]].start
    text = document.span_text(indices)
    pattern = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)
    if not pattern:
        return ()
    return tuple(Mark(side, start + m.start(), start + m.end()) for m in re.finditer(pattern, text))
