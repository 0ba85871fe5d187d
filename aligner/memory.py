"""Pairs aligned elsewhere (a translation memory, a bilingual table) checked by the review flags.

Reviewers and corpus builders also hold pairs that are already aligned: a TMX from a CAT tool, a
two-column spreadsheet, a TSV of a parallel corpus, or one of our own exports. Their problems are
the ones the review finds in our pairs (a changed number, a missing name or term, a translation
that stops half-way, a pair whose sides do not match, a segment with no counterpart), so each row
becomes a pair of an `Alignment` and goes through the same `review`. Nothing is re-aligned: a row
stays one pair.

The documents are built from the segments as given, one paragraph each, so offsets, marks and
every export work as for aligned texts. A pair's score is how likely its two sides translate each
other, by the encoder's similarity measured against the same file's rows paired with rows further
on (equal-variance Gaussians, as the aligner models a document), with a prior that one row in
twenty is wrong, and against its translation belonging to a neighbouring row: a block of
translations that slid by one row (a line lost while pasting a column) matches each row's
neighbour, while its own, often related Chinese can still look like a loose translation.
`benchmarks/memory_check.py` (the MAC dev gold pairs as six memories, loose literary
translation): 16 of 1,337 right rows score below 0.5 (a `weak` flag); with 5% of the rows given
each other's translations, 54 of those 66 are found, at 7 other flags; with a block of ten rows
slid by one in each memory, 48 of 60 (25 without the neighbour comparison), at 11 other flags.
"""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from aligner.errors import InputError, setting
from aligner.export.listing import MISSING
from aligner.export.tmx import CREATION_TOOL, DOCUMENT_PROP, REVIEWED_PROP
from aligner.export.word import NOTE_LEAD, REVIEWED
from aligner.review.weak import weak_reason
from aligner.tables import TABLE_SUFFIXES, language_columns, read_rows, role_columns
from aligner.threeway import quote_start
from aligner.types import WEAK, Alignment, Bead, Document, Flag, Progress, Sentence, Term

MIN_ROWS_FOR_MODEL = 8  # fewer rows cannot describe unrelated pairs; their scores come from the encoder prior
SHIFTS = (3, 4, 5)  # unrelated pairs: each row's Chinese with the translation this many rows on
PRIOR_WRONG = 0.05  # a row of a memory is usually right: flag it only on clear evidence
SLID_MARGIN = 3.0  # LLR by which a neighbouring row's Chinese must match a translation better than its own
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


Sides = tuple[str, str]  # what a file's two sides are called in messages: ("column zh", "column ru")
UNNAMED_SIDES: Sides = ("the first column", "the second column")
Marks = list[tuple[bool, str]]  # per row: reviewed, and the reviewer's note, as the file gives them


PAIRS_SUFFIXES = (".tmx", ".json") + TABLE_SUFFIXES  # what `read_pairs` takes

def read_pairs(path: str | Path, target_lang: str | None = None) -> tuple[list[tuple[str, str]], str | None]:
    """The (Chinese, translation) rows of a .tmx, .tsv/.csv/.txt, .xlsx, .ods, .docx (a bilingual table) or
    aligner .json file, and the translation's language when the file names it (TMX language codes, a
    header row, the record)."""
    pairs, lang, _ = read_sides(path, target_lang)
    return pairs, lang


def read_sides(path: str | Path, target_lang: str | None = None) -> tuple[list[tuple[str, str]], str | None, Sides]:
    """`read_pairs`, and what the file calls its two sides, so that a language error can name the column."""
    pairs, lang, sides, _ = read_marked(path, target_lang)
    return pairs, lang, sides


def read_marked(path: str | Path, target_lang: str | None = None) -> tuple[list[tuple[str, str]], str | None,
                                                                          Sides, Marks]:
    """`read_sides`, and each row's reviewed mark and note where the file has them (aligner's own
    exports, the Word export sent back by the translator): a reviewer checking them again keeps
    the notes and ✓ marks made before."""
    rows = read_pair_rows(path, target_lang)
    return rows.pairs, rows.lang, rows.sides, rows.marks


@dataclass
class PairRows:
    """What a file of pairs holds, row by row: the (Chinese, translation) texts, the translation's
    language where the file names it, what the file calls its two sides, each row's reviewed mark
    and note, and each row's document ("" where the file names none): a corpus merged into one
    file (`aligner batch --merge`) keeps its documents apart in a `document` column or TMX prop. `numbers`:
    each row's number where the file gives one (a download of some pairs keeps each pair's number among all,
    `Alignment.numbers`; None for a row without), empty for a file that numbers none."""

    pairs: list[tuple[str, str]]
    lang: str | None
    sides: Sides
    marks: Marks
    documents: list[str]
    numbers: list[int | None] = field(default_factory=list)


def read_pair_rows(path: str | Path, target_lang: str | None = None) -> PairRows:
    """The rows of a .tmx, .json or table file of pairs (see `read_pairs`), with all the file says of them."""
    from aligner.reading import MAX_DOCUMENT_BYTES, check_size

    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path.")
    check_size(path.stat().st_size, str(path), MAX_DOCUMENT_BYTES)  # a memory is read whole
    if path.suffix.lower() == ".tmx":
        return _tmx_pairs(path, target_lang)
    if path.suffix.lower() == ".json":  # aligner's own record, two or three columns
        record = _json_record(path, target_lang)
        return PairRows([(record.source.span_text(b.src), record.target.span_text(b.tgt)) for b in record.beads],
                        record.target.lang, ("the Chinese side", "the translation side"),
                        [(b.reviewed, b.note) for b in record.beads], [""] * len(record.beads),
                        [number for number, _ in record.numbered()] if record.numbers else [])
    return _table_pairs(path, target_lang)


def _json_record(path: Path, target_lang: str | None) -> Alignment:
    """The alignment of an aligner JSON record; of a three-column record ("aligner-threeway"), the
    Chinese with the translation asked for (or the only one), as from its other exports, each
    row's ✓ and note (a saved three-column review) kept on that translation's pairs in the row.
    A record of some rows (`--keep flagged`) gives the pairs in those rows only, each under its row's
    number, as the file and the three-column page number them."""
    from dataclasses import replace
    import json

    from aligner.export import load
    from aligner.export.threeway import FORMAT_NAME as THREE_WAY
    from aligner.export.threeway import from_dict

    try:
        record = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return load(path)  # its own clear error
    if not isinstance(record, dict) or record.get("format") != THREE_WAY:
        return load(path)
    result = from_dict(record, name=str(path))
    lang = _target_language(path, target_lang, {"zh", *result.labels})
    for row in result.rows:
        for bead in row.beads.get(lang, []) if row.reviewed or row.note.strip() else []:
            bead.reviewed = bead.reviewed or row.reviewed
            bead.note = "; ".join(note for note in (bead.note, row.note.strip()) if note)
    if not result.numbers:
        return result.alignments[lang]
    chosen = [(number, bead) for number, row in result.numbered() for bead in row.beads.get(lang, [])]
    return replace(result.alignments[lang], beads=[bead for _, bead in chosen],
                   numbers=tuple(number for number, _ in chosen))


def _segment_text(seg: ET.Element) -> str:
    """A TMX segment's text: inline codes (<bpt>, <ept>, <ph>, <it>, <ut>) and sub-flows left out,
    highlighted text (<hi>) kept."""
    parts = [seg.text or ""]
    for child in seg:
        if child.tag == "hi":
            parts.append(_segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _tmx_pairs(path: Path, target_lang: str | None) -> PairRows:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise InputError(f"{path} is not a readable TMX file ({error}).") from None
    except OSError as error:
        raise InputError(f"Cannot read {path}: {error.strerror or error}.") from None
    units, marks, documents, numbers = [], [], [], []
    own = (root.find("header") is not None and root.find("header").get("creationtool") == CREATION_TOOL)
    for tu in root.iter("tu"):
        if own:  # aligner's tuid is the pair's number ("15", or "document:15"); another tool's is its own id
            numbers.append(_cell_number((tu.get("tuid") or "").rpartition(":")[2]))
        note = tu.find("note")
        props = {p.get("type"): (p.text or "").strip() for p in tu.iter("prop")}
        marks.append((props.get(REVIEWED_PROP) == "yes", (note.text or "").strip() if note is not None else ""))
        documents.append(props.get(DOCUMENT_PROP, ""))
        segments = {}
        for tuv in tu.iter("tuv"):
            lang = (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()[:2]
            seg = tuv.find("seg")
            if lang and seg is not None and lang not in segments:
                segments[lang] = _segment_text(seg).strip()
        units.append(segments)
    if not units:
        raise InputError(f"{path} holds no translation units (<tu>); give a TMX file with pairs.")
    present = {lang for unit in units for lang in unit}
    if "zh" not in present:
        raise InputError(f"{path} has no Chinese segments (languages: {', '.join(sorted(present)) or 'none'}).")
    lang = _target_language(path, target_lang, present)
    return PairRows([(unit.get("zh", ""), unit.get(lang, "")) for unit in units], lang,
                    ("the zh segments", f"the {lang} segments"), marks, documents, numbers)


def _target_language(path: Path, target_lang: str | None, present: set[str]) -> str:
    """The translation's language among those the file holds: the one asked for, or the only one."""
    targets = sorted(present & {"ru", "en"})
    if target_lang:
        if target_lang not in present:
            raise InputError(f"{path} has no {target_lang} column or segments (it has {', '.join(sorted(present))}).")
        return target_lang
    if not targets:
        raise InputError(f"{path} has no Russian or English segments (languages: {', '.join(sorted(present))}).")
    if len(targets) > 1:
        which = setting('target_lang="ru" or "en"', "--target-lang ru or en", "“Language of the translation” in Your texts")
        raise InputError(f"{path} holds both Russian and English; say which to check ({which}).")
    return targets[0]


def _table_pairs(path: Path, target_lang: str | None) -> PairRows:
    rows = [["" if cell.strip() == MISSING else cell.strip() for cell in row]  # our Word export's empty side
            for row in read_rows(path)]
    rows = [row for row in rows if any(row)]
    if not rows:
        raise InputError(f"{path} is empty: give a table of Chinese segments and their translations.")
    columns, roles = language_columns(rows[0]), role_columns(rows[0])
    marks, documents, numbers = [(False, "")] * len(rows), [""] * len(rows), []
    if columns or roles:
        marks, documents = _table_marks(rows[0], rows[1:]), _table_documents(rows[0], rows[1:])
        numbers = _table_numbers(rows[0], rows[1:])
    if columns:
        lang = _target_language(path, target_lang, set(columns))
        zh, tgt = columns["zh"], columns[lang]
        sides, rows = (f"column {rows[0][zh]}", f"column {rows[0][tgt]}"), rows[1:]
    elif roles:  # Source / Target: the languages come from the content
        (zh, tgt), lang = roles, target_lang
        sides, rows = (f"column {rows[0][zh]}", f"column {rows[0][tgt]}"), rows[1:]
    elif all(len(row) >= 2 for row in rows[:20]):
        zh = _first_text_column(rows)
        lang, tgt, sides = target_lang, zh + 1, UNNAMED_SIDES
    else:
        raise InputError(f"{path} has no two columns to pair: give the Chinese in the first column and the "
                         "translation in the second, or a header row naming them (zh, en or ru).")
    return PairRows([(row[zh] if zh < len(row) else "", row[tgt] if tgt < len(row) else "") for row in rows], lang,
                    sides, marks, documents, numbers)


def _column(header: list[str], rows: list[list[str]], name: str) -> list[str]:
    """Each row's cell in the column headed `name` (case aside), or "" for a table without one."""
    names = [cell.strip().lower() for cell in header]
    if name not in names:
        return [""] * len(rows)
    k = names.index(name)
    return [row[k].strip() if k < len(row) else "" for row in rows]


def _table_documents(header: list[str], rows: list[list[str]]) -> list[str]:
    """Each row's `document` cell (a merged corpus file's first column), or "" for a table without one."""
    return _column(header, rows, "document")


# The column that numbers the pairs: aligner's TSV, CSV and XLSX ("index"), its Word table ("#", the number over
# the pair's type), and the heads people and CAT tools give such a column.
NUMBER_COLUMNS = ("index", "#", "no", "no.", "number", "№", "序号", "编号", "номер")


def _table_numbers(header: list[str], rows: list[list[str]]) -> list[int | None]:
    """Each row's number from the table's number column (None where a cell holds none), or [] without one."""
    names = [cell.strip().lower() for cell in header]
    column = next((name for name in NUMBER_COLUMNS if name in names), "")
    return [_cell_number(cell) for cell in _column(header, rows, column)] if column else []


def _cell_number(cell: str) -> int | None:
    """The pair number a cell starts with ("15", or "15\n1-0" in the Word table), else None."""
    first = cell.strip().split("\n")[0].strip()
    return int(first) if first.isdigit() and first.isascii() else None


def own_numbers(numbers: list[int | None] | tuple[int | None, ...]) -> tuple[int, ...]:
    """The rows' numbers as a record of some pairs keeps them (`Alignment.numbers`): the file's own when every
    row has one and they rise, else () (the rows numbered 1, 2, 3 … by their place, as for a file that numbers
    them so, or in an order of its own: sorted by score in a spreadsheet, several documents' rows). Neighbours
    may share a number: the pairs of one row of a three-column record (the Russian split where the English is not)."""
    if not numbers or any(n is None or n < 1 for n in numbers):
        return ()
    if any(b < a for a, b in zip(numbers, numbers[1:])) or list(numbers) == list(range(1, len(numbers) + 1)):
        return ()
    return tuple(numbers)


def _first_text_column(rows: list[list[str]]) -> int:
    """The first column with words in it, before the last: the columns a table without a header row numbers
    its rows with (1, 2, 3 or IDs) come before the Chinese."""
    sample = rows[:50]
    for k in range(max(len(row) for row in sample) - 1):
        if any(k < len(row) and re.search(r"[^\W\d_]{2}", row[k]) for row in sample):
            return k
    return 0


# What a reviewer types in the `reviewed` column to mark a row done: our exports' "yes", and the marks
# people type by hand — √ (the check mark a Chinese input method gives), ✓ ✔, 是, да, +, TRUE, 1, x.
REVIEWED_VALUES = frozenset({"yes", "y", "true", "1", "x", "✓", "✔", "√", "+", "是", "对", "да", "ok"})

# A reviewer's or translator's note column, as our exports name it and as people head it by hand.
NOTE_COLUMNS = ("note", "notes", "comment", "comments", "remark", "remarks", "备注", "注释", "批注", "评论",
                "комментарий", "комментарии", "примечание", "примечания")


def _table_marks(header: list[str], rows: list[list[str]]) -> Marks:
    """Each row's reviewed mark and note: from `reviewed` and `note` columns (our TSV, CSV and
    XLSX; a note column headed by hand: Comment, 备注, Комментарий …), else from the lines of a
    `flags` column (our Word export: "✓ reviewed", "note: …")."""
    names = [cell.strip().lower() for cell in header]
    note = next((name for name in NOTE_COLUMNS if name in names), "")
    if "reviewed" in names or note:
        return [(reviewed.lower() in REVIEWED_VALUES, text)
                for reviewed, text in zip(_column(header, rows, "reviewed"), _column(header, rows, note))]
    marks = []
    for flags in _column(header, rows, "flags"):
        lines = [line.strip() for line in flags.splitlines()]
        notes = [line[len(NOTE_LEAD):] if line.startswith(NOTE_LEAD) else line for line in lines
                 if line and line != REVIEWED and not _is_flag_line(line)]
        marks.append((REVIEWED in lines, " ".join(notes)))
    return marks


def _is_flag_line(line: str) -> bool:
    """A line our Word export wrote for a flag ("number: 2030 ≠ 2035", "ru omitted: …" in three
    columns, "low confidence: …" for a `weak` one), which the check makes anew; any other line in the
    flags column is the reviewer's note or the translator's reply typed there ("Исправлено", "Agree,
    fixed"), kept as the note."""
    from aligner.export.status import KIND_NAMES
    from aligner.pair_filter import PROBLEMS
    from aligner.threeway import DISAGREE

    lead, colon, _ = line.partition(": ")
    for kind, name in KIND_NAMES.items():  # the kind as the export names it, back to the kind
        lead = lead[: -len(name)] + kind if lead.endswith(name) else lead
    return bool(colon) and lead.split(" ")[-1] in {*PROBLEMS, DISAGREE} and len(lead.split(" ")) <= 2


def _document(texts: list[str], lang: str, name: str) -> tuple[Document, list[tuple[int, ...]]]:
    """One paragraph per non-empty segment; the sentence indices of each row (() for an empty one)."""
    from aligner.normalise import match_form

    text, sentences, rows = "", [], []
    for segment in texts:
        if not segment:
            rows.append(())
            continue
        if text:
            text += "\n\n"
        start = len(text)
        text += segment
        index = len(sentences)
        sentences.append(Sentence(index, start, len(text), segment, match_form(segment), paragraph=index))
        rows.append((index,))
    return Document(text=text, lang=lang, sentences=sentences, name=name), rows


def pairs_alignment(pairs: list[tuple[str, str]], target_lang: str | None = None, name: str = "",
                    sides: Sides = UNNAMED_SIDES, marks: Marks | None = None,
                    numbers: list[int | None] | None = None) -> Alignment:
    """The rows as an Alignment of one pair each (rows empty on both sides are left out); `sides`
    name the two columns in a language error; `marks` (per row: reviewed, note) are kept on the pairs, and
    the file's `numbers` (per row) as theirs when they number some pairs of an alignment (`own_numbers`)."""
    from aligner.language import detect_language

    marks = marks or [(False, "")] * len(pairs)
    numbered = numbers if numbers and len(numbers) == len(pairs) else [None] * len(pairs)
    kept = [(pair, mark, number) for pair, mark, number in zip(pairs, marks, numbered) if pair[0] or pair[1]]
    pairs, marks = [pair for pair, _, _ in kept], [mark for _, mark, _ in kept]
    file_numbers = own_numbers([number for _, _, number in kept]) if numbers else ()
    zh_texts, tgt_texts = [p[0] for p in pairs], [p[1] for p in pairs]
    where = name or "the pairs"
    if not any(zh_texts) or not any(tgt_texts):
        side = "Chinese" if not any(zh_texts) else "translation"
        raise InputError(f"{_capital(where)} has no {side} text: give rows with both sides.")
    zh_lang = detect_language("\n".join(zh_texts), f"{sides[0]} of {where}")
    lang = _translation_language("\n".join(tgt_texts), target_lang, f"{sides[1]} of {where}")
    check_side_languages(zh_lang, lang, sides, where)
    source, src_rows = _document(zh_texts, zh_lang, name)
    target, tgt_rows = _document(tgt_texts, lang, name)
    beads = [Bead(src, tgt, score=1.0, reviewed=reviewed, note=note)
             for src, tgt, (reviewed, note) in zip(src_rows, tgt_rows, marks)]
    return Alignment(source=source, target=target, beads=beads, numbers=file_numbers)


def _translation_language(text: str, given: str | None, label: str) -> str:
    """The language given (by --target-lang or a header row) unless the text is plainly Chinese, a
    sign that the columns are swapped; else the one detected."""
    from aligner.errors import LanguageError
    from aligner.language import detect_language

    try:
        detected = detect_language(text, label)
    except LanguageError:
        if given:
            return given  # the user's word (e.g. a close language aligned as Russian on purpose)
        raise
    return given if given and detected != "zh" else detected


def check_side_languages(zh_lang: str, tgt_lang: str, sides: Sides, where: str) -> None:
    """The first side must be Chinese and the second Russian or English. A table names no files, so
    the message names the column that is wrong, and says when the two look swapped."""
    from aligner.errors import LanguageError
    from aligner.pipeline import SUPPORTED_TARGETS
    from aligner.types import LANGUAGE_NAMES

    first, second = sides
    zh_name, tgt_name = (LANGUAGE_NAMES.get(lang, lang) for lang in (zh_lang, tgt_lang))
    if zh_lang != "zh" and tgt_lang == "zh":
        raise LanguageError(f"{_capital(first)} of {where} is {zh_name}, not Chinese, and {second} is Chinese: "
                            "are the columns swapped? Put the Chinese in the column named zh (or first, "
                            "without a header row).")
    if zh_lang != "zh":
        raise LanguageError(f"No column of {where} reads as Chinese ({first} is {zh_name}, {second} {tgt_name}); "
                            "give the Chinese segments and their Russian or English translation.")
    if tgt_lang not in SUPPORTED_TARGETS:
        raise LanguageError(f"{_capital(second)} of {where} is {tgt_name}, like {first}; it must hold the "
                            "Russian or English translation.")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _llr_scores(true: np.ndarray, false: np.ndarray) -> tuple[float, float]:
    """Slope and midpoint of the equal-variance Gaussian LLR between true and unrelated pairs."""
    variance = (true.var() * len(true) + false.var() * len(false)) / (len(true) + len(false))
    spread = max(math.sqrt(variance), 1e-3)
    slope = (true.mean() - false.mean()) / spread ** 2
    return slope, (true.mean() + false.mean()) / 2


def score_pairs(alignment: Alignment, encoder, progress: Progress | None = None) -> dict[int, int]:
    """Set each pair's score: the probability that its sides translate each other (see the module).

    Returns the rows whose translation likely slid there: pair index → the neighbouring pair
    whose Chinese the translation matches better (see `_slid`)."""
    from aligner.align.scoring import encoder_prior

    both = [k for k, b in enumerate(alignment.beads) if b.src and b.tgt]
    if not both:
        return {}
    n = len(alignment.source.sentences)
    texts = [s.norm for s in alignment.source.sentences] + [s.norm for s in alignment.target.sentences]
    embedded = np.asarray(encoder.encode(texts, progress), dtype=np.float64)  # one call: the encoder's workers
    src, tgt = embedded[:n], embedded[n:]
    i = np.array([alignment.beads[k].src[0] for k in both])
    j = np.array([alignment.beads[k].tgt[0] for k in both])
    if len(both) >= MIN_ROWS_FOR_MODEL:
        src, tgt = src - src.mean(axis=0), tgt - tgt.mean(axis=0)
        src /= np.maximum(np.linalg.norm(src, axis=1, keepdims=True), 1e-12)
        tgt /= np.maximum(np.linalg.norm(tgt, axis=1, keepdims=True), 1e-12)
        true = np.einsum("kd,kd->k", src[i], tgt[j])
        false = np.concatenate([np.einsum("kd,kd->k", src[i], tgt[np.roll(j, -shift)]) for shift in SHIFTS])
        slope, midpoint = _llr_scores(true, false)
        llr = slope * (true - midpoint)
        neighbour, better = _slid(src, tgt, i, j, llr, slope, midpoint)
        llr = llr - better  # the row's own reading against its translation belonging next door
    else:
        prior = encoder_prior(getattr(encoder, "name", ""))
        if prior is None:
            return {}  # too few rows to tell, and no measured prior for this encoder: scores stay 1
        cosine = np.einsum("kd,kd->k", src[i], tgt[j]) / np.maximum(
            np.linalg.norm(src[i], axis=1) * np.linalg.norm(tgt[j], axis=1), 1e-12)
        llr = prior.llr(cosine)
        neighbour, better = np.full(len(both), -1), np.zeros(len(both))
    odds = llr + math.log((1 - PRIOR_WRONG) / PRIOR_WRONG)
    scores = 1.0 / (1.0 + np.exp(-np.clip(odds, -30, 30)))
    for k, score in zip(both, scores):
        alignment.beads[k].score = float(score)
    return {both[r]: both[int(neighbour[r])] for r in np.flatnonzero((better > 0) & (scores < 0.5))}


def _slid(src: np.ndarray, tgt: np.ndarray, i: np.ndarray, j: np.ndarray, llr: np.ndarray, slope: float,
          midpoint: float) -> tuple[np.ndarray, np.ndarray]:
    """For each row: the neighbouring row (index into the rows, −1 for none) whose Chinese its
    translation matches clearly better than its own and well enough to be its translation, and by
    how much (LLR, 0 for none). A block of translations that slid by one row (a line lost or added
    while pasting) keeps matching each row's neighbour; a row compared only against unrelated
    pairs could still look like a loose translation of its own, related Chinese."""
    neighbour, better = np.full(len(i), -1), np.zeros(len(i))
    for step in (-1, 1):
        rows = np.arange(len(i)) + step
        ok = (rows >= 0) & (rows < len(i))
        other = np.full(len(i), -np.inf)
        other[ok] = slope * (np.einsum("kd,kd->k", src[i[rows[ok]]], tgt[j[ok]]) - midpoint)
        gain = np.where(other > 0, other - llr, 0.0)
        take = (gain > SLID_MARGIN) & (gain > better)
        neighbour[take], better[take] = rows[take], gain[take]
    return neighbour, better


def check_rows(pairs: list[tuple[str, str]], encoder, target_lang: str | None = None, name: str = "",
               glossary: tuple[Term, ...] = (), progress: Progress | None = None,
               sides: Sides = UNNAMED_SIDES, glossary_name: str = "", marks: Marks | None = None,
               numbers: list[int | None] | None = None) -> Alignment:
    """The rows as pairs (with the reviewer's `marks` kept), scored with the encoder and with the review flags. Given `glossary_name`,
    a glossary with no rendering in the translation's language is an error naming it, before the
    encoder runs (the command line); without it the caller warns (the review page)."""
    from aligner.glossary import check_coverage
    from aligner.review import review

    alignment = pairs_alignment(pairs, target_lang, name=name, sides=sides, marks=marks, numbers=numbers)
    if glossary_name:
        check_coverage(glossary, (alignment.target.lang,), glossary_name)
    slid = score_pairs(alignment, encoder, progress)
    for k, other in slid.items():  # a weak flag that says why (review adds none where one exists)
        # quoted as well as numbered: the file's own row numbers differ (a header, blank rows left out)
        neighbour = quote_start(alignment.source.span_text(alignment.beads[other].src))
        row = f"pair {alignment.numbers[other]}" if alignment.numbers else f"row {other + 1}"  # a record of some pairs
        alignment.beads[k].flags.append(Flag(WEAK, f"{weak_reason(alignment.beads[k].score, None)}: its translation "
                                                   f"matches the Chinese of {row}, {neighbour}, better; "
                                                   "rows may have slid"))
    alignment.model, alignment.glossary = encoder.name, tuple(glossary)
    review(alignment, encoder)
    return alignment


def check_pairs(path: str | Path, encoder=None, target_lang: str | None = None,
                glossary: tuple[Term, ...] = (), name: str = "", progress: Progress | None = None,
                glossary_name: str = "") -> Alignment:
    """Read the pairs of `path` and check them (`check_rows`; the default encoder unless given;
    `name`: what the documents are called, the path by default)."""
    from aligner.embed import get_encoder

    rows = read_pair_rows(path, target_lang)
    return check_rows(rows.pairs, encoder or get_encoder(), rows.lang, name or str(path), glossary, progress,
                      rows.sides, glossary_name, rows.marks, rows.numbers)


def check_corpus(path: str | Path, encoder=None, target_lang: str | None = None, glossary: tuple[Term, ...] = (),
                 progress: Progress | None = None, glossary_name: str = "") -> list[tuple[str, Alignment]]:
    """`check_pairs` for a file that may hold a corpus (see `check_documents`)."""
    return check_documents(read_pair_rows(path, target_lang), encoder, str(path), glossary, progress, glossary_name)


def check_documents(rows: PairRows, encoder=None, where: str = "", glossary: tuple[Term, ...] = (),
                    progress: Progress | None = None, glossary_name: str = "") -> list[tuple[str, Alignment]]:
    """The rows of a file (`where`) checked document by document: each document the file names (a
    merged export's `document` column or TMX prop) on its own, as its translation has its own
    length ratio and style, returned under its name in the file's order; a file of one document
    gives [("", the checked pairs)]."""
    from aligner.embed import get_encoder

    encoder = encoder or get_encoder()
    names = list(dict.fromkeys(rows.documents))
    if len(names) < 2:
        return [("", check_rows(rows.pairs, encoder, rows.lang, where, glossary, progress, rows.sides,
                                glossary_name, rows.marks, rows.numbers))]
    checked = []
    for name in names:
        own = [k for k, document in enumerate(rows.documents) if document == name]
        checked.append((name, check_rows([rows.pairs[k] for k in own], encoder, rows.lang,
                                         f"document {name or '(unnamed)'} of {where}", glossary, progress,
                                         rows.sides, glossary_name, [rows.marks[k] for k in own],
                                         [rows.numbers[k] for k in own] if rows.numbers else None)))
    return checked
