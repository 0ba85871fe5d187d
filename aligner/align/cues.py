"""Cues no encoder needs: dialogue quotes, questions, exclamations, ellipses, utterances that run
over several sentences, romanised names — and how much they tell about a pair, learned from the
document itself.

Each cue is a yes/no property of a span (any of its sentences has it). Whether the two sides of
a bead agree on it is scored by a log-likelihood ratio table estimated per document: how often
the cue pattern occurs in its confident first-pass anchor pairs against pairs a few sentences
apart. A translation that keeps dialogue as dialogue makes the quote cue strong; one that
doesn't makes it weak, without any constant tuned on a benchmark.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

# Per language: one pattern per cue, in the same order. Patterns read the folded `norm` text.
CUES = ("dialogue", "question", "exclamation", "ellipsis")
PATTERNS = {
    "zh": (r"[“”「」『』\"]", r"[？?]", r"[！!]", r"…|\.\.\.|。。。"),
    "en": (r"(^|[\s—(])['\"“‘]|['\"”’]($|[\s—),.;:!?])", r"\?", r"!", r"…|\.\.\."),
    "ru": (r"[«»„“”\"]|^\s*[—–-]\s", r"\?", r"!", r"…|\.\.\."),
}
PSEUDO_COUNT = 2.0  # Dirichlet smoothing of each 2 × 2 table (few anchors → close to no evidence)


def cue_matrix(texts: list[str], lang: str) -> np.ndarray:
    """(len(texts), len(CUES)) booleans."""
    patterns = [re.compile(p) for p in PATTERNS.get(lang, PATTERNS["en"])]
    return np.array([[bool(p.search(t)) for p in patterns] for t in texts], dtype=bool).reshape(len(texts), len(CUES))


@dataclass
class CueModel:
    """LLR tables (cue, source has it, target has it) and per-side running counts for spans."""

    llr: np.ndarray  # (cues, 2, 2)
    src_cum: np.ndarray  # (n+1, cues) running counts
    tgt_cum: np.ndarray  # (m+1, cues)
    cue_idx: np.ndarray  # arange(cues), for indexing the tables

    @classmethod
    def estimate(cls, src: np.ndarray, tgt: np.ndarray, anchor_i: np.ndarray, anchor_j: np.ndarray) -> "CueModel":
        cues = src.shape[1]
        llr = np.zeros((cues, 2, 2))
        if len(anchor_i) >= 8:
            pos = _table(src, tgt, anchor_i, anchor_j)
            neg = sum(_table(src, tgt, anchor_i, anchor_j + d) for d in (-5, -4, -3, 3, 4, 5))
            p = (pos + PSEUDO_COUNT) / (pos + PSEUDO_COUNT).sum(axis=(1, 2), keepdims=True)
            q = (neg + PSEUDO_COUNT) / (neg + PSEUDO_COUNT).sum(axis=(1, 2), keepdims=True)
            llr = np.log(p / q)
        cum = lambda x: np.concatenate([np.zeros((1, cues)), np.cumsum(x, axis=0)])  # noqa: E731
        return cls(llr, cum(src), cum(tgt), np.arange(cues))

    def score(self, i0: int, a: int, b: int, j0: np.ndarray) -> np.ndarray:
        """Sum over cues of the LLR of this bead's (source has, target has) pattern."""
        s_has = (self.src_cum[i0 + a] - self.src_cum[i0]) > 0  # (cues,), or (k, cues) for an array i0
        t_has = (self.tgt_cum[j0 + b] - self.tgt_cum[j0]) > 0  # (k, cues)
        s_idx = s_has.astype(int)[None, :] if s_has.ndim == 1 else s_has.astype(int)
        return self.llr[self.cue_idx, s_idx, t_has.astype(int)].sum(axis=1)

    @cached_property
    def pattern_scores(self) -> np.ndarray:
        """(2^cues, 2^cues): `score`'s value for each pair of cue patterns (bit k: cue k present), by
        the same sum: a bead's score is a look-up of its sides' patterns (see `patterns`)."""
        bits = (np.arange(2 ** len(self.cue_idx))[:, None] >> self.cue_idx[None, :]) & 1  # (patterns, cues)
        s_idx, t_idx = np.repeat(bits, len(bits), axis=0), np.tile(bits, (len(bits), 1))
        return self.llr[self.cue_idx, s_idx, t_idx].sum(axis=1).reshape(len(bits), len(bits))

    @staticmethod
    def patterns(cum: np.ndarray, starts: np.ndarray, size: int) -> np.ndarray:
        """Each span's cue pattern (bit k: one of its sentences has cue k), from a side's running counts."""
        return ((cum[starts + size] - cum[starts]) > 0) @ (1 << np.arange(cum.shape[1]))


def _table(src: np.ndarray, tgt: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    ok = (j >= 0) & (j < len(tgt))
    s, t = src[i[ok]].astype(int), tgt[j[ok]].astype(int)
    table = np.zeros((src.shape[1], 2, 2))
    for c in range(src.shape[1]):
        np.add.at(table[c], (s[:, c], t[:, c]), 1)
    return table


# --- quotations: does a sentence start inside an utterance that an earlier sentence opened?

_QUOTE_MARKS = {
    "zh": (re.compile(r"[“「『]"), re.compile(r"[”」』]")),
    "ru": (re.compile(r"[«„]"), re.compile(r"[»“]")),
    # English quotes open after a space or dash and close before one; an apostrophe inside a word
    # (don't, Trinket's) is neither
    "en": (re.compile(r"(?:^|(?<=[\s—–(\[]))['‘\"“](?=[\w.…—-])"),
           re.compile(r"(?<=[\w.,!?…—-])['’\"”](?=$|[\s—–),.;:!?])")),
}


def starts_inside_quote(texts: list[str], lang: str) -> np.ndarray:
    """Per sentence: an earlier sentence opened a quotation that is still open where this one starts
    (the sentence continues someone's speech). One level deep; a stray closing mark resets."""
    opening, closing = _QUOTE_MARKS.get(lang, _QUOTE_MARKS["en"])
    out = np.zeros(len(texts), bool)
    open_ = False
    for k, text in enumerate(texts):
        out[k] = open_
        balance = int(open_) + len(opening.findall(text)) - len(closing.findall(text))
        open_ = balance > 0
    return out


# A speech tag on its own after a quotation: “我们将继续深化合作。”习近平说。 — "…," Xi said. News and novels
# close the quotation with its full stop in Chinese, so the tag is a sentence of its own, which a translation folds
# into the quotation's sentence. Short and generic, it matches nothing well, which is no sign it went untranslated.
_ZH_SPEECH_TAG = re.compile(r"[^，。！？“”「」]{0,10}(?:说|道|问|答|喊|叫|表示|指出|强调|补充|回答|介绍)(?:说|道)?[。！]?")
_ZH_QUOTATION_END = re.compile(r"[”」』]\s*$")


def speech_tags(texts: list[str], lang: str) -> np.ndarray:
    """Per sentence: a Chinese speech tag (他说。, 习近平表示。) right after a sentence that ends a quotation."""
    out = np.zeros(len(texts), bool)
    if lang != "zh":
        return out
    for k in range(1, len(texts)):
        out[k] = bool(_ZH_QUOTATION_END.search(texts[k - 1]) and _ZH_SPEECH_TAG.fullmatch(texts[k].strip()))
    return out


@dataclass
class QuoteModel:
    """LLR of a bead starting where (source, target) do or don't continue an open quotation.

    A translator keeps an utterance together or splits it like the original; a bead boundary
    that falls inside a quotation on one side only is likelier a misplaced boundary. Estimated
    per document: the first path's 1–1 starts against starts one or two sentences off."""

    llr: np.ndarray  # (2, 2): [source inside, target inside]
    src: np.ndarray
    tgt: np.ndarray

    @classmethod
    def estimate(cls, src: np.ndarray, tgt: np.ndarray, pair_i: np.ndarray, pair_j: np.ndarray) -> "QuoteModel":
        llr = np.zeros((2, 2))
        if len(pair_i) >= 8:
            pos = _corner_table(src, tgt, pair_i, pair_j)
            neg = sum(_corner_table(src, tgt, pair_i, pair_j + d) for d in (-2, -1, 1, 2))
            p = (pos + PSEUDO_COUNT) / (pos + PSEUDO_COUNT).sum()
            q = (neg + PSEUDO_COUNT) / (neg + PSEUDO_COUNT).sum()
            llr = np.log(p / q)
        return cls(llr, src.astype(int), tgt.astype(int))

    def score(self, i0: int, a: int, b: int, j0: np.ndarray) -> np.ndarray:
        return self.llr[self.src[i0], self.tgt[j0]]


def _corner_table(src: np.ndarray, tgt: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    ok = (j >= 0) & (j < len(tgt))
    table = np.zeros((2, 2))
    np.add.at(table, (src[i[ok]].astype(int), tgt[j[ok]].astype(int)), 1)
    return table


# --- names: Chinese romanised (pinyin for English, Palladius for Russian) against capitalised words

_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:['’-][a-z]+)?")
_CAPITALISED_RU = re.compile(r"[А-ЯЁ][а-яё]+(?:-[а-яё]+)?")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_FUNCTION_WORDS = frozenset(
    "the and but she her his him they them then there this that these those what when where which who "
    "with would will were was have had not for from you your yes how why here now just all one".split()
)
MAX_NAME_SYLLABLES = 3


@lru_cache(maxsize=1)
def _pinyin():
    """pypinyin's own lazy_pinyin, with each word's reading converted once.

    pypinyin cuts a run into words (its phrase dictionary decides 重庆 chongqing, not zhongqing) and
    converts every word's readings anew, each syllable through its style functions: 1.5 ms a
    sentence, the search's slowest set-up step on a novel, whose 30,000 words are fewer than 4,000
    different ones. The converter `lazy_pinyin` builds on every call gives a word the same
    readings whenever it meets it (aligner loads no custom pypinyin dictionaries), so a word's
    readings are kept."""
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin

    class WordCache(UltimateConverter):
        def __init__(self):
            super().__init__()
            self.known: dict[tuple, list[list[str]]] = {}

        def convert(self, words, style, heteronym, errors, strict, **kwargs):
            key = (words, style, heteronym, errors, strict)
            if key not in self.known:
                self.known[key] = super().convert(words, style, heteronym, errors, strict, **kwargs)
            return [list(readings) for readings in self.known[key]]  # a copy: pypinyin may extend it

    return Pinyin(WordCache())


def romanised_keys(text: str, lang: str = "en") -> set[str]:
    """Every run of 2–3 consecutive Han characters as toneless pinyin (陈清扬 → chenqing,
    chenqingyang, qingyang) or, for Russian, in Palladius without ъ (чэньцин, цинян). Single
    syllables are left out: 王 wang, 风 feng, 成 cheng are common words far more often than
    names, and match any 'Wang' or 'Feng' in the translation."""
    from pypinyin import Style

    keys: set[str] = set()
    for run in _HAN.findall(text):
        syl = _pinyin().lazy_pinyin(run, style=Style.NORMAL)
        if lang == "ru":
            from aligner.review.romanise import palladius

            syl = [palladius(s) or "?" for s in syl]
        for i in range(len(syl)):
            for n in range(1, MAX_NAME_SYLLABLES + 1):
                if i + n > len(syl):
                    break
                if n > 1:
                    keys.add("".join(syl[i : i + n]))
    return keys


def name_keys(text: str, lang: str) -> set[str]:
    """Capitalised words, lower-cased, without apostrophes, hyphens or ъ (Zhan'ao → zhanao,
    Цинъян → цинян)."""
    if lang == "ru":
        return {re.sub(r"[-ъ]", "", t.lower()) for t in _CAPITALISED_RU.findall(text)}
    return {
        re.sub(r"['’-]", "", t.lower()) for t in _CAPITALISED.findall(text) if t.lower() not in _FUNCTION_WORDS
    }


def number_keys(text: str, lang: str) -> set[str]:
    """The values a sentence's numbers can mean (digits or words, dates, percentages), as keys:
    the review's reading of numbers (`aligner.review.numbers`), estimates left out."""
    from aligner.review.numbers import quantities

    return {f"{v:.6g}" for q in quantities(text, lang) if not (q.loose or q.implied) for v in q.values}


def _shared_matrices(src_keys: list[set[str]], tgt_keys: list[set[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Per-sentence indicator matrices over the keys found on both sides of the document."""
    shared = sorted(set().union(*src_keys) & set().union(*tgt_keys)) if src_keys and tgt_keys else []
    index = {k: n for n, k in enumerate(shared)}

    def matrix(keys: list[set[str]]) -> np.ndarray:
        out = np.zeros((len(keys), len(shared)), bool)
        for row, ks in enumerate(keys):
            out[row, [index[k] for k in ks if k in index]] = True
        return out

    return matrix(src_keys), matrix(tgt_keys)


def number_matrices(src_texts: list[str], tgt_texts: list[str], tgt_lang: str) -> tuple[np.ndarray, np.ndarray]:
    """Per-sentence indicator matrices over the numbers (values) both sides of the document write:
    in formal texts, a figure the translation repeats is an anchor no encoder needs."""
    if tgt_lang not in ("en", "ru"):
        return np.zeros((len(src_texts), 0), bool), np.zeros((len(tgt_texts), 0), bool)
    return _shared_matrices([number_keys(t, "zh") for t in src_texts], [number_keys(t, tgt_lang) for t in tgt_texts])


def name_matrices(src_texts: list[str], tgt_texts: list[str], tgt_lang: str) -> tuple[np.ndarray, np.ndarray]:
    """Per-sentence indicator matrices over the names found on both sides of the document.

    Only keys that occur in both texts are kept, so the vocabulary is the document's shared names
    (tens, not thousands) and a bead's name matches are one small dot product.
    """
    if tgt_lang not in ("en", "ru"):
        return np.zeros((len(src_texts), 0), bool), np.zeros((len(tgt_texts), 0), bool)
    return _shared_matrices([romanised_keys(t, tgt_lang) for t in src_texts], [name_keys(t, tgt_lang) for t in tgt_texts])


@dataclass
class NameModel:
    """LLR of a bead's number of shared names (0, 1, 2+), learned like the punctuation cues."""

    llr: np.ndarray  # (3,)
    src_cum: np.ndarray  # (n+1, V)
    tgt_cum: np.ndarray  # (m+1, V)

    @classmethod
    def estimate(cls, src: np.ndarray, tgt: np.ndarray, anchor_i: np.ndarray, anchor_j: np.ndarray,
                 only_shared: bool = False, min_share: float = 0.0) -> "NameModel":
        """`only_shared`: a bead sharing none counts 0 (numbers: most pairs of any text write none, and
        a small cost per bead for sharing none would favour fewer, bigger beads). `min_share`: the
        model says nothing unless at least this share of the anchors share a key."""
        cum = lambda x: np.concatenate([np.zeros((1, x.shape[1])), np.cumsum(x, axis=0)])  # noqa: E731
        llr = np.zeros(3)
        ok = (anchor_j >= 0) & (anchor_j < len(tgt))
        sharing = (src[anchor_i[ok]] & tgt[anchor_j[ok]]).any(axis=1).mean() if src.shape[1] and ok.any() else 0.0
        if src.shape[1] and len(anchor_i) >= 8 and sharing >= min_share:
            def hist(i, j):
                ok = (j >= 0) & (j < len(tgt))
                matches = np.minimum((src[i[ok]] & tgt[j[ok]]).sum(axis=1), 2)
                return np.bincount(matches, minlength=3).astype(float)

            pos = hist(anchor_i, anchor_j)
            neg = sum(hist(anchor_i, anchor_j + d) for d in (-5, -4, -3, 3, 4, 5))
            llr = np.log(((pos + PSEUDO_COUNT) / (pos + PSEUDO_COUNT).sum()) / ((neg + PSEUDO_COUNT) / (neg + PSEUDO_COUNT).sum()))
            if only_shared:
                llr = llr - llr[0]
        return cls(llr, cum(src), cum(tgt))

    def score(self, i0: int, a: int, b: int, j0: np.ndarray) -> np.ndarray:
        if not self.src_cum.shape[1]:
            return np.zeros(len(j0))
        s_has = (self.src_cum[i0 + a] - self.src_cum[i0]) > 0
        if s_has.ndim == 1:  # the search's case: only the source span's names need looking up
            names = np.flatnonzero(s_has)
            if not len(names):
                return np.full(len(j0), self.llr[0])
            shared = ((self.tgt_cum[j0 + b, names[:, None]] - self.tgt_cum[j0, names[:, None]]) > 0).sum(axis=0)
        else:
            t_has = (self.tgt_cum[j0 + b] - self.tgt_cum[j0]) > 0
            shared = (t_has & s_has).sum(axis=1)
        return self.llr[np.minimum(shared, 2)]
