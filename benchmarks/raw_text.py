"""MAC dev aligned from running text, as a user would paste it: the product segments it itself.

`aligner evaluate` takes the benchmark's sentence lines as given. Here each document's lines are
joined back into running text (Chinese without separators, English with spaces), segmented and
aligned by the real pipeline, and the result is scored against the gold beads: every gold line
belongs to the predicted pair that holds most of its characters, so a pair of our sentences
becomes a pair of the benchmark's lines. Where our sentences are coarser than the lines, beads
come out bigger and strict F1 drops; lax F1 says whether the right text was still paired.

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/raw_text.py [--no-write]

Writes its section of benchmarks/RESULTS.md (between the raw-text markers).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aligner.evaluate import Counts, count, read_align  # noqa: E402
from aligner.pipeline import align_documents, load_document  # noqa: E402
from aligner.types import Alignment, Document  # noqa: E402
from results_file import markers, write_section  # noqa: E402

from segmentation import JOINERS, MAC, joined  # noqa: E402  (the same running text as the splitting check)


def owners(doc: Document, bead_of_sentence: dict[int, int], lines: list[tuple[int, int]]) -> list[int]:
    """For each line, the predicted pair holding most of its characters (-1: none)."""
    char_owner = np.full(len(doc.text), -1)
    for s in doc.sentences:
        char_owner[s.start:s.end] = bead_of_sentence[s.index]
    out = []
    for a, b in lines:
        held = char_owner[a:b][char_owner[a:b] >= 0]
        out.append(int(np.bincount(held).argmax()) if held.size else -1)
    return out


def as_line_beads(alignment: Alignment, zh_lines, en_lines) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The predicted pairs in the benchmark's line numbers."""
    src_of = {i: k for k, b in enumerate(alignment.beads) for i in b.src}
    tgt_of = {j: k for k, b in enumerate(alignment.beads) for j in b.tgt}
    zh_owner = owners(alignment.source, src_of, zh_lines)
    en_owner = owners(alignment.target, tgt_of, en_lines)
    beads = []
    for k in range(len(alignment.beads)):
        src = tuple(i for i, o in enumerate(zh_owner) if o == k)
        tgt = tuple(j for j, o in enumerate(en_owner) if o == k)
        if src or tgt:
            beads.append((src, tgt))
    return beads


def run(folder: Path) -> tuple[Counts, dict]:
    from aligner.embed import get_encoder

    encoder = get_encoder()
    total, stats = Counts(), {"sentences": {"zh": 0, "en": 0}, "lines": {"zh": 0, "en": 0}, "seconds": 0.0}
    for gold_path in sorted((folder / "gold").glob("*.align")):
        texts, spans, docs = {}, {}, {}
        for lang, joiner in JOINERS.items():
            lines = [x.strip() for x in (folder / lang / f"{gold_path.stem}.txt").read_text(encoding="utf-8").splitlines()
                     if x.strip()]
            texts[lang], spans[lang] = joined(lines, joiner)
            docs[lang] = load_document(texts[lang], lang, name=f"{gold_path.stem}.{lang}")
            stats["sentences"][lang] += len(docs[lang])
            stats["lines"][lang] += len(lines)
        t0 = time.time()
        alignment = align_documents(docs["zh"], docs["en"], encoder)
        stats["seconds"] += time.time() - t0
        total = total + count(read_align(gold_path), as_line_beads(alignment, spans["zh"], spans["en"]))
    return total, stats


def report(total: Counts, stats: dict) -> str:
    start, end = markers("raw-text")
    s = total.scores()
    return "\n".join([
        start, "## MAC dev from running text (`benchmarks/raw_text.py`)", "",
        "The lines joined back into running text, segmented and aligned by the product (default encoder), "
        f"scored against the gold in the benchmark's lines: {stats['sentences']['zh']} Chinese / "
        f"{stats['sentences']['en']} English sentences of ours for {stats['lines']['zh']} / "
        f"{stats['lines']['en']} lines ({stats['seconds']:.0f} s aligning, embeddings from the cache).", "",
        "| input | strict P | strict R | strict F1 | lax F1 |", "|---|---|---|---|---|",
        f"| running text, our segmentation | {s['strict']['P']:.3f} | {s['strict']['R']:.3f} | "
        f"{s['strict']['F1']:.3f} | {s['lax']['F1']:.3f} |",
        end,
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print the table, do not touch RESULTS.md")
    args = parser.parse_args()
    section = report(*run(MAC))
    print(section)
    if not args.no_write:
        write_section("raw-text", section)


if __name__ == "__main__":
    main()
