"""Print the sample texts to PDF the way publishers do, with two engines the PDFs people get come from:

- Chromium (as a browser prints a web page): the opening of each text, a centred title, indented
  paragraphs, a running head and page numbers, fonts embedded (Noto CJK);
- ReportLab (as report generators do): each whole text justified, paragraphs set apart by space,
  the Chinese in a standard CID font that is not embedded (STSong-Light), as many Chinese
  official PDFs are, a running head and "Page N" / "第 N 页" footers.

Run once by hand (it needs Chromium with the Noto CJK fonts, see scripts/browser_deps.sh, and
`pip install reportlab`); the PDFs it made are kept beside it for tests/test_pdf.py.

    .venv/bin/python tests/data/make_pdfs.py
"""
import html
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).parent
TEXTS = HERE.parent.parent / "texts"
# (paragraphs, running head): the same passage in each language, to the end of section I's third paragraph
OPENINGS = {"zh": (10, "中俄联合声明"), "ru": (8, "Совместное заявление"), "en": (8, "Joint Statement")}
STYLE = ('body{font-family:"Noto Serif CJK SC",serif;font-size:12pt;line-height:1.6}'
         "h1{font-size:15pt;text-align:center;margin:0 3em 1em}p{text-indent:2em;margin:0}")
HEAD = '<div style="font-size:8pt;width:100%;text-align:right;margin-right:1cm">{}</div>'
FOOT = '<div style="font-size:9pt;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>'


def chromium_pdfs() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-background-networking"])
        page = browser.new_page()
        for lang, (count, head) in OPENINGS.items():
            text = (TEXTS / f"joint-statement.{lang}.txt").read_text(encoding="utf-8")
            paras = [p for p in text.splitlines() if p.strip()][:count]
            body = f"<h1>{html.escape(paras[0])}</h1>" + "".join(f"<p>{html.escape(p)}</p>" for p in paras[1:])
            page.set_content(f'<html><head><meta charset="utf-8"><style>{STYLE}</style></head><body>{body}</body></html>')
            page.pdf(path=str(HERE / f"joint-statement-opening.{lang}.pdf"), format="A5", display_header_footer=True,
                     header_template=HEAD.format(html.escape(head)), footer_template=FOOT,
                     margin={"top": "2cm", "bottom": "2cm", "left": "1.8cm", "right": "1.8cm"})
        browser.close()


def reportlab_pdfs() -> None:
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
    for lang, font, footer in (("zh", "STSong-Light", "第 %d 页"), ("ru", "DejaVuSerif", "Page %d"),
                               ("en", "DejaVuSerif", "Page %d")):
        paras = [p for p in (TEXTS / f"joint-statement.{lang}.txt").read_text(encoding="utf-8").splitlines() if p.strip()]
        body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, spaceBefore=6, alignment=TA_JUSTIFY,
                              wordWrap="CJK" if lang == "zh" else None)
        title = ParagraphStyle("title", parent=body, fontSize=15, leading=20, alignment=TA_CENTER, spaceAfter=12)

        def furniture(canvas, doc, font=font, footer=footer, head=OPENINGS[lang][1]):
            canvas.setFont(font, 9)
            canvas.drawCentredString(A4[0] / 2, 30, footer % doc.page)
            canvas.drawRightString(A4[0] - 72, A4[1] - 40, head)

        doc = SimpleDocTemplate(str(HERE / f"joint-statement-justified.{lang}.pdf"), pagesize=A4)
        doc.build([Paragraph(escape(paras[0]), title)] + [Paragraph(escape(p), body) for p in paras[1:]],
                  onFirstPage=furniture, onLaterPages=furniture)


if __name__ == "__main__":
    chromium_pdfs()
    reportlab_pdfs()
