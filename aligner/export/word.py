"""A Word document (.docx) of the pairs side by side, for a translator or an editor to read.

Reviewers send their findings to the translator as a Word file and read it on paper; a
spreadsheet is for tools. So: landscape pages, a heading and the summary counts, then one table
row per pair, coloured by status as in every other export (`status.STATUS_COLOURS`), the
numbers and names a flag quotes bold and coloured in their text, the flags' reasons and the
reviewer's note beside them. The header row repeats on every page, and a row is not split across two. Chinese runs carry the
Chinese language tag (Simplified or Traditional, with a matching font) so Word breaks lines and
picks glyphs as for Chinese. Built with python-docx; `build` serves the two-way and three-way
results alike.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field

from aligner.export.listing import MISSING
from aligner.export.marked import MARK_COLOUR, side_marks, span_segments
from aligner.export.status import STATUS_COLOURS, STATUS_LABELS, STATUSES, kind_name, status
from aligner.export.table import one_line, summary_counts
from aligner.normalise import is_traditional
from aligner.types import LANGUAGE_NAMES, Alignment, Bead

MISSING_COLOUR = "999999"
PAGE_MARGIN_CM = 1.5
NUMBER_WIDTH_CM, FLAGS_WIDTH_CM = 1.6, 5.0  # the text columns share what is left of the page
# East Asian font and language tag by script: Word falls back per script, but only if told.
CHINESE_FONTS = {False: ("SimSun", "zh-CN"), True: ("PMingLiU", "zh-TW")}
LATIN_FONT = "Calibri"


@dataclass
class WordRow:
    """One table row: its number, each text column as (run, marked) pieces, notes, and fill colour."""

    number: str
    texts: list[list[tuple[str, bool]]]
    notes: list[tuple[str, str]] = field(default_factory=list)  # (bold lead, rest), one paragraph each
    fill: str = STATUS_COLOURS["ok"]


def _element(tag: str, **attributes: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _shade(cell, colour: str) -> None:
    cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=colour))


def _default_fonts(document, traditional: bool) -> None:
    """Latin text in Calibri, Chinese in a Chinese font and tagged Chinese, for the whole document."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font, lang = CHINESE_FONTS[traditional]
    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(10)
    properties = normal.element.get_or_add_rPr()
    properties.get_or_add_rFonts().set(qn("w:eastAsia"), font)
    properties.append(_element("w:lang", val="en-GB", eastAsia=lang))


def _landscape(document) -> float:
    """Landscape pages with narrow margins; the usable width in centimetres."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section = document.sections[0]
    width, height = section.page_width, section.page_height
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = max(width, height), min(width, height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(PAGE_MARGIN_CM))
    return section.page_width.cm - 2 * PAGE_MARGIN_CM


def _text(paragraph, runs: list[tuple[str, bool]]) -> None:
    from docx.shared import RGBColor

    if not runs:
        paragraph.add_run(MISSING).font.color.rgb = RGBColor.from_string(MISSING_COLOUR)
    for piece, marked in runs:
        run = paragraph.add_run(piece)
        if marked:
            run.bold = True
            run.font.color.rgb = RGBColor.from_string(MARK_COLOUR)


def _repeat_as_header(row) -> None:
    row._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))


def _keep_whole(row) -> None:
    """A pair on one page where it fits: split, its Chinese would end on one page and the translation
    run on to the next (Word and LibreOffice still break a row taller than a page)."""
    row._tr.get_or_add_trPr().append(_element("w:cantSplit", val="true"))


def _fixed_widths(table, widths) -> None:
    """Word reads the cells' widths, LibreOffice the grid's: set both (cells as rows are added)."""
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width


def _pairs_table(document, headers: list[str], rows: list[WordRow], width_cm: float) -> None:
    from docx.shared import Cm

    text_width = (width_cm - NUMBER_WIDTH_CM - FLAGS_WIDTH_CM) / (len(headers) - 2)
    widths = [Cm(NUMBER_WIDTH_CM), *[Cm(text_width)] * (len(headers) - 2), Cm(FLAGS_WIDTH_CM)]
    table = document.add_table(rows=1, cols=len(headers))
    _fixed_widths(table, widths)
    for cell, name, width in zip(table.rows[0].cells, headers, widths):
        cell.width = width
        cell.paragraphs[0].add_run(name).bold = True
    _repeat_as_header(table.rows[0])
    for row in rows:
        added = table.add_row()
        _keep_whole(added)
        cells = added.cells
        cells[0].paragraphs[0].add_run(row.number)
        for cell, runs in zip(cells[1:-1], row.texts):
            _text(cell.paragraphs[0], runs)
        notes = cells[-1]
        for k, (lead, rest) in enumerate(row.notes):
            paragraph = notes.paragraphs[0] if k == 0 else notes.add_paragraph()
            if lead:
                paragraph.add_run(lead).bold = True
            paragraph.add_run(rest)
        for cell, width in zip(cells, widths):
            cell.width = width
            if row.fill != STATUS_COLOURS["ok"]:
                _shade(cell, row.fill)


def _status_summary(document, counts: dict[str, int]) -> None:
    from docx.shared import Cm

    widths = [Cm(6), Cm(2)]
    table = document.add_table(rows=0, cols=2)
    _fixed_widths(table, widths)
    for name in STATUSES:
        label, number = table.add_row().cells
        label.width, number.width = widths
        label.paragraphs[0].add_run(STATUS_LABELS[name])
        number.paragraphs[0].add_run(str(counts.get(name, 0)))
        _shade(label, STATUS_COLOURS[name])


def build(title: str, meta: list[str], headers: list[str], rows: list[WordRow],
          statuses: dict[str, int] | None, traditional: bool) -> bytes:
    """The document as .docx bytes: `title`, `meta` paragraphs, the status counts, the pairs table."""
    from docx import Document

    document = Document()
    _default_fonts(document, traditional)
    width = _landscape(document)
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for line in meta:
        document.add_paragraph(line)
    if statuses is not None:
        _status_summary(document, statuses)
        document.add_paragraph()
    _pairs_table(document, headers, rows, width)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


REVIEWED = "✓ reviewed"  # how the flags column marks a reviewed pair (read back by `aligner.memory`)
NOTE_LEAD = "note: "  # how it leads a reviewer's note (likewise)


def _bead_notes(bead: Bead) -> list[tuple[str, str]]:
    notes = [(f"{kind_name(flag.kind)}: ", one_line(flag.reason)) for flag in bead.flags]
    if bead.reviewed:
        notes.append(("", REVIEWED))
    if bead.note:
        notes.append((NOTE_LEAD, one_line(bead.note)))
    return notes


def _bead_row(alignment: Alignment, number: int, bead: Bead) -> WordRow:
    texts = [span_segments(document, indices, side_marks([bead], side))
             for document, indices, side in ((alignment.source, bead.src, "src"), (alignment.target, bead.tgt, "tgt"))]
    return WordRow(f"{number}\n{bead.kind}", texts, _bead_notes(bead), STATUS_COLOURS[status(bead)])


def render_docx(alignment: Alignment) -> bytes:
    """The two-way alignment as a Word document: summary, then every pair side by side."""
    source, target = alignment.source, alignment.target
    names = [LANGUAGE_NAMES.get(d.lang, d.lang) for d in (source, target)]
    title = f"Alignment review: {source.name or names[0]} ↔ {target.name or names[1]}"
    counts = summary_counts(alignment)
    meta = [f"{names[0]}: {len(source)} sentences · {names[1]}: {len(target)} sentences · "
            f"{len(alignment.beads)} pairs" + (f" · model {alignment.model}" if alignment.model else "")]
    if counts["flag"]:
        meta.append("Flags: " + ", ".join(f"{kind_name(kind)} {n}" for kind, n in counts["flag"].most_common()))
    meta.extend(f"Warning: {warning}" for warning in alignment.warnings)
    rows = [_bead_row(alignment, number, bead) for number, bead in alignment.numbered()]
    return build(title, meta, ["#", *names, "flags"], rows, dict(counts["status"]), is_traditional(source.text))
