"""Moved passages: an omitted passage whose translation is an added passage elsewhere.

The alignment is monotone, so a paragraph the translator moved comes out twice: omitted where the Chinese
has it, added where the translation has it. Told apart from a real omission and a real addition, that is
one change to check, not two: both flags say where the other passage is ("moved? …"), quoting its opening
words (pair numbers change as a reviewer merges and splits; the words do not).

A pair of passages is taken as moved when each is the other's best match among the document's unmatched
passages, their lengths agree within a factor of LENGTH_FACTOR by the document's own length ratio, and their
similarity (sentence vectors centred on each side's mean, summed over the passage) is as high as the
document's own confident pairs have it (above their 10th percentile; above their median for passages of
fewer than SHORT sentences in all, as one sentence may well resemble another) and above what the passage
reaches against 200 stretches of the other text of the same size anywhere else (their 99th percentile):
passages that merely share a scene's words stay two flags.
"""
from __future__ import annotations

import numpy as np

from aligner.review.vectors import SentenceVectors
from aligner.types import ADDED, LANGUAGE_NAMES, OMITTED, Alignment, Bead, Flag

NULL_SAMPLES = 200  # stretches of the other text each passage is measured against
NULL_QUANTILE = 0.99  # the passage's match must beat this share of them
PAIR_QUANTILE = 0.1  # and be as similar as the document's confident pairs are, but for their least similar tenth
SHORT = 4  # sentences in the two passages below which a match must be as similar as the median pair
# (long_passages.py's 36 moves and gaps.py's 32 damaged documents: candidates named / false; the 10th percentile
# alone 34 / 3, the 30th alone 33 / 1, with SHORT 34 / 0)
QUOTE_CHARS = 40  # of the other passage's opening words
LENGTH_FACTOR = 2.0  # a translation is about its passage's length (80 Chinese sentences are not 2 English ones)


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)


def _passages(side: np.ndarray, spans: list[tuple[int, ...]]) -> np.ndarray:
    return _unit(np.stack([side[list(span)].sum(axis=0) for span in spans]))


def _null(sums: np.ndarray, vector: np.ndarray, size: int, avoid: tuple[int, ...], rng: np.random.Generator) -> float:
    """The NULL_QUANTILE similarity of `vector` to random stretches of `size` sentences of a side (`sums`: its
    vectors' running sums, from a row of zeros) that do not overlap `avoid`."""
    starts = np.arange(0, len(sums) - size)
    starts = starts[(starts + size <= min(avoid)) | (starts > max(avoid))]
    if len(starts) < 20:
        return np.inf  # too short a text to tell a match from chance
    picked = rng.choice(starts, size=min(NULL_SAMPLES, len(starts)), replace=False)
    return float(np.quantile(_unit(sums[picked + size] - sums[picked]) @ vector, NULL_QUANTILE))


def _running(side: np.ndarray) -> np.ndarray:
    return np.cumsum(np.vstack([np.zeros((1, side.shape[1])), side]), axis=0)


def _chars(alignment: Alignment, bead: Bead, source: bool) -> int:
    doc, indices = (alignment.source, bead.src) if source else (alignment.target, bead.tgt)
    return sum(len(doc.sentences[i].text) for i in indices)


def _quote(alignment: Alignment, bead: Bead, source: bool) -> str:
    doc, index = (alignment.source, bead.src[0]) if source else (alignment.target, bead.tgt[0])
    text = " ".join(doc.sentences[index].text.split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS].rstrip() + "…"


def moved_flags(alignment: Alignment, vectors: SentenceVectors) -> None:
    """Add to the reasons of each omitted passage and added passage that are one moved passage where the other
    is: "… ; moved? the English further on translates it: 'Grandma pleaded…'"."""
    beads = alignment.beads
    omitted = [k for k, b in enumerate(beads) if b.src and not b.tgt]
    added = [k for k, b in enumerate(beads) if b.tgt and not b.src]
    pairs = [b for b in beads if len(b.src) == 1 and len(b.tgt) == 1]
    if not omitted or not added or len(pairs) < 10:
        return
    src = vectors.src - vectors.src.mean(axis=0)
    tgt = vectors.tgt - vectors.tgt.mean(axis=0)
    own = np.einsum("ij,ij->i", _unit(src[[b.src[0] for b in pairs]]), _unit(tgt[[b.tgt[0] for b in pairs]]))
    floor, median = float(np.quantile(own, PAIR_QUANTILE)), float(np.median(own))
    ratio = sum(_chars(alignment, b, False) for b in pairs) / max(1, sum(_chars(alignment, b, True) for b in pairs))
    o_vec = _passages(src, [beads[k].src for k in omitted])
    a_vec = _passages(tgt, [beads[k].tgt for k in added])
    sims = o_vec @ a_vec.T
    rng, sums = np.random.default_rng(0), {}
    tgt_name = LANGUAGE_NAMES.get(alignment.target.lang, alignment.target.lang)
    src_name = LANGUAGE_NAMES.get(alignment.source.lang, alignment.source.lang)
    for x, y in enumerate(sims.argmax(axis=1)):
        o, a = beads[omitted[x]], beads[added[y]]
        least = median if len(o.src) + len(a.tgt) < SHORT else floor
        if sims[:, y].argmax() != x or sims[x, y] < least or abs(omitted[x] - added[y]) < 2:
            continue  # not each other's best, not like a translation, or side by side (a free rendering)
        expected = _chars(alignment, o, True) * ratio
        if not expected / LENGTH_FACTOR <= _chars(alignment, a, False) <= expected * LENGTH_FACTOR:
            continue
        if not sums:  # the running sums of both sides, once, for the few pairs that get this far
            sums.update(src=_running(src), tgt=_running(tgt))
        if sims[x, y] <= max(_null(sums["tgt"], o_vec[x], len(a.tgt), a.tgt, rng),
                             _null(sums["src"], a_vec[y], len(o.src), o.src, rng)):
            continue
        where = "further on" if added[y] > omitted[x] else "earlier"
        there = "further on" if omitted[x] > added[y] else "earlier"
        _annotate(o, OMITTED, f"moved? the {tgt_name} {where} translates it: '{_quote(alignment, a, False)}'")
        _annotate(a, ADDED, f"moved? it translates the {src_name} {there}: '{_quote(alignment, o, True)}'")


def _annotate(bead: Bead, kind: str, note: str) -> None:
    for k, flag in enumerate(bead.flags):
        if flag.kind == kind and "moved?" not in flag.reason:
            bead.flags[k] = Flag(kind, f"{flag.reason}; {note}", flag.marks)
