"""Reading the user's files: bytes in any encoding we support → text, or a clear error.

Encoding detection is a small explicit strategy rather than charset-normalizer, which
misjudges short Chinese and Cyrillic texts: byte-order marks; signatures of binary formats
(PDF, ZIP/.docx, images); BOM-less UTF-16 when there are NUL bytes; strict UTF-8; English in Windows-1252
when it reads as one (its accented letters inside Latin words: Émile, École); then
the legacy codecs GB18030, Big5, cp1251, KOI8-R, MacCyrillic and cp866 (DOS), each decoded strictly and scored on
one scale by how much the result looks like Chinese or Russian writing (for a word or two, where that
scale ties, whether its letter pairs are Russian's: `russian_bigrams.py`). Decoding never
replaces a character: a text we cannot decode exactly is an error. The encoding used is returned with the text
(`Decoded`), and one the user names (`encoding=`) is used instead of detection.
"""
from __future__ import annotations

import codecs
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from aligner.errors import InputError
from aligner.formats.archive import ZIP_SIGNATURE, office_kind
from aligner.formats.docx import docx_text, is_docx
from aligner.formats.epub import epub_text, is_epub
from aligner.formats.odt import is_odt, odt_text
from aligner.formats.rtf import RTF_SIGNATURE, rtf_text
from aligner.formats.srt import srt_text
from aligner.formats.web import HTML_SUFFIXES, MHTML_SUFFIXES, page_kind
from aligner.formats.word97 import OLE_SIGNATURE, doc_text, is_word97
from aligner.normalise import is_spaced_out
from aligner.russian_bigrams import common_bigram_share

# A megabyte is 10^6 bytes, as the page's upload box counts them (Streamlit, but on Windows): a file the box showed as
# 26.1MB was 24.9 MB (2^20 bytes each) in the refusal under it.
MB = 1_000_000
MAX_BYTES = 20 * MB  # larger files are refused with their size and this limit
MAX_DOCUMENT_BYTES = 200 * MB  # PDFs, e-books, web pages hold fonts and images too; their text is held to MAX_BYTES
MAX_CONTROL_SHARE = 0.01  # share of control characters above which a "text" is binary
MIN_PLAUSIBILITY = 0.6  # a legacy decoding scoring lower is not taken as the text
SCORE_SAMPLE_CHARS = 100_000

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_PDF_SIGNATURE = b"%PDF-"
# Signatures of binary formats people pass by mistake, with what to do instead.
_SIGNATURES = (
    (_PDF_SIGNATURE, "a PDF file", "give it as a file (aligner reads a PDF's text layer) or paste its text"),
    (b"PK\x03\x04", "a ZIP archive", "unpack it and give the text, .docx, .odt or .epub file inside"),
    (OLE_SIGNATURE, "an Excel or other Office 97–2003 file (.xls, .ppt)", "save its text as .txt, or a document as .docx"),
    (b"\x89PNG", "a PNG image", "use the text file instead"),
    (b"\xff\xd8\xff", "a JPEG image", "use the text file instead"),
    (b"GIF8", "a GIF image", "use the text file instead"),
    (b"\x1f\x8b", "a gzip archive", "unpack it first"),
)

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: DOS end-of-file mark left in old files


@dataclass(frozen=True)
class Decoded:
    """A text and the encoding its bytes were read in, so that a page can show a guess and the user can correct it."""

    text: str
    encoding: str | None  # a Python codec name ("cp1251"); None for a document (.docx, .pdf …) that stores its text


# What the user is shown for each codec the reader picks or is given (keys as codecs.lookup names them).
_ENCODING_NAMES = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
    "utf-32": "UTF-32", "utf-32-le": "UTF-32", "utf-32-be": "UTF-32", "gb18030": "GB18030 (GBK)", "gbk": "GBK",
    "gb2312": "GB2312", "big5hkscs": "Big5", "big5": "Big5", "cp950": "Big5", "cp1251": "Windows-1251",
    "koi8-r": "KOI8-R", "mac-cyrillic": "Mac Cyrillic", "cp866": "DOS Cyrillic (cp866)", "cp1252": "Windows-1252",
    "iso8859-1": "Latin-1", "iso8859-5": "ISO 8859-5", "ascii": "ASCII",
}


def encoding_name(encoding: str) -> str:
    """The name a user knows an encoding by: "cp1251" is Windows-1251, "koi8_r" KOI8-R (an unknown one as given)."""
    try:
        key = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    return _ENCODING_NAMES.get(key, encoding)


def check_encoding(encoding: str) -> str:
    """`encoding` as Python's codecs know it ("windows-1252" → "cp1252"), or InputError naming a few that are."""
    try:
        b"a".decode(encoding)  # LookupError also for codecs that are no text encoding (rot13, base64)
        return codecs.lookup(encoding).name
    except UnicodeDecodeError:  # UTF-16 and UTF-32 take whole code units
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"{encoding!r} is not a text encoding Python knows; give one such as utf-8, gb18030, big5, "
                         "cp1251, koi8-r, mac-cyrillic, cp866 or cp1252.") from None


def _who(name: str) -> str:
    return name or "the text"


def megabytes(n: int) -> str:
    """A size as messages state it: "26.1 MB" (MB of 10^6 bytes)."""
    return f"{n / MB:.1f} MB"


def check_size(size: int, name: str, most: int | None = None) -> None:
    """InputError naming the file when `size` bytes exceed `most` (MAX_BYTES by default)."""
    most = MAX_BYTES if most is None else most
    if size > most:
        shown, limit = megabytes(size), megabytes(most)
        if shown == limit:  # just over the limit: "20.0 MB; the limit is 20.0 MB" would puzzle
            shown, limit = f"{size:,} bytes", f"{most:,} bytes ({limit})"
        raise InputError(
            f"{_who(name)} is {shown}; the limit is {limit}. "
            "Split the text into parts and align them one by one."
        )


SNIFF_BYTES = 65_536  # the start of a file too large to read, looked at to tell a binary file from a long text
_TEXT_CONTROL_BYTES = frozenset(b"\x00\t\n\r\f\v\x1a")  # NUL: UTF-16 text has many, a sparse file nothing else


def check_text_size(head: bytes, size: int, name: str) -> None:
    """check_size for a file read as text, but a binary file (an image, a video, an archive) of that size
    is said to be one first, rather than a text to split: its start has a binary format's signature
    or control bytes, which no supported text encoding but UTF-16 has (and UTF-16 reads as text)."""
    if size <= MAX_BYTES or any(head.startswith(bom) for bom, _, _ in _BOMS):
        check_size(size, name)
        return
    for signature, what, todo in _SIGNATURES:
        if head.startswith(signature):
            raise _binary_error(name, what, todo)
    sample = head[:SNIFF_BYTES]
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROL_BYTES)
    if controls > MAX_CONTROL_SHARE * len(sample) and _utf16_without_bom(sample[: len(sample) // 2 * 2]) is None:
        raise _binary_error(name)
    check_size(size, name)


def _control_share(text: str) -> float:
    sample = text[:SCORE_SAMPLE_CHARS]
    bad = sum(1 for c in sample if c not in _ALLOWED_CONTROLS and unicodedata.category(c) in ("Cc", "Cs"))
    return bad / max(1, len(sample))


def _binary_error(name: str, what: str = "binary data, not text", todo: str = "give a plain-text file") -> InputError:
    return InputError(f"{_who(name)} looks like {what}; {todo}.")


# --- plausibility of a legacy decoding -----------------------------------------------

# The most frequent 3,755 Simplified characters are GB2312 level 1 (lead bytes B0–D7);
# the most frequent 5,401 Traditional ones are Big5 level 1 (lead bytes A4–C6). A right
# decoding of Chinese is nearly all such characters; a wrong one scatters into rare
# characters, kana, Greek and box drawing.
def _common_han(c: str) -> bool:
    try:
        gb = c.encode("gb2312")
        if len(gb) == 2 and 0xB0 <= gb[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b5 = c.encode("big5")
        return len(b5) == 2 and 0xA4 <= b5[0] <= 0xC6
    except UnicodeEncodeError:
        return False


_CJK_PUNCT = set("。，、；：？！“”‘’（）《》〈〉「」『』【】…—·．％")


def _is_cjk_form(c: str) -> bool:
    """Ideographic space and CJK punctuation (U+3000–303F) or full-width ASCII (U+FF01–FF5E)."""
    return 0x3000 <= ord(c) <= 0x303F or 0xFF01 <= ord(c) <= 0xFF5E


# Letter frequencies of Russian prose, per cent. A letter's weight is its frequency up to
# the 4 % of the common letters (о е а и н т с р в л), so a right decoding scores about
# 0.85 per letter and cp1251 read as KOI8-R (or the reverse), which trades common letters
# for rare ones, about 0.4.
_RU_FREQ = dict(zip(
    "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
    (10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21, 2.98, 2.81, 2.62, 2.01,
     1.90, 1.74, 1.70, 1.65, 1.59, 1.44, 1.21, 0.97, 0.94, 0.73, 0.64, 0.48, 0.36, 0.32, 0.26, 0.04,
     0.04),
))
_RU_WEIGHT = {c: min(1.0, f / 4.0) for c, f in _RU_FREQ.items()}
_RU_EXPECTED = 0.85  # mean letter weight of Russian prose: Russian scores on Chinese's 0–1 scale
_CYR_ONLY_RE = re.compile("[\u0400-\u04ff]+")
_WORD_RE = re.compile(r"[^\W\d_]+")
_SPACED_HAN_RE = re.compile("(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def _chinese_good(c: str) -> bool:
    return c in _CJK_PUNCT or _is_cjk_form(c) or _common_han(c)


def _cyrillic_good(sample: str) -> float:
    """Cyrillic letters in words with a normal case pattern, each weighted by its frequency.

    cp1251 read as KOI8-R or the reverse swaps case and trades common letters for rare ones.
    """
    good = 0.0
    for word in _WORD_RE.findall(sample):
        if not _CYR_ONLY_RE.fullmatch(word):
            continue  # no Cyrillic, or Cyrillic mixed with Latin ("йtй": French read as cp1251)
        if word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower()):
            good += sum(_RU_WEIGHT.get(c, 0.0) for c in word.lower())
    return good / _RU_EXPECTED


_RUSSIAN_SIGNS = frozenset("«»„“—–…№")
_RUSSIAN_SIGN_RE = re.compile(r"«[^«»\n]*»|„[^„“\n]*“|(?<!\S)[—–](?!\S)|…|№(?= ?\d)")


def plausibility(text: str) -> float:
    """Share of non-ASCII, non-space characters that look like Chinese or Russian writing.

    One scale for every codec, so a Russian text saved as GBK (GB2312 has Cyrillic) is
    recognised as well as a Chinese one saved as cp1251 is rejected. Han characters with
    spaces between them are what Cyrillic bytes read as Chinese look like, and count against,
    unless every character is spaced out, as in Chinese copied out of a PDF.
    """
    return min(1.0, _evidence(text))


def _evidence(text: str) -> float:
    """`plausibility` before it is held to 1: a short Russian text of common letters («Да», «СССР») scores
    above 1, which tells it from a reading that only just makes 1."""
    sample = text[:SCORE_SAMPLE_CHARS]
    cyrillic = _cyrillic_good(sample)
    # Russian's own signs where Russian writes them («ёлочки» and „лапки“ closed, a dash between spaces) beside as many
    # letters at least neither count for nor against the reading: a one-line answer, «Да»., was all signs but two
    # letters, and refused (but «Дом» in MacCyrillic is no "„ом" in Windows-1251, nor «Мир» in KOI8-R "н…“")
    signs = {k for m in _RUSSIAN_SIGN_RE.finditer(sample) for k in (m.start(), m.end() - 1)} if cyrillic else set()
    if len(signs) > sum(1 for c in sample if "\u0400" <= c <= "\u04ff"):
        signs = set()
    wide = [c for k, c in enumerate(sample) if ord(c) > 0x7F and not c.isspace() and k not in signs]
    if not wide:
        return 0.0
    # Chinese has no spaces between words; garbage does (but a PDF copy may have one after every character)
    spaced = [] if is_spaced_out(sample) else _SPACED_HAN_RE.findall(sample)
    good = cyrillic - 2 * len(spaced)
    good += sum(1 for c in wide if not ("\u0400" <= c <= "\u04ff") and _chinese_good(c))
    return max(0.0, good / len(wide))


RUSSIAN_BIGRAM_SHARE = 0.9  # of a Russian text's letter pairs, at least, are common ones (about 0.99 in prose)
_RUSSIAN_LETTER_RE = re.compile("[а-яёА-ЯЁ]")
# A mark where a capital letter was: Windows-1251 and MacCyrillic share their lowercase letters, and each reads the
# other's capitals as marks (Windows-1251's «Устойчивого» is MacCyrillic's «”стойчивого», «Китай» «\xa0итай»; the
# reverse gives «‘едерации» for «Федерации»). Russian sets no such mark against a word's first lowercase letter.
_MARK_FOR_CAPITAL_RE = re.compile("(?:^|(?<=[\\s(«„“]))[¬√≈∆»\xa0”‘’÷№‚†‡€‰‹•™›](?=[а-яё])", re.MULTILINE)
_CAPITALS_WORD_RE = re.compile("(?<![^\\W\\d_])[А-ЯЁ]{2,}(?![^\\W\\d_])")


def _rank(text: str, score: float) -> tuple[float, bool, int, float]:
    """How a decoding ranks among the legacy codecs' readings of the same bytes: its score, lowered for a Cyrillic
    reading whose letter pairs Russian does not write (another Cyrillic code page's reading: «ЩОНУС» for «эпоху»),
    then, between readings that score alike (a word or two: «Да» in Windows-1251 and 泥 in GBK both score 1), a
    reading in Russian letters and signs alone, of common letter pairs only, with no mark where a capital letter
    was (`_MARK_FOR_CAPITAL_RE`), before any other; then the one with fewer words in capitals alone (Windows-1251's
    «доход» is KOI8-R's «ДНУНД», of common pairs too); then the stronger evidence."""
    sample = text[:SCORE_SAMPLE_CHARS]
    share = common_bigram_share(sample)
    if share is None:
        return (score, False, 0, _evidence(text))
    russian = share == 1.0 and not _MARK_FOR_CAPITAL_RE.search(sample) and all(
        _RUSSIAN_LETTER_RE.match(c) or c in _RUSSIAN_SIGNS for c in sample if ord(c) > 0x7F and not c.isspace())
    capitals = len(_CAPITALS_WORD_RE.findall(sample))
    return (score * min(1.0, share / RUSSIAN_BIGRAM_SHARE) ** 2, russian, -capitals, _evidence(text))


# The order breaks ties: cp1251 and MacCyrillic share their lowercase letters, so a text
# without capitals reads the same in both and is taken as the far commoner cp1251.
_LEGACY = ("gb18030", "big5hkscs", "cp1251", "koi8_r", "mac_cyrillic", "cp866")  # Big5-HKSCS: Big5 and Hong Kong's


def _decode_legacy(data: bytes, language: str | None = None) -> tuple[str, float, str] | None:
    """The most plausible strict decoding among the legacy codecs, with its score and codec: by `_rank`, but a
    plausible reading in the script of the `language` the text is expected in first (see `decode`), and a reading
    in Russian words in capitals alone («ДНУНД») after a Russian one of the same bytes in lowercase («доход»)."""
    readings: list[tuple[str, tuple[float, bool, int, float], str, float]] = []
    for codec in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _control_share(text) > MAX_CONTROL_SHARE:
            continue
        score = plausibility(text)
        if _MARK_FOR_CAPITAL_RE.search(text[:SCORE_SAMPLE_CHARS]):  # a capital read as a mark is no mark
            score = plausibility(_MARK_FOR_CAPITAL_RE.sub("\ufffd", text))
        readings.append((text, _rank(text, score), codec, score))
    if not readings:
        return None
    best = max(readings, key=lambda reading: (_in_script(reading[0], reading[3], language), reading[1]))  # first of equals
    if _CYRILLIC_RE.search(best[0][:SCORE_SAMPLE_CHARS]) and best[1][2] < 0:
        best = next((r for r in readings if _russian_without_capitals(*r)), best)
    return best[0], plausibility(best[0]), best[2]


def _russian_without_capitals(text: str, rank: tuple[float, bool, int, float], codec: str, score: float) -> bool:
    """A plausible reading in Russian letters alone, nearly all its letter pairs common ones (its score not lowered
    for rare pairs), no capital read as a mark, and no word in capitals alone."""
    sample = text[:SCORE_SAMPLE_CHARS]
    letters = _CYRILLIC_RE.findall(sample)
    return (bool(letters) and rank[2] == 0 and rank[0] == score >= MIN_PLAUSIBILITY
            and not _MARK_FOR_CAPITAL_RE.search(sample) and all(_RUSSIAN_LETTER_RE.match(c) for c in letters))


_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_HAN_RE = re.compile("[\u4e00-\u9fff]")
CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk"})


def _in_script(text: str, score: float, language: str | None) -> bool:
    """Whether a plausible reading is in the script of the language the text is expected in: Chinese on the
    Chinese side, Cyrillic on a Russian translation's (False when no language is expected, or another)."""
    if language is None or score < MIN_PLAUSIBILITY:
        return False
    sample = text[:SCORE_SAMPLE_CHARS]
    han, cyrillic = len(_HAN_RE.findall(sample)), len(_CYRILLIC_RE.findall(sample))
    if language.startswith("zh"):
        return han > cyrillic
    return language in CYRILLIC_LANGUAGES and cyrillic > han


# --- English in Windows-1252 / Latin-1 ---------------------------------------------

MAX_LATIN1_SHARE = 0.1  # accented letters among the letters: English with a few names (Müller, José Núñez)
_CP1252_SIGNS = set("€‚„…†‡‰‹›‘’“”•–—™£¢¥©®°±§¶·«»¼½¾¹²³¿¡µ\u00a0")
_LATIN1_LETTERS = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ffŠšŽžŒœŸ"  # Latin-1's, and Windows-1252's own (cœur)
_LATIN1_LETTER = re.compile(f"[{_LATIN1_LETTERS}]")
_ASCII_LETTER = re.compile("[A-Za-z]")
# A capital starting a Latin word (Émile, École, État, Ørsted): a name's, which English keeps, so a short text about
# Émile and Élise has as many as any French one; it is not counted against MAX_LATIN1_SHARE. Russian read as
# Windows-1252 has no such capital: its words are accented letters throughout (Ïðåçèäåíò).
_NAME_CAPITAL_RE = re.compile("(?<![^\\W\\d_])[\u00c0-\u00d6\u00d8-\u00deŠŽŒŸ](?=[A-Za-z])")
# An accented letter with no ASCII letter beside it that English still writes: French "à" as a word (à la carte,
# vis-à-vis) and a name's initial (É. Durkheim).
_LONE_LATIN_RE = re.compile("(?<![^\\W\\d_])(?:à(?![^\\W\\d_])|[\u00c0-\u00d6\u00d8-\u00de]\\.)")


def _windows_latin(data: bytes) -> str | None:
    """English saved as Windows-1252 (Latin-1 is its subset for letters), or None.

    Taken only for mostly-ASCII text whose few other characters are Latin letters inside Latin words (naïve,
    façade, Müller, Émile) or typographic signs (€, £, “ ”, —): Chinese or Russian bytes read as Windows-1252 are
    runs of accented letters with no ASCII letter beside them.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[:SCORE_SAMPLE_CHARS]
    other = [k for k, c in enumerate(sample) if ord(c) > 0x7F]
    accented = sum(1 for k in other if _LATIN1_LETTER.match(sample[k])) - len(_NAME_CAPITAL_RE.findall(sample))
    if not other or accented > MAX_LATIN1_SHARE * (accented + len(_ASCII_LETTER.findall(sample))):
        return None
    for k in other:
        c = sample[k]
        if c in _CP1252_SIGNS or _LONE_LATIN_RE.match(sample, k):
            continue
        beside = sample[max(0, k - 1):k] + sample[k + 1:k + 2]
        if not _LATIN1_LETTER.match(c) or not _ASCII_LETTER.search(beside):
            return None
    return text


MIN_ENGLISH_LETTERS = 2  # ASCII letters for each other character of English read over a Russian or Chinese reading


def _english_over_legacy(data: bytes) -> bool:
    """English in Windows-1252 that a Russian or Chinese codec also reads plausibly: read so, its signs are lone
    Cyrillic capitals ("€100" as "А100" in MacCyrillic), its accented letters Cyrillic letters or Han characters
    inside Latin words ("Йcole" and "Йmile" in Windows-1251, which reads its quotes and dashes alike; "蓆at" for
    "État" in GB18030). English is mostly ASCII letters; a Big5 fragment whose second bytes are letters ("®i, ¥[")
    is not."""
    text = _windows_latin(data)
    if text is None:
        return False
    sample = text[:SCORE_SAMPLE_CHARS]
    other = sum(1 for c in sample if ord(c) > 0x7F)
    return len(_ASCII_LETTER.findall(sample)) >= MIN_ENGLISH_LETTERS * other


# --- English in MacCyrillic ------------------------------------------------------

# An old Mac's Cyrillic code page has the typographic signs of English where Windows-1252 has accented capitals:
# read as Windows-1252, “The sides’ view — ” is "ÒThe sidesÕ view Ñ Ó". Latin writing puts no capital after a
# lowercase letter (donÕt), before a capitalised word (ÒThe) or alone between spaces ( Ñ ); the signs do.
_MAC_ENGLISH_SIGNS = frozenset("“”‘’—–…«»•„\u00a0")
_LATIN1_CAPITAL = "[\u00c0-\u00d6\u00d8-\u00de]"
_MISPLACED_CAPITAL_RE = re.compile(rf"(?<=[a-z]){_LATIN1_CAPITAL}|{_LATIN1_CAPITAL}(?=[A-Z][a-z])|(?<!\S){_LATIN1_CAPITAL}(?!\S)")


def _mac_english(data: bytes) -> str | None:
    """English saved as MacCyrillic, or None: its only other characters are signs (no Cyrillic letter), English's
    quotes and dashes among them, and read as Windows-1252 they would be capitals where Latin has none."""
    try:
        text = data.decode("mac_cyrillic")
    except UnicodeDecodeError:
        return None
    sample = text[:SCORE_SAMPLE_CHARS]
    other = {c for c in sample if ord(c) > 0x7F}
    if not other & _MAC_ENGLISH_SIGNS or any(unicodedata.category(c).startswith("L") for c in other):
        return None
    latin = data[:len(sample)].decode("cp1252", errors="replace")  # one byte a character in both
    capitals = len(re.findall(_LATIN1_CAPITAL, latin))
    return text if 2 * len(_MISPLACED_CAPITAL_RE.findall(latin)) >= capitals else None


# --- UTF-16 without a byte-order mark ---------------------------------------------


def _looks_like_text(c: str) -> bool:
    """A character a Chinese, Russian or English text is made of."""
    o = ord(c)
    return (
        0x20 <= o < 0x7F or c in "\t\n\r"
        or 0x0400 <= o <= 0x04FF  # Cyrillic
        or 0x00C0 <= o <= 0x00FF  # Latin-1 letters
        or 0x2010 <= o <= 0x2026  # dashes, quotes, ellipsis
        or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E  # CJK punctuation, full-width forms
        or 0x4E00 <= o <= 0x9FFF  # Han
    )


MIN_UTF16_TEXT_SHARE = 0.9


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """Decode BOM-less UTF-16 when its NUL bytes say so, else None.

    ASCII characters (spaces, digits, line breaks) in UTF-16 have a NUL high byte, so
    NULs fall mostly on odd offsets (little-endian) or even ones (big-endian); a few
    Chinese characters (一 is U+4E00) add NULs on the other side. Both byte orders are
    decoded and the one that reads as text wins; binary data reads as neither.
    """
    if len(data) % 2:
        return None
    best: tuple[float, Decoded] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:SCORE_SAMPLE_CHARS]
        share = sum(1 for c in sample if _looks_like_text(c)) / max(1, len(sample))
        if share >= MIN_UTF16_TEXT_SHARE and (best is None or share > best[0]):
            best = (share, Decoded(text, codec))
    return None if best is None else best[1]


# --- public ------------------------------------------------------------------------


def _finish(text: str, name: str, encoding: str) -> Decoded:
    if not text.strip():
        raise InputError(f"{_who(name)} contains only whitespace; give a file with the text to align.")
    if "\x00" in text or _control_share(text) > MAX_CONTROL_SHARE:
        raise _binary_error(name)
    return Decoded(text, encoding)


MAX_NUL_SHARE = 0.05  # NULs in a damaged text; UTF-32 (unsupported without its BOM) has three in four bytes


def _text_with_nuls(data: bytes, name: str) -> Decoded:
    """A text file with NUL bytes that is not UTF-16: NULs only at its end (a file a program made at
    its full size and stopped writing) are left out, as a byte-order mark is; NULs inside the text
    (a program or a disk damaged it) are an error saying where, since what they stand for is lost.
    Data that is no text without its NULs either is binary."""
    body = data.rstrip(b"\x00")
    if body and b"\x00" not in body:
        return decode(body, name)
    if body.count(b"\x00") > MAX_NUL_SHARE * len(body):  # UTF-32 or binary data, not a text damaged here and there
        raise _binary_error(name)
    try:
        decode(data.replace(b"\x00", b""), name)
    except InputError:
        raise _binary_error(name) from None
    first, count = data.index(b"\x00"), data.count(b"\x00")
    line = data.count(b"\n", 0, first) + 1
    raise InputError(
        f"{_who(name)} is text with {count:,} NUL byte{'s' if count > 1 else ''} inside it (the first on line "
        f"{line}, byte {first:,}), where a program or a disk damaged it; check the text "
        "there, remove them (tr -d '\\000' < FILE > FIXED) and try again."
    )


MAX_STRAY_BYTES = 20  # invalid sequences in a UTF-8 text that was damaged, not written in another encoding
MAX_STRAY_SHARE = 0.001


def _refuse_stray_bytes(data: bytes, name: str) -> None:
    """InputError saying where, for a UTF-8 text with a few bytes that are not UTF-8 (a line pasted from
    a Windows-1252 file, two files joined, one cut in the middle of a character): "save it as UTF-8"
    would puzzle its owner, as it is UTF-8, and replacing the bytes would alter the text unseen. A
    text in another encoding fails at nearly every non-ASCII character and is not this."""
    bad: list[tuple[int, bytes]] = []
    at = 0
    while len(bad) <= MAX_STRAY_BYTES:
        try:
            data[at:].decode("utf-8")
            break
        except UnicodeDecodeError as error:
            bad.append((at + error.start, error.object[error.start:error.end]))
            at += error.end
    first, what = bad[0] if bad else (0, b"")
    cut = len(bad) == 1 and first + len(what) == len(data)  # however short the text: "Мы при" + half of "и"
    if not bad or len(bad) > MAX_STRAY_BYTES or (len(bad) > MAX_STRAY_SHARE * len(data) and not cut):
        return
    line = data.count(b"\n", 0, first) + 1
    before = data[max(0, first - 60):first].decode("utf-8", errors="ignore").splitlines()[-1:] or [""]
    where = f"line {line}" + (f", after “{before[0][-20:]}”" if before[0].strip() else "")
    if cut:
        raise InputError(f"{_who(name)} is UTF-8 but ends in the middle of a character ({where}): it was cut "
                         "short; give the whole file, or delete its last character.")
    shown = " ".join(f"0x{byte:02X}" for byte in what)
    more = f" and {len(bad) - 1} more" if len(bad) > 1 else ""
    raise InputError(f"{_who(name)} is UTF-8 but for {shown} on {where}{more}, bytes that are not UTF-8 (pasted "
                     "from a file in another encoding?); correct the text there (an editor shows �) and try again.")


def _as_given(data: bytes, name: str, encoding: str) -> Decoded:
    """`data` read in the encoding the user named (a wrong guess corrected), strictly: a byte that does not
    belong to it is an error saying where, not a character replaced unseen."""
    codec = check_encoding(encoding)
    try:  # a byte-order mark is no part of the text, as when the encoding is detected
        return _finish(data.decode(codec).removeprefix("\ufeff"), name, codec)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        shown = " ".join(f"0x{byte:02X}" for byte in error.object[error.start:error.end])
        raise InputError(f"{_who(name)} cannot be read as {encoding_name(codec)}: {shown} on line {line} is no "
                         "character in it; choose another encoding, or let it be detected.") from None


def decode(data: bytes, name: str = "", encoding: str | None = None, language: str | None = None) -> Decoded:
    """Decode a text file's bytes exactly, with the encoding found, or raise InputError saying what is wrong and
    what to do. `encoding` (a codec name: "cp1252", "koi8-r") reads them in that one instead of detecting it.

    Supported: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, UTF-16 without
    one, GB18030/GBK/GB2312, Big5, cp1251, KOI8-R, MacCyrillic and cp866, and English in MacCyrillic
    (`_mac_english`) when none of the others reads it, or Windows-1252 / Latin-1 (`_windows_latin`), whose test
    is strict enough to come before theirs (their readings of it put Cyrillic letters or Han characters inside Latin
    words: "Йcole" for "École"). The BOM is not part of the text; line endings are kept as they are, since every
    offset refers to this text.

    `language` is the one the text is expected in, where the caller knows it ("zh" for the Chinese side, "ru" for a
    Russian translation): a few words' bytes read as well in two scripts (Windows-1251's «Да» is GBK's 泥, GBK's 忙 is
    UTF-8's "æ"), and the expected script is taken when it reads plausibly.
    """
    check_text_size(data[:SNIFF_BYTES], len(data), name)
    if not data:
        raise InputError(f"{_who(name)} is empty; give a file with the text to align.")
    if encoding:
        return _as_given(data, name, encoding)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data[len(bom):].decode(codec), name, codec)
            except UnicodeDecodeError as e:
                raise InputError(
                    f"{_who(name)} starts with a {label} byte-order mark but is not valid {label} "
                    f"(bad bytes at offset {e.start + len(bom)}); re-save it as UTF-8."
                ) from None
    for signature, what, todo in _SIGNATURES:
        if data.startswith(signature):
            raise _binary_error(name, what, todo)
    if b"\x00" in data:  # no text encoding but UTF-16/32 has NUL bytes
        found16 = _utf16_without_bom(data)
        if found16 is None:
            return _text_with_nuls(data, name)
        return _finish(found16.text, name, found16.encoding)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        chinese = _chinese_over_utf8(data, text) if language and language.startswith("zh") else None
        return _finish(chinese[0], name, chinese[2]) if chinese else _finish(text, name, "utf-8")
    found = _decode_legacy(data, language)
    if found is not None and _english_over_legacy(data):
        found = None
    if found is None or found[1] < MIN_PLAUSIBILITY:
        found16 = _utf16_without_bom(data)  # UTF-16 text with no ASCII character has no NUL either
        if found16 is not None:
            return _finish(found16.text, name, found16.encoding)
        mac = _mac_english(data)  # English from an old Mac
        if mac is not None:
            return _finish(mac, name, "mac_cyrillic")
        latin = _windows_latin(data)  # English with a few accents or a €
        if latin is not None:
            return _finish(latin, name, "cp1252")
        if found is None and _control_share(data.decode("latin-1")) > MAX_CONTROL_SHARE:
            raise _binary_error(name)
        _refuse_stray_bytes(data, name)
        raise InputError(
            f"{_who(name)} is not in an encoding aligner can read (UTF-8, UTF-16, GB18030, Big5, "
            "cp1251, KOI8-R, MacCyrillic, cp866, Windows-1252 for English); open it in an editor and save it as UTF-8."
        )
    return _finish(found[0], name, found[2])


def _chinese_over_utf8(data: bytes, text: str) -> tuple[str, float, str] | None:
    """A Chinese reading of bytes expected to be Chinese that are also UTF-8 but read as no Chinese: a character or
    two in GBK (忙 is C3 A6, UTF-8's "æ"), with no Latin letter around them, every one a common character."""
    if _HAN_RE.search(text) or _ASCII_LETTER.search(text):
        return None
    found = _decode_legacy(data, "zh")
    return found if found and _HAN_RE.search(found[0]) and found[1] >= 1.0 else None


def decode_bytes(data: bytes, name: str = "", encoding: str | None = None) -> str:
    """The text of `decode`."""
    return decode(data, name, encoding).text


# --- files -------------------------------------------------------------------------


def _starts_with(path: Path, signature: bytes) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(signature)) == signature


# The files read_file reads by their extension (others are read as plain text when they decode).
READABLE_SUFFIXES = (".txt", ".md", ".srt", ".docx", ".doc", ".odt", ".rtf", ".pdf", ".epub", *HTML_SUFFIXES,
                     *MHTML_SUFFIXES)


# What a document's first bytes are, by its extension, and what it is called: a file named so that does not start
# so is another document renamed, read by what it is; or a text, which is said to be one (the file meant may be
# another), but under a .doc's name read (old sites publish text so, as they do web pages); or neither, and said to
# be no such document, not given the message of a reader that would only find it damaged.
_DOCUMENT_STARTS = {".pdf": (_PDF_SIGNATURE, "a PDF"), ".docx": (ZIP_SIGNATURE, "a .docx document"),
                    ".odt": (ZIP_SIGNATURE, "an OpenDocument text"), ".epub": (ZIP_SIGNATURE, "an e-book"),
                    ".rtf": (RTF_SIGNATURE, "an RTF document"), ".doc": (OLE_SIGNATURE, "a Word document")}
PDF_JUNK_BYTES = 1024  # PDF readers find %PDF- this far in, after junk a mail program or server put first


def _named_but_not(path: Path, suffix: str) -> str:
    """The kind of document the extension names when the file does not start as one ("" when it does)."""
    if suffix not in _DOCUMENT_STARTS:
        return ""
    start, kind = _DOCUMENT_STARTS[suffix]
    with path.open("rb") as handle:
        head = handle.read(PDF_JUNK_BYTES + len(start))
    found = start in head if suffix == ".pdf" else head.startswith(start)
    return "" if found else kind


def _held_to_limit(text: str, path: Path) -> str:
    """The text of a PDF, e-book, web page or .doc, which may be far smaller than its file, within MAX_BYTES."""
    check_size(len(text.encode("utf-8")), f"the text of {path}")
    return text


def read_file(path: str | Path, encoding: str | None = None, language: str | None = None) -> str:
    """The text of a .txt, .md, .srt, .docx, .doc, .odt, .rtf, .pdf, .epub, .html or .mhtml file, or InputError
    naming the file. A .doc is recognised by its content too (an OLE file with a WordDocument stream).
    `encoding` reads a plain-text file in that encoding instead of the one detected; `language`, the one its text
    is expected in ("zh" on the Chinese side), decides between encodings a few words read as well in (`decode`)."""
    return read_decoded(path, encoding, language).text


def read_decoded(path: str | Path, encoding: str | None = None, language: str | None = None) -> Decoded:
    """`read_file`'s text with the encoding a plain-text file was read in (None for a document: .docx, .pdf …)."""
    read = _read(Path(path), encoding, language)
    if encoding and read.encoding is None:
        raise InputError(f"{path} is a document, which records its own encoding; an encoding is given for a plain-text "
                         "file only (.txt, .md, .srt) or a web page (.html).")
    return read


def _read(path: Path, encoding: str | None, language: str | None = None) -> Decoded:
    """The text of the file at `path`, decoded in `encoding` if it is plain text and that is given."""
    if str(path).startswith("~"):  # ~/corpus/zh.txt from Python, where no shell expands it
        path = path.expanduser()
    try:
        found = path.exists()
    except OSError as error:  # a name too long for the file system (a text given as a name), a bad device …
        shown = str(path) if len(str(path)) <= 80 else f"{str(path)[:60]}…"
        raise InputError(f"{shown}: cannot be opened ({error.strerror or error}); check the path.") from None
    if not found and path.is_symlink():
        raise InputError(f"{path} is a link to {os.readlink(path)}, which does not exist; "
                         "copy the file itself there or mend the link.")
    if not found:
        raise InputError(f"{path}: no such file; check the path.")
    if path.is_dir():
        raise InputError(f"{path} is a folder; give the path of a text file.")
    try:
        size = path.stat().st_size
        if size == 0:  # whatever its extension: a document's reader would call it damaged
            raise InputError(f"{path} is empty (0 bytes); give a file with the text to align.")
        suffix = path.suffix.lower()
        misnamed = _named_but_not(path, suffix)
        if misnamed and suffix != ".doc" and page_kind(path, ""):  # (Word's web pages are named .doc: read below)
            raise InputError(f"{path} is not {misnamed} but a web page saved under its name (a download that got "
                             "an error or sign-in page?); open the address in a browser and save the document itself.")
        if misnamed:
            suffix = ""  # read by what it holds
        if suffix == ".pdf" or _starts_with(path, _PDF_SIGNATURE):
            check_size(size, str(path), MAX_DOCUMENT_BYTES)
            from aligner.formats.pdf import pdf_text

            return Decoded(_held_to_limit(pdf_text(path), path), None)
        if suffix == ".epub" or (_starts_with(path, ZIP_SIGNATURE) and is_epub(path)):
            check_size(size, str(path), MAX_DOCUMENT_BYTES)
            return Decoded(_held_to_limit(epub_text(path), path), None)
        page = page_kind(path, suffix)
        if page:
            check_size(size, str(path), MAX_DOCUMENT_BYTES)
            from aligner.formats.web import html_text, mhtml_text

            if page == "html" and encoding:  # a page declaring no charset or the wrong one, read as the user says
                return Decoded(_held_to_limit(html_text(path.read_bytes(), str(path), encoding), path), encoding)
            read = mhtml_text if page == "mhtml" else html_text
            return Decoded(_held_to_limit(read(path.read_bytes(), str(path)), path), None)
        if _starts_with(path, OLE_SIGNATURE) and (suffix == ".doc" or is_word97(path)):
            check_size(size, str(path), MAX_DOCUMENT_BYTES)  # pictures are kept inside the file too
            return Decoded(_held_to_limit(doc_text(path), path), None)
        if size > MAX_BYTES:
            with path.open("rb") as handle:
                check_text_size(handle.read(SNIFF_BYTES), size, str(path))
        if suffix == ".rtf" or _starts_with(path, RTF_SIGNATURE):
            text = rtf_text(path, path.read_bytes())
            if not text.strip():
                raise InputError(f"{path} has no text; give a document with the text to align.")
            return Decoded(text, None)
        zipped = _starts_with(path, ZIP_SIGNATURE)
        if (suffix == ".odt" and not (zipped and is_docx(path))) or (zipped and is_odt(path)):
            return Decoded(odt_text(path), None)
        if suffix == ".docx" or (zipped and is_docx(path)):  # by content whatever the name: .doc, .odt, .txt
            text = docx_text(path)
            if not text.strip():
                raise InputError(f"{path} has no text in its paragraphs; give a document with the text to align.")
            return Decoded(text, None)
        office = office_kind(path) if zipped else None
        if office:
            raise InputError(f"{path} is {office[0]}; {office[1]}.")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path} cannot be read (permission denied); check its permissions.") from None
    try:
        read = decode(data, str(path), encoding, language)
    except InputError:
        if not misnamed:
            raise
        raise InputError(f"{path} is not {misnamed}: it does not start as one, nor is it text (damaged, or a file "
                         f"of another kind renamed); check that it is the file you meant, or save it again as "
                         f"{path.suffix.lower()}.") from None
    if misnamed and path.suffix.lower() != ".doc":
        raise InputError(f"{path} is not a readable {misnamed.split(' ', 1)[1]}: it holds plain text (a text file "
                         f"renamed?); check that it is the file you meant, or rename it .txt.")
    if suffix == ".srt":
        text = srt_text(read.text, str(path))
        if not text.strip():
            raise InputError(f"{path} has no subtitle text; give an .srt file with cues.")
        return Decoded(text, read.encoding)
    return read


def read_bytes(data: bytes, name: str, encoding: str | None = None, language: str | None = None) -> str:
    """The text of a file given as bytes (an upload, a download), read by its name's extension."""
    return read_bytes_decoded(data, name, encoding, language).text


def read_bytes_decoded(data: bytes, name: str, encoding: str | None = None, language: str | None = None) -> Decoded:
    """`read_bytes`' text with the encoding it was read in (see `read_decoded`)."""
    return from_copy(data, name, lambda path: read_decoded(path, encoding, language))


def from_copy(data: bytes, name: str, reader):
    """`reader(path)` of a temporary file holding `data` under the name `name` (so readers that
    take files see one, and its extension); errors name `name`, not the temporary copy."""
    import tempfile
    from pathlib import PurePath

    safe = PurePath(name).name or "upload.txt"
    with tempfile.TemporaryDirectory(prefix="aligner-read-") as folder:
        path = Path(folder) / safe
        path.write_bytes(data)
        try:
            return reader(path)
        except InputError as exc:  # name the file as the user knows it, not our temporary copy
            raise InputError(str(exc).replace(str(path), name)) from None
