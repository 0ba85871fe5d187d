"""Chinese syllables as English (pinyin) and Russian (Palladius) spell them, and back.

A Chinese name in an English translation is written in pinyin without tones (陈清扬 → Chen
Qingyang); in a Russian one in the Palladius system (Чэнь Цинъян). To check that a name made
it across, a capitalised word of the translation is split into syllables and compared with the
readings of the Chinese characters (pypinyin, all readings of a character). The Palladius table
is built from its initial and final rules rather than typed out syllable by syllable.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_INITIALS = {"b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к",
             "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз",
             "c": "ц", "s": "с"}
# Finals after a consonant; the j/q/x and zh/ch/sh/r/z/c/s special cases are handled in `palladius`.
_FINALS = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
           "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "ie": "е",
           "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн",
           "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь",
           "uang": "уан", "v": "юй", "ve": "юэ", "van": "юань", "vn": "юнь"}
_ZERO = {"a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй", "en": "энь",
         "eng": "эн", "er": "эр", "o": "о", "ou": "оу", "yi": "и", "ya": "я", "yao": "яо", "ye": "е", "you": "ю",
         "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ",
         "yuan": "юань", "yun": "юнь", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй",
         "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн"}


def _plain(syllable: str) -> str:
    """A pypinyin reading without tone marks; ü becomes v."""
    s = syllable.replace("ü", "v")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows (ü as v), about 420."""
    from pypinyin.pinyin_dict import pinyin_dict

    every = {_plain(p) for readings in pinyin_dict.values() for p in readings.split(",")}
    return frozenset(s for s in every if re.search("[aeiouv]", s))  # not the interjections n, ng, hm


def palladius(syllable: str) -> str | None:
    """The Palladius spelling of a toneless pinyin syllable (ü as v), or None if it is not one."""
    if syllable in _ZERO:
        return _ZERO[syllable]
    initial = next((i for i in ("zh", "ch", "sh") if syllable.startswith(i)), syllable[:1])
    final = syllable[len(initial):]
    if initial not in _INITIALS or not final:
        return None
    if initial in "jqx" and final.startswith("u"):  # ju = jü
        final = "v" + final[1:]
    if final == "i" and initial in ("z", "c", "s"):
        return _INITIALS[initial] + "ы"
    if final == "i" and initial in ("zh", "ch", "sh", "r"):
        return _INITIALS[initial] + "и"
    if final == "ue":
        final = "ve"
    if final not in _FINALS:
        return None
    return _INITIALS[initial] + _FINALS[final]  # the soft vowels carry the i: лю, цзя, сянь


@lru_cache(maxsize=1)
def _cyrillic_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for syllable in pinyin_syllables():
        cyr = palladius(syllable)
        if cyr:
            table.setdefault(cyr, set()).add(syllable)
    return {k: frozenset(v) for k, v in table.items()}


def _segmentations(word: str, table: dict[str, frozenset[str]] | frozenset[str], limit: int = 8) -> list[tuple]:
    """Every way (up to `limit`) to cut `word` into syllables of `table`, each as a tuple of syllable sets."""
    longest = max(len(k) for k in table)
    results: list[tuple] = []

    def walk(pos: int, acc: tuple) -> None:
        if len(results) >= limit:
            return
        if pos == len(word):
            results.append(acc)
            return
        for size in range(min(longest, len(word) - pos), 0, -1):
            piece = word[pos:pos + size]
            if piece in table:
                readings = table[piece] if isinstance(table, dict) else frozenset([piece])
                walk(pos + size, acc + (readings,))

    walk(0, ())
    return results


def syllables_of(word: str, lang: str) -> list[tuple[frozenset[str], ...]]:
    """Ways to read a romanised word as Chinese syllables: 'Qingyang' → [({'qing'}, {'yang'})].

    English words are read as pinyin (apostrophes and hyphens are syllable breaks: Zhan'ao,
    Xi-feng); Russian words as Palladius (ъ is a break: Цинъян). Empty if the word is not one.
    """
    word = word.lower().replace("ё", "е")
    parts = [p for p in re.split(r"['’\-ъ]", word) if p]
    if not parts:
        return []
    table = _cyrillic_table() if lang == "ru" else pinyin_syllables()
    readings: list[tuple] = [()]
    for k, part in enumerate(parts):
        cuts = _segmentations(part, table)
        if lang == "ru" and k == len(parts) - 1:  # Си Цзиньпина, Цзиньпину: the stem without its case ending,
            # and the soft sign or й the ending took the place of (Чжао Лицзяня, Лицзянем: Лицзянь; Вэя: Вэй)
            cuts = [c for e in _RU_ENDINGS if part.endswith(e) and len(part) > len(e)
                    for stem in (part[: -len(e)], part[: -len(e)] + "ь", part[: -len(e)] + "й")
                    for c in _segmentations(stem, table)] + cuts
        if not cuts:
            return []
        readings = [r + c for r in readings for c in cuts][:16]
    return readings


_RU_ENDINGS = ("ом", "ем", "ым", "а", "я", "у", "ю", "е", "ы")


@lru_cache(maxsize=8192)
def char_readings(char: str) -> frozenset[str]:
    """All toneless pinyin readings of one Chinese character (empty for anything else)."""
    from pypinyin import Style, pinyin

    if not ("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"):
        return frozenset()
    return frozenset(_plain(p) for p in pinyin(char, style=Style.NORMAL, heteronym=True)[0])


def find_in_chinese(text: str, reading: tuple[frozenset[str], ...]) -> set[str]:
    """Runs of characters in `text` that read as `reading` (one set of syllables per character)."""
    k = len(reading)
    found = set()
    for start in range(len(text) - k + 1):
        if all(reading[t] & char_readings(text[start + t]) for t in range(k)):
            found.add(text[start:start + k])
    return found


@lru_cache(maxsize=8192)
def _word_readings(word: str) -> tuple[str, ...]:
    """A dictionary word's toneless pinyin, one syllable a character, as pypinyin reads the word (乙方: yi fang)."""
    from pypinyin import lazy_pinyin

    return tuple(_plain(p) for p in lazy_pinyin(word))


def find_as_read(text: str, reading: tuple[frozenset[str], ...]) -> set[str]:
    """`find_in_chinese`, but a run lying inside one word of the dictionary must read as that word reads: 乙方
    (party B, yi fang) is not "Иван" (yi wang), though 方 has a rare reading wang. A run reaching across a word's
    edge is read character by character, as a name beside a word may be (解振华 in 和解振华)."""
    from aligner.align.lexicon import chinese_words  # the dictionary is read only when a name needs it

    found = find_in_chinese(text, reading)
    if not found:
        return found
    words, at = [], 0
    for word in chinese_words(text):
        at = text.index(word, at)
        words.append((at, word))
        at += len(word)
    kept = set()
    for run in found:
        for start in (m.start() for m in re.finditer(re.escape(run), text)):
            inside = next(((w_start, word) for w_start, word in words
                           if len(word) > 1 and w_start <= start and start + len(run) <= w_start + len(word)), None)
            if inside is None:
                kept.add(run)
                break
            w_start, word = inside
            read = _word_readings(word)
            if len(read) == len(word) and all(read[start - w_start + t] in reading[t] for t in range(len(run))):
                kept.add(run)
                break
    return kept

