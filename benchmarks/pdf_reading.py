"""PDF input measured: texts printed to PDF and read back, against the lines they were printed from.

Each MAC dev document (zh and en, one benchmark line per paragraph, so every line end is a
paragraph end the reader must find) and each sample text is printed twice, as the PDFs people
get are made (see tests/data/make_pdfs.py): by Chromium (indented paragraphs, mirrored margins,
a running head, page numbers, fonts embedded), by ReportLab (justified, paragraphs set apart by
space, the Chinese in a standard CID font that is not embedded; and the same set ragged right, its
default left alignment, where Chinese closing marks hang past the margin, with and without the space
between paragraphs; and justified with no space, or only 2 points more than the lines' step, between them) and by LibreOffice from a Word document (justified, indented, header and page
numbers). Ragged right with no space between paragraphs is printed twice more: with first lines indented
(the Chinese two characters in, as Chinese official documents are set; the others 1.25 cm, the Russian
standard), and with the MAC lines grouped into paragraphs of several
sentences (2 to 5), where a line ending a sentence mostly does not end its paragraph. `aligner.reading.read_file`
reads each back; the figures are the share of paragraphs recovered exactly, and the reading speed.
Differences are listed; the folded form the aligner matches (`Sentence.norm`) is compared too,
since a few differences are spaces a Chinese line break hides.

    PYTHONPATH=. python benchmarks/pdf_reading.py [--no-write]

Needs Chromium with the Noto CJK fonts (scripts/browser_deps.sh); the other engines need
`pip install reportlab` and Debian's libreoffice-writer-nogui, and are skipped without them. Writes its section of benchmarks/RESULTS.md (between the pdf markers).
"""
from __future__ import annotations

import argparse
import difflib
import itertools
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "data")]

from aligner.normalise import match_form  # noqa: E402
from aligner.reading import read_file  # noqa: E402
from make_pdfs import browser, chromium_pdf, reportlab_pdf, sample_paragraphs, word_pdf  # noqa: E402
from results_file import markers, write_section  # noqa: E402

MAC = ROOT.parent / "shared" / "benchmarks" / "mac-zh-en" / "dev"
EXAMPLES = 8
INDENT = {"zh": 21.0, "ru": 35.4, "en": 35.4}  # points: two characters of 10.5 points, 1.25 cm
SENTENCES = (2, 4, 3, 5)  # MAC lines (sentences) a paragraph, in turn, in the several-sentences row


def documents() -> list[tuple[str, str, list[str], bool]]:
    """(name, language, paragraphs, first is a title) for every text printed."""
    docs = []
    for path in sorted((MAC / "zh").glob("*.txt")):
        for lang in ("zh", "en"):
            text = (MAC / lang / path.name).read_text(encoding="utf-8")
            docs.append((f"MAC {path.stem}", lang, [x.strip() for x in text.splitlines() if x.strip()], False))
    for lang in ("zh", "ru", "en"):
        docs.append(("sample", lang, sample_paragraphs(lang), True))
    return docs


def several_sentences(docs: list[tuple[str, str, list[str], bool]]) -> list[tuple[str, str, list[str], bool]]:
    """The documents with each MAC document's lines grouped into paragraphs of SENTENCES lines in turn (the
    samples' paragraphs already have several sentences each)."""
    grouped = []
    for name, lang, paras, title in docs:
        if name.startswith("MAC"):
            sizes, paras, rest = itertools.cycle(SENTENCES), [], list(paras)
            while rest:
                size = next(sizes)
                paras.append(("" if lang == "zh" else " ").join(rest[:size]))
                rest = rest[size:]
        grouped.append((name, lang, paras, title))
    return grouped


def unchanged(docs):
    return docs


def engines(page):
    """(name, print function(paragraphs, lang, path, title), the documents it prints made from `documents()`) for the
    engines available here."""
    found = [("Chromium", lambda paras, lang, path, title: chromium_pdf(page, paras, "Chapter", path, title), unchanged)]
    try:
        import reportlab  # noqa: F401

        def ragged(paras, lang, path, title, **how):
            reportlab_pdf(paras, lang, "Chapter", path, title, ragged=True, **how)

        found += [
            ("ReportLab", lambda paras, lang, path, title: reportlab_pdf(paras, lang, "Chapter", path, title), unchanged),
            ("ReportLab, ragged right", ragged, unchanged),
            ("ReportLab, ragged right, no space between paragraphs",
             lambda paras, lang, path, title: ragged(paras, lang, path, title, spaced=False), unchanged),
            ("ReportLab, ragged right, no space, first lines indented",
             lambda paras, lang, path, title: ragged(paras, lang, path, title, spaced=False, indent=INDENT[lang]),
             unchanged),
            ("ReportLab, ragged right, no space, paragraphs of 2–5 sentences",
             lambda paras, lang, path, title: ragged(paras, lang, path, title, spaced=False), several_sentences),
            ("ReportLab, justified, no space between paragraphs",
             lambda paras, lang, path, title: reportlab_pdf(paras, lang, "Chapter", path, title, spaced=False), unchanged),
            ("ReportLab, justified, 2 pt between paragraphs (leading 16)",
             lambda paras, lang, path, title: reportlab_pdf(paras, lang, "Chapter", path, title, space=2), unchanged)]
    except ImportError:
        print("reportlab is not installed: its justified and ragged PDFs are skipped", file=sys.stderr)
    if shutil.which("soffice"):
        found.append(("LibreOffice (.docx)", lambda paras, lang, path, title: word_pdf(paras, "Chapter", path, title),
                      unchanged))
    else:
        print("LibreOffice (soffice) is not installed: PDFs saved from Word documents are skipped", file=sys.stderr)
    return found


def page_count(path: Path) -> int:
    from pdfminer.pdfpage import PDFPage

    with path.open("rb") as handle:
        return sum(1 for _ in PDFPage.get_pages(handle))


def compare(want: list[str], got: list[str]) -> tuple[int, int, list[str]]:
    """(paragraphs recovered exactly, recovered in their folded form, the first differences)."""
    def matched(a: list[str], b: list[str]) -> tuple[int, difflib.SequenceMatcher]:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return sum(block.size for block in matcher.get_matching_blocks()), matcher

    exact, matcher = matched(want, got)
    folded, _ = matched([match_form(x) for x in want], [match_form(x) for x in got])
    diffs = [f"`{' / '.join(w[:60] for w in want[i1:i2][:2])}` → `{' / '.join(g[:60] for g in got[j1:j2][:2])}`"
             for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]
    return exact, folded, diffs


def read_back(label: str, make, path: Path, size, expected=lambda paras: paras, docs=None) -> tuple[dict, list[str]]:
    """Make every document (`docs`, else `documents()`) into `path` (`make(paras, lang, path, title)`), read it back
    and compare.

    Returns totals (paragraphs expected, exact, folded, `size(path)` summed, reading seconds) and
    the differences found, one line each."""
    totals = {"paragraphs": 0, "exact": 0, "folded": 0, "size": 0.0, "seconds": 0.0}
    examples = []
    for name, lang, paras, title in documents() if docs is None else docs:
        make(paras, lang, path, title)
        t0 = time.perf_counter()
        got = read_file(path).split("\n\n")
        totals["seconds"] += time.perf_counter() - t0
        totals["size"] += size(path)
        want = expected(paras)
        exact, folded, diffs = compare(want, got)
        for key, value in (("paragraphs", len(want)), ("exact", exact), ("folded", folded)):
            totals[key] += value
        examples += [f"- {label}, {name} {lang}: {d}" for d in diffs]
        print(f"{label} {name} {lang}: {exact}/{len(want)} exact, {folded} folded", file=sys.stderr)
    return totals, examples


def shares(totals: dict) -> str:
    """The exact and folded columns of a results row."""
    return f"{totals['exact'] / totals['paragraphs']:.4f} | {totals['folded'] / totals['paragraphs']:.4f}"


def run() -> str:
    rows, examples = [], []
    with tempfile.TemporaryDirectory() as folder, browser() as chromium:
        for engine, make, grouping in engines(chromium.new_page()):
            totals, found = read_back(engine, make, Path(folder) / "doc.pdf", page_count, docs=grouping(documents()))
            examples += found
            rows.append(f"| {engine} | {totals['paragraphs']} | {shares(totals)} | {totals['size']:.0f} | "
                        f"{totals['size'] / totals['seconds']:.1f} |")
    return section("pdf", "PDF input: printed texts read back (`benchmarks/pdf_reading.py`)",
                   "printed to PDF", ["printed by", "paragraphs", "exact", "folded", "pages", "pages/s"], rows, examples)


def section(marker: str, title: str, made: str, columns: list[str], rows: list[str], examples: list[str]) -> str:
    """A reading benchmark's section of RESULTS.md: what was measured, the table, the first differences."""
    start, end = markers(marker)
    return "\n".join([
        start, f"## {title}", "",
        "The six MAC dev documents in Chinese and English (every benchmark line a paragraph) and the three "
        f"sample texts, {made} and read back by `read_file`. Exact: paragraphs recovered character for "
        "character; folded: equal in the form the aligner matches.", "",
        "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns), *rows, "",
        "Differences (first few):", "", *(examples[:EXAMPLES] or ["- none"]), end])


def command(section_name: str, run) -> None:
    """The command line of a reading benchmark: print its section and write it to RESULTS.md."""
    parser = argparse.ArgumentParser(description=sys.modules["__main__"].__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print the table, do not touch RESULTS.md")
    args = parser.parse_args()
    section = run()
    print(section)
    if not args.no_write:
        write_section(section_name, section)


if __name__ == "__main__":
    command("pdf", run)
