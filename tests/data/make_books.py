"""Make the e-books and web pages of the sample texts that tests/test_books.py reads back:

- EPUB 3 by pandoc (as many converted e-books are made): a title page with the book's title (the
  statement's title), then the text as one chapter headed by the same title, a navigation
  document and an NCX table of contents beside them;
- saved web pages, as a reviewer saves the statement from an official site: the article with its
  heading and date line inside the site's header, menu, search box, "read also" sidebar and
  footer. The Chinese page is encoded in GB18030 and says so in a <meta http-equiv>, as older
  Chinese government sites do; the Russian and English pages mark the article up with HTML5
  <header>/<nav>/<article>/<aside>/<footer>, the Chinese one with <div>s only;
- the same pages saved by Chromium as one file (.mhtml, "Webpage, Single File"), as Chrome's
  "Save page as" does;
- RTF documents saved by LibreOffice from Word documents of the texts (characters outside ASCII
  as \\uN escapes, as Word writes them), and the same documents saved as OpenDocument (.odt).

Run once by hand (it needs Debian's pandoc, Chromium for the .mhtml files, see
scripts/browser_deps.sh, and LibreOffice Writer for the RTF); the files it made are kept beside it.

    .venv/bin/python tests/data/make_books.py
"""
import html
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
TEXTS = HERE.parent.parent / "texts"
SITE = {
    "zh": ("中华人民共和国外交部", "首页 新闻 外交部长 外交部 国家和组织 领事服务 资料", "2022年2月4日 来源：新华社",
           "相关新闻", "习近平同俄罗斯总统普京举行会谈", "版权所有：中华人民共和国外交部 京ICP备05070218号", "gb18030"),
    "ru": ("Президент России", "Новости Стенограммы Поездки Документы Фото Видео", "4 февраля 2022 года, 16:40",
           "Читайте также", "Переговоры с Председателем КНР Си Цзиньпином",
           "Все материалы сайта доступны по лицензии Creative Commons Attribution 4.0 International.", "utf-8"),
    "en": ("President of Russia", "News Transcripts Trips Documents Photos Videos", "February 4, 2022, 16:40",
           "See also", "Russian-Chinese talks", "All content on this site is licensed under Creative Commons "
           "Attribution 4.0 International.", "utf-8"),
}


def sample_paragraphs(lang: str) -> list[str]:
    text = (TEXTS / f"joint-statement.{lang}.txt").read_text(encoding="utf-8")
    return [p for p in text.splitlines() if p.strip()]


def pandoc_epub(paragraphs: list[str], lang: str, path: Path) -> None:
    """The text as an HTML document (title as <h1>, each paragraph a <p>, kept verbatim) made into an EPUB."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "book.html"
        body = f"<h1>{html.escape(paragraphs[0])}</h1>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
        source.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>', encoding="utf-8")
        subprocess.run(["pandoc", "-f", "html", "-t", "epub3", str(source), "-o", str(path),
                        "--metadata", f"title={paragraphs[0]}", "--metadata", f"lang={lang}"],
                       check=True, capture_output=True)


def saved_page(paragraphs: list[str], lang: str, path: Path) -> None:
    site, menu, dateline, also, related, rights, charset = SITE[lang]
    links = "".join(f'<li><a href="/{i}">{html.escape(word)}</a></li>' for i, word in enumerate(menu.split()))
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    title = html.escape(paragraphs[0])
    if lang == "zh":
        page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
                f"<title>{title}_{site}</title><script>var tracker = 1;</script></head><body>"
                f'<div class="top"><div class="logo">{site}</div><div class="menu"><ul>{links}</ul></div>'
                f'<div class="search"><input type="text" value="请输入关键字"></div></div>'
                f'<div class="crumb">当前位置：首页 &gt; 新闻</div><div class="main"><div class="content">'
                f'<h1>{title}</h1><div class="date">{dateline}</div><div id="News_Body_Txt_A">{body}</div>'
                f'<div class="editor">【打印本页】 【关闭窗口】</div></div>'
                f'<div class="side"><h3>{also}</h3><ul><li><a href="/r">{related}</a></li></ul></div></div>'
                f'<div class="bottom">{rights}</div></body></html>')
    else:
        page = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}"><title>{title} • {site}</title>'
                f"<style>p{{margin:0 0 1em}}</style></head><body>"
                f'<header><div class="logo"><a href="/">{site}</a></div><nav><ul>{links}</ul></nav>'
                f'<form><input type="search"></form></header>'
                f'<main><article><h1 class="entry-title">{title}</h1><div class="meta"><time>{dateline}</time></div>'
                f'<div class="entry-content">{body}</div></article></main>'
                f'<aside><h3>{also}</h3><ul><li><a href="/r">{related}</a></li></ul></aside>'
                f"<footer><p>{rights}</p></footer></body></html>")
    path.write_bytes(page.encode(charset))


def chromium_mhtml(page, html_path: Path, path: Path) -> None:
    """The page as Chromium saves it as a single file (the DevTools snapshot behind "Save page as")."""
    page.goto(html_path.resolve().as_uri())
    snapshot = page.context.new_cdp_session(page).send("Page.captureSnapshot", {"format": "mhtml"})
    path.write_bytes(snapshot["data"].encode("utf-8"))


def libreoffice_save(paragraphs: list[str], path: Path) -> None:
    """A Word document of the paragraphs (python-docx) saved by LibreOffice in the format of `path` (.rtf, .odt)."""
    import docx

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{path.stem}.docx"
        document = docx.Document()
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        document.save(str(source))
        fmt = path.suffix.lstrip(".")
        subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", fmt, "--outdir", folder, str(source)],
                       check=True, capture_output=True, timeout=180)
        path.write_bytes((Path(folder) / f"{path.stem}.{fmt}").read_bytes())


def main() -> None:
    from make_pdfs import browser

    with browser() as chromium:
        page = chromium.new_page()
        for lang in ("zh", "ru", "en"):
            paragraphs = sample_paragraphs(lang)
            pandoc_epub(paragraphs, lang, HERE / f"joint-statement.{lang}.epub")
            saved = HERE / f"joint-statement-page.{lang}.html"
            saved_page(paragraphs, lang, saved)
            if lang != "en":
                chromium_mhtml(page, saved, HERE / f"joint-statement-page.{lang}.mhtml")
            for suffix in (".rtf", ".odt"):
                libreoffice_save(paragraphs, HERE / f"joint-statement.{lang}{suffix}")


if __name__ == "__main__":
    main()
