"""Print the sample texts to PDF the way publishers do, with two engines the PDFs people get come from:

- Chromium (as a browser prints a web page): the opening of each text, a centred title, indented
  paragraphs, mirrored margins, a running head and page numbers, fonts embedded (Noto CJK);
- ReportLab (as report generators do): each whole text justified, paragraphs set apart by space,
  the Chinese in a standard CID font that is not embedded (STSong-Light), as many Chinese
  official PDFs are, a running head and "Page N" / "第 N 页" footers; and the same with one sentence
  a paragraph, where most lines are a paragraph's last. Set ragged right (its default left alignment),
  as tests/test_pdf.py and benchmarks/pdf_reading.py make it in a temporary folder.

- LibreOffice (as a Word document is saved as PDF): the Chinese text's first two pages, justified, where the word
  processor leaves room between Chinese and digits without a space (于 2022 年 on the page); the same in the
  template's fonts, its curly quotes in a Latin font; and the Russian text in two columns;
- pandoc and LibreOffice: the opening of the Chinese and English texts with footnotes (raised marks after a
  word or a year, the notes under a short rule at the page's foot), as a document with notes is saved as PDF.

Run once by hand (it needs Chromium with the Noto CJK fonts, see scripts/browser_deps.sh,
`pip install reportlab` and Debian's libreoffice-writer-nogui); the PDFs it made are kept beside it
for tests/test_pdf.py.

    .venv/bin/python tests/data/make_pdfs.py
"""
import html
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).parent
TEXTS = HERE.parent.parent / "texts"
# (paragraphs, running head): the same passage in each language, to the end of section I's third paragraph
OPENINGS = {"zh": (10, "中俄联合声明"), "ru": (8, "Совместное заявление"), "en": (8, "Joint Statement")}
WORD_PARAGRAPHS = 20  # two pages, so that the running head repeats
STYLE = ('body{font-family:"Noto Serif CJK SC",serif;font-size:12pt;line-height:1.6}'
         "h1{font-size:15pt;text-align:center;margin:0 3em 1em}p{text-indent:2em;margin:0}"
         # a book's mirrored margins: the inner one wider, so the text sits elsewhere on odd and even pages
         "@page :left{margin-left:1.2cm;margin-right:2.4cm}@page :right{margin-left:2.4cm;margin-right:1.2cm}")
HEAD = '<div style="font-size:8pt;width:100%;text-align:right;margin-right:1cm">{}</div>'
FOOT = '<div style="font-size:9pt;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>'


def chromium_pdf(page, paragraphs: list[str], head: str, path: Path, title: bool = True) -> None:
    """Print paragraphs (the first as a centred title) from a Playwright page, as a browser prints."""
    first = f"<h1>{html.escape(paragraphs[0])}</h1>" if title else f"<p>{html.escape(paragraphs[0])}</p>"
    body = first + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    page.set_content(f'<html><head><meta charset="utf-8"><style>{STYLE}</style></head><body>{body}</body></html>')
    page.pdf(path=str(path), format="A5", display_header_footer=True, header_template=HEAD.format(html.escape(head)),
             footer_template=FOOT, margin={"top": "2cm", "bottom": "2cm"}, prefer_css_page_size=False)


def reportlab_pdf(paragraphs: list[str], lang: str, head: str, path: Path, title: bool = True, ragged: bool = False,
                  spaced: bool = True, space: float | None = None, indent: float = 0.0) -> None:
    """Typeset paragraphs (the first as a centred title) justified, as report generators do; or `ragged` (ReportLab's
    default left alignment: Chinese closing marks then hang past the right margin), and not `spaced` apart; or
    `space` points apart (block paragraphs a little further apart than their lines: 2 on a leading of 16); first
    lines `indent` points in."""
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    font, footer = ("STSong-Light", "第 %d 页") if lang == "zh" else ("DejaVuSerif", "Page %d")
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, spaceBefore=(6 if spaced else 0) if space is None else space,
                          alignment=TA_LEFT if ragged else TA_JUSTIFY, wordWrap="CJK" if lang == "zh" else None,
                          firstLineIndent=indent)
    heading = ParagraphStyle("title", parent=body, fontSize=15, leading=20, alignment=TA_CENTER, spaceAfter=12,
                             firstLineIndent=0)

    def furniture(canvas, doc):
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 30, footer % doc.page)
        canvas.drawRightString(A4[0] - 72, A4[1] - 40, head)

    styles = [heading if title else body] + [body] * (len(paragraphs) - 1)
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph(escape(p), style) for p, style in zip(paragraphs, styles)], onFirstPage=furniture,
        onLaterPages=furniture)


def word_pdf(paragraphs: list[str], head: str, path: Path, title: bool = True, fonts: bool = True,
             columns: int = 1) -> None:
    """A Word document (python-docx: a bold centred title, justified paragraphs with a first-line
    indent, a header, page numbers) saved as PDF by LibreOffice, as most official PDFs are made.
    Without `fonts`, the template's are kept: LibreOffice then sets Chinese curly quotes in the Latin
    font and draws them after the rest of their line. With two `columns`, pdfminer joins lines of the
    two that sit level."""
    import subprocess
    import tempfile

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    if fonts:
        normal.font.name, normal.font.size = "Liberation Serif", Pt(11)
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    section = document.sections[0]
    if columns > 1:
        cols = section._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section._sectPr.append(cols)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), "720")  # half an inch between them
    section.header.paragraphs[0].text = head
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)
    for k, text in enumerate(paragraphs):
        if k == 0 and title:
            run = document.add_paragraph().add_run(text)
            run.bold, run.font.size = True, Pt(16)
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            paragraph = document.add_paragraph(text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(0.75)
            paragraph.paragraph_format.space_after = Pt(0)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{path.stem}.docx"
        document.save(source)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)], check=True,
                       capture_output=True)
        (Path(folder) / f"{path.stem}.pdf").replace(path)


FOOTNOTES = {"zh": {1: "新华社北京2022年2月4日电。", 3: "参见2001年《中俄睦邻友好合作条约》。"},
             "en": {1: "Xinhua, Beijing, 4 February 2022.", 3: "See the Treaty of 2001 on good-neighbourliness."}}


def footnoted_pdf(paragraphs: list[str], notes: dict[int, str], path: Path) -> None:
    """Paragraphs with a footnote after each paragraph `notes` names, through pandoc's Markdown to .docx, and
    saved as PDF by LibreOffice: marks raised after the paragraph's last word, the notes under a short rule."""
    import subprocess
    import tempfile

    marked = [p + (f"[^{k}]" if k in notes else "") for k, p in enumerate(paragraphs)]
    markdown = "\n\n".join(marked + [f"[^{k}]: {note}" for k, note in notes.items()])
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{path.stem}.docx"
        subprocess.run(["pandoc", "-f", "markdown-smart", "-o", str(source)], input=markdown.encode(), check=True)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)], check=True,
                       capture_output=True)
        (Path(folder) / f"{path.stem}.pdf").replace(path)


@contextmanager
def browser():
    """A headless Chromium."""
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--no-sandbox", "--disable-background-networking"])
        try:
            yield chromium
        finally:
            chromium.close()


def sample_paragraphs(lang: str) -> list[str]:
    text = (TEXTS / f"joint-statement.{lang}.txt").read_text(encoding="utf-8")
    return [p for p in text.splitlines() if p.strip()]


def sample_sentences(lang: str) -> list[str]:
    """The sample's sentences as the aligner matches them (one per paragraph, like dialogue in a novel)."""
    from aligner.pipeline import load_document

    return [s.norm for s in load_document("\n\n".join(sample_paragraphs(lang)), lang).sentences]


def main() -> None:
    with browser() as chromium:
        page = chromium.new_page()
        for lang, (count, head) in OPENINGS.items():
            chromium_pdf(page, sample_paragraphs(lang)[:count], head, HERE / f"joint-statement-opening.{lang}.pdf")
            reportlab_pdf(sample_paragraphs(lang), lang, head, HERE / f"joint-statement-justified.{lang}.pdf")
    for lang in ("zh", "en"):
        reportlab_pdf(sample_sentences(lang), lang, OPENINGS[lang][1], HERE / f"joint-statement-sentences.{lang}.pdf",
                      title=False)
    word_pdf(sample_paragraphs("zh")[:WORD_PARAGRAPHS], OPENINGS["zh"][1], HERE / "joint-statement-word.zh.pdf")
    word_pdf(sample_paragraphs("zh")[:WORD_PARAGRAPHS], OPENINGS["zh"][1], HERE / "joint-statement-quotes.zh.pdf",
             fonts=False)
    word_pdf(sample_paragraphs("ru"), OPENINGS["ru"][1], HERE / "joint-statement-columns.ru.pdf", columns=2)
    for lang, notes in FOOTNOTES.items():
        footnoted_pdf(sample_paragraphs(lang)[:5], notes, HERE / f"joint-statement-footnotes.{lang}.pdf")


if __name__ == "__main__":
    main()
