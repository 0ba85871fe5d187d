"""Normalisation for matching, and paragraphs of the original text.

Nothing here changes what the user sees: `fold` makes the copy of a sentence that the
encoder and the review checks compare (`Sentence.norm`), and `paragraph_spans` returns
offsets into the original, re-joining paragraphs that PDF extraction or hard wrapping
broke across lines (the seed breaks "以联合国为核" / "心的国际体系" across a blank line).
"""
from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

# --- character classes -------------------------------------------------------------

# Han ideographs (basic, extension A, compatibility, extensions B+), kana, CJK symbols
# and punctuation (、。「」…), full-width forms: the characters written without spaces.
_CJK_CLASS = (
    "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
    "\U00020000-\U0002ffff"
)
_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_CJK_RE = re.compile(f"[{_CJK_CLASS}]")
_SPACE_BETWEEN_CJK_RE = re.compile(f"(?<=[{_CJK_CLASS}]) (?=[{_CJK_CLASS}])")
_WHITESPACE_RUN_RE = re.compile(r"\s+")
# Chinese copied out of a PDF character by character: "2 0 2 2 年 2 月"; its digits are one number
_SPACED_HAN_RE = re.compile("(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_ADJACENT_HAN_RE = re.compile("(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")
SPACED_OUT = 3  # spaced pairs of Han characters per pair with no space, beyond which a text is spaced out
_SPACE_BETWEEN_NON_LETTERS_RE = re.compile(r"(?<=[^\sA-Za-zА-Яа-яЁё]) (?=[^\sA-Za-zА-Яа-яЁё])")

# Full-width punctuation that is ordinary Chinese typography and stays as it is, so the
# folded text still reads as Chinese to the encoder and clause/sentence marks are the ones
# the segmenter saw. Everything else in U+FF01–FF5E (letters, digits, ．％＋－／…) becomes
# ASCII, so "２０２２" matches "2022" and "１．５" matches "1.5".
KEPT_FULL_WIDTH = "！（），：；？"
_FULL_TO_HALF = {
    cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in KEPT_FULL_WIDTH
}
_FULL_TO_HALF[0x3000] = 0x20  # ideographic space

# A word broken by a hyphen at a line end: continued in lowercase it is one word
# ("меж-\nдународный" -> "международный"); before a capital the hyphen is the word's own
# ("Sino-\nRussian" -> "Sino-Russian"). A soft hyphen is never part of the word.
_LINE_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])[-\u00ad][ \t]*(?:\r\n|\r|\n)\s*(?=[^\W\d_A-ZА-ЯЁ])")
_LINE_HYPHEN_KEPT_RE = re.compile(r"(?<=[^\W\d_])-[ \t]*(?:\r\n|\r|\n)\s*(?=[A-ZА-ЯЁ])")
_SOFT_HYPHEN_RE = re.compile("\u00ad")

# Code points a PDF's font map gives for characters that share their glyph. PDF fonts (Chrome's
# and Noto's among them) draw 民 and ⺠, 月 and ⽉ with one glyph, and text copied from the PDF gets
# whichever code point the map lists first: "⼈⺠", "2⽉4⽇", "三分之⼀"; a pair of em dashes set as
# one glyph comes back as the two-em dash ⸺; Latin fonts give ligatures (ﬁ, ﬀ) and the figure dash
# for the en dash. The Kangxi Radicals block folds by its Unicode compatibility mapping (NFKC);
# the CJK Radicals Supplement has none, so its equivalents (Unicode's Equivalent_Unified_Ideograph)
# are listed here, each checked against the glyph it shares in the Noto CJK fonts.
_RADICAL_SUPPLEMENT = (
    "⺂⺃⺅⺇⺉⺋⺍⺎⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺟⺠⺡⺣⺤⺦⺨⺩⺫⺭⺮⺯⺰⺱⺲⺳⺹⺺⺽⺾⺿⻁⻂⻃⻄⻅",
    "乛乚亻𠘨刂㔾𭕄兀尣尢巳幺彑彐忄扌攵旡歺母民氵灬爫丬犭𤣩罒礻𥫗糹纟罓罒㓁耂肀𦥑艹艹虎衤覀西见",
), (
    "⻆⻇⻈⻉⻊⻋⻌⻍⻎⻐⻑⻒⻓⻔⻕⻖⻘⻙⻚⻛⻜⻝⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳",
    "角𧢲讠贝𧾷车辶辶辶钅長镸长门𨸏阝青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟",
)
_GLYPH_SHARERS = {
    **{cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)},
    ord("⼾"): "户",  # NFKC gives the Traditional 戶; Simplified fonts draw ⼾ as 户, and Simplified is our usual case
    **{ord(a): b for radicals, ideographs in _RADICAL_SUPPLEMENT for a, b in zip(radicals, ideographs)},
    **{cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)},
    # CJK compatibility ideographs (不 U+F967 for 不, 六 U+F9D1 for 六): a font that draws both with one glyph, or
    # text that passed through a Korean code page, gives them; each is canonically the unified ideograph
    **{cp: unicodedata.normalize("NFC", chr(cp)) for cp in [*range(0xF900, 0xFB00), *range(0x2F800, 0x2FA20)]
       if unicodedata.normalize("NFC", chr(cp)) != chr(cp)},
    ord("⸺"): "——", ord("⸻"): "———",  # the long dashes of Chinese, set as one glyph
    0x2012: 0x2013,
}
# Punctuation in its vertical presentation forms (︒ ︐ ﹁﹂ ︵︶, from text set top to bottom) and Big5's small
# forms (﹐ ﹒ ﹗): the marks of horizontal Chinese, one character for one, so the segmenter, the paragraph rules and
# matching know them. NFKC gives ASCII for most; Chinese punctuation has full-width marks of its own.
_CHINESE_MARKS = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）", "...": "…", "..": "‥"}
PRESENTATION_FORMS = {
    cp: _CHINESE_MARKS.get(form, form)
    for cp in [*range(0xFE10, 0xFE1A), *range(0xFE30, 0xFE50), *range(0xFE50, 0xFE6C)]
    if (form := unicodedata.normalize("NFKC", chr(cp))) != chr(cp) and len(_CHINESE_MARKS.get(form, form)) == 1
}
PRESENTATION_FORMS[0x22EF] = "…"  # the midline ellipsis ⋯⋯, as Taiwan types the ellipsis centred
_FOLDED_CHARACTERS = {**_GLYPH_SHARERS, **_FULL_TO_HALF, **PRESENTATION_FORMS}


def _any_of(codes, ranges: str = "") -> re.Pattern:
    """A pattern matching any of the code points `codes` (or in `ranges`, "a-z"), as ranges (a class of 300 single
    characters took 17 s to search a 16 MB text, its 47 ranges 0.1 s)."""
    codes, parts = sorted(codes), []
    starts = [k for k in range(len(codes)) if k == 0 or codes[k] != codes[k - 1] + 1]
    for first, after in zip(starts, [*starts[1:], len(codes)]):
        last = codes[after - 1]
        parts.append(re.escape(chr(codes[first])) + (f"-{re.escape(chr(last))}" if last != codes[first] else ""))
    return re.compile(f"[{''.join(parts)}{ranges}]")


# str.translate looks each character up: 2 s on a 16 MB Russian text that has none of them
_PRESENTATION_RE, _FOLDED_RE = _any_of(PRESENTATION_FORMS), _any_of(_FOLDED_CHARACTERS)


def standard_forms(text: str) -> str:
    """`text` with the presentation forms of vertical text (︒ ﹁ ﹂) and ⋯ as the marks they stand for; same offsets."""
    return text.translate(PRESENTATION_FORMS) if _PRESENTATION_RE.search(text) else text


# In full-width digits, the full-width comma groups thousands (１，２３４ is 1,234, as 1,234 in ASCII) and
# must not stay the Chinese comma that separates two numbers.
_FULL_WIDTH_GROUP_RE = re.compile("(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")


def _folded_characters(text: str) -> str:
    """`text` with each character folded on its own (radicals, full-width forms), a ligature into two letters."""
    text = _FULL_WIDTH_GROUP_RE.sub(",", text)
    return text.translate(_FOLDED_CHARACTERS) if _FOLDED_RE.search(text) else text

_converter = None
_converter_lock = threading.Lock()


def _t2s():
    """The OpenCC Traditional→Simplified converter, built once on first use (it loads dictionaries)."""
    global _converter
    if _converter is None:
        with _converter_lock:
            if _converter is None:
                import opencc

                _converter = opencc.OpenCC("t2s")
    return _converter


_changed_by_t2s: frozenset[str] | None = None


def _t2s_triggers() -> frozenset[str]:
    """Characters OpenCC's t2s can change, read from its own dictionaries (once).

    A text with none of them is already Simplified and skips the pure-Python converter,
    which otherwise costs more than all the rest of segmentation. Empty if the
    dictionaries are not where expected; then every Chinese text is converted.
    """
    global _changed_by_t2s
    if _changed_by_t2s is None:
        import opencc

        folder = Path(opencc.__file__).parent / "dictionary"
        changed: set[str] = set()
        try:
            for line in (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
                key, _, values = line.partition("\t")
                if values.split() != [key]:
                    changed.add(key)
            for line in (folder / "TSPhrases.txt").read_text(encoding="utf-8").splitlines():
                key, _, values = line.partition("\t")
                value = values.split()[0] if values.split() else key
                if len(value) == len(key):
                    changed.update(a for a, b in zip(key, value) if a != b)
                else:
                    changed.update(key)
        except OSError:
            changed = set()
        _changed_by_t2s = frozenset(changed)
    return _changed_by_t2s


def _needs_t2s(text: str) -> bool:
    triggers = _t2s_triggers()
    if not triggers:
        return has_han(text)
    return not triggers.isdisjoint(text)


TRADITIONAL_SHARE = 0.1  # Traditional prose has ~35 % such characters, Simplified next to none
TRADITIONAL_SAMPLE = 20_000


def is_traditional(text: str) -> bool:
    """True when the Chinese is written in Traditional characters.

    Exports label it so (zh-TW in TMX, zh-Hant in HTML), since a translation memory or a
    browser font picked for Simplified would misfile or misdraw it.
    """
    han = _HAN_RE.findall(text[:TRADITIONAL_SAMPLE])
    triggers = _t2s_triggers()
    if not han or not triggers:
        return False
    return sum(1 for c in han if c in triggers) >= TRADITIONAL_SHARE * len(han)


def is_cjk(char: str) -> bool:
    """A character of the scripts written without spaces between words (Han, kana, CJK punctuation,
    full-width forms)."""
    return _CJK_RE.fullmatch(char) is not None


def has_han(text: str) -> bool:
    """True if the text contains at least one Chinese character."""
    return _HAN_RE.search(text) is not None


def join_broken_lines(text: str) -> str:
    """Undo end-of-line hyphenation and drop soft hyphens (PDF extraction leaves both)."""
    text = _LINE_HYPHEN_KEPT_RE.sub("-", _LINE_HYPHEN_RE.sub("", text))
    return _SOFT_HYPHEN_RE.sub("", text)


def unshare_glyphs(text: str) -> str:
    """The characters a PDF's text meant where its font map gave others drawn with the same glyph:
    radicals for whole characters (⼈⺠ → 人民), ligatures for letters (ﬁ → fi), the figure dash
    for the en dash. What the PDF reader returns; for any other text, `fold` does it for matching."""
    return text.translate(_GLYPH_SHARERS)


def is_spaced_out(text: str) -> bool:
    """Chinese with a space after every character, as some PDF copies give it (中 华 人 民)."""
    spaced = len(_SPACED_HAN_RE.findall(text))
    return spaced >= 2 and spaced > SPACED_OUT * len(_ADJACENT_HAN_RE.findall(text))


def fold(text: str) -> str:
    """The matching form of a text: Simplified, half-width, one space per gap, no gap inside Chinese.

    Rules, in order: what PDF copies give for characters that share a glyph with them → those
    characters (`unshare_glyphs`); full-width ASCII letters, digits and symbols → ASCII, except
    the Chinese punctuation ！（），：；？ which stays full-width (but ， grouping full-width digits, １，２３４, is a
    comma); the ideographic space is a space;
    Traditional → Simplified (OpenCC t2s, only when the text has a character t2s can change);
    whitespace runs (line breaks included) → one space, trimmed; a space between two CJK
    characters or CJK punctuation marks is removed (so a PDF break "为核\\n\\n心" folds to
    "为核心", while "2022 年" keeps its space only if a side is not CJK), and in Chinese spaced out
    character by character, any space between two characters that are not letters ("2 0 2 2 年"
    folds to "2022年"). Latin and Cyrillic case is kept: case is a signal for names.
    """
    text = _folded_characters(text)
    if _needs_t2s(text):
        text = _t2s().convert(text)
    text = _WHITESPACE_RUN_RE.sub(" ", text).strip()
    if is_spaced_out(text):
        text = _SPACE_BETWEEN_NON_LETTERS_RE.sub("", text)  # 2 0 2 2 年 is 2022年, 弗 · 弗 is 弗·弗
    return _SPACE_BETWEEN_CJK_RE.sub("", text)


# A reference mark as a web page copied from Wikipedia or Baidu Baike has it after a word or number: [3], ［３］,
# [注 2], [来源请求], [citation needed]. It is no number of the text: "5.2%[3]" is 5.2 %, not 5.2 % and 3.
_REFERENCE_MARK_RE = re.compile(r"(?<=\S) ?\[(?:(?:注|note|примечание) ?)?\d{1,3}\]|\[(?:来源请求|需要来源|需要引用|"
                                r"citation needed|источник не указан[^\]]{0,20})\]", re.IGNORECASE)


# A translator's note inside a sentence, "(T/N: a jin is half a kilo)", «(прим. пер.: …)», «(… — Прим. пер.)»,
# （译者注：…）: the translator speaking, not the text; left out of matching as a reference mark is. A sentence that is
# a note and nothing else keeps it (see `editorial`).
_INLINE_NOTE_RE = re.compile(
    r"\s?[(\[（【]\s*(?:(?:T/?N|TL ?/?N(?:ote)?|Translator[’']?s [Nn]ote|[Пп]рим(?:ечание)?\.?\s*пер(?:ев(?:одчика)?)?\.?"
    r"|译者注|译注)\s*[:：.]?[^()\[\]（）【】]{0,300}|[^()\[\]（）【】]{1,300}[—–-]\s*[Пп]рим\.?\s*пер(?:ев)?\.?)\s*[)\]）】]")


def match_form(text: str) -> str:
    """`fold` after re-joining hyphenated line breaks, without reference marks ([3]) or a translator's note inside the
    sentence: the `norm` of a sentence."""
    norm = _REFERENCE_MARK_RE.sub("", fold(join_broken_lines(text))).strip()
    without_notes = _INLINE_NOTE_RE.sub("", norm).strip()
    return without_notes or norm


def norm_positions(text: str, norm: str) -> list[int]:
    """For each character of `norm` (the match form of `text`), the offset in `text` it comes from.

    Findings are made in the match form (a number in ２０２２ is read as 2022) but shown in the
    user's text. Folding translates characters one by one (a ligature into two), so each folded
    character is traced to its source and the match form is lined up with that sequence; a space
    that stands for a run of whitespace or a removed line break points at the character before it.
    """
    from difflib import SequenceMatcher

    chars, origin = [], []
    for i, c in enumerate(_FULL_WIDTH_GROUP_RE.sub(",", text)):  # same length
        for f in c.translate(_FOLDED_CHARACTERS):
            chars.append(f)
            origin.append(i)
    folded = "".join(chars)
    if _needs_t2s(folded):
        converted = _t2s().convert(folded)
        folded = converted if len(converted) == len(folded) else folded
    positions = [-1] * len(norm)
    for a, b, size in SequenceMatcher(None, folded, norm, autojunk=False).get_matching_blocks():
        positions[b:b + size] = origin[a:a + size]
    last = 0
    for j, at in enumerate(positions):
        positions[j] = last = at if at >= 0 else last
    return positions


# --- paragraphs ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str  # stripped text
    indented: bool  # began with whitespace (a paragraph indent in many Chinese and Russian texts)
    blank_before: bool  # one or more blank lines separate it from the previous line
    page_before: bool = False  # a form feed (pdftotext's page break) came before it
    field: bool = False  # one of two or more label lines in a row (甲方：… / 乙方：…, Party A: … / Date: …)


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")

# Sentence-final marks, then any closing quotes or brackets. ":" ends a paragraph too
# ("声明如下:" / "as follows:" introduce the next one). "——" closes broken-off speech.
_CLOSERS = "”’」』）)》〉】]\"'»›"
# A stage direction or source in brackets may follow the end: "……伪命题。（笑声）", "… a false proposition. (Laughter)".
_TERMINAL_RE = re.compile(rf"(?:[。！？!?…；;:：.]|——)[{re.escape(_CLOSERS)}]*(?:\s*[（(][^（()）\n]{{1,30}}[)）])?$")
# A line ending like this is unfinished whatever comes next: clause punctuation, an
# opening bracket or quote, or a word hyphen.
# A line ending in a colon or semicolon introduces or ends a list item; the item after it may begin in
# lowercase ("о следующем:" / "обмениваться информацией;"), as Russian and English lists do.
_CLAUSE_END_RE = re.compile(rf"[;；:：][{re.escape(_CLOSERS)}]*$")
# A number at a line's end and its unit at the next one's start (2022 | 年2月4日, 3.5 | 亿元, 二〇二二 | 年): a PDF
# breaks a line wherever it is full, and no sentence or heading ends between a number and its unit.
_NUMBER_UNIT_RE = re.compile(r"(?:[\d０-９]$\n[年月日号亿万元%％倍岁]|[〇零一二三四五六七八九十]{2}$\n[年月日])", re.M)
_OPEN_END_RE = re.compile(r"(?:[,，、(\[（「『《“‘«]|(?<=[^\W\d_])[-\u00ad])$")
# A line ending in a word that cannot end a sentence or heading is unfinished too.
_OPEN_END_WORDS = frozenset(
    "a an the of to in on at by for from with and or but nor as than that which who whose "
    "into onto upon between among about its their our his her is are was were be been "
    "и в во на с со к ко по о об от до из за у для при без над под что чтобы как а но или "
    "ни не же ли его их её ее".split()
)
_LAST_WORD_RE = re.compile(r"([^\W\d_]+)$")
# A next line starting like this continues the previous one: a lowercase letter, or
# punctuation that cannot begin a sentence.
_CONTINUES_RE = re.compile(r"^(?:[a-zа-яё]|[，。、；：！？）」』”》…,;])")
_CAPITALS_RE = re.compile(r"[^a-zа-яё]*[A-ZА-ЯЁ]{2}[^a-zа-яё]*")  # a line in capitals (no lower-case letter)
# A next line starting like this begins something new: a list item, a numbered heading,
# a Markdown heading, a dialogue dash.
_STARTS_ITEM_RE = re.compile(
    r"^(?:[-*•·–—]\s|#{1,6}\s|\d{1,3}(?:[.)](?!\d)|、)|[(（]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]"
    r"|[一二三四五六七八九十百]{1,3}[、.．]|第[一二三四五六七八九十百千\d]+[章节条部篇回卷])"
)
_CLAUSE_MARKS_RE = re.compile(r"[，,、；;：:]")
# A Chinese heading's number, with the mark after it: 一、 （一） 1. 1.2 第一章： (its marks are no clause's)
_HEADING_NUMBER_RE = re.compile(r"(?:第[一二三四五六七八九十百千\d]+[章节条部篇回卷]|[(（]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]"
                                r"|[\d.．]{1,6}|[一二三四五六七八九十百]{1,3}(?=[、.．:：\s]))?[、.．:：\s]*")
_SENTENCE_END_RE = re.compile(r"[。！？]")  # inside a line: a sentence ended there, and a heading has none
# A label line of a form, a contract's header or its signatures: a short label, a colon, a value (合同编号：BJ-2023-0456,
# 甲方：北京华信科技有限公司, Сторона А: ООО «…», Party A: …, Date: 15 June 2023). One such line can be prose broken by
# a PDF (会议指出：要坚持 / 稳中求进); two in a row are a list of fields, each its own paragraph.
# The label may name a party's role in brackets: 甲方（买方）：…, Сторона А (Покупатель): …, Party B (Seller): …; a
# Chinese label may hold Latin letters (CADR值：320m³/h, USB接口：2个).
_FIELD_RE = re.compile(r"^(?:[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]{0,9}(?<=[\u4e00-\u9fff])"
                       r"(?:[（(][\u4e00-\u9fff]{1,6}[)）])?[：:]"
                       r"|[A-ZА-ЯЁ][^\W_]*\.?(?:[ \t]+[^\W_]+\.?){0,3}(?:[ \t]*\([^\W_]+(?:[ \t]+[^\W_]+){0,2}\))?[ \t]*:)"
                       r"[ \t]*[^\s:：]")
_FIELD_WIDTH_MAX = 90  # columns: a label and a name, number, date or address
# A document's label line: an article, section, chapter or annex with its number, alone on its line ("Article 3",
# "Section II", "Статья 3.", "Приложение 1", "第三条", "附件"), or with a short title ("Article 5 Quality Warranty",
# "Статья 5. Гарантия качества", "第五条　质量保证"). It is a heading of its own even after a full line of
# hard-wrapped prose, which would run on into it; prose that a PDF broke before or after such words still joins,
# as the line before ends open ("in accordance with" / "Article 3") or the line after goes on in lowercase.
_LABEL_NUMBER = r"(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-Z]|(?i:one|two|three|four|five|six|seven|eight|nine|ten))"
_LABEL_RE = re.compile(
    rf"^(?:(?:(?i:article|section|chapter|part|annex|appendix|schedule|clause|exhibit|attachment)\s+{_LABEL_NUMBER}"
    rf"|(?i:annex|appendix|attachment)"
    rf"|(?i:статья|глава|раздел|часть|пункт|приложение|параграф)\s+(?:№\s*)?{_LABEL_NUMBER}|(?i:приложение)"
    rf"|§\s*\d{{1,3}}(?:\.\d{{1,3}})*)(?=[\s.:–—]|$)"
    rf"|第[一二三四五六七八九十百千零〇\d]+[章节条部篇回卷款]|(?:附件|附录|附表|附则)[一二三四五六七八九十\dA-Z]{{0,3}})")
_LABEL_TITLE_RE = re.compile(  # what may follow the label: a mark, or a mark or space and a short title ending in none
    r"[.:：．]?|(?:[.:：．]?[ \t\u3000]+(?:[–—][ \t]*)?|[.:：．])"
    r"(?:[\u4e00-\u9fff]{1,15}|[A-ZА-ЯЁ][^\W\d_]*(?:[ \t]+[^\W\d_]+){0,5})")
_HEADING_CJK_MAX = 40  # characters
_HEADING_WORDS_MAX = 12  # words, Latin or Cyrillic
_TITLE_WORDS_MAX = 40  # a document's first line may be a long title


def _is_field(text: str) -> bool:
    """A line that looks like a form's field: a short label, a colon and a short value that does not end open."""
    return bool(_FIELD_RE.match(text)) and _width(text) <= _FIELD_WIDTH_MAX and not _SENTENCE_END_RE.search(text) \
        and not _OPEN_END_RE.search(text) and not _ends_in_open_word(text)


def _is_label(text: str) -> bool:
    """A label line: "Article 3", "Статья 3.", "第三条", "附件", alone or with a short title (see _LABEL_RE)."""
    label = _LABEL_RE.match(text)
    return bool(label) and _LABEL_TITLE_RE.fullmatch(text, label.end()) is not None and not _ends_in_open_word(text)


_OPEN_WORD_TAIL = 40  # characters at a line's end searched for its last word; longer than any open word


def _ends_in_open_word(text: str) -> bool:
    """The line's last word cannot end a sentence or heading ("of", "и").

    The last word is searched for in the line's tail: searched for in the whole line, a regex anchored at its end
    is tried from each of its characters (3 s of a 16 MB Russian text's splitting). A word that fills the tail may
    begin before it: then the whole line is searched."""
    tail = max(len(text) - _OPEN_WORD_TAIL, 0)
    last_word = _LAST_WORD_RE.search(text, tail)
    if last_word and tail and last_word.start() == tail:
        last_word = _LAST_WORD_RE.search(text)
    return bool(last_word) and last_word.group(1).lower() in _OPEN_END_WORDS


def _with_fields(lines: list[_Line]) -> list[_Line]:
    """The lines, those among two or more field lines in a row (not parted by a blank line) marked `field`."""
    looks = [_is_field(line.text) for line in lines]
    return [replace(line, field=True) if looks[i] and (
        i > 0 and looks[i - 1] and not line.blank_before or
        i + 1 < len(lines) and looks[i + 1] and not lines[i + 1].blank_before) else line
        for i, line in enumerate(lines)]


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with their stripped offsets, noting indentation, blank lines and page breaks before.

    A form feed is pdftotext's page break, not an indent."""
    lines: list[_Line] = []
    blank = page = False
    for m in _LINE_RE.finditer(text):
        raw = m.group(0).rstrip("\r\n")
        if not raw.strip():
            if m.end() == m.start():
                break
            blank, page = True, page or "\f" in raw
            continue
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        start = m.start() + lead
        page = page or "\f" in raw[:lead]
        lines.append(_Line(start, start + len(stripped), stripped, bool(raw[:lead].replace("\f", "")),
                           blank and bool(lines), page and bool(lines)))
        blank = page = False
    return lines


# Characters that may be wide: all from U+1100 on, and the few below that unicodedata calls wide (unassigned ones)
_MAYBE_WIDE_RE = _any_of((c for c in range(0x1100) if unicodedata.east_asian_width(chr(c)) in "WF"), "\u1100-\U0010ffff")


@functools.cache
def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _width(s: str) -> int:
    """Display width: CJK characters count two columns, as they do on a printed line.

    Counted per distinct character, not per character: asking unicodedata for each of a 16 MB text's
    characters took 2 of the 10 s that finding its paragraphs took."""
    if s.isascii() or not _MAYBE_WIDE_RE.search(s):
        return len(s)
    return len(s) + sum(s.count(c) for c in set(s) if _is_wide(c))


def _wrap_width(lines: list[_Line]) -> int | None:
    """The fixed line width of a hard-wrapped text (PDF, e-mail, Gutenberg), or None.

    A text is hard-wrapped when most lines that are followed directly (no blank line) by
    another line are nearly as wide as the widest typical line; in a text with one
    paragraph per line the widths vary freely.
    """
    if len(lines) < 6:
        return None
    widths = [_width(line.text) for line in lines]
    ordered = sorted(widths)
    wrap = ordered[int(0.9 * (len(ordered) - 1))]
    followed = [widths[i] for i in range(len(lines) - 1) if not lines[i + 1].blank_before]
    if len(followed) < 4 or wrap < 20:
        return None
    full = sum(1 for w in followed if 0.75 * wrap <= w <= 1.1 * wrap)
    return wrap if full >= 0.6 * len(followed) else None


def _first_word_width(text: str) -> int:
    """The width a line's first word takes on the line before: a Chinese character, or a word and its space."""
    if text and _is_wide(text[0]):
        return _width(text[0])
    word = text.split(maxsplit=1)[0] if text.strip() else ""
    return _width(word) + 1


def _is_heading(line: _Line, first: bool) -> bool:
    """A title or heading: short, no clause punctuation after its number, no sentence end in it."""
    text = line.text
    if text.startswith("#"):
        return True
    if has_han(text):
        after_number = text[_HEADING_NUMBER_RE.match(text).end():]
        return len(text) <= _HEADING_CJK_MAX and not _CLAUSE_MARKS_RE.search(after_number) and \
            not _SENTENCE_END_RE.search(text)
    words = len(text.split())
    if first or _title_cased(text):
        return words <= _TITLE_WORDS_MAX
    return words <= _HEADING_WORDS_MAX and not _CLAUSE_MARKS_RE.search(text)


_WORD_RE = re.compile(r"[^\W\d_]+")
_TITLE_WORD_LETTERS = 4  # "of", "the", "in", "and" stay lower-case in a title; a word of this many letters or more does not


def _title_cased(text: str) -> bool:
    """A title in title case, however long: every word of four letters or more capitalised ("Three Heroes Swear
    Brotherhood in the Peach Garden; One Victory Shatters the Rebels"), which prose never has for a line."""
    content = [w for w in _WORD_RE.findall(text) if len(w) >= _TITLE_WORD_LETTERS]
    return len(content) >= 2 and all(w[0].isupper() for w in content) and not _SENTENCE_END_RE.search(text) \
        and not re.search(r"[.!?]$", text)


_EDGE_HAN = 3  # characters each side of a break that make the phrase looked for (5 at least: no accident)
_LAST_HAN_RE = re.compile(f"{_HAN_RE.pattern}{{1,{_EDGE_HAN}}}$")
_FIRST_HAN_RE = re.compile(f"^{_HAN_RE.pattern}{{1,{_EDGE_HAN}}}")


def _phrase_across(prev: _Line, nxt: _Line) -> str | None:
    """The Chinese characters either side of the break (两国元|首在), when there are enough to make a phrase; None
    after a numbered heading (一、总则, 第一章 总则) or before one, which end and begin whatever the characters."""
    if not (_HAN_RE.match(prev.text[-1]) and _HAN_RE.match(nxt.text[0])):
        return None
    if _STARTS_ITEM_RE.match(prev.text) and _is_heading(prev, first=False) or _STARTS_ITEM_RE.match(nxt.text):
        return None
    last, first = _LAST_HAN_RE.search(prev.text[-_EDGE_HAN:]), _FIRST_HAN_RE.match(nxt.text)
    if not (last and first) or len(last.group(0)) + len(first.group(0)) < 2 * _EDGE_HAN - 1:
        return None
    return last.group(0) + first.group(0)


def _whole_in(text: str, phrases: set[str]) -> frozenset[str]:
    """Those of `phrases` that `text` has whole somewhere: one pass over the text, whatever their number."""
    if not phrases:
        return frozenset()
    lengths = sorted({len(p) for p in phrases})
    starts = re.compile("[" + re.escape("".join({p[0] for p in phrases})) + "]")
    return frozenset(text[k:k + n] for m in starts.finditer(text) for k in (m.start(),) for n in lengths
                     if text[k:k + n] in phrases)


# A letter's or speech's salutation, on a line of its own and ending in a comma: "Dear Mr. Smith,", "Comrades, friends,
# ladies and gentlemen,", «Уважаемые коллеги,». (Chinese ends its own in ！ or ：, which end a paragraph anyway.)
_SALUTATION_RE = re.compile(
    r"(?:(?:Dear|My|Hi|Hello|Distinguished|Honou?rable|Honou?red|Esteemed|Respected|Your|Ladies|Comrades|Friends|"
    r"Excellenc\w*|Mr|Mrs|Ms|Madam|Sir|Good (?:morning|afternoon|evening))\b"
    r"[A-Za-z.,'’ -]{0,60}"
    r"|(?:Уважаем|Дорог(?:ой|ая|ие)\b|Глубокоуважаем|Товарищ|Друзья|Коллеги|Дамы|Господин|Госпожа)[А-Яа-яЁё.,\s-]{0,60}),")


def _continues(prev: _Line, nxt: _Line, first: bool, wrap: int | None, whole: frozenset[str] = frozenset()) -> bool:
    """Whether the line break between `prev` and `nxt` lies inside one paragraph (`whole`: the phrases across
    line breaks that the text has whole elsewhere, a break inside one being inside a word or phrase)."""
    if _CLAUSE_END_RE.search(prev.text) and (nxt.blank_before or wrap is None):
        return False  # a list item in lowercase after a blank line or in unwrapped text: its own paragraph
    if nxt.blank_before and nxt.text[:1].isupper() and _SALUTATION_RE.fullmatch(prev.text):
        return False  # "Dear colleagues," then a blank line: the letter begins
    if nxt.blank_before and _CAPITALS_RE.fullmatch(prev.text) and _is_heading(prev, first) and \
            not (_OPEN_END_RE.search(prev.text) or _ends_in_open_word(prev.text)):
        return False  # a title in capitals, then a blank line: "KONG YIJI" / "by Lu Xun" are two
    if _OPEN_END_RE.search(prev.text) or _CONTINUES_RE.match(nxt.text) or \
            _NUMBER_UNIT_RE.search(prev.text[-2:] + "\n" + nxt.text[:1]):
        return True
    if _ends_in_open_word(prev.text):
        return True
    if nxt.indented or prev.field or nxt.field or _is_label(prev.text) or _is_label(nxt.text):
        return False
    return _runs_on(prev, nxt, first, wrap) or _phrase_across(prev, nxt) in whole


def _runs_on(prev: _Line, nxt: _Line, first: bool, wrap: int | None) -> bool:
    """Whether the line width, a list item, a sentence end or a heading says the paragraph runs on."""
    if wrap is not None and not nxt.blank_before:
        if first and has_han(prev.text) and not (_CLAUSE_MARKS_RE.search(prev.text) or _TERMINAL_RE.search(prev.text)):
            return False  # a title that fills the first line: Chinese prose has a mark every few words
        # Hard-wrapped text: a full line runs on (even into "— " or "1."), a short one ends; and so does a line
        # that ends a sentence (or a "：") short of the width by more than the next line's first word: greedy
        # wrapping would have put that word on it (a paragraph's last line three-quarters full).
        if _TERMINAL_RE.search(prev.text) and _width(prev.text) + _first_word_width(nxt.text) <= wrap:
            return False
        return _width(prev.text) >= 0.75 * wrap
    if _STARTS_ITEM_RE.match(nxt.text) or _TERMINAL_RE.search(prev.text):
        return False
    if first and nxt.text[:1].isupper():
        return not _is_heading(prev, first=True)
    return not _is_heading(prev, first=False)


# A bare page number: "7", "- 7 -", "— 7 —", "7 / 12", "Page 7 of 12", "стр. 7", "第7页", "第 7 页 共 12 页"
PAGE_NUMBER_RE = re.compile(
    r"^[\s\-–—]*(?:(?:page|p\.|стр\.?|страница|с\.)\s*)?第?\s*\d{1,4}\s*页?"
    r"(?:\s*(?:/|of|из|共)\s*\d{1,4}\s*页?)?[\s\-–—]*$",
    re.IGNORECASE,
)
_PAGE_EDGE = 2  # lines beside a page break (a form feed or a page number) where running heads and numbers sit


def _page_furniture(lines: list[_Line]) -> set[int]:
    """Indices of the lines that text copied out of a PDF (pdftotext, a viewer's copy) has from the page, not
    the document: bare page numbers, and running heads, the short lines found again and again beside a page break."""
    numbers = {i for i, line in enumerate(lines) if PAGE_NUMBER_RE.match(line.text)}
    breaks = numbers | {0, len(lines) - 1} | {i for i, line in enumerate(lines) if line.page_before} | \
        {i - 1 for i, line in enumerate(lines) if line.page_before}  # the text's first and last lines are a page's too
    beside = {j for i in breaks for j in range(i - _PAGE_EDGE, i + _PAGE_EDGE + 1) if 0 <= j < len(lines) and j not in numbers}
    short = [j for j in beside if _is_heading(lines[j], first=False)]
    seen: dict[str, int] = {}
    for j in short:
        seen[lines[j].text] = seen.get(lines[j].text, 0) + 1
    return numbers | {j for j in short if seen[lines[j].text] >= 2}


@dataclass(frozen=True)
class Layout:
    """A text's paragraphs, and the page furniture inside them (both as offsets into the text)."""

    paragraphs: list[tuple[int, int]]
    furniture: list[tuple[int, int]]  # page numbers and running heads a paragraph runs across


_ENTRY_PUNCTUATION_RE = re.compile(r"[，。；：！？、,.;:!?…]")
_ENTRY_WORDS_MAX = 8  # words of an entry of a glossary or a list of titles
_ENTRY_CJK_MAX = 20  # characters of such an entry in Chinese
LISTING_MIN_LINES = 4


def _is_listing(lines: list[_Line]) -> bool:
    """A glossary or a list of titles, a short entry a line with no punctuation ("数字经济" / "digital economy" /
    "artificial intelligence"): each line is its own paragraph, a lowercase one included. Prose broken into lines
    has a comma or a full stop in most of them."""
    def entry(text: str) -> bool:
        short = len(text) <= _ENTRY_CJK_MAX if has_han(text) else len(text.split()) <= _ENTRY_WORDS_MAX
        return short and not _ENTRY_PUNCTUATION_RE.search(text)
    return len(lines) >= LISTING_MIN_LINES and sum(entry(line.text) for line in lines) >= 0.9 * len(lines)


def layout(text: str) -> Layout:
    """Paragraphs of the original text as (start, end) offsets, without surrounding whitespace.

    Every line break is a candidate boundary. It is a real one when the line before ends
    a sentence (。！？…；: or . ! ? with closing quotes), is a short heading or title, or
    either line is one of two or more label lines in a row (合同编号：… / 甲方：…, a contract's header and
    signatures), or the next line is indented or starts a list item or numbered heading (after a ";" or ":" and
    a blank line, or in unwrapped text, even a lowercase one: a Word list's items); it is not when the
    line before ends open (、，, hyphen, opening bracket, a word like "of" / "и") or the
    next line starts in lowercase or with punctuation. A line with neither signal (a PDF break inside a word,
    "以联合国为核" / "心的国际体系") continues into the next, and so does a short one ("双方" / "呼吁国际社会") when the
    Chinese characters either side of the break make a phrase the text has whole elsewhere. In hard-wrapped text, detected
    by its fixed line width, a full-width line continues and a short one ends, and so does one that ends a sentence
    when the next line's first word would have fitted on it (`benchmarks/wrapped_text.py`).
    A page number or running head of text copied out of a PDF ("-1-", a form feed, "中俄联合声明") is passed
    over when the lines on either side of it continue one paragraph, and listed as its furniture.
    A joined paragraph's span includes the line breaks inside it.
    """
    lines = _with_fields(_lines(standard_forms(text)))  # same offsets
    if not lines:
        return Layout([], [])
    if _is_listing(lines):
        return Layout([(line.start, line.end) for line in lines], [])
    furniture = _page_furniture(lines)
    wrap = _wrap_width([line for i, line in enumerate(lines) if i not in furniture])
    following = list(range(1, len(lines) + 1))  # the next line that is not page furniture (or the last)
    for i in range(len(lines) - 3, -1, -1):
        if i + 1 in furniture:
            following[i] = following[i + 1]
    whole = _whole_in(text, {phrase for i in range(len(lines) - 1) for j in {i + 1, following[i]}
                             if (phrase := _phrase_across(lines[i], lines[j]))})
    spans: list[tuple[int, int]] = []
    inside: list[tuple[int, int]] = []
    start = lines[0].start
    i = 0
    while i < len(lines) - 1:
        # a line that repeats the first is the title again (an e-book's title page, then its first chapter)
        title = i == 0 or lines[i].text == lines[0].text
        after = following[i]
        # across the page, the line after it is spaced from the line before as the furniture was
        if after > i + 1 and i not in furniture and after not in furniture and \
                _continues(lines[i], replace(lines[after], blank_before=lines[i + 1].blank_before),
                           first=title, wrap=wrap, whole=whole):
            inside += [(line.start, line.end) for line in lines[i + 1:after]]
            i = after
            continue
        if not _continues(lines[i], lines[i + 1], first=title, wrap=wrap, whole=whole):
            spans.append((start, lines[i].end))
            start = lines[i + 1].start
        i += 1
    spans.append((start, lines[-1].end))
    return Layout(spans, inside)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs of the original text as (start, end) offsets (see `layout`)."""
    return layout(text).paragraphs
