"""Sentence splitting time against the number of list items: a contract or statistics annex of thousands.

The formal sample texts' sentences (texts/, tests/data/formal/) become the items of a long list, each
after a marker ("1.", "(a)", "b)", "iv.", "•", "—" … in turn), the list either one paragraph (items
run on, as text copied out of a PDF) or one item a line. pysbd rewrote an English paragraph once per
list item it found, so a list-heavy paragraph split in time quadratic in its items; `--pysbd-own`
times its own list pass again (up to `--own-most` items: it takes minutes beyond).

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/list_splitting.py [--items 2000 5000 10000] [--pysbd-own] [--write]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aligner.segment as segment_module  # noqa: E402
from results_file import markers, write_section  # noqa: E402

ROMAN = "i ii iii iv v vi vii viii ix x".split()
MARKERS = [lambda k: f"{k % 30 + 1}.", lambda k: f"({chr(97 + k % 26)})", lambda k: f"{chr(97 + k % 26)})",
           lambda k: f"{ROMAN[k % 10]}.", lambda k: "•", lambda k: "—", lambda k: f"{k % 40 + 1})", lambda k: f"{k + 1}."]


def sentences(lang: str) -> list[str]:
    files = sorted((ROOT / "texts").glob(f"*.{lang}.txt")) + sorted((ROOT / "tests" / "data" / "formal").glob(f"*.{lang}.txt"))
    return [line.strip() for f in files for line in f.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 20]


def list_text(lang: str, items: int, joiner: str) -> str:
    """`items` list items, each marker kind in turn, joined by `joiner` (a space: one paragraph)."""
    lines = sentences(lang)
    return joiner.join(f"{MARKERS[k % len(MARKERS)](k)} {lines[k % len(lines)]}" for k in range(items))


def cpu_seconds(text: str, lang: str) -> tuple[float, int]:
    start = time.process_time()
    found = segment_module.segment(text, lang)
    return time.process_time() - start, len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, nargs="+", default=[2000, 5000, 10000])
    parser.add_argument("--pysbd-own", action="store_true", help="also time pysbd's own list pass (English)")
    parser.add_argument("--own-most", type=int, default=2000, help="the most items to time pysbd's own pass on")
    parser.add_argument("--write", action="store_true", help="write the table into benchmarks/RESULTS.md")
    args = parser.parse_args()
    load = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    rows = ["| language | list | items | characters | sentences | CPU seconds | pysbd's own list pass |",
            "|---|---|---:|---:|---:|---:|---:|"]
    print(load)
    for lang in ("en", "ru"):
        for name, joiner in (("one paragraph", " "), ("an item a line", "\n")):
            for items in args.items:
                text = list_text(lang, items, joiner)
                seconds, count = cpu_seconds(text, lang)
                own = ""
                if args.pysbd_own and lang == "en" and items <= args.own_most:
                    from pysbd.processor import Processor

                    fast = segment_module._list_processor
                    segment_module._list_processor = lambda: Processor
                    try:
                        own_seconds, own_count = cpu_seconds(text, lang)
                    finally:
                        segment_module._list_processor = fast
                    own = f"{own_seconds:.1f}" + ("" if own_count == count else " (other sentences!)")
                rows.append(f"| {lang} | {name} | {items} | {len(text)} | {count} | {seconds:.1f} | {own} |")
                print(rows[-1], flush=True)
    if args.write:
        start, end = markers("list-splitting")
        write_section("list-splitting", "\n".join([
            start, "## Splitting long lists (`benchmarks/list_splitting.py`)", "",
            f"The formal texts' sentences as list items (numbered, lettered, roman, bulleted in turn); {load}, "
            "CPU seconds of `segment` (a shared machine).", "", *rows, end]))


if __name__ == "__main__":
    main()
