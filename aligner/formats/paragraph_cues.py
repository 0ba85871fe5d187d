"""Paragraph ends the words at a line break point to, trusted as far as the document itself bears them out.

Set without space between paragraphs and without a first-line indent, a paragraph whose last line
happens to be full shows nothing on the page: it could end there or run on. Its words may still say
so: the line ends a sentence and the next starts one, or the line is a table of contents' entry
(leader dots and a page number). But sentences end at line ends inside paragraphs too, and how
often is the document's own habit: a novel's dialogue is a paragraph a sentence, a statement's
paragraphs run to several. The lines inside paragraphs say it: a sentence ending in the middle of one
of them is what a line end inside a paragraph would meet as often, so the lines that carry on their
paragraph give how often a line end inside a paragraph meets a cue by chance. Of all the times a cue
shows in the doubtful lines, within them or at their ends, as many fall at line ends as the share of the
places a line could break at that line ends are (twice that for a Chinese mark, see `weigh`) if those
line ends carry on their paragraphs. Where far more fall there, too many to be chance, and most of them
beyond those expected, the cue ends a paragraph throughout the document; otherwise nowhere (it tells
no one of them from another). Nowhere, not at a guess: a wrong paragraph start misleads the aligner as much
as a missing one (a bead starting a paragraph on one side only pays the same either way), and where paragraphs
run to several sentences about a third of the full lines ending a sentence end their paragraph
(benchmarks/TRIED.md).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from aligner.normalise import is_cjk

PRECISION = 0.75  # share of the doubtful line ends showing a cue that must be expected to end a paragraph
CHANCE = 0.001  # ... and the chance that as many would show it were they all inside paragraphs

_CLOSING = "\"'»”’)）」』】》"
_OPENING = "\"'«“‘(（「『【《[—– "
_SENTENCE_END = re.compile(rf"[.!?。！？…][{_CLOSING}]*")
_LEADER_END = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}|…{2,}\s*\d{1,4}|·{4,}\s*\d{1,4}")  # Contents ........ 12


def _starts_sentence(text: str) -> bool:
    """Whether text starts as a sentence does: a capital, a digit or a Chinese character, after any opening marks."""
    head = text.lstrip(_OPENING)[:1]
    return bool(head) and (head.isupper() or head.isdigit() or is_cjk(head))


def _anything(text: str) -> bool:
    return bool(text)


@dataclass(frozen=True)
class Cue:
    """A sign that a paragraph ends at a line break: the line ends with `end`, the next line starts as `starts` says."""

    name: str
    end: re.Pattern
    starts: object  # (text) -> bool

    def at(self, line: str, after: str) -> bool:
        """Whether the cue shows at the break between a line and the line after it."""
        found = [m for m in self.end.finditer(line) if m.end() == len(line)]
        return bool(found) and self.starts(after)

    def inside(self, text: str) -> int:
        """How often the cue shows within a line: its end, then (after a space, unless Chinese is next to it)
        what the next line would start with."""
        count = 0
        for found in self.end.finditer(text):
            rest = text[found.end():]
            spaced = rest[:1].isspace() or is_cjk(text[found.end() - 1]) or is_cjk(rest[:1])
            count += bool(rest.strip()) and spaced and self.starts(rest.lstrip())
        return count


SENTENCE = Cue("a sentence ends and the next starts", _SENTENCE_END, _starts_sentence)
CONTENTS = Cue("a table of contents' entry ends", _LEADER_END, _anything)
CUES = (CONTENTS, SENTENCE)


def _places(text: str) -> int:
    """Where a line could break: at each space, and before each Chinese character."""
    return sum(1 for c in text if c.isspace() or is_cjk(c))


def _end_weight(text: str) -> int:
    """How many places a line's end counts for: two where Chinese ends it. A mark that may not start a line
    (。！？”) is kept on the line before when the break would fall before it, so a Chinese line ends after
    one twice as often as chance would have it."""
    return 2 if is_cjk(text[-1:]) else 1


def _at_least(hits: int, tries: int, chance: float) -> float:
    """The chance of at least `hits` in `tries` each with this chance (the binomial distribution's upper tail)."""
    if hits <= 0:
        return 1.0
    if chance <= 0.0:
        return 0.0
    if chance >= 1.0:
        return 1.0
    log_p, log_q = math.log(chance), math.log1p(-chance)
    return min(1.0, sum(math.exp(math.lgamma(tries + 1) - math.lgamma(k + 1) - math.lgamma(tries - k + 1)
                                 + k * log_p + (tries - k) * log_q) for k in range(hits, tries + 1)))


@dataclass(frozen=True)
class Verdict:
    """What the document says of a cue: the doubtful line ends showing it, how many of them were expected
    to, were they all inside paragraphs, the chance of as many then, and whether the cue is trusted."""

    cue: Cue
    shown: int
    expected: float
    chance: float
    trusted: bool


def weigh(cue: Cue, doubtful: list[tuple[str, str]]) -> Verdict:
    """Whether a cue ends paragraphs in this document, judged on the (line, next line) pairs of the line ends
    nothing on the page decides (see the module's doc)."""
    inside = sum(cue.inside(line) for line, _ in doubtful)
    shown = sum(1 for line, after in doubtful if cue.at(line, after))
    ends = sum(_end_weight(line) for line, _ in doubtful)
    share = ends / (ends + sum(_places(line) for line, _ in doubtful)) if doubtful else 0.0
    expected = share * (inside + shown)
    chance = _at_least(shown, inside + shown, share)
    trusted = shown > 0 and shown - expected >= PRECISION * shown and chance < CHANCE
    return Verdict(cue, shown, expected, chance, trusted)


def paragraph_ends(doubtful: list[tuple[str, str]]) -> list[bool]:
    """For each doubtful (line, next line), whether a cue the document bears out ends a paragraph there."""
    trusted = [cue for cue in CUES if weigh(cue, doubtful).trusted]
    return [any(cue.at(line, after) for cue in trusted) for line, after in doubtful]
