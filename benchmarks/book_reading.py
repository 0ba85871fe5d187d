"""E-book and web-page input measured: texts made into EPUBs and saved pages, read back, against their lines.

The same documents as `pdf_reading.py` (the six MAC dev chapters in Chinese and English, every
benchmark line a paragraph, with short lines of dialogue among them, and the three sample texts)
are made into what researchers and reviewers get (see tests/data/make_books.py): an EPUB 3 by
pandoc (a title page, then the text as a chapter headed by its first line) and a web page as
saved from an official site (the article inside the site's header, menu, sidebar and footer; the
Chinese in GB18030). `aligner.reading.read_file` reads each back; the figures are the share of
paragraphs recovered exactly, and the reading speed.

    PYTHONPATH=. python benchmarks/book_reading.py [--no-write]

Needs Debian's pandoc for the EPUBs (skipped without it). Writes its section of benchmarks/RESULTS.md
(between the books markers).
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "data"), str(ROOT / "benchmarks")]

from make_books import pandoc_epub, saved_page  # noqa: E402
from pdf_reading import command, read_back, section, shares  # noqa: E402


def makers():
    """(name, suffix, make(paragraphs, lang, path, title), paragraphs expected back) for the makers available here."""
    found = [("web page saved from a site", ".html", lambda paras, lang, path, _: saved_page(paras, lang, path),
              lambda paras: paras)]
    if shutil.which("pandoc"):
        # the title page shows the first line, and the chapter starts with it again
        found.append(("EPUB 3 by pandoc", ".epub", lambda paras, lang, path, _: pandoc_epub(paras, lang, path),
                      lambda paras: [paras[0], *paras]))
    else:
        print("pandoc is not installed: EPUBs are skipped", file=sys.stderr)
    return found


def run() -> str:
    rows, examples = [], []
    with tempfile.TemporaryDirectory() as folder:
        for maker, suffix, make, expected in makers():
            totals, found = read_back(maker, make, Path(folder) / f"doc{suffix}", lambda p: p.stat().st_size, expected)
            examples += found
            rows.append(f"| {maker} | {totals['paragraphs']} | {shares(totals)} | "
                        f"{totals['size'] / 1e6 / totals['seconds']:.1f} |")
    return section("books", "E-book and web-page input: texts read back (`benchmarks/book_reading.py`)",
                   "made into EPUBs and saved web pages", ["made as", "paragraphs", "exact", "folded", "MB/s read"],
                   rows, examples)

if __name__ == "__main__":
    command("books", run)
