"""Text of a saved web page (.html): the article, without the site's menus, sidebars and footer.

Official statements and their translations are published as web pages, and reviewers save them
from the browser. Aligning the whole page would pair one site's menu with another's and flag
every link as added or omitted, so the main text is taken out with trafilatura (favouring
recall: a sentence of the article must not go missing). Its heading is kept: trafilatura counts
the <h1> as metadata when the page marks up its article, but the title is the first sentence of
the translation too. Each paragraph of the article becomes a paragraph of the text.
"""
from __future__ import annotations

from aligner.epub import block_text
from aligner.errors import InputError


def html_text(data: bytes, name: str) -> str:
    """The main text of an HTML page (`data` as saved; the page's own charset is honoured)."""
    import trafilatura
    from lxml import html as lxml_html

    extracted = trafilatura.bare_extraction(data, favor_recall=True, include_tables=True, include_comments=False,
                                            deduplicate=False, with_metadata=False)
    text = getattr(extracted, "text", None) or ""
    paragraphs = [p for p in (block_text(line) for line in text.split("\n")) if p]
    if not paragraphs:
        raise InputError(f"{name} has no article text that could be found in the page; "
                         "copy the text from the browser and paste it, or save the page as text.")
    try:
        page = lxml_html.fromstring(data)
    except Exception:  # trafilatura read it; a heading is only a bonus
        page = None
    heading = _first_heading(page) if page is not None else ""
    if heading and heading not in paragraphs[:3]:
        paragraphs.insert(0, heading)
    return "\n\n".join(paragraphs)


_SITE_PARTS = frozenset({"header", "nav", "footer", "aside"})


def _first_heading(page) -> str:
    """The first <h1> outside the site's header, menus, sidebars and footer (where logos sit)."""
    for element in page.iter("h1"):
        if any(isinstance(a.tag, str) and a.tag.lower() in _SITE_PARTS for a in element.iterancestors()):
            continue
        text = block_text(element.text_content())
        if text:
            return text
    return ""
