"""`term`: a glossary term in the Chinese whose required rendering the translation lacks.

For each pair, every term of `Alignment.glossary` found in the Chinese (in its match form, so a
Traditional or full-width spelling counts) must have one of its renderings in the translation.
Renderings are matched word by word, in any order but close together (all of a rendering's k words
within k + NEARBY consecutive words: "Security Council of the United Nations" renders United Nations
Security Council; a short joining word of the rendering, и or of, between its content words, so that
«Одного пояса, одного пути» и … does not render Пояс и путь), ignoring case, with the endings a
word takes in the sentence: English plurals and possessives (democracies, country's), Russian inflection
(многополярность in многополярности, Совет Безопасности in Совета Безопасности, союз in союзом) by
the word's stem, ё and е alike; another word of the same root (суверенных for суверенитет) is not
the rendering, unless the glossary asks for the root with a trailing * (democra*, суверен*), as
terminology lists in CAT tools do. The flag names the term and what was expected, and marks the
term in the Chinese.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import product

from aligner.normalise import match_form
from aligner.review.gaps import LANG_NAMES
from aligner.review.marks import bead_text, joined_marks
from aligner.types import Alignment, Flag, Term

TERM = "term"
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*\*?")  # a trailing * marks a stem: democra* (as CAT tools write it)
NEARBY = 2  # other words a multi-word rendering may have among its own (of the: Security Council of the United Nations)


_RU_FINAL_VOWELS = "аяоеёыиуюьй"
_FLEETING = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])([оеё])(к|ц|н)ь?$", re.IGNORECASE)


def _without_yo(text: str, lang: str) -> str:
    """Russian mostly writes ё as е, and a glossary may write either: Объединённых is Объединенных."""
    return text.replace("ё", "е").replace("Ё", "Е") if lang == "ru" else text


def _word_pattern(word: str, lang: str) -> str:
    """A word as it may appear inflected: Russian by its stem, English with plural or possessive endings;
    a word ending in * as any word it begins (democra* for democracy, democratic)."""
    if word.endswith("*"):
        return rf"(?<![\w-]){re.escape(word[:-1])}[\w-]*"
    if lang == "ru" and (fleeting := _FLEETING.search(word)) and len(word) >= 5:
        # the vowel before a final к, ц or нь drops out as the word declines: станок → станков, рынок → рынка,
        # образец → образца, перечень → перечня
        head, vowel, consonant = word[:fleeting.start()], fleeting.group(1), fleeting.group(2)
        return rf"(?<![\w-]){re.escape(head)}(?:{vowel})?{consonant}[а-яё]{{0,4}}(?![\w-])"
    if lang == "ru" and len(word) >= 5 and re.fullmatch(r"[а-яё-]+", word, re.IGNORECASE):
        stem = word[:-2] if len(word) >= 7 else word[:-1]
        return rf"(?<![\w-]){re.escape(stem)}[а-яё]{{0,4}}(?![\w-])"
    if lang == "ru" and len(word) >= 3 and not word.isupper() and re.fullmatch(r"[а-яё]+", word, re.IGNORECASE):
        # союз in союза, союзом; путь in пути; дело in дела (an acronym, ООН, is not declined)
        stem = word[:-1] if word[-1].lower() in _RU_FINAL_VOWELS else word
        return rf"(?<![\w-]){re.escape(stem)}[а-яё]{{0,3}}(?![\w-])"
    if lang == "en" and re.fullmatch(r"[a-z'’-]+", word, re.IGNORECASE) and len(word) >= 3:
        base = word[:-1] if word.lower().endswith("y") else word
        ending = "(?:ies|y)" if word.lower().endswith("y") else "(?:s|es)?"
        return rf"(?<![\w-]){re.escape(base)}{ending}(?:['’]s?)?(?![\w-])"
    return rf"(?<![\w-]){re.escape(word)}(?![\w-])"


@lru_cache(maxsize=4096)
def _rendering_words(form: str, lang: str) -> tuple[tuple[re.Pattern, ...], tuple[bool, ...]]:
    """Per word of a rendering, its compiled pattern and whether it is a short joining word (и, of): worked
    out once per glossary form, not once per pair. A joining word stands between two others (rule of law,
    Пояс и путь): a short word at either end is a content word (trade war, income tax, народный суд)."""
    words = _WORD.findall(_without_yo(match_form(form), lang))
    return (tuple(re.compile(_word_pattern(w, lang), re.IGNORECASE) for w in words),
            tuple(0 < i < len(words) - 1 and w.islower() and len(w) <= 3 for i, w in enumerate(words)))


def rendering_found(form: str, text: str, lang: str) -> bool:
    """Whether every word of the rendering `form` is in `text` (any case, inflected), all within a
    stretch of len(words) + NEARBY words of the text: the content words in any order (Olympic Winter
    Games for Winter Olympic Games), a short joining word (и, of, and) between them."""
    patterns, joining = _rendering_words(form, lang)
    if not patterns:
        return False
    text = _without_yo(text, lang)
    if len(patterns) == 1:
        return bool(patterns[0].search(text))
    starts = [m.start() for m in _WORD.finditer(text)]
    at = [[bisect_right(starts, m.start()) - 1 for m in pattern.finditer(text)] for pattern in patterns]
    if not all(at):
        return False
    width = len(patterns) + NEARBY
    for first in sorted({p for positions in at for p in positions}):
        window = [[p for p in positions if first <= p < first + width] for positions in at]
        if all(window) and any(_in_place(choice, joining) for choice in product(*window)):
            return True
    return False


def _in_place(positions: tuple[int, ...], joining: tuple[bool, ...]) -> bool:
    """Distinct words, each joining word between the rendering's outermost content words."""
    content = [p for p, j in zip(positions, joining) if not j]
    if len(set(positions)) < len(positions):
        return False
    return not content or all(min(content) < p < max(content) for p, j in zip(positions, joining) if j)


def term_flags(alignment: Alignment, flag_from: int = 0) -> None:
    """Flag pairs (from index `flag_from` on) whose Chinese has a glossary term and whose translation has none
    of its renderings."""
    lang = alignment.target.lang
    terms = [(term, match_form(term.zh), term.forms(lang)) for term in alignment.glossary]
    terms = [(term, folded, forms) for term, folded, forms in terms if folded and forms]
    if not terms:
        return
    tgt_name = LANG_NAMES.get(lang, lang)
    for bead in alignment.beads[flag_from:]:
        if not bead.src or not bead.tgt or any(f.kind == TERM for f in bead.flags):
            continue
        src, tgt = bead_text(alignment.source, bead.src), bead_text(alignment.target, bead.tgt)
        missing = [(term, folded, forms) for term, folded, forms in terms
                   if folded in src and not any(rendering_found(form, tgt, lang) for form in forms)]
        if not missing:
            continue
        spans = [(m.start(), m.end()) for _, folded, _ in missing for m in re.finditer(re.escape(folded), src)]
        reason = "; ".join(f"{term.zh} → " + " / ".join(f"“{form}”" for form in forms) + f" not in the {tgt_name}"
                           for term, _, forms in missing)
        bead.flags.append(Flag(TERM, reason, joined_marks(alignment.source, bead.src, spans, "src")))


__all__ = ["TERM", "Term", "rendering_found", "term_flags"]
