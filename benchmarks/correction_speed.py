"""How long a reviewer waits for each correction after aligning: the first one above all.

Aligns a MAC dev chapter (or the six chapters `--copies` times over, a novel-size pair, as
`novel_scale.py` builds it) in this process, as the review page does (its fitted models kept, if
this code keeps them), then makes the page's corrections through the library calls its buttons
make: Mark reviewed, merge, split, move, a second merge and mark, undo, redo. Prints wall and CPU
seconds of each (on a shared machine the CPU time is the steadier); with `--write`, its section
of RESULTS.md, beside an earlier run's printout (`--before`, e.g. of the code before a change).

`--three`: the three-column page instead. The sample joint statement in Chinese, Russian and English,
`--copies` times over (default 6: ~300 Chinese sentences, a chapter), aligned in three columns as the page
aligns them; then the first correction in each translation, a few more, undo and redo; then the same
review opened from its saved file (`Save project`), and its first correction in each translation.

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/correction_speed.py [--copies 4] [--before old.txt] [--write]
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/correction_speed.py --three [--copies 6] [--before old.txt]
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MAC_DEV = Path("/work/shared/benchmarks/mac-zh-en/dev")
SAMPLE = ROOT / "texts"  # the joint statement in zh, ru and en: the three-column sample
THREE_COPIES = 6
LINE = re.compile(r"^(\S.*?)\s+([\d.]+) s  cpu\s+([\d.]+) s$")


def texts(copies: int) -> tuple[str, str]:
    """Chapter 001, or all six chapters `copies` times (as `novel_scale.novel`)."""
    if not copies:
        return tuple((MAC_DEV / lang / "001.txt").read_text(encoding="utf-8") for lang in ("zh", "en"))
    return tuple("\n\n".join([p.read_text(encoding="utf-8") for p in sorted((MAC_DEV / lang).glob("*.txt"))] * copies)
                 for lang in ("zh", "en"))


def earlier_run(path: Path | None) -> dict[str, tuple[str, str]]:
    if path is None:
        return {}
    return {m.group(1): m.groups()[1:] for line in path.read_text(encoding="utf-8").splitlines() if (m := LINE.match(line))}


def timed(steps: list[tuple[str, object]], before: dict[str, tuple[str, str]]) -> list[str]:
    """Run each step, print its wall and CPU seconds; the table rows for RESULTS.md (beside `before`'s)."""
    rows = []
    for label, step in steps:
        wall, cpu = time.perf_counter(), time.process_time()
        step()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{label:<24} {wall:7.2f} s  cpu {cpu:6.2f} s", flush=True)
        old = " | ".join(before.get(label, ("", ""))) + " | " if before else ""
        rows.append(f"| {label} | {old}{wall:.2f} | {cpu:.2f} |")
    return rows


def keep_fits(n: int = 1) -> None:
    """Keep the alignment's fitted models as the review page does (ui/state.py KEPT_FITS = 1; 0: let go of them);
    the code before had nothing to keep."""
    try:
        from aligner.align import fits

        fits.keep(n)
    except ImportError:
        pass


def two_columns(args) -> tuple[str, list[tuple[str, object]]]:
    """A MAC chapter (or the six chapters × copies) aligned; the two-column page's corrections."""
    from aligner.align.rescore import LazyRescorer
    from aligner.corrections import Corrections
    from aligner.embed import get_encoder
    from aligner.pipeline import align_documents, load_document

    zh, en = texts(args.copies)
    source, target = load_document(zh, name="zh.txt"), load_document(en, name="en.txt")
    alignment = align_documents(source, target, get_encoder())
    what = "chapter 001" if not args.copies else f"the six chapters × {args.copies}"
    size = f"{what}: {len(source)} + {len(target)} sentences, {len(alignment.beads)} pairs"
    work = Corrections(alignment, scorer=LazyRescorer(alignment.source, alignment.target))
    i = len(alignment.beads) // 2
    pair = next(k for k in range(i, len(alignment.beads)) if alignment.beads[k].src and alignment.beads[k].tgt)
    return size, [
        ("first: mark reviewed", lambda: work.mark_reviewed(pair)),
        ("first merge", lambda: work.merge_with_next(pair)),
        ("split it again", lambda: work.split(pair, 1, 1)),
        ("move a sentence", lambda: work.move(pair + 1, "tgt", "up")),
        ("merge elsewhere", lambda: work.merge_with_next(pair // 2)),
        ("mark reviewed", lambda: work.mark_reviewed(pair + 20)),
        ("undo", work.undo),
        ("redo", work.redo),
    ]


def _sample(copies: int) -> list[str]:
    return ["\n\n".join([(SAMPLE / f"joint-statement.{lang}.txt").read_text(encoding="utf-8")] * copies)
            for lang in ("zh", "ru", "en")]


def three_columns(args) -> tuple[str, list[tuple[str, object]]]:
    """The joint statement × copies aligned in three columns; the three-column page's corrections in each
    translation, then the same review opened from its saved file and corrected again."""
    from aligner.export.threeway import parse_json, render
    from aligner.threeway import align_three_texts
    from aligner.threeway_corrections import ThreeWayCorrections, fitted_scorers

    copies = args.copies or THREE_COPIES
    result = align_three_texts(*_sample(copies), names=("zh.txt", "ru.txt", "en.txt"))
    saved = render(result, "json")  # the review as "Save project" writes it, before any correction
    sizes = " + ".join(str(len(d)) for d in (result.source, *(a.target for a in result.alignments.values())))
    size = (f"the joint statement × {copies} in three columns: {sizes} sentences, {len(result.rows)} rows, "
            + " and ".join(f"{len(a.beads)} {label} pairs" for label, a in result.alignments.items()))
    work = ThreeWayCorrections(result, fitted_scorers(result, None))
    opened: list[ThreeWayCorrections] = []

    def pair(label: str, corrections: ThreeWayCorrections, at: float = 0.5) -> int:
        beads = corrections.result.alignments[label].beads
        return next(k for k in range(int(len(beads) * at), len(beads)) if beads[k].src and beads[k].tgt)

    merged: dict[str, int] = {}  # the pair each translation's first merge made

    def merge(label: str, corrections: ThreeWayCorrections, at: float = 0.5):
        def step():
            merged[label] = pair(label, corrections, at)
            corrections.correct(label, lambda c: c.merge_with_next(merged[label]))
        return step

    def open_saved() -> None:
        """As the page opens it on another day: the fits kept from this process's alignment let go of first."""
        keep_fits(0)
        keep_fits(1)
        result = parse_json(saved, "saved.project.json")
        opened.append(ThreeWayCorrections(result, fitted_scorers(result, None)))

    steps = []
    for label in result.labels:
        steps.append((f"first merge ({label})", merge(label, work)))
    first = result.labels[0]
    steps += [
        (f"split it again ({first})", lambda: work.correct(first, lambda c: c.split(merged[first], 1, 1))),
        (f"merge elsewhere ({first})", merge(first, work, 0.25)),
        ("undo", work.undo),
        ("redo", work.redo),
        ("open the saved review", open_saved),
    ]
    for label in result.labels:
        steps.append((f"opened: first merge ({label})", lambda label=label: merge(label, opened[-1])()))
    return size, steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=0, help="0: chapter 001; n: the six chapters n times over "
                                                              f"(--three: the joint statement n times, default {THREE_COPIES})")
    parser.add_argument("--three", action="store_true", help="the three-column page (zh, ru, en) instead")
    parser.add_argument("--before", type=Path, help="an earlier run's printout, shown beside these figures")
    parser.add_argument("--note", default="", help="what the earlier run was (written with --before)")
    parser.add_argument("--write", action="store_true", help="write the figures into benchmarks/RESULTS.md")
    args = parser.parse_args()
    before = earlier_run(args.before)

    keep_fits()
    load = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    print(load)
    size, steps = three_columns(args) if args.three else two_columns(args)
    print(size)
    rows = timed(steps, before)
    if args.write:
        from results_file import markers, write_section

        name = "corrections-three" if args.three else "corrections" if not args.copies else "corrections-novel"
        start, end = markers(name)
        option = " --three" * args.three + (f" --copies {args.copies}" if args.copies else "")
        page = "three-column " if args.three else ""
        write_section(name, "\n".join([
            start, f"## Time of each correction after aligning (`benchmarks/correction_speed.py{option}`)", "",
            f"{size}; {load} (a shared machine: CPU seconds are the steadier). The library calls the {page}review "
            "page's buttons make, in this order.", "",
            *([f"Before: {args.note}", ""] if before else []),
            "| correction |" + (" before: seconds | CPU seconds |" if before else "") + " seconds | CPU seconds |",
            "| --- |" + " ---: |" * (4 if before else 2), *rows, end]))


if __name__ == "__main__":
    main()
