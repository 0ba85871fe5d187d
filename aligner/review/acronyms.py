"""Acronyms written in Latin letters inside Chinese text (GDP, CPI, RCEP, MOU) and how a translation may
render them without the letters: spelled out in full, or by the Russian acronym (ВВП, ИПЦ, ВРЭП).

Chinese reports and statements write such acronyms into the Chinese (2023年GDP增长5.2%); a faithful
English writes "gross domestic product", a Russian one "ВВП". Neither is a token missing.
"""
from __future__ import annotations

import re

# Russian renderings of acronyms Chinese economic and official texts write in Latin letters.
RUSSIAN_FORMS = {
    "GDP": r"ВВП|[Вв]алов\w+\s+внутренн",
    "GNP": r"ВНП|[Вв]алов\w+\s+национальн",
    "CPI": r"ИПЦ|[Ии]ндекс\w*\s+потребительских\s+цен",
    "PPI": r"[Ии]ндекс\w*\s+цен\s+производител",
    "PMI": r"[Ии]ндекс\w*\s+деловой\s+активности|[Ии]ндекс\w*\s+менеджеров\s+по\s+закупкам",
    "AI": r"(?<![\w-])ИИ(?![\w-])|[Ии]скусственн\w+\s+интеллект",
    "IT": r"(?<![\w-])ИТ(?![\w-])|[Ии]нформационн\w+\s+технолог",
    "MOU": r"[Мм]еморандум",
    "FTA": r"ЗСТ|[Зз]он\w*\s+свободной\s+торговли|[Сс]оглашени\w*\s+о\s+свободной\s+торговле",
    "FDI": r"ПИИ|[Пп]рям\w*\s+иностранн\w+\s+инвестиц",
    "APP": r"[Пп]риложени",  # 在手机APP中: «в мобильном приложении»
    "LED": r"[Сс]ветодиод",
    "CEO": r"[Гг]енеральн\w+\s+директор|[Гг]ендиректор",
}


def russian_form(acronym: str, text: str) -> bool:
    """True when a Russian `text` renders `acronym` by its Russian form (GDP as ВВП)."""
    pattern = RUSSIAN_FORMS.get(acronym.upper())
    return pattern is not None and re.search(pattern, text) is not None


_CYRILLIC_ACRONYM = re.compile(r"(?<![\w-])[А-ЯЁ]{2,6}(?![\w-])")


def russian_acronyms(text: str) -> list[str]:
    """Acronyms a Russian `text` writes in Cyrillic capitals (ВРЭП, ВПТТП), beside those of `RUSSIAN_FORMS`:
    a Russian translation writes the Russian acronym of an agreement or a body (RCEP as ВРЭП) that no
    table can list in full."""
    known = [re.compile(p) for p in RUSSIAN_FORMS.values()]
    return [m.group(0) for m in _CYRILLIC_ACRONYM.finditer(text) if not any(k.fullmatch(m.group(0)) for k in known)]


_STOPWORDS = frozenset("a an and at for in of on the to".split())
_WORD_RE = re.compile(r"[A-Za-z]+")


def spelled_out(acronym: str, text: str) -> bool:
    """True when `text` writes `acronym` out in full: GDP as "gross domestic product", CPTPP as "Comprehensive
    and Progressive Agreement for Trans-Pacific Partnership", MOU as "memorandum of understanding".

    The acronym's letters are the initials of consecutive words, in order; small words (of, and, for)
    may be passed over, and in a long acronym one other word (CPTPP leaves out Agreement). The words
    matched are all capitalised or all in lower case, and words in lower case have four letters or more,
    so "China promotes innovation" is no CPI and "was torn open" no WTO."""
    letters = acronym.lower()
    found = list(_WORD_RE.finditer(text))
    words = [m.group(0) for m in found]

    def fits(word: str, letter: str, capitals: bool) -> bool:
        return word[0].lower() == letter and word[0].isupper() == capitals and (capitals or len(word) >= 4)

    for i, first in enumerate(words):
        if first.lower() in _STOPWORDS or first[0].lower() != letters[0]:
            continue
        content = [w for w in words[i + 1:i + 3] if w.lower() not in _STOPWORDS]
        capitals = content[0][0].isupper() if content else True
        opens = text[:found[i].start()].rstrip()[-1:] in ("", ".", "!", "?", ":", ";")
        if not (fits(first, letters[0], capitals) or opens and fits(first, letters[0], True)):
            continue  # the first word may be capitalised as a sentence's first: "Artificial intelligence"
        k, skipped, j = 1, 0, i + 1
        while k < len(letters) and j < len(words):
            word = words[j]
            if fits(word, letters[k], capitals) and (k < len(letters) - 1 or word.lower() not in _STOPWORDS):
                k += 1
            elif word.lower() in _STOPWORDS:
                if word.lower()[0] == letters[k]:  # MOU: the O of "of"
                    k += 1
            elif skipped or len(letters) < 4:
                break
            else:
                skipped += 1
            j += 1
        if k == len(letters):
            return True
    return False
