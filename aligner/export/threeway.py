"""Three-way outputs: a three-column listing, the JSON record, TSV/CSV/XLSX tables, TMX, Word and HTML.

JSON shape (format "aligner-threeway", version 1; `from_dict` / `parse_json` read it back):
    {"source": {document}, "targets": {"ru": {document}, "en": {document}},
     "pairs": {"ru": [pair records of the zh–ru alignment], "en": [...]},
     "rows": [{"number" (only when some rows were left out: the row's number on the review page),
               "src": [i...], "ru": [j...], "en": [k...], "src_text", "ru_text", "en_text",
               "ru_score", "en_score", "flags": [{"side": "ru" | "en" | "", "kind", "reason", "marks" (if any)}],
               "reviewed": false, "note": ""}],  (the reviewer's ✓ and note on the row)
     "warnings": {"en": ["…"]},  (only when a translation has any: e.g. it is not a translation of the Chinese)
     "settings": {"model": null, "presplit": false, "glossary": [terms as in the two-column record]}}
         (the options it was aligned with, as far as known: model null is the default encoder; a review
         saved from the page adds "row", the row it was on)
Documents and pair records are those of the two-way JSON record (`aligner.export.record`), so
either alignment can be rebuilt from the file; rows are the pivoted view. A record of some rows
(`pair_filter.kept_rows`) still holds every pair, and is read back as those rows under their numbers.
"""
from __future__ import annotations

import io
import json
import shutil
import xml.etree.ElementTree as ET
from itertools import zip_longest
from pathlib import Path
from typing import Iterable

from aligner.errors import AlignerError
from aligner.export.delimited import DIALECTS, delimited_writer, render_table
from aligner.export.listing import MISSING, display_width, wrap
from aligner.export.record import _document_dict, _pair_dict, record_bytes
from aligner.export.status import kind_name
from aligner.export.table import one_line
from aligner.export.tmx import tmx_lang
from aligner.threeway import DISAGREE, ThreeWay, ThreeWayRow, merge_rows, side_names

FORMAT_NAME = "aligner-threeway"
FORMAT_VERSION = 1
SEPARATOR = " │ "


def _side_flags(row: ThreeWayRow, label: str) -> list[dict]:
    return [{"kind": f.kind, "reason": f.reason} for f in row.flags if f.side == label]


def row_dict(result: ThreeWay, row: ThreeWayRow, number: int | None = None) -> dict:
    """One row of the JSON record (with its `number` on the page, when given)."""
    item: dict = {**({"number": number} if number is not None else {}),
                  "src": list(row.src), "src_text": result.text(result.source.lang, row.src)}
    for label in result.labels:
        item[label] = list(row.tgt[label])
        item[f"{label}_text"] = result.text(label, row.tgt[label])
        score = row.scores[label]
        item[f"{label}_score"] = None if score is None else round(score, 4)
    item["flags"] = [{"side": f.side, "kind": f.kind, "reason": f.reason,
                      **({"marks": [{"side": m.side, "start": m.start, "end": m.end} for m in f.marks]} if f.marks else {})}
                     for f in row.flags]
    item["reviewed"], item["note"] = row.reviewed, row.note
    return item


def to_dict(result: ThreeWay) -> dict:
    """The three-way result as a JSON-ready dict (shape in the module docstring)."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "model": next(iter(result.alignments.values())).model,
        "source": _document_dict(result.source),
        "targets": {label: _document_dict(a.target) for label, a in result.alignments.items()},
        "pairs": {label: [_pair_dict(a, b) for b in a.beads] for label, a in result.alignments.items()},
        # a row's number only when some rows were left out (`ThreeWay.numbers`): else it is its place
        "rows": [row_dict(result, row, number if result.numbers else None) for number, row in result.numbered()],
        **({"warnings": {label: list(a.warnings) for label, a in result.alignments.items() if a.warnings}}
           if result.warnings else {}),
        "settings": settings(result),
    }


def settings(result: ThreeWay) -> dict:
    """The options the result was aligned with, as the record's `settings` (and a project's) hold them:
    those known (model, presplit) and the glossary each pair was checked against."""
    from aligner.export.record import glossary_to_list

    glossary = next(iter(result.alignments.values())).glossary
    return {**result.settings, "glossary": glossary_to_list(glossary)}


def from_dict(d: dict, name: str = "") -> ThreeWay:
    """Read a record made by `to_dict` back: both alignments as they were, the rows cut again from
    them, and the reviewer's ✓ and notes put back on their rows (a saved three-column review opened
    again); a record of some rows gives those rows under their numbers (`_chosen`). InputError if it
    is not one."""
    from dataclasses import replace

    from aligner.errors import InputError
    from aligner.export.record import FORMAT_NAME as PAIRS_FORMAT
    from aligner.export.record import from_dict as alignment_from_dict

    where = name or "the three-column record"
    if not isinstance(d, dict) or d.get("format") != FORMAT_NAME:
        raise InputError(f"{where} is not an aligner three-column record (no \"format\": \"{FORMAT_NAME}\").")
    targets, pairs, warnings = d.get("targets"), d.get("pairs"), d.get("warnings") or {}
    options = d.get("settings") if isinstance(d.get("settings"), dict) else {}
    if not isinstance(targets, dict) or not isinstance(pairs, dict) or len(targets) != 2 or set(targets) != set(pairs):
        raise InputError(f"{where} is damaged (it needs two translations and their pairs); export it again from aligner.")
    alignments = {label: alignment_from_dict(
        {"format": PAIRS_FORMAT, "version": d.get("version", FORMAT_VERSION), "model": d.get("model", ""),
         "source": d.get("source"), "target": targets[label], "pairs": pairs[label],
         "warnings": warnings.get(label, []) if isinstance(warnings, dict) else [],
         "glossary": options.get("glossary") or []}, name=f"{where} ({label})")
        for label in targets}
    source = next(iter(alignments.values())).source  # one Chinese document for both, as when aligned
    alignments = {label: replace(a, source=source) for label, a in alignments.items()}
    known = {key: options[key] for key in ("model", "presplit") if key in options}
    result = ThreeWay(source, alignments, merge_rows(alignments), known)
    items = [item for item in d.get("rows", []) if isinstance(item, dict)]
    marks = {_row_key(result.labels, item): item for item in items}
    for row in result.rows:
        item = marks.get((row.src, *(row.tgt[label] for label in result.labels)))
        if item is not None:
            row.reviewed, row.note = bool(item.get("reviewed", False)), str(item.get("note") or "")
    return _chosen(result, items)


def _chosen(result: ThreeWay, items: list[dict]) -> ThreeWay:
    """The rows a record of some rows holds, under the numbers it gives them (as `kept_rows` made them;
    the two-column record reads its pairs' numbers so); `result` whole when the record's rows are not
    all numbered (a record of every row) or are not rows cut from its pairs."""
    from dataclasses import replace

    if not items or not all("number" in item for item in items):
        return result
    cut = {(row.src, *(row.tgt[label] for label in result.labels)): row for row in result.rows}
    try:
        chosen = [(int(item["number"]), cut[_row_key(result.labels, item)]) for item in items]
    except (KeyError, TypeError, ValueError):
        return result
    return replace(result, rows=[row for _, row in chosen], numbers=tuple(number for number, _ in chosen))


def _row_key(labels: list[str], item: dict) -> tuple:
    """A JSON row's sentences, Chinese then each translation's, as the rows cut from the pairs have them."""
    try:
        return tuple(tuple(int(i) for i in item.get(key, ())) for key in ("src", *labels))
    except (TypeError, ValueError):
        return ()


def parse_json(data: bytes | str, name: str = "") -> ThreeWay:
    """A three-column JSON download (or saved review) read back; InputError if it is not one."""
    from aligner.errors import InputError

    try:
        record = json.loads(data)
    except ValueError:
        raise InputError(f"{name or 'The file'} is not valid JSON.") from None
    return from_dict(record, name)


def load(path: str | Path) -> ThreeWay:
    """Read three columns back from a JSON record written by `write(..., 'x.json')`, as
    `aligner.export.load` reads a two-column one."""
    return parse_json(record_bytes(path), name=str(path))


def is_three_way_record(data: bytes) -> bool:
    """Whether JSON bytes are a three-column record (opened as three columns, not as one alignment)."""
    try:
        record = json.loads(data)
    except ValueError:
        return False
    return isinstance(record, dict) and record.get("format") == FORMAT_NAME


def header(result: ThreeWay) -> list[str]:
    """Table columns: row number, the three texts, each side's score, flag kinds and reasons, and the
    reviewer's ✓ and note (as the two-column table ends)."""
    return ["row", result.source.lang, *result.labels, *(f"{label} score" for label in result.labels),
            "flags", "reasons", "reviewed", "note"]


def _flag_text(row: ThreeWayRow, named: bool = False) -> tuple[str, str]:
    """The row's flags as two cells: kinds ('ru:weak'; `named`: as a reader is shown them, 'ru: low
    confidence') and reasons."""
    if named:
        kinds = "; ".join(f"{f.side}: {kind_name(f.kind)}" if f.side else kind_name(f.kind) for f in row.flags)
    else:
        kinds = "; ".join(f"{f.side}:{f.kind}" if f.side else f.kind for f in row.flags)
    reasons = "; ".join(f"{f.side}: {one_line(f.reason)}" if f.side else one_line(f.reason) for f in row.flags)
    return kinds, reasons


def table(result: ThreeWay, keep_tabs: bool = False, named: bool = False) -> list[list]:
    """Every row as cells, numbered as the page numbers it (texts on one line, tabs kept for CSV; flag
    kinds `named` for a reader, as in a spreadsheet), without the header."""
    out = []
    for number, row in result.numbered():
        kinds, reasons = _flag_text(row, named)
        scores = [None if row.scores[label] is None else round(row.scores[label], 3) for label in result.labels]
        out.append([number, one_line(result.text(result.source.lang, row.src), keep_tabs),
                    *(one_line(result.text(label, row.tgt[label]), keep_tabs) for label in result.labels),
                    *scores, kinds, reasons, "yes" if row.reviewed else "", _row_note(result, row)])
    return out


def render_tsv(result: ThreeWay) -> bytes:
    return render_table(header(result), table(result), "tsv")


def render_csv(result: ThreeWay) -> bytes:
    return render_table(header(result), table(result, keep_tabs=True), "csv")


def render_json(result: ThreeWay) -> bytes:
    return (json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def is_unit(result: ThreeWay, row: ThreeWayRow) -> bool:
    """A row is a translation unit only with all three texts present."""
    return bool(result.text(result.source.lang, row.src).strip()) and all(
        result.text(label, row.tgt[label]).strip() for label in result.labels)


def rows_in_file(result: ThreeWay, fmt: str) -> int:
    """How many rows a file of format `fmt` holds: all, but in a TMX only those with all three texts."""
    return sum(is_unit(result, row) for row in result.rows) if fmt.lower().lstrip(".") == "tmx" else len(result.rows)


def _row_note(result: ThreeWay, row: ThreeWayRow) -> str:
    """The reviewer's note on the row, then those on the pairs merged into it, each after its side ('ru: …')."""
    return "; ".join([one_line(row.note)] * bool(row.note.strip()) +
                     [f"{label}: {one_line(bead.note)}" for label in result.labels
                      for bead in row.beads.get(label, []) if bead.note])


def _review_marks(result: ThreeWay, row: ThreeWayRow) -> list[tuple[str, str]]:
    """The reviewer's ✓ and note under a row's flags, as the two-column Word export writes them (so that
    `aligner check` reads them back from the Word document)."""
    from aligner.export.word import NOTE_LEAD, REVIEWED

    note = _row_note(result, row)
    return [("", REVIEWED)] * row.reviewed + [(NOTE_LEAD, note)] * bool(note)


def _add_units(body: ET.Element, result: ThreeWay, document: str = "", unit_srclang: bool = False) -> int:
    """One <tu> per row where all three texts are present, with what the two-column TMX gives a
    unit (tuid, the reviewer's note and ✓, document, type, scores, flags), so that the units of a merged
    trilingual memory can be traced to their document and row (`unit_srclang`: each names its source
    language, when the documents' differ); returns how many rows were skipped."""
    from aligner.export.tmx import DOCUMENT_PROP, REVIEWED_PROP, XML_LANG, _sub

    # codes from each whole text, like the two-way TMX (zh-TW for a Traditional source)
    langs = {result.source.lang: tmx_lang(result.source.lang, result.source.text)}
    langs.update({label: tmx_lang(result.alignments[label].target.lang, result.alignments[label].target.text)
                  for label in result.labels})
    skipped = 0
    for number, row in result.numbered():
        if not is_unit(result, row):
            skipped += 1
            continue
        texts = [(langs[result.source.lang], result.text(result.source.lang, row.src))] + \
                [(langs[label], result.text(label, row.tgt[label])) for label in result.labels]
        tu = _sub(body, "tu", tuid=f"{document}:{number}" if document else str(number),
                  **({"srclang": texts[0][0]} if unit_srclang else {}))
        if _row_note(result, row):
            _sub(tu, "note", _row_note(result, row))
        if document:
            _sub(tu, "prop", document, type=DOCUMENT_PROP)
        if row.reviewed:  # as the two-column TMX marks a reviewed unit (read back by `aligner check`)
            _sub(tu, "prop", "yes", type=REVIEWED_PROP)
        _sub(tu, "prop", "-".join(str(len(ids)) for ids in (row.src, *(row.tgt[label] for label in result.labels))),
             type="x-aligner-type")
        for label in result.labels:
            if row.scores[label] is not None:
                _sub(tu, "prop", f"{float(row.scores[label]):.3f}", type=f"x-aligner-score-{label}")
        if row.flags:
            kinds, reasons = _flag_text(row)
            _sub(tu, "prop", kinds, type="x-aligner-flags")
            _sub(tu, "prop", reasons, type="x-aligner-reasons")
        for lang, text in texts:
            _sub(_sub(tu, "tuv", **{XML_LANG: lang}), "seg", one_line(text))
    return skipped


def _tmx(named: list[tuple[str, ThreeWay]]) -> bytes:
    """A TMX 1.4b file of one or more three-column results, headed as the two-column TMX is."""
    from aligner.export.tmx import tmx_file

    total = sum(len(result.rows) for _, result in named)
    return tmx_file({tmx_lang(result.source.lang, result.source.text) for _, result in named},
                    (a.model for _, result in named for a in result.alignments.values() if a.model),
                    lambda body, corpus: sum(_add_units(body, result, name, corpus) for name, result in named),
                    lambda skipped: f"{skipped} of {total} rows lack one of the three texts (an omitted or added "
                                    "passage) and are not included as translation units.")


def render_tmx(result: ThreeWay) -> bytes:
    """TMX 1.4b with one <tu> per row where all three texts are present (a multilingual memory)."""
    return _tmx([("", result)])


def render_documents(named: list[tuple[str, ThreeWay]], fmt: str) -> bytes:
    """Rows of several documents (the same three languages) in one TSV, CSV, XLSX (a `document` column
    first) or TMX."""
    if fmt == "tmx":
        return _tmx(named)
    if fmt == "xlsx":
        return _workbook(named, document=True)
    text = "".join(document_lines(name, result, fmt, head=not number) for number, (name, result) in enumerate(named))
    return text.encode(DIALECTS[fmt][1])


def document_lines(name: str, result: ThreeWay, fmt: str, head: bool = False) -> str:
    """One document's rows of a merged TSV or CSV (after the header, with `head`), as
    `delimited.document_lines` has them for two columns."""
    buffer = io.StringIO(newline="")
    writer = delimited_writer(buffer, fmt)
    if head:
        writer.writerow(["document", *header(result)])
    writer.writerows(["" if cell is None else cell for cell in [name, *cells]]
                     for cells in table(result, keep_tabs=fmt == "csv"))
    return buffer.getvalue()


def render_xlsx(result: ThreeWay) -> bytes:
    """A sheet of rows as the two-column XLSX has its pairs: header bold, frozen and filterable,
    each row filled with the colour of its most serious status."""
    return _workbook([("", result)], document=False)


def _workbook(named: list[tuple[str, ThreeWay]], document: bool) -> bytes:
    """The rows of one result, or of several (a corpus) after a `document` column naming each one's."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment as CellAlignment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from aligner.export.marked import three_way_segments
    from aligner.export.xlsx import DOCUMENT_WIDTH, check_rows, fits, rich_text, set_text, status_fill

    check_rows(1 + sum(len(result.rows) for _, result in named))
    shift = 1 if document else 0  # the row table's columns start after the document column
    book = Workbook()
    sheet = book.active
    sheet.title = "rows"
    sheet.append((["document"] if document else []) + header(named[0][1]))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = CellAlignment(wrap_text=True, vertical="top")
    number = 1
    for name, result in named:
        for row, cells in zip(result.rows, table(result, named=True)):
            number += 1
            texts = three_way_segments(result, row)  # columns 2–4: the numbers and names flags quote, marked
            fill = status_fill(row_status(f.kind for f in row.flags))
            for column, value in enumerate(([name] if document else []) + cells, start=1):
                cell = sheet.cell(row=number, column=column)
                at = column - shift - 2
                marked = rich_text(texts[at]) if 0 <= at < len(texts) else None
                if marked is not None and fits(marked):
                    cell.value = marked
                else:
                    set_text(cell, value)  # a text starting with "=" stays text, never a formula
                cell.fill = fill
                cell.alignment = wrap
    widths = ((DOCUMENT_WIDTH,) if document else ()) + (6, 50, 60, 60, 9, 9, 20, 50, 9, 40)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{number}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def column_names(result: ThreeWay) -> list[str]:
    """The three columns' headings: the languages by name, with their labels when both translations
    share one ("English (en1)", "English (en2)"), so that the two columns are told apart."""
    from aligner.types import LANGUAGE_NAMES

    names = side_names(result.alignments)
    return [LANGUAGE_NAMES.get(result.source.lang, result.source.lang), *(names[label] for label in result.labels)]


def render_html(result: ThreeWay) -> bytes:
    """The HTML report of the three columns, styled as the two-column one: each row in its status colour
    (a disagree row as omitted), printed with those colours and the header row on every page."""
    from html import escape

    from aligner.export.html_report import CSS, _html_lang, _status_css
    from aligner.export.marked import three_way_cells

    documents = [result.source, *(result.alignments[label].target for label in result.labels)]
    langs = [escape(_html_lang(document)) for document in documents]  # zh-Hant / zh-Hans: the right glyphs
    names = column_names(result)
    title = "Three-way alignment: " + " · ".join(document.name or name for document, name in zip(documents, names))
    meta = " · ".join(f"{name}: {len(document)} sentences" for name, document in zip(names, documents))
    # what the review found about a translation as a whole (not a translation of this text) heads the
    # report, as in the two-column one: every row's weak flag alone would not say why
    warnings = "".join(f'<p class="warning">{escape(w)}</p>' for w in result.warnings)
    head = "".join(f"<th>{escape(h)}</th>" for h in ["#", *names, "flags"])
    rows = []
    for number, row in result.numbered():
        cells = [str(number), *three_way_cells(result, row)]  # the numbers and names flags quote are marked
        flags = "<br>".join([escape(f"{f.side + ': ' if f.side else ''}{kind_name(f.kind)} — {one_line(f.reason)}")
                             for f in row.flags] + [escape(lead + text) for lead, text in _review_marks(result, row)])
        status = row_status(f.kind for f in row.flags)
        rows.append(f'<tr class="{status}"><td class="num">{cells[0]}</td>'
                    + "".join(f'<td class="text" lang="{lang}">{c}</td>' if c else f'<td class="text">{MISSING}</td>'
                              for c, lang in zip(cells[1:], langs)) + f'<td class="flags">{flags}</td></tr>')
    page = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>"
            + CSS + _status_css() + "td.text{width:26%}</style></head><body><h1>" + escape(title) + '</h1><p class="meta">'
            + escape(f"{meta} · {_rows_count(result)}") + "</p>" + warnings + "<table><thead><tr>" + head
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></body></html>\n")
    return page.encode("utf-8")


def _rows_count(result: ThreeWay) -> str:
    """'40 rows', or '5 rows chosen (of those aligned)' for some rows (`ThreeWay.numbers`), whose numbers
    skip those left out, as the two-column report heads the pairs chosen."""
    return f"{len(result.rows)} rows" + (" chosen (of those aligned)" if result.numbers else "")


def row_status(kinds: Iterable[str]) -> str:
    """The status of a three-way row with flags of these kinds; where the translations disagree
    about a Chinese sentence, one of them lacks it: as serious as an omission."""
    from aligner.export.status import flags_status

    kinds = set(kinds)
    return "omitted" if DISAGREE in kinds else flags_status(kinds)


def render_docx(result: ThreeWay) -> bytes:
    """A Word document of the three columns, rows coloured by their most serious status, flags beside."""
    from aligner.export.marked import three_way_segments
    from aligner.export.status import STATUS_COLOURS
    from aligner.export.word import WordRow, build
    from aligner.normalise import is_traditional

    documents = [result.source, *(result.alignments[label].target for label in result.labels)]
    names = column_names(result)
    rows = [WordRow(str(number), three_way_segments(result, row),
                    [(f"{f.side + ' ' if f.side else ''}{kind_name(f.kind)}: ", one_line(f.reason)) for f in row.flags]
                    + _review_marks(result, row),
                    STATUS_COLOURS[row_status(f.kind for f in row.flags)])
            for number, row in result.numbered()]
    title = "Three-way alignment: " + " · ".join(names)
    meta = [" · ".join(f"{name}: {len(document)} sentences" for name, document in zip(names, documents))
            + f" · {_rows_count(result)}"] + [f"Warning: {warning}" for warning in result.warnings]
    return build(title, meta, ["#", *names, "flags"], rows, None, is_traditional(result.source.text))


def _columns(texts: list[str], width: int) -> list[str]:
    wrapped = [wrap(t, width) for t in texts]
    return [SEPARATOR.join(cell + " " * max(0, width - display_width(cell)) for cell in line).rstrip()
            for line in zip_longest(*wrapped, fillvalue="")]


def listing(result: ThreeWay, width: int | None = None) -> str:
    """The rows in three columns (Chinese | first translation | second), flags under each row."""
    width = max(60, width or shutil.get_terminal_size((120, 24)).columns)
    column = (width - 2 * display_width(SEPARATOR)) // 3
    labels = result.labels
    lines = _columns([result.source.lang, *labels], column)
    lines.append("─" * width)
    for number, row in result.numbered():
        scores = "  ".join(f"{label} {row.scores[label]:.2f}" for label in labels if row.scores[label] is not None)
        lines.append(f"#{number}  {scores}".rstrip())
        texts = [one_line(result.text(result.source.lang, row.src)),
                 *(one_line(result.text(label, row.tgt[label])) for label in labels)]
        lines += _columns([t or MISSING for t in texts], column)
        notes = [(f"  ! {flag.side + ' ' if flag.side else ''}{kind_name(flag.kind)}: ", one_line(flag.reason)) for flag in row.flags]
        for prefix, text in notes + [("  " + lead, text) for lead, text in _review_marks(result, row)]:
            body = wrap(text, max(10, width - display_width(prefix)))
            lines += [prefix + body[0]] + [" " * display_width(prefix) + rest for rest in body[1:]]
        lines.append("")
    return "\n".join(lines)


RENDERERS = {"tsv": render_tsv, "csv": render_csv, "json": render_json, "tmx": render_tmx,
             "xlsx": render_xlsx, "docx": render_docx, "html": render_html,
             "txt": lambda result: (listing(result, width=150) + "\n").encode("utf-8")}


class ThreeWayExportError(AlignerError):
    """The three-way result cannot be written in the requested format or place."""


def render(result: ThreeWay, fmt: str) -> bytes:
    """The result in format `fmt` (tsv, csv, json, tmx, xlsx, docx, html, txt) as bytes."""
    name = fmt.lower().lstrip(".")
    name = "html" if name == "htm" else name
    if name not in RENDERERS:
        raise ThreeWayExportError(f"Cannot write a three-way result as '{fmt}'; use one of "
                                  f"{', '.join('.' + f for f in RENDERERS)}.")
    return RENDERERS[name](result)


def write(result: ThreeWay, path: str | Path) -> Path:
    """Write the result to `path` in the format its extension names."""
    path = Path(path)
    data = render(result, path.suffix)
    try:
        path.write_bytes(data)
    except OSError as error:
        raise ThreeWayExportError(f"Cannot write {path}: {error.strerror or error}.") from None
    return path
