"""Long passages a translation adds or leaves out: a foreword, a translator's note, a dropped page or chapter.

`gaps.py` plants passages of 1–3 sentences. Here each MAC dev chapter gets one passage of 10, 30 or 80
sentences taken from another chapter (fixed seeds), on one side only, at a pair boundary in its middle
60%: English sentences the Chinese lacks (`added`) or Chinese sentences the English lacks (`omitted`).
The chapter's lines are its sentences (as `aligner evaluate` reads them); the real pipeline aligns and
reviews it with the default encoder. Per passage length and side:

- exact: the flagged passage is the planted one, no sentence more or less;
- found: planted sentences inside a passage flagged on their side (of all planted);
- paired: planted sentences the aligner paired with a sentence of the other text (islands of false pairs);
- spilled: sentences of the chapter's own translation flagged with the planted passage (true pairs lost at its edges).

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/long_passages.py [--no-write]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aligner.evaluate import read_align  # noqa: E402
from aligner.pipeline import align_documents, load_document  # noqa: E402
from aligner.types import ADDED, OMITTED  # noqa: E402
from results_file import markers, write_section  # noqa: E402

MAC = Path("/work/shared/benchmarks/mac-zh-en/dev")
LENGTHS = (10, 30, 80)
SIDES = {"added": ("en", ADDED), "omitted": ("zh", OMITTED)}


@dataclass
class Tally:
    passages: int = 0
    exact: int = 0
    planted: int = 0
    found: int = 0
    paired: int = 0
    spilled: int = 0


def lines(lang: str, stem: str) -> list[str]:
    return (MAC / lang / f"{stem}.txt").read_text(encoding="utf-8").splitlines()


def plant(stem: str, side: str, length: int, rng: random.Random) -> tuple[list[str], list[str], set[int]]:
    """The chapter's Chinese and English lines with `length` lines of another chapter inserted on `side`'s
    language at a gold pair boundary, and the inserted lines' indices."""
    lang = SIDES[side][0]
    texts = {"zh": lines("zh", stem), "en": lines("en", stem)}
    col = 0 if lang == "zh" else 1
    starts = [min(bead[col]) for bead in read_align(MAC / "gold" / f"{stem}.align") if bead[col]]
    at = starts[rng.randrange(len(starts) // 5, 4 * len(starts) // 5)]  # before a pair's first sentence
    donor = rng.choice([p.stem for p in sorted((MAC / lang).glob("*.txt")) if p.stem != stem])
    source = [x for x in lines(lang, donor) if x.strip()]
    start = rng.randrange(0, len(source) - length)
    texts[lang] = texts[lang][:at] + source[start:start + length] + texts[lang][at:]
    return texts["zh"], texts["en"], set(range(at, at + length))


def score(stem: str, side: str, length: int, seed: int, encoder) -> Tally:
    zh, en, planted = plant(stem, side, length, random.Random(f"{stem}-{side}-{length}-{seed}"))
    alignment = align_documents(load_document("\n".join(zh), "zh", presplit=True),
                                load_document("\n".join(en), "en", presplit=True), encoder)
    kind = SIDES[side][1]
    on_side = (lambda b: b.src) if side == "omitted" else (lambda b: b.tgt)
    flagged = [set(on_side(b)) for b in alignment.beads if any(f.kind == kind for f in b.flags)]
    touching = [p for p in flagged if p & planted or min(p) == max(planted) + 1 or max(p) == min(planted) - 1]
    hit = set().union(*touching) if touching else set()
    paired = {i for b in alignment.beads if b.src and b.tgt for i in on_side(b)} & planted
    return Tally(1, int(planted in flagged), len(planted), len(hit & planted), len(paired), len(hit - planted))


def run(rounds: int) -> tuple[dict[tuple[str, int], Tally], float]:
    from aligner.embed import get_encoder

    encoder = get_encoder()
    totals: dict[tuple[str, int], Tally] = {}
    t0 = time.time()
    for side in SIDES:
        for length in LENGTHS:
            total = totals.setdefault((side, length), Tally())
            for seed in range(rounds):
                for path in sorted((MAC / "gold").glob("*.align")):
                    t = score(path.stem, side, length, seed, encoder)
                    for name in vars(total):
                        setattr(total, name, getattr(total, name) + getattr(t, name))
    return totals, time.time() - t0


def report(totals: dict[tuple[str, int], Tally], rounds: int, seconds: float) -> str:
    start, end = markers("long-passages")
    out = [start, "## Long added and omitted passages (`benchmarks/long_passages.py`)", "",
           f"Each of the 6 MAC dev chapters with one passage of 10, 30 or 80 sentences from another chapter planted on "
           f"one side ({rounds} round(s), fixed seeds; {seconds:.0f} s): how much of it the review flags as one passage.",
           "", "| side | sentences | exact passages | found | paired (false pairs) | spilled (true pairs lost) |",
           "|---|---|---|---|---|---|"]
    for (side, length), t in totals.items():
        out.append(f"| {side} | {length} | {t.exact}/{t.passages} | {t.found / t.planted:.3f} | {t.paired} | {t.spilled} |")
    out += ["", "Before the band held the whole row through an anchor and kept short wide stretches whole (fa608d6, the "
            "same seeds): added passages exact 7/12, 6/12, 4/12, false pairs 8, 9, 14, spilled 1, 6, 3; the omitted ones "
            "as now. Of the 13 spilled sentences at 30, 10 are one chapter's: a planted sentence the encoder reads as a "
            "translation of a Chinese sentence five pairs on (confidence 0.98) pulls the path with it. What is still "
            "missed at the edges is a planted sentence glued onto the neighbouring pair, as in `gaps.py`.", end]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-write", action="store_true", help="print the table, do not touch RESULTS.md")
    args = parser.parse_args()
    totals, seconds = run(args.rounds)
    section = report(totals, args.rounds, seconds)
    print(section)
    if not args.no_write:
        write_section("long-passages", section)


if __name__ == "__main__":
    main()
