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
  as \\uN escapes, as Word writes them), and the same documents saved as OpenDocument (.odt) and as
  Word 97–2003 documents (.doc);
- word97-features.doc: a .doc LibreOffice saved from an OpenDocument with what a .doc's text stream
  holds besides paragraphs: a footnote, a comment and a page header (left out when read), a
  hyperlink and a page number (fields: code, then shown result), a manual line break, a table, a
  page break, a non-breaking and an optional hyphen; password-protected.doc: a .doc LibreOffice
  saved with the password "secret" (through a Basic macro: --convert-to takes no password).

Run once by hand (it needs Debian's pandoc, Chromium for the .mhtml files, see
scripts/browser_deps.sh, and LibreOffice Writer for the RTF, .odt and .doc); the files it made are kept
beside it. `make_books.py doc` makes only the .doc files.

    .venv/bin/python tests/data/make_books.py [doc]
"""
import html
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
LO_PROFILE = Path(tempfile.gettempdir()) / "aligner-make-books-lo-profile"  # LibreOffice's own, not the user's
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
    """A Word document of the paragraphs (python-docx) saved by LibreOffice in the format of `path` (.rtf, .odt, .doc)."""
    import docx

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{path.stem}.docx"
        document = docx.Document()
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        document.save(str(source))
        libreoffice_convert(source, path)


def soffice(*args: str) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation={LO_PROFILE.as_uri()}", "--headless", "--norestore", *args],
                   check=True, capture_output=True, timeout=180)


def libreoffice_convert(source: Path, path: Path) -> None:
    """`source` saved by LibreOffice in the format of `path`'s extension, as `path`."""
    fmt = path.suffix.lstrip(".")
    with tempfile.TemporaryDirectory() as folder:
        soffice("--convert-to", fmt, "--outdir", folder, str(source))
        path.write_bytes((Path(folder) / f"{source.stem}.{fmt}").read_bytes())


_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/"')
FEATURES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {_NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/>
</style:page-layout>
<style:style style:name="PageBreak" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/>
</style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p>页眉：外交部</text:p></style:header></style:master-page></office:master-styles>
<office:body><office:text>
<text:h text:outline-level="1">中俄联合声明</text:h>
<text:p>两国元首在北京举行会谈。<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>\
<text:note-body><text:p>会谈于2022年2月4日举行。</text:p></text:note-body></text:note></text:p>
<text:p>全文见<text:a xlink:type="simple" xlink:href="http://www.xinhuanet.com/">新华网</text:a>。</text:p>
<text:p>第<text:page-number text:select-page="current">1</text:page-number>页</text:p>
<text:p>Первая строка<text:line-break/>вторая строка</text:p>
<text:p>双方<office:annotation><dc:creator>审校</dc:creator><text:p>此处需核对</text:p></office:annotation>同意。</text:p>
<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>甲</text:p></table:table-cell><table:table-cell><text:p>乙</text:p>\
</table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>丙</text:p></table:table-cell><table:table-cell><text:p>丁</text:p>\
</table:table-cell></table:table-row></table:table>
<text:p text:style-name="PageBreak">Северо\u2011Западный регион, пере\u00adвод.</text:p>
</office:text></office:body></office:document>
"""

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveWithPassword(source As String, target As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  document = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, load())
  Dim save(1) As New com.sun.star.beans.PropertyValue
  save(0).Name = &quot;FilterName&quot;
  save(0).Value = &quot;MS Word 97&quot;
  save(1).Name = &quot;Password&quot;
  save(1).Value = &quot;secret&quot;
  document.storeToURL(ConvertToURL(target), save())
  document.close(True)
End Sub
</script:module>
"""


def word97_features(path: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{path.stem}.fodt"
        source.write_text(FEATURES, encoding="utf-8")
        libreoffice_convert(source, path)


def password_protected_doc(paragraphs: list[str], path: Path) -> None:
    """A .doc of the paragraphs saved with a password, by a Basic macro in LibreOffice's profile (made by an
    earlier conversion)."""
    import docx

    (LO_PROFILE / "user" / "basic" / "Standard" / "Module1.xba").write_text(_MACRO, encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "source.docx"
        document = docx.Document()
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        document.save(str(source))
        target = Path(folder) / "locked.doc"
        soffice(f'macro:///Standard.Module1.SaveWithPassword("{source}","{target}")')
        path.write_bytes(target.read_bytes())


def word97_documents() -> None:
    for lang in ("zh", "ru", "en"):
        libreoffice_save(sample_paragraphs(lang), HERE / f"joint-statement.{lang}.doc")
    word97_features(HERE / "word97-features.doc")
    password_protected_doc(sample_paragraphs("zh")[:3], HERE / "password-protected.doc")


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
    word97_documents()


if __name__ == "__main__":
    word97_documents() if sys.argv[1:] == ["doc"] else main()
