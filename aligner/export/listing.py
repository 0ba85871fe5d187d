"""A side-by-side plain-text listing of the pairs, for a terminal or a .txt file.

Each pair: its number, type, score and status, then the Chinese and the translation in two
columns wrapped to the width, then its flags and the reviewer's ✓ and note. Widths are display
columns: CJK characters count two, combining marks none, so the columns line up in a terminal.
No colour codes: the listing is often piped or saved, and the status word says what a colour would.
"""
from __future__ import annotations

import shutil
import unicodedata
from itertools import zip_longest

from aligner.export.status import kind_name, status
from aligner.export.table import is_wide, one_line, pair_texts
from aligner.types import Alignment

SEPARATOR = " │ "
MISSING = "—"
MIN_WIDTH = 40
FILE_WIDTH = 120  # width of a listing written to a file rather than a terminal


def char_width(char: str) -> int:
    """Columns a terminal gives one character: 2 for wide CJK, 0 for combining/format marks, else 1."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if is_wide(char) else 1


def display_width(text: str) -> int:
    """Columns a terminal needs for `text`."""
    return sum(char_width(char) for char in text)


def _tokens(text: str) -> list[str]:
    """Words, single wide characters (CJK breaks anywhere) and single spaces, in order.

    Punctuation that may not begin or end a line travels with its neighbour (see below).
    """
    tokens: list[str] = []
    word = ""
    for char in text:
        if char.isspace() or is_wide(char):
            if word:
                tokens.append(word)
                word = ""
            if not char.isspace():
                tokens.append(char)
            elif not tokens or tokens[-1] != " ":
                tokens.append(" ")
        else:
            word += char
    if word:
        tokens.append(word)
    return _glue_punctuation(tokens)


# The usual line-breaking rule (Chinese 避头尾, Japanese kinsoku): closing punctuation never
# starts a line and an opening bracket or quote never ends one. Half-width marks are included
# because PDF-extracted Chinese (like the seed) often has ", " where "，" was.
NO_LINE_START = set("。，、；：！？．…‥”’」』）》〉】〕〗〞｝］〙〛・·%％,.;:!?)]}»")
NO_LINE_END = set("“‘「『（《〈【〔〖〝｛［〘〚([{«")


def _glue_punctuation(tokens: list[str]) -> list[str]:
    """Join closing marks to the token before them and opening marks to the token after them.

    Only touching tokens are joined (a space between them is still a break opportunity), so
    wrap() moves "式。" to the next line together rather than leave "。" alone at its start.
    """
    glued: list[str] = []
    for token in tokens:
        if glued and glued[-1] != " " and token != " " and (
            token[0] in NO_LINE_START or glued[-1][-1] in NO_LINE_END
        ):
            glued[-1] += token
        else:
            glued.append(token)
    return glued


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` display columns; breaks at spaces or between CJK characters."""
    lines: list[str] = []
    line, used, space = "", 0, False
    for token in _tokens(text):
        if token == " ":
            space = bool(line)
            continue
        gap = 1 if space else 0
        token_width = display_width(token)
        if used + gap + token_width <= width:
            line, used = line + " " * gap + token, used + gap + token_width
        elif token_width <= width:
            lines.append(line)
            line, used = token, token_width
        else:  # a word longer than the column: cut it wherever it reaches the edge
            if line and used + gap < width:
                line, used = line + " " * gap, used + gap
            for char in token:
                w = char_width(char)
                if used + w > width and line:
                    lines.append(line)
                    line, used = "", 0
                line, used = line + char, used + w
        space = False
    if line or not lines:
        lines.append(line)
    return lines


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _columns(left: str, right: str, column: int) -> list[str]:
    return [(_pad(a, column) + SEPARATOR + b).rstrip()
            for a, b in zip_longest(wrap(left, column), wrap(right, column), fillvalue="")]


def _indented(prefix: str, text: str, width: int) -> list[str]:
    indent = display_width(prefix)
    body = wrap(text, max(10, width - indent))
    return [prefix + body[0]] + [" " * indent + rest for rest in body[1:]]


def listing(alignment: Alignment, width: int | None = None) -> str:
    """The pairs side by side, wrapped to `width` columns (default: the terminal's width), each with its flags
    and the reviewer's ✓ and note."""
    from aligner.export.word import REVIEWED  # word.py takes MISSING from here
    width = max(MIN_WIDTH, width or shutil.get_terminal_size((100, 24)).columns)
    column = (width - display_width(SEPARATOR)) // 2
    source, target = alignment.source, alignment.target
    lines = _columns(f"{source.lang}: {source.name}".rstrip(": "), f"{target.lang}: {target.name}".rstrip(": "),
                     column)
    lines.append("─" * width)
    for number, bead in alignment.numbered():
        pair_status = status(bead)
        heading = f"#{number}  {bead.kind}  {float(bead.score):.2f}"
        lines.append(heading if pair_status == "ok" else f"{heading}  [{kind_name(pair_status)}]")
        src, tgt = pair_texts(alignment, bead)
        lines += _columns(src or MISSING, tgt or MISSING, column)
        for flag in bead.flags:
            lines += _indented(f"  ! {kind_name(flag.kind)}: ", one_line(flag.reason), width)
        if bead.reviewed:  # as the Word export and the three-column listing mark it
            lines.append(f"  {REVIEWED}")
        if bead.note:
            lines += _indented("  note: ", one_line(bead.note), width)
        lines.append("")
    return "\n".join(lines)
