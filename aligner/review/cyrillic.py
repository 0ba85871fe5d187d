"""Latin words of a Chinese text as a Russian translation writes them in Cyrillic.

A Chinese paper or report keeps foreign names and units in Latin letters (Smith等, Zhang等, 5 mg/kg); a
Russian translation writes them in Cyrillic (Смит и др., Чжан и др., 5 мг/кг). Neither is a token missing.
Names are compared by their consonants, which transliteration keeps (Smith / Смит, Brown / Браун, Taylor /
Тейлор) where the vowels differ; a word that reads as pinyin also by its Palladius form (Zhang / Чжан).
"""
from __future__ import annotations

import re

from aligner.review.romanise import palladius, syllables_of

# Units as Chinese technical text writes them in Latin letters, and their Russian abbreviations.
UNITS = {
    "mg": "мг", "kg": "кг", "km": "км", "cm": "см", "mm": "мм", "nm": "нм", "ml": "мл", "mol": "моль",
    "mmol": "ммоль", "min": "мин", "kw": "квт", "kwh": "квт", "mw": "мвт",  # kWh: «кВт·ч», whose first word is кВт "gw": "гвт", "hz": "гц", "khz": "кгц",
    "mhz": "мгц", "ghz": "ггц", "pa": "па", "kpa": "кпа", "mpa": "мпа", "db": "дб", "kb": "кб", "mb": "мб",
    "gb": "гб", "tb": "тб", "ha": "га", "mv": "мв", "kv": "кв", "ma": "ма",
}

# Latin spellings of one Russian consonant, longest first; vowels and h, w, y carry no consonant.
_LATIN_CONSONANTS = (("sch", "ш"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("tz", "ц"),
                     ("th", "т"), ("ph", "ф"), ("ck", "к"), ("qu", "кв"), ("x", "кс"), ("j", "дж"), ("b", "б"),
                     ("d", "д"), ("f", "ф"), ("g", "г"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
                     ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("v", "в"), ("z", "з"))
_CYRILLIC_VOWELS = re.compile("[аеёиоуыэюяйьъх]")
_RUSSIAN_WORD = re.compile(r"(?<![\w-])[А-ЯЁа-яё][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*")


def _latin_consonants(word: str) -> str:
    word, out, i = word.lower(), [], 0
    while i < len(word):
        if word[i] == "c":  # Garcia / Гарсия, Clark / Кларк
            out.append("с" if word[i + 1:i + 2] in ("e", "i", "y") else "к")
            i += 1
            continue
        spelling = next(((latin, cyr) for latin, cyr in _LATIN_CONSONANTS if word.startswith(latin, i)), None)
        if spelling:
            out.append(spelling[1])
            i += len(spelling[0])
        else:
            i += 1
    return _single(out)


def _single(letters: list[str]) -> str:
    """Doubled consonants written once (Miller / Миллер → млр)."""
    return "".join(c for k, c in enumerate(letters) if k == 0 or c != letters[k - 1])


def _cyrillic_consonants(word: str) -> str:
    return _single(list(_CYRILLIC_VOWELS.sub("", word.lower())))


def _palladius_forms(word: str) -> set[str]:
    """Zhang → {чжан}, Xiaoming → {сяомин}: each way to read the word as pinyin, in Palladius."""
    forms = set()
    for reading in syllables_of(word, "en"):  # English words read as pinyin: one syllable per set
        parts = [palladius(next(iter(syllable))) for syllable in reading]
        if all(parts):
            forms.add("".join(parts))
    return forms


def in_cyrillic(token: str, text: str) -> bool:
    """True when the Russian `text` writes the Latin `token` of the Chinese in Cyrillic: a unit by its Russian
    abbreviation (mg / мг), a name with the same consonants (Smith / Смит, Смита) or its Palladius form (Zhang / Чжан)."""
    words = [w.group(0) for w in _RUSSIAN_WORD.finditer(text)]
    unit = UNITS.get(token.lower())
    if unit:
        return unit in (w.lower() for w in words)
    if not token[:1].isupper():
        return False
    names = [w.lower() for w in words if w[:1].isupper()]
    if any(name.startswith(form) for form in _palladius_forms(token) for name in names):
        return True
    consonants = _latin_consonants(token)
    # a case ending may add one (Смитом), never more (Smith is no Смотрите)
    return len(consonants) >= 2 and any(c.startswith(consonants) and len(c) <= len(consonants) + 1
                                        for c in map(_cyrillic_consonants, names))
