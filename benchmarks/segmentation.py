"""How closely the product's sentence splitting matches the MAC benchmark's own sentence lines.

Each MAC dev document is one sentence per line. Joined back into running text (Chinese without
separators, English with spaces) and segmented by `aligner.segment`, its sentence ends should
fall where the lines ended. Precision: our ends that are line ends; recall: line ends we found.
The lines follow the benchmark's conventions (it splits Chinese at a colon before a quotation,
for one), so 1.0 is not the goal; large gaps are (quoted dialogue left whole, say).

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/segmentation.py [--no-write]

Writes its section of benchmarks/RESULTS.md (between the segmentation markers).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aligner.segment import segment  # noqa: E402
from results_file import markers, write_section  # noqa: E402

MAC = Path("/work/shared/benchmarks/mac-zh-en/dev")
JOINERS = {"zh": "", "en": " "}
EXAMPLES = 3


def joined(lines: list[str], joiner: str) -> tuple[str, list[tuple[int, int]]]:
    """The running text and each line's (start, end) in it."""
    spans, pos = [], 0
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + len(joiner)
    return joiner.join(lines), spans


def measure(folder: Path, lang: str) -> tuple[int, int, int, list[str]]:
    """(our ends, line ends, both, a few missed ends in context) over a language's documents."""
    ours = lines_total = both = 0
    missed: list[str] = []
    for path in sorted((folder / lang).glob("*.txt")):
        lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        text, spans = joined(lines, JOINERS[lang])
        gold = {end for _, end in spans[:-1]}
        found = {s.end for s in segment(text, lang)[:-1]}
        ours, lines_total, both = ours + len(found), lines_total + len(gold), both + len(found & gold)
        missed += [f"{path.stem}: …{text[max(0, m - 40):m]} ‖ {text[m:m + 25]}…" for m in sorted(gold - found)]
    return ours, lines_total, both, missed[:EXAMPLES]


def report(folder: Path) -> str:
    start, end = markers("segmentation")
    out = [start, "## Sentence splitting against the MAC dev sentence lines (`benchmarks/segmentation.py`)", "",
           "| language | our sentence ends | line ends | precision | recall |", "|---|---|---|---|---|"]
    examples = []
    for lang in JOINERS:
        ours, total, both, missed = measure(folder, lang)
        out.append(f"| {lang} | {ours} | {total} | {both / max(ours, 1):.3f} | {both / max(total, 1):.3f} |")
        examples += [f"- {lang} `{m}`" for m in missed]
    out += ["", "Line ends we do not split at (first few):", ""] + examples + [end]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print the table, do not touch RESULTS.md")
    args = parser.parse_args()
    section = report(MAC)
    print(section)
    if not args.no_write:
        write_section("segmentation", section)


if __name__ == "__main__":
    main()
