"""Print the opening of each sample text to PDF the way publishers do: a centred title, indented
paragraphs, a running head and page numbers. Run once by hand (it needs Chromium with the Noto CJK
fonts, see scripts/browser_deps.sh); the PDFs it made are kept beside it for tests/test_pdf.py.

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


def main() -> None:
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


if __name__ == "__main__":
    main()
