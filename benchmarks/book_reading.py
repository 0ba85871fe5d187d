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

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "data"), str(ROOT / "benchmarks")]

from aligner.reading import read_file  # noqa: E402
from make_books import pandoc_epub, saved_page  # noqa: E402
from pdf_reading import EXAMPLES, compare, documents  # noqa: E402
from results_file import markers, write_section  # noqa: E402


def makers():
    """(name, suffix, make(paragraphs, lang, path), paragraphs expected back) for the makers available here."""
    found = [("web page saved from a site", ".html", saved_page, lambda paras: paras)]
    if shutil.which("pandoc"):
        # the title page shows the first line, and the chapter starts with it again
        found.append(("EPUB 3 by pandoc", ".epub", pandoc_epub, lambda paras: [paras[0], *paras]))
    else:
        print("pandoc is not installed: EPUBs are skipped", file=sys.stderr)
    return found


def run() -> str:
    rows, examples = [], []
    with tempfile.TemporaryDirectory() as folder:
        for maker, suffix, make, expected in makers():
            totals = {"paragraphs": 0, "exact": 0, "folded": 0, "bytes": 0, "seconds": 0.0}
            for name, lang, paras, _ in documents():
                path = Path(folder) / f"doc{suffix}"
                make(paras, lang, path)
                t0 = time.perf_counter()
                got = read_file(path).split("\n\n")
                totals["seconds"] += time.perf_counter() - t0
                totals["bytes"] += path.stat().st_size
                want = expected(paras)
                exact, folded, diffs = compare(want, got)
                for key, value in (("paragraphs", len(want)), ("exact", exact), ("folded", folded)):
                    totals[key] += value
                examples += [f"- {maker}, {name} {lang}: {d}" for d in diffs]
                print(f"{maker} {name} {lang}: {exact}/{len(want)} exact, {folded} folded", file=sys.stderr)
            rows.append(f"| {maker} | {totals['paragraphs']} | {totals['exact'] / totals['paragraphs']:.4f} | "
                        f"{totals['folded'] / totals['paragraphs']:.4f} | "
                        f"{totals['bytes'] / 1e6 / totals['seconds']:.1f} |")
    start, end = markers("books")
    return "\n".join([
        start, "## E-book and web-page input: texts read back (`benchmarks/book_reading.py`)", "",
        "The six MAC dev documents in Chinese and English (every benchmark line a paragraph) and the three sample "
        "texts, made into EPUBs and saved web pages and read back by `read_file`. Exact: paragraphs recovered "
        "character for character; folded: equal in the form the aligner matches.", "",
        "| made as | paragraphs | exact | folded | MB/s read |", "|---|---|---|---|---|", *rows, "",
        "Differences (first few):", "", *(examples[:EXAMPLES] or ["- none"]), end])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print the table, do not touch RESULTS.md")
    args = parser.parse_args()
    section = run()
    print(section)
    if not args.no_write:
        write_section("books", section)


if __name__ == "__main__":
    main()
