"""The text of a PDF as paragraphs: lines re-joined by where they sit on the page.

Official Chinese documents and their translations are most often published as PDFs, and the
text copied out of one is broken at every line end, with page numbers and running heads in
between. The page itself says where a paragraph starts: an indented first line, a line that
stops short of the right margin before a word that would have fitted, a wider gap, a change of
type size; a centred title is one paragraph however many lines it takes. pdfminer.six gives
each line's box; this module keeps each line's text as it is (but for runs of spaces: a justified
line spreads its words, and footnote reference marks, which copied read `cold.1`, `2021.2` and would
be flagged as numbers the original lacks), reads a page of two columns the left one first, drops page
furniture and the footnotes at a page's foot where they can be told (as the Word readers leave them out),
and joins each paragraph's lines into one (no space between Chinese characters, one space
otherwise; a hyphen that only breaks a word at a line end, "меж-" + "дународного", is dropped when
the document uses the word whole elsewhere), paragraphs separated by a blank line. A
paragraph that runs over a page break is joined like any other. Where the font map gives a code
point that merely shares its glyph with the character meant (⼈⺠ for 人民, ﬁ for fi), the
character meant is what the PDF says (`normalise.unshare_glyphs`): it is what the reader sees,
and what exports must carry.
"""
from __future__ import annotations

import itertools
import logging
import math
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from aligner.errors import InputError
from aligner.formats.paragraph_cues import paragraph_ends
from aligner.normalise import PAGE_NUMBER_RE, has_han, is_cjk, unshare_glyphs

# Letters this many widths apart are still one line (pdfminer's default is 2): justified lines spread
# their words wider than that, and pdfminer would cut them into words and shuffle them. The cost: it
# joins level lines of two columns closer than this, which `_split` parts again at the gutter.
CHAR_MARGIN = 6.0
WORD_MARGIN = 0.1  # pdfminer's: a gap this share of a letter's size is a space
LEVEL = 0.3  # line heights between the bottoms of letters of one size on one baseline (fonts' descents differ)
EDGE_LINES = 2  # lines at the top and at the bottom of a page where running heads and numbers sit
RUNNING_SHARE = 0.5  # a line at the same edge of at least this share of the pages is a running head
MIN_RUNNING_PAGES = 2  # ... and of at least this many pages
UNREADABLE_SHARE = 0.05  # share of private-use or replacement characters: the fonts have no character map
INDENT = 0.6  # a line starting this many line heights right of the margin is indented
SIZE_CHANGE = 0.15  # relative change of line height that starts a new paragraph (a heading)
MAX_PAGE = 15000  # points: PDF pages are at most 200 inches wide
MIN_GUTTER = 1.0  # line heights of blank between two columns of a page
MIN_COLUMN_LINES = 4  # lines beside each other on either side of it
CROSSING_SHARE = 0.1  # share of a page's lines that may cross it (a title, a centred page number)
FULL_COLUMN = 0.5  # a column's lines are mostly at least this share of its width
SPACE = 0.25  # width of a space between words, in line heights, where no line has one to measure (see `_Column.space`)
SLACK = 0.5  # line heights short of the right margin where a line no longer reaches it
ROOM = 0.1  # line heights of room beyond the next word (and the space before it) before a line counts as stopping short
HAN_ROOM = -0.02  # ... beyond the next Chinese character, which takes exactly its width (this much less: rounding)
MIN_SPACED = 5  # lines short of the margin whose spaces give the column's space (fewer: every line's)
SHARED_MARGIN = 0.02  # share of the lines that must start at a place for it to be the left margin
COMMON_STEP = 0.03  # share of the steps between lines that makes a step common
GAP = 0.25  # line heights beyond the usual step between lines that make a gap between paragraphs
MIN_GAP = 0.1  # ... or this many, where lines are set at one exact step (a typesetter's leading: 18 points for 16)
JITTER = 3  # times the most a step falls short of the usual one, that a step beyond it must exceed to be a gap
JUSTIFIED = 0.25  # share of a column's lines that end at its right margin when it is set justified
_SENTENCE_END_RE = re.compile(r"[.!?。！？…][\"'»”’)）」』]*$")
SUPERSCRIPT = 0.9  # a footnote's reference mark is in type under this share of the line's (a browser's <sup>: 0.83)
RAISED = 0.25  # ... with its foot at least this share of the line's type above the line's baseline
NOTE_RULE = 1.5  # line heights above a footnote where the rule setting footnotes apart sits
NOTE_RULE_WIDTH = 0.5  # share of the page's width a rule above footnotes stays under (a table's is wider)

_DIGITS_RE = re.compile(r"\d+")
# what a footnote starts with: 1, *, †, ①, [1], (1), 〔1〕, then its text
_NOTE_START_RE = re.compile(r"^(\d{1,3}|[*†‡§]{1,3}|[\u2460-\u2473\u2776-\u277f]|[\[(（〔]\d{1,3}[\])）〕])(?=\s*\S)(?!\d|\.\d|,\d)")
_SPACES_RE = re.compile(r"\s+")
_FIRST_WORD_RE = re.compile(r"\s*(\S+)")
_LATIN_MARKS = ",.;:!?)"
_MARKS_AFTER = ",.;:!?)·、。，；：？！）"  # marks that follow a word without a space
# what a Chinese line break may not split: opening marks, one character, the closing marks after it
_OPENING_MARKS = "“‘「『（《〈【"
_HAN_HEAD_RE = re.compile(rf"[{_OPENING_MARKS}]*.[。，、；：？！．）」』》〉】”’…]*")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_END_RE = re.compile(rf"[{_HAN}][。，、；：？！．）」』》〉】”’]+$")  # Chinese, then marks that close it (not
#                                                                     a Latin one: "价值, 借口" has a space after it)
_HAN_START_RE = re.compile(rf"[{_OPENING_MARKS}]+[{_HAN}]")  # marks that open Chinese, then Chinese


@dataclass(frozen=True)
class Line:
    """One line of text as laid out on its page (PDF points, y upwards)."""

    text: str
    page: int
    x0: float
    x1: float
    bottom: float
    top: float
    lead: float = 0.0  # width of what would have had to fit at the end of the line before: the first
    #                    word, or the first Chinese character with the marks that may not start a line
    column: int = 0  # 0: the page's one column (or a line across its two), 1: the left one, 2: the right one
    space: float = 0.0  # the width of a space between its words, if it has any (see `_space`)
    mark: str = ""  # the footnote mark the line starts with, if it starts with one
    refs: frozenset = frozenset()  # the footnote reference marks (superscripts) taken out of it
    ruled: bool = False  # a short rule just above it, as footnotes are set apart from the body
    end_marks: float = 0.0  # the width of the marks that end it (。” , .): a Chinese closing mark may hang past the margin

    @property
    def height(self) -> float:
        return self.top - self.bottom


def pdf_text(path: Path) -> str:
    """The paragraphs of a PDF's text layer, or InputError saying why it has none."""
    pages = _page_lines(path)
    running = running_heads(pages)
    pages = [without_notes(without_furniture(lines, running)) for lines in pages]
    text = "\n\n".join(paragraphs([line for lines in pages for line in lines]))
    if not any(c.isalnum() for c in text):
        raise InputError(f"{path} has no text layer (a scan or images of pages); run OCR on it first, or give "
                         "the text as a .txt or .docx file.")
    unreadable = sum(1 for c in text if c == "\ufffd" or "\ue000" <= c <= "\uf8ff")
    if unreadable > UNREADABLE_SHARE * len(text):
        raise InputError(f"{path}: the PDF's fonts do not say which characters they draw, so its text cannot be "
                         "read; copy the text from the document it was made from.")
    return text


def _page_lines(path: Path) -> list[list[Line]]:
    """Every page's text lines in reading order (see `_in_columns`)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns about every font it must guess at
    pages: list[list[Line]] = []
    try:
        for number, page in enumerate(_layouts(path)):
            pages.append(_lines_of(page, number))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(f"{path} is a password-protected PDF; open it with its password and save a copy without "
                         "one (or copy its text into a .txt file), and use that.") from None
    except (PDFException, PSException, ValueError, KeyError, TypeError, AssertionError, ArithmeticError,
            IndexError, AttributeError, RecursionError):  # what pdfminer meets in damaged files, in its own words
        raise InputError(f"{path} is not a readable PDF: {_fault(path)}") from None
    return pages


_PDF_END = b"%%EOF"  # a whole PDF ends with it (give or take a line end and some junk a server appends)
_PDF_TAIL = 2048


def _fault(path: Path) -> str:
    """What is wrong with a PDF pdfminer cannot read, and what to do, in a user's words."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        handle.seek(max(0, handle.tell() - _PDF_TAIL))
        tail = handle.read()
    if _PDF_END not in tail:
        return ("it is cut short (an interrupted download or copy?); download or copy it again, or copy its text "
                "into a .txt file.")
    return "it is damaged; open it in a PDF viewer and save or print it to PDF again, or copy its text into a .txt file."


def _layouts(path: Path):
    """pdfminer's layout of each page (`pdfminer.high_level.extract_pages`), its fonts read as in `_font_reader`."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdfpage import PDFPage

    resources = _font_reader()
    device = PDFPageAggregator(resources, laparams=LAParams(char_margin=CHAR_MARGIN))
    interpreter = PDFPageInterpreter(resources, device)
    with path.open("rb") as handle:
        for page in PDFPage.get_pages(handle):
            interpreter.process_page(page)
            yield device.get_result()


def _font_reader():
    """pdfminer's resource manager, but a font encoded in one of Adobe's UCS-2 CMaps is read with its UTF-16
    successor (the same codes for every character UCS-2 has, and the ones the old map lacks).

    ReportLab's standard Chinese fonts (STSong-Light) declare UniGB-UCS2-H, whose code for a character is
    the character itself; that map has no entry for U+00B7, the middle dot of 弗·弗·普京, and pdfminer drops
    a code its map lacks, with its width: the name read 弗弗普京 and the rest of its line sat two
    characters further left, short of the margin, so the line seemed to end its paragraph. UniGB-UTF16-H
    maps it to the dot's glyph (CID 99, which Adobe-GB1 says is U+00B7), as pypdf reads it."""
    from pdfminer.cmapdb import CMapDB
    from pdfminer.pdffont import PDFCIDFont
    from pdfminer.pdfinterp import PDFResourceManager

    class FontReader(PDFResourceManager):
        def get_font(self, objid, spec):
            font = super().get_font(objid, spec)
            name = str(font.cmap.attrs.get("CMapName", "")) if isinstance(font, PDFCIDFont) else ""
            if "-UCS2-" in name:
                try:
                    font.cmap = CMapDB.get_cmap(name.replace("-UCS2-", "-UTF16-"))
                except CMapDB.CMapNotFound:
                    pass  # UniJIS-UCS2-HW-H has none
            return font

    return FontReader(caching=True)


def _lines_of(page, number: int) -> list[Line]:
    """A page's lines in reading order, each without its footnote reference marks (see `_unmarked`)."""
    rules = _rules(page)
    lines = []
    for run, column in _in_columns(_with_fragments(list(_text_lines(page)))):
        run, mark, refs = _unmarked(run)
        text = _line_text(run.items)
        if text:
            ruled = any(run.top < y < run.top + NOTE_RULE * (run.top - run.bottom) and x0 < run.x0 + run.top - run.bottom
                        for x0, y in rules)
            x0, x1 = _inked(run)
            lines.append(Line(unshare_glyphs(text), number, x0, x1, run.bottom, run.top, _lead(run.items),
                              column, _space(run.items), mark or _bare_mark(text), refs, ruled, _end_marks(run, x1)))
    return lines


def _inked(run: "_Run") -> tuple[float, float]:
    """Where a line's letters start and end, spaces drawn before or after them not counted: a Chinese
    paragraph's first line typed after two full-width spaces (　　) starts where its first character does,
    indented, though pdfminer's box starts at the margin with the spaces."""
    inked = [c for c in run.chars if c.get_text().strip()]
    return (min(c.x0 for c in inked), max(c.x1 for c in inked)) if inked else (run.x0, run.x1)


def _end_marks(run: "_Run", x1: float) -> float:
    """The width of the punctuation a line ends with (see `Line.end_marks`): from where its last other letter ends."""
    inked = [c for c in run.chars if c.get_text().strip()]
    letters = [c for c in inked if not unicodedata.category(c.get_text()[0]).startswith("P")]
    return x1 - max(c.x1 for c in letters) if letters else 0.0


def _space(items) -> float:
    """The width of a space between words of a line: the median blank between a word's last letter and the
    next word's first, where the line has a space (drawn, or guessed by pdfminer) between two letters
    that are not Chinese; 0 where it has none. A justified line's are widened; a ragged one's are the font's."""
    from pdfminer.layout import LTChar

    gaps, last, spaced = [], None, False
    for item in items:
        text = item.get_text()
        if not text.strip():
            spaced = spaced or last is not None
        elif isinstance(item, LTChar):
            if spaced and not is_cjk(text) and not is_cjk(last.get_text()):
                gaps.append(item.x0 - last.x1)
            last, spaced = item, False
    return statistics.median(gaps) if gaps else 0.0


def _text_lines(item):
    """The text lines inside a pdfminer layout item."""
    from pdfminer.layout import LTTextLine

    if isinstance(item, LTTextLine):
        yield item
    elif hasattr(item, "__iter__"):
        for child in item:
            yield from _text_lines(child)


@dataclass
class _Run:
    """A line's letters (pdfminer's LTChar and the LTAnno spaces it guessed) and its box."""

    items: list
    x0: float
    x1: float
    bottom: float
    top: float

    @classmethod
    def of(cls, line) -> "_Run":
        run = cls(list(line), line.x0, line.x1, line.y0, line.y1)
        starts = [c.x0 for c in run.chars]
        if starts != sorted(starts):  # drawn out of order: one font's letters, then another's
            run.items = _respaced(run.chars)
        return run

    @property
    def chars(self) -> list:
        from pdfminer.layout import LTChar

        return [item for item in self.items if isinstance(item, LTChar)]


def _with_fragments(lines: list) -> list[_Run]:
    """pdfminer's lines, with the pieces it set apart put back in the line they sit in.

    pdfminer makes lines of letters in the order the PDF draws them; a word processor draws a
    line's Chinese first and the curly quotes in its Latin font after, so “ and ” became lines of
    their own, or the start of the line's second half. A piece level with a line, next to it or in
    a gap of it, goes back into it at its place by x."""
    runs = sorted((_Run.of(line) for line in lines), key=lambda run: -len(run.chars))
    kept: list[_Run] = []
    for run in runs:  # longest first: a host is never a piece of a shorter line
        host = min((k for k in kept if _sits_in(run, k)), key=lambda k: _gap(run, k), default=None)
        if host is None:
            kept.append(run)
        else:
            host.items = _respaced(host.chars + run.chars)
            host.x0, host.x1 = min(host.x0, run.x0), max(host.x1, run.x1)
    return kept


def _gap(a: _Run, b: _Run) -> float:
    """The blank between two lines side by side (negative: one is in a gap of the other)."""
    return max(a.x0 - b.x1, b.x0 - a.x1)


def _sits_in(piece: _Run, line: _Run) -> bool:
    """Whether a piece belongs to a line: its middle within the line's height, left or right of it no
    further than pdfminer joins letters (the words of a justified line in a narrow column can be
    further apart than pdfminer's test of two letters drawn one after the other), touching none of its
    letters; in smaller type (raised or lowered), or on its baseline give or take a font's descent (a line
    of the next column may sit half a line lower). Pieces of two columns joined so are parted again in `_split`."""
    height = line.top - line.bottom
    level = abs(piece.bottom - line.bottom) < LEVEL * height or piece.top - piece.bottom < (1 - SIZE_CHANGE) * height
    return (level and line.bottom < (piece.bottom + piece.top) / 2 < line.top and piece.top - piece.bottom <= height * 1.2
            and _gap(piece, line) <= CHAR_MARGIN * height
            and not any(c.x0 < p.x1 - 0.5 and p.x0 + 0.5 < c.x1 for p in piece.chars for c in line.chars))


def _respaced(chars: list) -> list:
    """Letters left to right, with a space guessed where pdfminer guesses one (LTTextLineHorizontal.add)."""
    from pdfminer.layout import LTAnno

    items: list = []
    for char in sorted(chars, key=lambda c: c.x0):
        if items and items[-1].x1 < char.x0 - WORD_MARGIN * max(char.width, char.height):
            items.append(LTAnno(" "))
        items.append(char)
    return items


def _in_columns(runs: list[_Run]) -> list[tuple[_Run, int]]:
    """A page's lines in reading order, each with its column (see `Line.column`): top to bottom (pdfminer's
    order of its text boxes can put a paragraph's short last line before the line above it), and on a
    page of two columns the left one before the right one, down to a line across both (a title)."""
    runs = sorted(runs, key=lambda run: (-run.top, run.x0))
    gutter = _gutter(runs)
    if gutter is None:
        return [(run, 0) for run in runs]
    order: list[tuple[_Run, int]] = []
    left: list[_Run] = []
    right: list[_Run] = []
    for run in sorted((part for run in runs for part in _split(run, gutter)), key=lambda run: (-run.top, run.x0)):
        if run.x1 <= gutter[0] or run.x0 >= gutter[1]:
            (left if run.x1 <= gutter[0] else right).append(run)
        else:
            order += [(x, 1) for x in left] + [(x, 2) for x in right] + [(run, 0)]
            left, right = [], []
    return order + [(x, 1) for x in left] + [(x, 2) for x in right]


def _gutter(runs: list[_Run]) -> tuple[float, float] | None:
    """(left, right) of the blank between a page's two columns: the widest stretch of the middle half
    of the text that no letter is in but those of the few lines across it, at least MIN_GUTTER line heights
    wide, with at least MIN_COLUMN_LINES lines of text beside each other on either side."""
    if len(runs) < 2 * MIN_COLUMN_LINES:
        return None
    low, high = min(run.x0 for run in runs), max(run.x1 for run in runs)
    if not 0 < high - low < MAX_PAGE:
        return None  # a damaged file's coordinates
    start, end = int(low + (high - low) / 4), int(high - (high - low) / 4)
    cover = [0] * (end - start + 2)  # lines with a letter at each point of the middle half, as a difference array
    for run in runs:
        if run.x1 - run.x0 < MIN_GUTTER * (run.top - run.bottom):
            continue  # a page number in the gutter is not across it
        for x0, x1 in _spans(run):
            a, b = max(start, math.floor(x0)), min(end + 1, math.ceil(x1))
            if a < b:
                cover[a - start] += 1
                cover[b - start] -= 1
    counts = list(itertools.accumulate(cover[:-1]))
    crossing = min(counts)  # the lines across the gutter, if there is one
    if crossing > CROSSING_SHARE * len(runs):
        return None
    best, first = (0, 0), None
    for k, count in enumerate(counts):
        first = None if count > crossing else k if first is None else first
        if first is not None and k + 1 - first > best[1] - best[0]:
            best = (first, k + 1)
    height = statistics.median(run.top - run.bottom for run in runs)
    if best[1] - best[0] < MIN_GUTTER * height:
        return None
    gutter = (start + best[0], start + best[1])
    parts = [part for run in runs for part in _split(run, gutter)]
    return gutter if _side_by_side([x for x in parts if x.x1 <= gutter[0]], [x for x in parts if x.x0 >= gutter[1]],
                                   height) else None


def _side_by_side(left: list[_Run], right: list[_Run], height: float) -> bool:
    """Whether lines left and right of a blank are two columns of text: enough of them on each side,
    mostly full (not a table's cells, nor lines set right), over the same stretch of the page."""
    if min(len(left), len(right)) < MIN_COLUMN_LINES:
        return False
    for side in (left, right):
        extent = max(x.x1 for x in side) - min(x.x0 for x in side)
        if statistics.median(x.x1 - x.x0 for x in side) < FULL_COLUMN * extent:
            return False
    shared = min(max(x.top for x in left), max(x.top for x in right)) - \
        max(min(x.bottom for x in left), min(x.bottom for x in right))
    return shared > MIN_COLUMN_LINES * height


def _spans(run: _Run) -> list[tuple[float, float]]:
    """Where a line has letters, left to right: its words (or runs of Chinese) as (x0, x1)."""
    spans: list[list[float]] = []
    for char in sorted(run.chars, key=lambda c: c.x0):
        if spans and char.x0 <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], char.x1)
        else:
            spans.append([char.x0, char.x1])
    return [(x0, x1) for x0, x1 in spans]


def _split(run: _Run, gutter: tuple[float, float]) -> list[_Run]:
    """A line in its parts left and right of a gutter (pdfminer joins lines of two columns set close),
    or whole if it has letters in the gutter."""
    chars = run.chars
    left = [c for c in chars if c.x1 <= gutter[0]]
    right = [c for c in chars if c.x0 >= gutter[1]]
    if len(left) + len(right) < len(chars) or not left or not right:
        return [run]
    return [_Run(_respaced(side), min(c.x0 for c in side), max(c.x1 for c in side), min(c.y0 for c in side),
                 max(c.y1 for c in side)) for side in (left, right)]


# --- footnotes -------------------------------------------------------------------


def _is_mark(char: str) -> bool:
    """A character footnote marks are made of: digits (①, ¹ too), brackets, *, †, ‡, §."""
    return len(char) == 1 and (char.isdigit() or unicodedata.category(char)[0] in "PS" and char not in "“”‘’")


def _raised(char, size: float, baseline: float) -> bool:
    """A superscript reference mark: clearly smaller than the line's body type and raised above its baseline."""
    return (_is_mark(char.get_text()) and char.size < SUPERSCRIPT * size
            and char.y0 > baseline + RAISED * size)


def _unmarked(run: _Run) -> tuple[_Run, str, frozenset]:
    """The line without its superscript reference marks; the mark it starts with (a footnote's own), and
    those after its words (`cold.¹`, `2021²`, `北京①`: copied, they would read `cold.1` and `20212`)."""
    chars = run.chars
    sizes = [c.size for c in chars if c.get_text().strip()]
    if len(sizes) < 2:
        return run, "", frozenset()
    size = statistics.median(sizes)
    body = [c for c in chars if c.size >= SUPERSCRIPT * size]
    baseline = statistics.median(c.y0 for c in body) if body else run.bottom
    items: list = []
    marks: list[list] = []  # [at the line's start, its text, where it was in items]
    for item in run.items:
        if not (hasattr(item, "size") and _raised(item, size, baseline)):
            items.append(item)
            continue
        while items and not hasattr(items[-1], "size") and not items[-1].get_text().strip():
            items.pop()  # the space pdfminer guessed before it
        if marks and marks[-1][2] == len(items):
            marks[-1][1] += item.get_text()
        else:
            marks.append([not any(hasattr(x, "size") and x.get_text().strip() for x in items), item.get_text(), len(items)])
    kept = [c for c in items if hasattr(c, "size")]
    if not marks or not any(c.get_text().strip() for c in kept):
        return run, "", frozenset()
    lead = marks[0][1] if marks[0][0] else ""
    refs = frozenset(text for start, text, _ in marks if not start)
    return _Run(items, run.x0, run.x1, min(c.y0 for c in kept), max(c.y1 for c in kept)), lead, refs


def _bare_mark(text: str) -> str:
    """The footnote mark a line starts with in body type ("1 Source: …", "① 参见…"), if it starts with one."""
    match = _NOTE_START_RE.match(text)
    return match.group(1) if match else ""


def _rules(page) -> list[tuple[float, float]]:
    """(left, height) of the short horizontal rules on a page: the line set above footnotes."""
    from pdfminer.layout import LTCurve

    found = []
    stack = [page]
    while stack:
        item = stack.pop()
        if isinstance(item, LTCurve):  # LTLine and LTRect too
            if item.height <= 2 and 10 < item.width < NOTE_RULE_WIDTH * page.width:
                found.append((item.x0, (item.y0 + item.y1) / 2))
        elif hasattr(item, "__iter__") and not hasattr(item, "get_text"):
            stack.extend(item)
    return found


def without_notes(lines: list[Line]) -> list[Line]:
    """A page's lines without the footnotes at its foot: the lines from one that starts with a mark down,
    when it is told reliably: the mark is one the page's body refers to (a superscript taken out), and the
    notes are set apart by a short rule above them or in smaller type than the body; or both of those."""
    if len(lines) < 2:
        return lines
    size = statistics.median(line.height for line in lines)
    refs = set().union(*(line.refs for line in lines))
    for start in sorted((line for line in lines if line.mark), key=lambda line: -line.top):
        below = [line for line in lines if line.top <= start.top + LEVEL * start.height]
        if len(below) == len(lines):
            continue  # no body above
        small = all(line.height < (1 - SIZE_CHANGE) * size for line in below if not PAGE_NUMBER_RE.match(line.text))
        if (start.mark in refs) + small + start.ruled >= 2:
            return [line for line in lines if line not in below]
    return lines


def _line_text(line) -> str:
    """A pdfminer line's text: its letters, and the spaces pdfminer guesses from gaps only where a
    writer would have put one. Word processors leave room where Chinese meets digits or Latin
    letters, and before a mark, without a space (于 2022 年, 弗 ·弗): no space is guessed there."""
    from pdfminer.layout import LTAnno

    items = list(line)
    out: list[str] = []
    for k, item in enumerate(items):
        text = item.get_text()
        if isinstance(item, LTAnno) and text == " ":
            before = out[-1][-1:] if out else ""
            after = next((x.get_text()[:1] for x in items[k + 1:] if not isinstance(x, LTAnno)), "")
            if _cjk_room(before, after):
                continue
        out.append(text)
    return _SPACES_RE.sub(" ", "".join(out)).strip()


def _cjk_room(before: str, after: str) -> bool:
    """Whether the gap between two characters is the room a word processor leaves, not a space."""
    if is_cjk(before):
        return bool(after) and after in _MARKS_AFTER or after.isalnum() and not is_cjk(after)
    return before.isalnum() and is_cjk(after)


def _lead(line) -> float:
    """Width of what would have had to fit at the end of the line before (see `Line.lead`)."""
    from pdfminer.layout import LTChar

    chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
    if not chars:
        return 0.0
    text = "".join(c.get_text() for c in chars)
    head = _HAN_HEAD_RE.match(text).group(0)
    if not has_han(head.lstrip(_OPENING_MARKS)[:1]):  # a word, up to any Chinese after it ("——我", "“3K眼镜")
        word = _FIRST_WORD_RE.match("".join(item.get_text() for item in line)).group(1)
        head = word[:next((k for k, c in enumerate(word) if k and has_han(c)), len(word))]
    last = chars[min(len(head), len(chars)) - 1]
    return last.x1 - chars[0].x0


# --- page furniture ----------------------------------------------------------------


def without_furniture(lines: list[Line], running: set[tuple[str, str]]) -> list[Line]:
    """A page's lines without a bare page number or a running head at its top or bottom edge."""
    drop, seen = set(), set()
    for edge, line in _edges(lines):  # outermost first: a head is dropped once, the title it repeats stays
        edge_key = (edge, _key(line.text))
        if (PAGE_NUMBER_RE.match(line.text) and not _in_a_row_of_figures(line, lines)) or \
                (edge_key in running and edge_key not in seen):
            drop.add(id(line))
        seen.add(edge_key)
    kept = [line for line in lines if id(line) not in drop]
    return kept if kept else lines  # a page that is nothing but a number keeps it


def _in_a_row_of_figures(number: Line, lines: list[Line]) -> bool:
    """A bare number beside another on its row is a table's cell (Export 1500 2000), not a page number."""
    return any(other is not number and PAGE_NUMBER_RE.match(other.text)
               and min(other.top, number.top) - max(other.bottom, number.bottom) > 0.5 * number.height
               for other in lines)


def running_heads(pages: list[list[Line]]) -> set[tuple[str, str]]:
    """(edge, line with numbers masked) found at the same edge of most pages.

    The edge counts: a head that repeats the title ("Joint Statement" above every page) is a
    running head at the top, not where the title stands in the first page's body.
    """
    at_edges: Counter[tuple[str, str]] = Counter()
    for lines in pages:
        at_edges.update({(edge, _key(line.text)) for edge, line in _edges(lines)})
    needed = max(MIN_RUNNING_PAGES, RUNNING_SHARE * len(pages))
    return {edge_key for edge_key, count in at_edges.items() if count >= needed}


def _edges(lines: list[Line]) -> list[tuple[str, Line]]:
    """("top" | "bottom", line) for the EDGE_LINES highest and lowest lines of a page, outermost first."""
    by_height = sorted(lines, key=lambda line: -line.top)
    return [("top", line) for line in by_height[:EDGE_LINES]] + \
        [("bottom", line) for line in by_height[::-1][:EDGE_LINES]]


def _key(text: str) -> str:
    """A line with its numbers masked: "Joint Statement — 3" and "Joint Statement — 4" are one head
    (its spaces are already single: see `_line_text`)."""
    return _DIGITS_RE.sub("#", text)


# --- paragraphs ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    """Where body text sits: its margins, its usual step between lines, its first-line indent, its size."""

    left: float
    right: float
    step: float
    indent: float | None  # where indented first lines start, if the text indents them
    height: float  # of a body line: lines of another size are headings or notes
    gap: float = 0.0  # a step between body lines beyond this (and `step`) parts two paragraphs (see `_gap_step`)
    justified: bool = False  # lines other than a paragraph's last end at the right margin
    space: float = SPACE  # the width of a space between words, in line heights

    @classmethod
    def of(cls, lines: list[Line]) -> "_Column":
        # the left margin is the leftmost place lines share (in dialogue most lines are indented first
        # lines); the right one is where the longest lines end (see `_right_margin`)
        starts = Counter(round(line.x0) for line in lines)
        shared = min(max(2, SHARED_MARGIN * len(lines)), max(starts.values()))
        left = min(x for x, n in starts.items() if n >= shared)
        right = _right_margin(lines)
        # the step inside a paragraph: the smallest common one (in a text of one-line paragraphs set apart
        # by space, most steps are gaps)
        exact = [a.bottom - b.bottom for a, b in zip(lines, lines[1:]) if a.page == b.page and a.bottom > b.bottom]
        steps = Counter(round(x) for x in exact)
        step = min((x for x, n in steps.items() if n >= COMMON_STEP * sum(steps.values())), default=0.0)
        firsts = Counter(round(a.x0) for a, b in zip(lines, lines[1:])  # first lines: body text follows
                         if a.page == b.page and abs(b.x0 - left) < 2 and a.x0 > left + INDENT * a.height)
        firsts = firsts.most_common(1)
        indent = firsts[0][0] if firsts and firsts[0][1] > 1 else None
        height = statistics.median(line.height for line in lines)
        body = [a.bottom - b.bottom for a, b in zip(lines, lines[1:]) if a.page == b.page and a.bottom > b.bottom
                and max(abs(a.height - height), abs(b.height - height)) <= SIZE_CHANGE * height]
        at_margin = sum(1 for line in lines if abs(line.x1 - right) < 1)
        return cls(left, right, step, indent, height, _gap_step(body, step, height), at_margin >= JUSTIFIED * len(lines),
                   _space_width(lines, right))

    def larger(self, line: Line) -> bool:
        """In larger type than the body: a heading's."""
        return line.height > (1 + SIZE_CHANGE) * self.height

    def indented(self, line: Line) -> bool:
        return line.x0 > self.left + INDENT * line.height

    def centred(self, line: Line) -> bool:
        middle = (self.left + self.right) / 2
        inset = INDENT * line.height
        at_indent = self.indent is not None and abs(line.x0 - self.indent) < 2  # a paragraph's first line
        return (line.x0 > self.left + inset and line.x1 < self.right - inset and not at_indent
                and abs((line.x0 + line.x1) / 2 - middle) < line.height)

    def ends_sentence_short(self, line: Line, before: Line) -> bool:
        """Whether a justified column's line ends a sentence short of the right margin: its paragraph's last
        line, though the next line's first word would not have fitted after it (a block paragraph's full last line).
        Not between Chinese lines, which fill the width to a character however they are set (`stops_short` tells),
        so all end at one place and seem justified though a ragged one may end its sentence short of it."""
        return (self.justified and not _han_break(line, before) and line.x1 < self.right - SPACE * line.height
                and bool(_SENTENCE_END_RE.search(line.text)))

    def stops_short(self, line: Line, before: Line) -> bool:
        """Whether `line` ends where the start of the next line, `before`, would still have fitted: the right
        margin is where lines are seen to end, so no further right than where the typesetter let them.
        Chinese has no word wrap: a line breaks wherever the next character (with the marks that may not start
        a line) would not fit, so a Chinese line that leaves room for exactly that much ends its paragraph
        (after an ellipsis, which may be followed by a space the copy does not show, room for it is wanted too)."""
        if _han_break(line, before):
            return line.x1 + before.lead <= self.right - HAN_ROOM * line.height
        space = 0.0 if is_cjk(before.text[0]) or is_cjk(line.text[-1]) else self.space * before.height
        room = SLACK if space == 0.0 else ROOM
        return line.x1 + space + before.lead < self.right - room * line.height


def _han_break(line: Line, before: Line) -> bool:
    """Whether Chinese meets Chinese where `line` breaks (not after an ellipsis, which may be followed by a space):
    marks between them count for the Chinese they close or open, "…不得！”" + "“韦小宝…" (curly quotes are no
    Chinese characters, but no writer spaces them from the Chinese they enclose)."""
    if line.text[-1] == "…":
        return False
    return bool(_HAN_END_RE.search(line.text) or is_cjk(line.text[-1])) and \
        bool(_HAN_START_RE.match(before.text) or is_cjk(before.text[0]))


def _space_width(lines: list[Line], right: float) -> float:
    """The width of a space between words in line heights: the median of the lines' own (`Line.space`), of the
    lines that stop short of the margin where there are enough (a justified line's spaces are widened), SPACE
    where no line has a space to measure (Chinese)."""
    spaced = [line for line in lines if line.space > 0]
    short = [line for line in spaced if line.x1 < right - SLACK * line.height]
    spaced = short if len(short) >= MIN_SPACED else spaced
    return statistics.median(line.space / line.height for line in spaced) if spaced else SPACE


def _gap_step(steps: list[float], step: float, height: float) -> float:
    """The step between body lines beyond which they are two paragraphs: GAP line heights beyond the usual one;
    or less, down to MIN_GAP, where the lines keep to one exact step: block paragraphs set apart by only two
    points more than their leading (18 for 16) ran on. Only a gap makes a step longer, and the most a step falls
    short of the usual one (a line in a font of another descent sits lower or higher) is how much the steps
    wander within a paragraph, so a gap must exceed JITTER times that."""
    widest = step + GAP * height
    usual = [x for x in steps if abs(x - step) <= 0.5]
    if not usual:
        return widest
    centre = statistics.median(usual)
    wander = max((centre - x for x in steps if centre - GAP * height <= x < centre), default=0.0)
    return min(widest, centre + max(MIN_GAP * height, JITTER * wander))


def _right_margin(lines: list[Line]) -> float:
    """The rightmost place that lines share as they end (as many as must share the left margin), the marks
    ending a line not counted. Set left (ragged right), lines end anywhere short of the margin, and
    one line past it moved a percentile of all ends too far right: a head set right on a page of its
    own, a Chinese closing mark hanging past the margin (ReportLab's CJK wrapping lets it); full lines
    then seemed to stop short and end their paragraphs. A line ending in a mark still counts, where its
    letters end: left out, a notice whose every line ends a sentence (。) had only its title and its
    signature lines to go by, the margin fell at the signature's end, and the date under it ran on."""
    ends = sorted(line.x1 - line.end_marks for line in lines)
    shared = max(2, round(SHARED_MARGIN * len(ends)))
    return ends[-min(shared, len(ends))]


def paragraphs(lines: list[Line]) -> list[str]:
    """The lines grouped into paragraphs, each joined into one string."""
    if not lines:
        return []
    # a book's pages mirror their margins: the text sits further right on every other page; and the
    # columns of a page of two have their own
    sides: dict[tuple[int, int], list[Line]] = {}
    for line in lines:
        sides.setdefault((line.page % 2, line.column), []).append(line)
    columns = {key: _Column.of(side) for key, side in sides.items()}

    def column(line: Line) -> _Column:
        return columns.get((line.page % 2, line.column)) or columns[(1 - line.page % 2, line.column)]

    signs = [_sign(a, b, column(a), column(b)) for a, b in zip(lines, lines[1:])]
    breaks = [sign not in (None, HELD) for sign in signs]
    found = [sign for sign in signs if sign not in (None, HELD)]
    marked = found and sum(sign in MARKS for sign in found) >= MARKED * len(found)
    if not marked:  # where the text marks its paragraphs, a line without the mark carries on its paragraph
        doubtful = [k for k, sign in enumerate(signs) if sign is None]
        ends = paragraph_ends([(lines[k].text, lines[k + 1].text) for k in doubtful])
        for k, end in zip(doubtful, ends):
            breaks[k] = end
    groups: list[list[Line]] = [[lines[0]]]
    for b, starts in zip(lines[1:], breaks):
        if starts:
            groups.append([b])
        else:
            groups[-1].append(b)
    words = _words(line.text for line in lines)
    return [_join([line.text for line in group], words) for group in groups]


HELD = "held"  # the layout holds two lines in one paragraph (a title's)
MARKS = ("gap", "indent")  # the signs a text marks its paragraphs with
MARKED = 0.5  # share of the paragraph starts found that must show one for the text to mark its paragraphs


def _sign(a: Line, b: Line, on_a: _Column, on_b: _Column) -> str | None:
    """What on the page starts a new paragraph at line b, after line a (each on its page's column): "size",
    "gap", "indent", "centred", "short" (line a stops short); HELD where it holds them together; None where
    nothing does either (see `paragraph_cues`)."""
    if abs(a.height - b.height) > SIZE_CHANGE * max(a.height, b.height):
        return "size"  # a heading, or a note in smaller type
    usual = on_a.step * a.height / on_a.height if on_a.height > 0 else 0.0  # larger type, wider steps
    if a.page == b.page and usual and a.bottom - b.bottom > usual + GAP * a.height:
        return "gap"
    if a.page == b.page and on_a.step and a.bottom - b.bottom > on_a.gap and not on_a.larger(a):
        return "gap"  # a body line's step, a little longer than its lines' exact one
    if on_a.centred(a) and on_b.centred(b) or on_a.larger(a):
        return HELD  # a title over several lines (same size, no gap): centred, or in larger type
    if on_b.indented(b):
        return "indent"
    if on_a.centred(a):
        return "centred"
    if on_a.stops_short(a, b) or on_a.ends_sentence_short(a, b):
        return "short"
    return None


_WORD_RE = re.compile(r"\w+")
_BROKEN_RE = re.compile(r"(\w+)-$")  # the part of a word before a hyphen at a line end


def _words(texts) -> Counter:
    """The document's words (hyphens part them), folded to lower case: its own dictionary."""
    return Counter(word.lower() for text in texts for word in _WORD_RE.findall(text))


def _hyphenated(before: str, after: str, words: Counter) -> bool:
    """Whether the hyphen ending `before` only breaks a word at the line end ("меж-" + "дународного"):
    the word whole, without it, is one the document uses elsewhere. A real hyphen ("социально-" +
    "экономического") is kept: the document never writes the halves as one word."""
    head, tail = _BROKEN_RE.search(before), _WORD_RE.match(after)
    return bool(head and tail and (head.group(1) + tail.group(0)).lower() in words)


def _join(texts: list[str], words: Counter | None = None) -> str:
    """One paragraph from its lines: one space at a break, none after a hyphen or a dash set close, or
    next to Chinese (unless the Chinese follows a Latin mark, which is followed by a space); a hyphen
    that only breaks a word the document uses whole elsewhere is dropped (`_hyphenated`)."""
    out = texts[0]
    for text in texts[1:]:
        if words and _hyphenated(out, text, words):
            out, glue = out[:-1], ""
        elif out.endswith("-") or _dash_set_close(out, text):
            glue = ""
        elif is_cjk(text[0]) and out[-1] in _LATIN_MARKS:
            glue = " "  # "多边主义, 推进"
        else:
            glue = "" if is_cjk(out[-1]) or is_cjk(text[0]) else " "
        out += glue + text
    return out


def _dash_set_close(before: str, after: str) -> bool:
    """An em dash at the break touching a letter on its other side: "grasp—" + "but", "grasp" + "—but"."""
    return before[-1:] == "—" and before[-2:-1].isalpha() or after[:1] == "—" and after[1:2].isalpha()
