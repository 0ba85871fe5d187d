"""`partial`: a pair whose translation is much shorter (or longer) than this document predicts.

Every translator has a rhythm: so many letters of Russian or English per Chinese character. It
is learnt from the document itself — the median log length ratio of its confident 1–1 pairs,
with a robust spread (MAD) — because it differs from text to text (2.5 to 4 letters per
character in the MAC chapters). Length noise shrinks as sentences grow, so the spread is scaled
by `sqrt(1 + K/length)`. When the encoder is at hand, a similarity below the document's usual
(embeddings centred per side, as the aligner does) adds to the evidence: a dropped clause makes
the translation both shorter and less alike.

A short document learns its ratio and spread from a dozen pairs, and both estimates are then
loose: the flag's threshold is that of a Student t with n − 1 degrees of freedom for n reference
pairs (3 spreads become 3.6 at 15 pairs, 3.08 at 100), and the spread is widened by the
median's own error (`sqrt(1 + π/2n)`), so a short notice flags only clear cuts.

Lengths are content, not raw characters: an abbreviation (КНР for 中华人民共和国, В.В. for
弗·弗·, г. for 年) counts as the words it stands for, and digits, which a date has as many of
in either language, count on neither side — otherwise a complete, abbreviating translation
looks cut short.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from aligner.review.memo import ReviewMemo, bead_key, remembered
from aligner.review.vectors import SentenceVectors
from aligner.types import ADDED, OMITTED, Alignment, Bead, Flag

PARTIAL = "partial"

# Letters per Chinese character when the document has too few confident pairs to tell.
PRIOR_LOG_RATIO = {"en": math.log(3.0), "ru": math.log(3.3)}
PRIOR_SPREAD = 0.3
MIN_REFERENCE = 12  # confident 1–1 pairs needed to learn the document's own ratio
K_CHARS = 25.0  # Chinese characters at which sampling noise equals the translator's own variation
SIM_WEIGHT = 0.5  # weight of the similarity z-score next to the length z-score
SHORTER_AT = 3.0  # evidence (in spreads) above which a pair is flagged as cut short
LONGER_AT = 4.0  # length z above which a translation is flagged as padded
MIN_SOURCE = 8  # shorter Chinese sentences vary too much to judge
MIN_SPREAD = 0.1  # even a very regular translator abbreviates now and then (КНР for 中华人民共和国)
MEDIAN_VARIANCE = math.pi / 2  # variance of a sample median, in units of the spread² / n


# Abbreviations stand for whole words: an acronym (КНР, ООН, UN) one word per capital, a dotted
# short form or initial (г., гг., т.е., В.) one word. Digits are left out on both sides: a date
# has as many digits in either language, so scaling them by the letter ratio would misjudge it.
_ACRONYM = re.compile(r"\b[A-ZА-ЯЁ]{2,6}\b")
_DOTTED = re.compile(r"(?<!\w)(?:[A-ZА-ЯЁ]\.|(?i:гг?|т\.\s?[епд]|др|млн|млрд|тыс|руб|стр|св|им|Mr|Mrs|Dr|St|No|e\.g|i\.e|etc)\.)")
_WORD = re.compile(r"[^\W\d_]+")
# A Chinese transcription initial (弗·弗·普京): the single Han character before an interpunct
_INITIAL = re.compile(r"[\u3400-\u9fff](?=[·・•‧])")


# Chinese numerals read digit by digit (二〇二四年, 一九四九年) are digits written as characters: the translation's 2024
# has none of its letters.
_CN_DIGIT_RUN = re.compile("[〇零一二三四五六七八九]{3,}")


def source_content(text: str) -> int:
    """Han characters and letters of a Chinese sentence, without digits (in figures or read one by one) and
    transcription initials."""
    return sum(ch.isalpha() for ch in text) - len(_INITIAL.findall(text)) - \
        sum(ch.isalpha() for m in _CN_DIGIT_RUN.finditer(text) for ch in m.group(0))  # 〇 is no letter


# A dash between a word and a figure in Russian stands for the words a list of figures leaves out after the
# first (первичного сектора составила 7,1%, вторичного — 38,3%): the Chinese writes them out each time.
_ELLIPSIS_DASH = re.compile(r"(?<=[^\W\d_])\s+[—–]\s+(?=\d)")
ELLIPSIS_WORDS = 2  # words such a dash stands for


def target_content(text: str, word_letters: float) -> float:
    """Letters of a translation, with abbreviations and the dashes of a list of figures counted as the words
    they stand for, no digits."""
    total = float(sum(ch.isalpha() for ch in text))
    total += len(_ELLIPSIS_DASH.findall(text)) * ELLIPSIS_WORDS * word_letters
    for m in _ACRONYM.finditer(text):
        total += len(m.group(0)) * (word_letters - 1)
    for m in _DOTTED.finditer(text):
        total += word_letters - sum(ch.isalpha() for ch in m.group(0))
    return total


def mean_word_letters(text: str) -> float:
    """Letters per word of the translation: what one abbreviated word stands for."""
    words = [len(w) for w in _WORD.findall(text) if len(w) > 1]
    return float(np.mean(words)) if words else 5.0


@dataclass(frozen=True)
class LengthModel:
    """The document's own length ratio: median log(target letters / Chinese characters) and spread."""

    log_ratio: float
    spread: float
    pairs: int = 0  # reference pairs it was learnt from (0: the prior, taken as known)

    def shorter_at(self, at: float) -> float:
        """The evidence that is as rare, for a ratio and spread learnt from `pairs` pairs, as `at` spreads of a
        normal tail: the same quantile of a Student t with pairs − 1 degrees of freedom."""
        if self.pairs < 2:
            return at
        from scipy.stats import norm as normal, t as student_t  # here: scipy.stats takes a second to import

        return float(student_t.ppf(normal.cdf(at), self.pairs - 1))

    def z(self, src_letters: int, tgt_letters: int) -> float:
        """How many spreads the pair's log ratio lies from the document's (negative = shorter)."""
        ratio = math.log(max(tgt_letters, 1) / max(src_letters, 1))
        return (ratio - self.log_ratio) / (self.spread * math.sqrt(1 + K_CHARS / max(src_letters, 1)))


def _reference(alignment: Alignment) -> list[Bead]:
    """Confident 1–1 pairs with no flags: the document's normal."""
    return [b for b in alignment.beads if len(b.src) == 1 and len(b.tgt) == 1 and b.score >= 0.5
            and not any(f.kind in (OMITTED, ADDED, PARTIAL) for f in b.flags)]


def _robust(values: np.ndarray) -> tuple[float, float]:
    median = float(np.median(values))
    return median, float(1.4826 * np.median(np.abs(values - median)))


def _lengths(alignment: Alignment, bead: Bead, word_letters: float) -> tuple[float, float]:
    """Content of each side of a bead: Chinese characters, translation letters (abbreviations expanded)."""
    src = sum(source_content(alignment.source.sentences[i].norm) for i in bead.src)
    tgt = sum(target_content(alignment.target.sentences[j].norm, word_letters) for j in bead.tgt)
    return src, tgt


def _lengths_kept(alignment: Alignment, bead: Bead, word_letters: float, memo: ReviewMemo | None) -> tuple[float, float]:
    return remembered(memo, alignment, "lengths", (bead_key(bead), word_letters),
                      lambda: _lengths(alignment, bead, word_letters))


def fit_length_model(alignment: Alignment, word_letters: float | None = None,
                     memo: ReviewMemo | None = None) -> LengthModel:
    """The document's length ratio from its confident 1–1 pairs (a prior when there are too few), its spread
    widened by the uncertainty of the median."""
    if word_letters is None:
        word_letters = mean_word_letters(alignment.target.text)
    pairs = [_lengths_kept(alignment, b, word_letters, memo) for b in _reference(alignment)]
    pairs = [(s, t) for s, t in pairs if s >= 2 and t >= 2]
    if len(pairs) < MIN_REFERENCE:
        return LengthModel(PRIOR_LOG_RATIO.get(alignment.target.lang, math.log(3.0)), PRIOR_SPREAD)
    s = np.array([p[0] for p in pairs], float)
    t = np.array([p[1] for p in pairs], float)
    median, _ = _robust(np.log(t / s))
    # spread at infinite length: residuals divided by their length scaling
    scaled = (np.log(t / s) - median) / np.sqrt(1 + K_CHARS / s)
    _, spread = _robust(scaled)
    # a new pair's distance from the median carries the median's own error too
    spread = max(spread, MIN_SPREAD) * math.sqrt(1 + MEDIAN_VARIANCE / len(pairs))
    return LengthModel(median, spread, len(pairs))


def bead_similarities(alignment: Alignment, vectors: SentenceVectors) -> np.ndarray:
    """Cosine similarity of each bead's two sides (NaN for null beads), embeddings centred per side."""
    src = vectors.src - vectors.src.mean(axis=0)
    tgt = vectors.tgt - vectors.tgt.mean(axis=0)
    sims = np.full(len(alignment.beads), np.nan)
    for k, bead in enumerate(alignment.beads):
        if bead.src and bead.tgt:
            a = src[list(bead.src)].sum(axis=0)
            b = tgt[list(bead.tgt)].sum(axis=0)
            sims[k] = float(a @ b / max(np.linalg.norm(a) * np.linalg.norm(b), 1e-12))
    return sims


def partial_flags(alignment: Alignment, vectors: SentenceVectors | None = None, flag_from: int = 0,
                  memo: ReviewMemo | None = None) -> None:
    """Flag pairs (from index `flag_from` on) whose translation is far shorter (a clause likely missing) or longer
    than predicted."""
    word_letters = remembered(memo, alignment, "word letters", None, lambda: mean_word_letters(alignment.target.text))
    model = fit_length_model(alignment, word_letters, memo)
    sims = bead_similarities(alignment, vectors) if vectors is not None and alignment.beads else None
    sim_z = None
    if sims is not None:
        reference = {id(b) for b in _reference(alignment)}
        ref = [k for k, b in enumerate(alignment.beads) if id(b) in reference]
        if len(ref) >= MIN_REFERENCE:
            sim_median, sim_spread = _robust(sims[ref])
            sim_z = (sims - sim_median) / max(sim_spread, 1e-3)
    tgt_name = {"en": "English", "ru": "Russian"}.get(alignment.target.lang, alignment.target.lang)
    for k, bead in enumerate(alignment.beads[flag_from:], flag_from):
        if not bead.src or not bead.tgt or any(f.kind == PARTIAL for f in bead.flags):
            continue
        src_len, tgt_len = _lengths_kept(alignment, bead, word_letters, memo)
        if src_len < MIN_SOURCE:
            continue
        z = model.z(src_len, tgt_len)
        evidence = -z + (SIM_WEIGHT * -min(sim_z[k], 0.0) if sim_z is not None else 0.0)
        expected = src_len * math.exp(model.log_ratio)
        share = tgt_len / expected
        if z < 0 and evidence >= model.shorter_at(SHORTER_AT):
            bead.flags.append(Flag(PARTIAL, f"the {tgt_name} is {share:.0%} of the length this document's pairs "
                                            "predict; a clause may be missing"))
        elif z >= LONGER_AT:
            bead.flags.append(Flag(PARTIAL, f"the {tgt_name} is {share:.1f}× the length this document's pairs "
                                            "predict; something may have been added"))
