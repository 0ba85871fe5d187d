"""How long a reviewer waits for each correction after aligning: the first one above all.

Aligns a MAC dev chapter (or the six chapters `--copies` times over, a novel-size pair, as
`novel_scale.py` builds it) in this process, as the review page does (its fitted models kept, if
this code keeps them), then makes the page's corrections through the library calls its buttons
make: Mark reviewed, merge, split, move, a second merge and mark, undo, redo. Prints wall and CPU
seconds of each (on a shared machine the CPU time is the steadier); with `--write`, its section
of RESULTS.md, beside an earlier run's printout (`--before`, e.g. of the code before a change).

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/correction_speed.py [--copies 4] [--before old.txt] [--write]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=0, help="0: chapter 001; n: the six chapters n times over")
    parser.add_argument("--before", type=Path, help="an earlier run's printout, shown beside these figures")
    parser.add_argument("--note", default="", help="what the earlier run was (written with --before)")
    parser.add_argument("--write", action="store_true", help="write the figures into benchmarks/RESULTS.md")
    args = parser.parse_args()
    before = earlier_run(args.before)

    from aligner.align.rescore import LazyRescorer
    from aligner.corrections import Corrections
    from aligner.embed import get_encoder
    from aligner.pipeline import align_documents, load_document

    try:  # as the review page does (ui/state.py); the code before it had nothing to keep
        from aligner.align import fits

        fits.keep(1)  # ui/state.py KEPT_FITS
    except ImportError:
        pass
    load = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    print(load)
    zh, en = texts(args.copies)
    source, target = load_document(zh, name="zh.txt"), load_document(en, name="en.txt")
    alignment = align_documents(source, target, get_encoder())
    what = "chapter 001" if not args.copies else f"the six chapters × {args.copies}"
    size = f"{what}: {len(source)} + {len(target)} sentences, {len(alignment.beads)} pairs"
    print(size)
    work = Corrections(alignment, scorer=LazyRescorer(alignment.source, alignment.target))
    i = len(alignment.beads) // 2
    pair = next(k for k in range(i, len(alignment.beads)) if alignment.beads[k].src and alignment.beads[k].tgt)
    steps = [
        ("first: mark reviewed", lambda: work.mark_reviewed(pair)),
        ("first merge", lambda: work.merge_with_next(pair)),
        ("split it again", lambda: work.split(pair, 1, 1)),
        ("move a sentence", lambda: work.move(pair + 1, "tgt", "up")),
        ("merge elsewhere", lambda: work.merge_with_next(pair // 2)),
        ("mark reviewed", lambda: work.mark_reviewed(pair + 20)),
        ("undo", work.undo),
        ("redo", work.redo),
    ]
    rows = []
    for label, step in steps:
        wall, cpu = time.perf_counter(), time.process_time()
        step()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{label:<24} {wall:7.2f} s  cpu {cpu:6.2f} s", flush=True)
        old = " | ".join(before.get(label, ("", ""))) + " | " if before else ""
        rows.append(f"| {label} | {old}{wall:.2f} | {cpu:.2f} |")
    if args.write:
        from results_file import markers, write_section

        name = "corrections" if not args.copies else "corrections-novel"
        start, end = markers(name)
        option = f" --copies {args.copies}" if args.copies else ""
        write_section(name, "\n".join([
            start, f"## Time of each correction after aligning (`benchmarks/correction_speed.py{option}`)", "",
            f"{size}; {load} (a shared machine: CPU seconds are the steadier). The library calls the review "
            "page's buttons make, in this order.", "",
            *([f"Before: {args.note}", ""] if before else []),
            "| correction |" + (" before: seconds | CPU seconds |" if before else "") + " seconds | CPU seconds |",
            "| --- |" + " ---: |" * (4 if before else 2), *rows, end]))


if __name__ == "__main__":
    main()
