"""Time and peak memory of each stage on a novel-length pair: the six MAC dev chapters repeated.

    PYTHONPATH=. python benchmarks/novel_scale.py --copies 4            # 5,876 zh / 7,840 en sentences
    PYTHONPATH=. python benchmarks/novel_scale.py --copies 14 --export tsv docx   # 20,566 / 27,440
    PYTHONPATH=. python benchmarks/novel_scale.py --write      # also into RESULTS.md
    PYTHONPATH=. python benchmarks/novel_scale.py --before old.txt --write   # beside an earlier run's printout

Prints, per stage (reading and splitting each side, embedding, the search's set-up in its steps,
the search, confidences, review, each export), its seconds and the process's peak resident memory
so far; with `--before`, beside those of an earlier run of the same input (its printed lines, e.g.
of the code before a change, saved with `> old.txt`). Embeddings come
from the disk cache after the first run (a repeated sentence is embedded once), so the figures are
those of everything but the encoder. Every sentence recurs once per copy; the anchors pair each copy
with its own (79996d7), so the band is narrow (22 cells a row; a row through an anchor reaches both neighbouring anchors). `--widest-band` gives every row the
band's widest (256 cells), as a novel whose anchors say little has it: the search's cost of the hardest
real novel, an upper bound, and the peak memory per sentence `aligner/sizing.py` warns by (printed last).
The machine is shared: the load average is printed too.

    PYTHONPATH=. python benchmarks/novel_scale.py --copies 14 --export tsv --widest-band
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MAC_DEV = Path("/work/shared/benchmarks/mac-zh-en/dev")


def novel(lang: str, copies: int) -> str:
    """The chapters one after another, `copies` times, a blank line between chapters."""
    chapters = [path.read_text(encoding="utf-8") for path in sorted((MAC_DEV / lang).glob("*.txt"))]
    return "\n\n".join(chapters * copies)


LINE = re.compile(r"^(\S.*?)\s+([\d.]+) s  cpu\s+([\d.]+) s   peak\s+(\d+) MB$")


def earlier_run(path: Path | None) -> dict[str, tuple[str, str, str]]:
    """Stage -> (seconds, CPU seconds, peak MB) from the lines an earlier run printed."""
    if path is None:
        return {}
    return {m.group(1): m.groups()[1:] for line in path.read_text(encoding="utf-8").splitlines()
            if (m := LINE.match(line))}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--export", nargs="*", default=["tsv", "xlsx", "docx"], metavar="FORMAT")
    parser.add_argument("--write", action="store_true", help="Write the figures into benchmarks/RESULTS.md.")
    parser.add_argument("--before", type=Path, help="An earlier run's printout, to show its figures beside these.")
    parser.add_argument("--note", default="", help="What the earlier run was (written with --before).")
    parser.add_argument("--widest-band", action="store_true",
                        help="Every row's band at its widest (as in a novel whose anchors say little): the memory "
                             "aligner/sizing.py must allow for.")
    args = parser.parse_args()
    if args.widest_band:  # the anchors' slack wider than the band may be: every row is cut to MAX_BAND_WIDTH
        import aligner.align.search as search_module

        search_module.BAND_MARGIN = search_module.MAX_BAND_WIDTH
    before = earlier_run(args.before)

    from aligner import export
    from aligner.align.confidence import bead_confidences
    from aligner.align.core import best_path, plan
    from aligner.align.scoring import encoder_prior
    from aligner.embed import get_encoder
    from aligner.pipeline import load_document
    from aligner.review import review
    from aligner.types import LANGUAGE_NAMES, Alignment, Bead

    load = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    print(load)
    clock, rows = [time.perf_counter(), time.process_time()], []

    def lap(stage: str) -> None:  # wall and CPU seconds: on a busy machine the CPU time is the steadier
        now = [time.perf_counter(), time.process_time()]
        wall, cpu = now[0] - clock[0], now[1] - clock[1]
        print(f"{stage:<34} {wall:7.1f} s  cpu {cpu:6.1f} s   peak {peak_mb():6.0f} MB", flush=True)
        old = " | ".join(before.get(stage, ("", "", ""))) + " | " if before else ""
        rows.append(f"| {stage} | {old}{wall:.1f} | {cpu:.1f} | {peak_mb():.0f} |")
        clock[:] = now

    source = load_document(novel("zh", args.copies), name="novel.zh")
    lap(f"read+split zh {len(source.sentences)}")
    target = load_document(novel("en", args.copies), name="novel.en")
    lap(f"read+split en {len(target.sentences)}")
    encoder = get_encoder()
    n = len(source.sentences)
    emb = encoder.encode([s.norm for s in source.sentences] + [s.norm for s in target.sentences])
    lap("embed (cache)")
    steps = {"plan spans": "prepare: spans", "plan names": "prepare: names",
             "plan dictionary": "prepare: dictionary words"}  # plan's stages, each timed as it reaches its total
    search = plan(source, target, emb[:n], emb[n:], prior=encoder_prior(encoder.name),
                  progress=lambda stage, done, total: stage in steps and done == total and lap(steps[stage]))
    lap(f"prepare: models (band {search.band.cells // n}/row)")  # neighbours, anchors, dictionary tables
    path = best_path(search)
    lap("search (3 passes)")
    scores, doubts = bead_confidences(search.scorer, path, set(search.types), LANGUAGE_NAMES["zh"],
                                      LANGUAGE_NAMES[target.lang])
    lap("confidences")
    del search
    beads = [Bead(tuple(range(i0, i0 + a)), tuple(range(j0, j0 + b)), score=score, doubt=doubt)
             for (i0, a, j0, b), score, doubt in zip(path, scores, doubts)]
    alignment = Alignment(source=source, target=target, beads=beads, model=encoder.name)
    review(alignment, encoder)
    lap(f"review ({len(beads)} pairs)")
    out = Path(os.environ.get("TMPDIR", "/tmp")) / "novel_scale"
    out.mkdir(exist_ok=True)
    for fmt in args.export:
        export.write(alignment, out / f"pairs.{fmt}")
        lap(f"export {fmt}")
    sentences = len(source.sentences) + len(target.sentences)
    per_sentence = f"{peak_mb() * 2**20 / sentences:,.0f} bytes of peak memory per sentence"
    print(f"{per_sentence} ({peak_mb():.0f} MB, {sentences} sentences; aligner/sizing.py's BYTES_PER_SENTENCE)")
    if args.write:
        from results_file import markers, write_section

        start, end = markers("novel")
        write_section("novel", "\n".join([
            start, f"## A novel-length pair (`benchmarks/novel_scale.py --copies {args.copies}`)", "",
            f"The six MAC dev chapters {args.copies} times over, embeddings from the cache; {load} (a shared "
            "machine: compare figures of one run). Peak memory is the process's so far.", "",
            *([f"Beside an earlier run of the same input (`--before {args.before.name}`): {args.note}", ""]
              if before else []),
            "| stage |" + (" before: seconds | CPU seconds | peak MB |" if before else "")
            + " seconds | CPU seconds | peak MB |", "| --- |" + " ---: |" * (6 if before else 3), *rows, "",
            f"{per_sentence.capitalize()}: what `aligner/sizing.py` warns by.", end]))


if __name__ == "__main__":
    main()
