"""Editorial lines: an agency's end mark and credits, and a translator's or editor's note.

A note is the translator speaking, not the text: "(Translator's note: …)", "[T/N: …]", «(… — Прим. пер.)»,
（译者注：…）, 编者按：…. The aligner keeps such a sentence out of the pair beside it (`align.paths.split_notes`)
and review says what it is.

Chinese news ends with （完） and 责任编辑：张三, Reuters with "(Reporting by …; Editing by …)", and a
Russian report may close with «Источник: ТАСС». Each belongs to its own edition: a passage of them
alone with no counterpart is still shown and flagged, but its reason says what it is, so a reviewer
marks it at a glance instead of hunting for the missing text. A passage that holds anything else
reads as usual.
"""
from __future__ import annotations

import re

import numpy as np

_CREDIT = {
    # one or more on a line: 【纠错】 【责任编辑：张三】
    "zh": re.compile(r"(?:(?:[（(【\[]\s*(?:完|全文完|本文完|终|纠错)\s*[）)】\]]"
                     r"|[（(【\[]?\s*(?:责任编辑|编辑|校对|审核|审校|来源|原标题|撰稿|作者|记者|实习生|通讯员|摄影|翻译)"
                     r"\s*[：:|｜]\s*[^。！？（(【\[）)】\]]{1,40}?\s*[）)】\]]?)\s*)+"),
    "en": re.compile(r"\(\s*(?:(?:Additional )?[Rr]eporting|Writing|Editing|Compiled|Edited|Translated)\s+by\s+[^()]{1,160}\)"
                     r"|\(?(?:END|ENDS|End)\)?\.?"
                     r"|(?:Editor|Source|Translator|Translated by|Proofreader|TL|ED|PR)\s*:\s*.{1,60}", re.S),
    "ru": re.compile(r"(?:Источник|Редактор|Перевод|Переводчик|Автор|Фото)\s*:\s*.{1,60}|\(?Конец\)?\.?", re.S),
}


def is_credit(text: str, lang: str) -> bool:
    """The whole line is an end mark or an editorial credit of this language's editions."""
    pattern = _CREDIT.get(lang)
    return pattern is not None and pattern.fullmatch(text.strip()) is not None


_NOTE_LABEL = {
    "zh": r"(?:译者注|译注|编者按|编者注|编注|作者注)\s*[：:]",
    "en": r"(?:T/?N|TL ?/?N(?:ote)?|TL note|Translator[’']?s note|Translator[’']?s Note|Trans(?:lator)?\. note|"
          r"Editor[’']?s note|Editor[’']?s Note|Ed\. note)\s*[:：.\-–—]",
    "ru": r"(?:[Пп]рим(?:ечание)?\.?\s*(?:пер(?:ев(?:одчика)?)?|ред(?:актора)?)\.?|[Пп]римечание переводчика|"
          r"[Оо]т переводчика|[Оо]т редакции)\s*[:：.\-–—]?",
}
_NOTE_SIGNATURE = {
    "zh": r"[（(【\[]\s*(?:译者注|译注|编者注|编注)\s*[）)】\]]",
    "en": r"[—–-]\s*(?:Ed|Trans|Tr|Transl|Translator|Editor)\.?\s*[)\]]?\.?",
    "ru": r"[—–-]\s*[Пп]рим(?:ечание)?\.?\s*(?:пер(?:ев(?:одчика)?)?|ред(?:актора)?|авт(?:ора)?)\.?\s*[)\]]?\.?",
}
# A note's signature standing alone ("— Прим. пер.)", "—Ed."): what a splitter cut off the note's sentence.
SIGNATURE_RE = re.compile(f"{_NOTE_SIGNATURE['ru']}|{_NOTE_SIGNATURE['en']}")
_NOTE_RE = {lang: re.compile(rf"^[(\[（【]?\s*{_NOTE_LABEL[lang]}|{_NOTE_SIGNATURE[lang]}\s*$") for lang in _NOTE_LABEL}


def is_note(text: str, lang: str) -> bool:
    """The sentence is a translator's or editor's note, by its label or its signature."""
    pattern = _NOTE_RE.get(lang)
    return pattern is not None and pattern.search(text.strip()) is not None


def notes(texts: list[str], lang: str) -> np.ndarray:
    """Per sentence: a translator's or editor's note."""
    return np.array([is_note(t, lang) for t in texts], dtype=bool)
