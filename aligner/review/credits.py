"""Editorial lines no translation carries: an agency's end mark and credits.

Chinese news ends with （完） and 责任编辑：张三, Reuters with "(Reporting by …; Editing by …)", and a
Russian report may close with «Источник: ТАСС». Each belongs to its own edition: a passage of them
alone with no counterpart is still shown and flagged, but its reason says what it is, so a reviewer
marks it at a glance instead of hunting for the missing text. A passage that holds anything else
reads as usual.
"""
from __future__ import annotations

import re

_CREDIT = {
    "zh": re.compile(r"[（(【\[]\s*(?:完|全文完|本文完|终|纠错)\s*[）)】\]]"
                     r"|[（(【\[]?\s*(?:责任编辑|编辑|校对|审核|审校|来源|原标题|撰稿|作者|记者|实习生|通讯员|摄影|翻译)"
                     r"\s*[：:|｜]\s*[^。！？]{1,40}?\s*[）)】\]]?"),
    "en": re.compile(r"\(\s*(?:(?:Additional )?[Rr]eporting|Writing|Editing|Compiled|Edited|Translated)\s+by\s+[^()]{1,160}\)"
                     r"|\(?(?:END|ENDS|End)\)?\.?|(?:Editor|Source|Translator|Translated by)\s*:\s*.{1,60}", re.S),
    "ru": re.compile(r"(?:Источник|Редактор|Перевод|Переводчик|Автор|Фото)\s*:\s*.{1,60}|\(?Конец\)?\.?", re.S),
}


def is_credit(text: str, lang: str) -> bool:
    """The whole line is an end mark or an editorial credit of this language's editions."""
    pattern = _CREDIT.get(lang)
    return pattern is not None and pattern.fullmatch(text.strip()) is not None
