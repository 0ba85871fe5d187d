"""Print the sample texts to PDF the way publishers do, with two engines the PDFs people get come from:

- Chromium (as a browser prints a web page): the opening of each text, a centred title, indented
  paragraphs, mirrored margins, a running head and page numbers, fonts embedded (Noto CJK);
- ReportLab (as report generators do): each whole text justified, paragraphs set apart by space,
  the Chinese in a standard CID font that is not embedded (STSong-Light), as many Chinese
  official PDFs are, a running head and "Page N" / "第 N 页" footers; and the same with one sentence
  a paragraph, where most lines are a paragraph's last.

Run once by hand (it needs Chromium with the Noto CJK fonts, see scripts/browser_deps.sh, and
`pip install reportlab`); the PDFs it made are kept beside it for tests/test_pdf.py.

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


def reportlab_pdf(paragraphs: list[str], lang: str, head: str, path: Path, title: bool = True) -> None:
    """Typeset paragraphs (the first as a centred title) justified, as report generators do."""
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    font, footer = ("STSong-Light", "第 %d 页") if lang == "zh" else ("DejaVuSerif", "Page %d")
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, spaceBefore=6, alignment=TA_JUSTIFY,
                          wordWrap="CJK" if lang == "zh" else None)
    heading = ParagraphStyle("title", parent=body, fontSize=15, leading=20, alignment=TA_CENTER, spaceAfter=12)

    def furniture(canvas, doc):
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 30, footer % doc.page)
        canvas.drawRightString(A4[0] - 72, A4[1] - 40, head)

    styles = [heading if title else body] + [body] * (len(paragraphs) - 1)
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph(escape(p), style) for p, style in zip(paragraphs, styles)], onFirstPage=furniture,
        onLaterPages=furniture)


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


if __name__ == "__main__":
    main()
