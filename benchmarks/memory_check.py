"""`aligner check` on a translation memory made from the MAC dev gold beads: how many right rows
it calls `weak`, and how many rows given another row's translation it finds.

Each gold bead with both sides becomes one row (its Chinese lines joined, its English lines joined
by spaces), one memory per chapter. Then, with a fixed seed, 5% of each memory's rows trade
translations in pairs (a translation slid onto the wrong row), and the check runs again; and,
separately, a block of SLID_ROWS rows gets the translations of the rows after it (a line lost
while pasting a column), and the check runs once more.

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/memory_check.py

Prints its figures (they are quoted in aligner/memory.py's docstring).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aligner.embed import get_encoder  # noqa: E402
from aligner.evaluate import read_align  # noqa: E402
from aligner.memory import check_rows  # noqa: E402
from aligner.types import WEAK  # noqa: E402

MAC = Path("/work/shared/benchmarks/mac-zh-en/dev")
SWAP_SHARE = 0.05
SLID_ROWS = 10
SEED = 7


def memory(name: str) -> list[tuple[str, str]]:
    zh = (MAC / "zh" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    en = (MAC / "en" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [("".join(zh[i] for i in src), " ".join(en[j] for j in tgt))
            for src, tgt in read_align(MAC / "gold" / f"{name}.align") if src and tgt]


def weak_rows(rows: list[tuple[str, str]], encoder) -> set[int]:
    alignment = check_rows(rows, encoder, "en", name="memory")
    return {k for k, bead in enumerate(alignment.beads) if any(f.kind == WEAK for f in bead.flags)}


def main() -> None:
    encoder = get_encoder()
    rng = random.Random(SEED)
    totals = dict(rows=0, clean_weak=0, swapped=0, found=0, other=0, slid=0, slid_found=0, slid_other=0)
    started = time.perf_counter()
    for gold in sorted((MAC / "gold").glob("*.align")):
        rows = memory(gold.stem)
        clean = weak_rows(rows, encoder)
        swapped = rng.sample(range(len(rows)), 2 * round(SWAP_SHARE * len(rows) / 2))
        damaged = list(rows)
        for a, b in zip(swapped[::2], swapped[1::2]):
            damaged[a], damaged[b] = (rows[a][0], rows[b][1]), (rows[b][0], rows[a][1])
        flagged = weak_rows(damaged, encoder)
        found = len(flagged & set(swapped))
        start = rng.randrange(len(rows) - SLID_ROWS - 1)
        slid = set(range(start, start + SLID_ROWS))
        shifted = [(rows[k][0], rows[k + 1][1]) if k in slid else rows[k] for k in range(len(rows))]
        flagged_slid = weak_rows(shifted, encoder)
        print(f"{gold.stem}: {len(rows)} rows; clean memory: {len(clean)} weak; "
              f"{len(swapped)} swapped: {found} found, {len(flagged) - found} other weak; "
              f"{SLID_ROWS} slid by one: {len(flagged_slid & slid)} found, {len(flagged_slid - slid)} other weak")
        totals["slid"] += SLID_ROWS
        totals["slid_found"] += len(flagged_slid & slid)
        totals["slid_other"] += len(flagged_slid - slid)
        totals["rows"] += len(rows)
        totals["clean_weak"] += len(clean)
        totals["swapped"] += len(swapped)
        totals["found"] += found
        totals["other"] += len(flagged) - found
    t = totals
    print(f"all: {t['rows']} rows; clean: {t['clean_weak']} weak ({t['clean_weak'] / t['rows']:.1%}); "
          f"swapped: {t['found']} of {t['swapped']} found (recall {t['found'] / t['swapped']:.2f}), "
          f"{t['other']} other weak (precision {t['found'] / max(1, t['found'] + t['other']):.2f}); "
          f"slid: {t['slid_found']} of {t['slid']} found, {t['slid_other']} other weak; "
          f"{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    # --help says what the script does instead of starting a run of minutes; any other argument is refused
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    main()
