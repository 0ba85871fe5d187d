"""Which supported language a text is in: Chinese, Russian or English.

Script counts decide between Han, Cyrillic and Latin; a Latin text must also read as
English (its share of common English function words), so a French or German file gets a
clear message instead of a silent, poor alignment; a Cyrillic one must be Russian (no letters
Russian lacks, and not Bulgarian, which has Russian's letters). No dependencies: it runs on every
upload in the UI.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from aligner.errors import LanguageError, setting
from aligner.types import LANGUAGE_NAMES

_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_KANA_RE = re.compile("[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HANGUL_RE = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
# Japanese writes about a third of its characters in kana; Chinese has none, bar a quoted
# brand name, so a tenth of the East Asian characters in kana means Japanese.
MIN_KANA_SHARE = 0.1
_RUSSIAN_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
# Bulgarian uses Russian's letters bar ы, э, ё, but ъ is a vowel there (държава, -ът) where Russian
# writes it only as a sign before е, ё, ю, я (съезд, объявить); its commonest function words are
# not Russian words.
_BULGARIAN_HARD_SIGN = re.compile("[ъЪ](?![еёюяЕЁЮЯ])")
_RUSSIAN_ONLY_LETTERS = set("ыэёЫЭЁ")
_BULGARIAN_WORDS = frozenset("се са ще е които която което това тази този във със към че".split())
_CYRILLIC_WORD_RE = re.compile("[\u0400-\u04ff]+")
MAX_RUSSIAN_ONLY_SHARE = 0.003  # Russian prose has ~2.5 % ы, э, ё; Bulgarian none, bar a quoted name
MIN_BULGARIAN_SIGNS = 2  # of each kind: one stray word or letter is no evidence
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_LATIN_WORD_RE = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f']+")

# One Chinese character carries about as much as three letters of an alphabetic
# translation; Chinese texts quoting English terms are also far more common than
# translations quoting Chinese, so Han counts weigh more when scripts are mixed.
HAN_WEIGHT = 5

SAMPLE_CHARS = 200_000  # enough to decide; keeps detection fast on a whole novel
MIN_WORDS_TO_JUDGE = 12  # below this a Latin text is taken as English unless it clearly is not

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "English": frozenset(
        "the of and to in a is that for it as with was on be by are this at from or an have has "
        "not which we they he she will its their our but his her been were would there more also "
        "can should these into between both other such i you it's than who".split()
    ),
    "French": frozenset(
        "le la les de des du et est un une que qui dans pour pas sur au aux ce cette il elle nous "
        "vous ils sont avec par plus ne se leur été être".split()
    ),
    "German": frozenset(
        "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als "
        "wird werden bei aus nach oder sind wie".split()
    ),
    "Spanish": frozenset(
        "el la los las de del y en que es un una por con para se su sus al como más lo pero ha son "
        "fue está".split()
    ),
    "Italian": frozenset(
        "il lo la gli le di del della e è un una che per con non sono nel alla come più ha".split()
    ),
    "Portuguese": frozenset(
        "o a os as de do da dos das e em um uma que não para com por se na no ao é mais foi".split()
    ),
}
# A share of English function words below this is not English prose (English runs 35–45 %).
MIN_ENGLISH_SHARE = 0.15
# A text with few function words of any language ("digital economy", "artificial intelligence", "green development":
# a glossary or a list of titles) is English when this share of its words are English words.
MIN_GLOSSARY_SHARE = 0.7


def _english_words_share(words: list[str]) -> float:
    """The share of `words` that are English words, by the words of the Chinese–English dictionary's definitions."""
    from aligner.align.lexicon import english_words  # read only for a text with few function words

    vocabulary = english_words()
    return sum(w in vocabulary for w in words) / len(words)


def _who(name: str) -> str:
    return name or "the text"


def _latin_language(text: str, terms: bool = True) -> str:
    """Name of the Latin-script language whose function words the text uses most (`terms`: or English, for a text of
    English words with few function words, as a glossary is)."""
    words = [w.lower() for w in _LATIN_WORD_RE.findall(text)]
    if not words:
        return "English"
    shares = {
        lang: sum(1 for w in words if w in vocab) / len(words)
        for lang, vocab in _FUNCTION_WORDS.items()
    }
    best = max(shares, key=shares.__getitem__)
    if terms and shares[best] < MIN_ENGLISH_SHARE and _english_words_share(words) >= MIN_GLOSSARY_SHARE:
        return "English"  # few function words, English words throughout: a glossary or a list of titles
    if len(words) < MIN_WORDS_TO_JUDGE:
        # Too short to judge prose; only a clear other-language signal overrides English.
        return best if shares[best] > shares["English"] + 0.2 else "English"
    if best == "English" and shares["English"] >= MIN_ENGLISH_SHARE:
        return "English"
    return best if best != "English" else "another Latin-script language"


def _refuse_japanese(sample: str, han: int, name: str) -> None:
    """Kanji count as Han; kana tell a Japanese text from a Chinese one."""
    kana = len(_KANA_RE.findall(sample))
    if kana >= 2 and kana >= MIN_KANA_SHARE * (kana + han):
        raise LanguageError(
            f"{_who(name)} looks like Japanese (it is written partly in kana); "
            "aligner supports Chinese with Russian or English."
        )


def _looks_bulgarian(sample: str, cyrillic: list[str]) -> bool:
    """Bulgarian, not Russian: no ы, э, ё, and both ъ as a vowel and Bulgarian function words, each
    more than once. Every sign is needed, so that a short Russian text is never refused."""
    if sum(1 for c in cyrillic if c in _RUSSIAN_ONLY_LETTERS) > MAX_RUSSIAN_ONLY_SHARE * len(cyrillic):
        return False
    words = sum(1 for w in _CYRILLIC_WORD_RE.findall(sample) if w.lower() in _BULGARIAN_WORDS)
    return words >= MIN_BULGARIAN_SIGNS and len(_BULGARIAN_HARD_SIGN.findall(sample)) >= MIN_BULGARIAN_SIGNS


_SCRIPTS = {"zh": "Chinese characters", "ru": "Cyrillic letters", "en": "Latin letters"}


def _script_weights(sample: str) -> dict[str, float]:
    """How much of the sample is in each supported language's script (Han weighted per character)."""
    return {"zh": len(_HAN_RE.findall(sample)) * HAN_WEIGHT, "ru": len(_CYRILLIC_RE.findall(sample)),
            "en": len(_LATIN_RE.findall(sample))}


def _declared(lang: str) -> str:
    """The setting that aligns a text as `lang` whatever it looks like, named as the caller sets it."""
    return setting(f'target_lang="{lang}"', f"--target-lang {lang}", "“Language of the translation” in Your texts")


# Three columns (`aligner align ZH RU EN`, `align_three_texts`) detect each translation's language and have no
# setting to override it: there, a file refused as another language is pointed to two columns, which have one.
_SETTABLE: ContextVar[bool] = ContextVar("aligner_language_settable", default=True)


@contextmanager
def language_detected_only() -> Iterator[None]:
    """Within it, a text refused as another language is told to be aligned in two columns to set its language."""
    token = _SETTABLE.set(False)
    try:
        yield
    finally:
        _SETTABLE.reset(token)


def _anyway(lang: str) -> str:
    """How to align a text as `lang` though it looks like another language in that script."""
    name = LANGUAGE_NAMES[lang]
    if _SETTABLE.get():
        return f"To align it as {name} anyway, set the translation's language to {name} ({_declared(lang)})."
    return (f"To align it as {name} anyway, align it with the Chinese in two columns, where the translation's "
            f"language can be set ({_declared(lang)}).")


def check_declared_language(text: str, lang: str, name: str = "") -> None:
    """A language the user set (--target-lang, the page's language box) overrides detection within
    a script (Ukrainian aligned as Russian, French as English), but not across scripts: English
    text declared Russian was aligned with Russian rules and flagged every name."""
    weighted = _script_weights(text[:SAMPLE_CHARS])
    found = max(weighted, key=weighted.__getitem__)
    if lang in weighted and weighted[found] and found != lang and weighted[lang] < 0.5 * weighted[found]:
        raise LanguageError(
            f"{_who(name)} is set to be {LANGUAGE_NAMES[lang]} but is written in {_SCRIPTS[found]}; "
            f"give the {LANGUAGE_NAMES[lang]} file, or let the language be detected.")


# A bilingual document (the Chinese and its translation paragraph by paragraph, a bilingual subtitle
# file) has whole paragraphs in each script, about as much of each; a text quoting the other language
# has a few words in it, and a Chinese paper's English labels or references are a small part of it.
MIN_BILINGUAL_PARAGRAPHS = 4  # of each language
MIN_BILINGUAL_SHARE = 0.3  # of the text (weighted as `_script_weights`), for the less present language


# A table of pairs (a CAT tool's TSV, aligner's own TSV or CSV) given as a text to align: each line holds a
# Chinese sentence and its translation side by side, so that every line is "Chinese" by weight and the
# table was aligned as a Chinese text with its translation's sentences inside it. A pair row's translation
# side has 1 to 16 letters per Chinese character (Russian's usual 3–6, up to 10; a row of three columns, twice
# that); a Chinese line ending in an English term has far fewer, an English paragraph naming a Chinese term
# far more.
MIN_ROW_HAN, MIN_ROW_LETTERS = 4, 10
ROW_LETTERS_PER_HAN = (1.0, 16.0)
ROW_SIDE_SHARE = 0.9  # of each script that one side of the row holds
MIN_PAIR_ROW_SHARE = 0.5  # of the lines with letters
MINOR_SIDE = 0.2  # share of the letters in the other alphabet that makes a row of three columns


def _pair_row(line: str) -> str:
    """The translation's language ("Russian", "English", or "Russian and English" for a row of three columns)
    when `line` is a Chinese sentence beside its translation (either first, any separator), else ''."""
    han = [bool(_HAN_RE.match(c)) for c in line]
    cyrillic = [bool(_CYRILLIC_RE.match(c)) for c in line]
    letters = [c or bool(_LATIN_RE.match(ch)) for c, ch in zip(cyrillic, line)]
    total_han, total_letters = sum(han), sum(letters)
    low, high = ROW_LETTERS_PER_HAN
    if total_han < MIN_ROW_HAN or total_letters < MIN_ROW_LETTERS or \
            not low * total_han <= total_letters <= high * total_han:
        return ""
    h = o = 0
    zh_first = other_first = False
    for is_han, is_letter in zip(han, letters):
        if not zh_first and h >= ROW_SIDE_SHARE * total_han:  # the Chinese side ends here: the rest translation?
            zh_first = o <= (1 - ROW_SIDE_SHARE) * total_letters
        if not other_first and o >= ROW_SIDE_SHARE * total_letters:
            other_first = h <= (1 - ROW_SIDE_SHARE) * total_han
        h += is_han
        o += is_letter
    if not (zh_first or other_first):
        return ""
    share = sum(cyrillic) / total_letters
    return "Russian" if share > 1 - MINOR_SIDE else "English" if share < MINOR_SIDE else "Russian and English"


def _refuse_table_of_pairs(text: str, name: str) -> None:
    """LanguageError when most lines are a Chinese sentence beside its translation (see `_pair_row`)."""
    lines = [line for line in text[:SAMPLE_CHARS].splitlines() if any(_script_weights(line).values())]
    rows = [lang for lang in map(_pair_row, lines) if lang]
    if len(rows) >= MIN_BILINGUAL_PARAGRAPHS and len(rows) >= MIN_PAIR_ROW_SHARE * len(lines):
        translation = max(set(rows), key=rows.count)
        raise LanguageError(
            f"{_who(name)} holds rows of Chinese beside {translation} (a table of pairs aligned already?); "
            "check them as such (aligner check), or give the Chinese text and its translation as two files."
        )


def refuse_bilingual(text: str, name: str = "") -> None:
    """LanguageError naming `name` when the document is bilingual: a Chinese text and its translation
    in one file cannot be aligned as either (a column of pairs, whose rows may be in either, is not judged so),
    nor can a table of pairs, each row a Chinese sentence beside its translation."""
    _refuse_table_of_pairs(text, name)
    lines: dict[str, int] = {}
    weight: dict[str, float] = {}
    for line in text[:SAMPLE_CHARS].splitlines():
        weights = _script_weights(line)
        if any(weights.values()):
            lang = max(weights, key=weights.__getitem__)
            lines[lang] = lines.get(lang, 0) + 1
            weight[lang] = weight.get(lang, 0) + weights[lang]
    if len(lines) < 2:
        return
    major, minor = sorted(weight, key=weight.__getitem__, reverse=True)[:2]
    if "zh" in (major, minor) and lines[minor] >= MIN_BILINGUAL_PARAGRAPHS and \
            weight[minor] >= MIN_BILINGUAL_SHARE * sum(weight.values()):
        first, second = sorted((major, minor), key=("zh", "ru", "en").index)
        raise LanguageError(
            f"{_who(name)} holds paragraphs in {LANGUAGE_NAMES[first]} and in {LANGUAGE_NAMES[second]} "
            "(a bilingual document?); give the Chinese text and its translation as two files, or, for a "
            "table of pairs already aligned, check them as such (aligner check)."
        )


# A Chinese technical text names its software, standards and terms in English (使用 Python 的 requests 库发送
# HTTP request) and may hold more Latin letters than weighted Han, but it has Chinese in nearly every paragraph
# and its English words are terms, without English prose's function words; an English translation quoting
# Chinese has it in a few paragraphs, and reads as English.
MIN_CHINESE_LINE_SHARE = 2 / 3  # of the non-blank lines
MIN_HAN_PER_LINE = 4


def _chinese_throughout(sample: str) -> bool:
    """Chinese written with many English words: most lines have Chinese characters, a few each."""
    lines = [line for line in sample.splitlines() if line.strip()]
    chinese = sum(1 for line in lines if len(_HAN_RE.findall(line)) >= MIN_HAN_PER_LINE)
    return bool(lines) and chinese >= MIN_CHINESE_LINE_SHARE * len(lines)


def detect_language(text: str, name: str = "") -> str:
    """Return "zh", "ru" or "en" for the text, or raise LanguageError naming `name`."""
    sample = text[:SAMPLE_CHARS]
    weighted = _script_weights(sample)
    han = int(weighted["zh"] / HAN_WEIGHT)
    cyrillic = _CYRILLIC_RE.findall(sample)
    if not any(weighted.values()):
        if _HANGUL_RE.search(sample):
            raise LanguageError(f"{_who(name)} looks like Korean; aligner supports Chinese with Russian or English.")
        raise LanguageError(
            f"{_who(name)} has no letters in Chinese, Cyrillic or Latin script; "
            "aligner needs a Chinese text and its Russian or English translation."
        )
    lang = max(weighted, key=weighted.__getitem__)
    if lang == "en" and _chinese_throughout(sample) and _latin_language(sample, terms=False) != "English":
        lang = "zh"  # its Latin words are names and terms, not English prose
    if lang == "zh":
        _refuse_japanese(sample, han, name)
    if lang == "ru":
        foreign = sum(1 for c in cyrillic if c not in _RUSSIAN_LETTERS)
        if foreign > 0.01 * len(cyrillic):
            raise LanguageError(
                f"{_who(name)} looks like Ukrainian or another Cyrillic-script language, not "
                f"Russian; aligner supports Chinese with Russian or English. {_anyway('ru')}"
            )
        if _looks_bulgarian(sample, cyrillic):
            raise LanguageError(
                f"{_who(name)} looks like Bulgarian (ъ inside words, no ы or э, words such as се, са, които), "
                f"not Russian; aligner supports Chinese with Russian or English. {_anyway('ru')}"
            )
    if lang == "en":
        found = _latin_language(sample)
        if found != "English":
            raise LanguageError(
                f"{_who(name)} looks like {found}; aligner supports Chinese with Russian or "
                f"English. {_anyway('en')}"
            )
    return lang
