"""The `partial` flag on short documents: windows of 10–20 Chinese sentences, some with a clause cut.

A short notice learns its length ratio and spread from a dozen pairs, so a complete pair can look cut
short by chance. This cuts the MAC dev chapters (gold pairs), the sample texts and the formal test
documents (tests/data/formal, ru and en; the aligner's own pairs of the whole document) into windows of
10–20 Chinese sentences at pair boundaries, cuts a clause off one 1–1 pair's translation in half of the
windows (`gaps.cut_clause`, as gaps.py does), aligns and reviews each window as a document of its own with
the real pipeline, and scores the partial flags per pair (`gaps.score_pairs`). Faithful windows (nothing
cut) should get almost no partial flag. Each window is reviewed twice: with today's rule, and with the rule
before short documents were allowed for (3 spreads whatever the number of pairs, no error of the median),
so the two rows compare on the same alignments.

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/short_partial.py [--rounds 2] [--no-write]

Writes its section of benchmarks/RESULTS.md (between the short-partial markers).
"""
from __future__ import annotations

import argparse
import contextlib
import copy
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gaps import PARTIAL, Case, Tally, cut_clause, mac_cases, sample_cases, score_pairs  # noqa: E402
from results_file import markers, write_section  # noqa: E402

from aligner.pipeline import align_documents, load_document  # noqa: E402
from aligner.review import partial  # noqa: E402
from aligner.types import Alignment  # noqa: E402

START, END = markers("short-partial")
FORMAL = ROOT / "tests" / "data" / "formal"
MIN_WINDOW, MAX_WINDOW = 10, 20  # Chinese sentences per window
WINDOWS_PER_DOCUMENT = 12  # at most, drawn at random from a long chapter
CUT_SHARE = 0.5  # windows with one clause cut


@dataclass
class Window:
    """A short document cut from a case: its two texts (one sentence per line) and the cut pair, if any."""

    case: str
    group: str
    zh: list[str]
    tgt: list[str]
    lang: str
    cut: int | None  # target sentence index (in the window) cut short


def formal_cases(encoder) -> list[Case]:
    """The formal test documents with their Russian and English, paired by the aligner on the whole text."""
    cases = []
    for zh_path in sorted(FORMAL.glob("*.zh.txt")):
        stem = zh_path.name.split(".")[0]
        zh_text = zh_path.read_text(encoding="utf-8")
        for lang in ("ru", "en"):
            tgt_text = (FORMAL / f"{stem}.{lang}.txt").read_text(encoding="utf-8")
            zh = load_document(zh_text, "zh", name=stem)
            tgt = load_document(tgt_text, lang, name=stem)
            a = align_documents(zh, tgt, encoder)
            cases.append(Case(f"formal {stem} {lang}", zh_text, tgt_text, lang, False, [(b.src, b.tgt) for b in a.beads]))
    return cases


def windows(case: Case, group: str, rng: random.Random) -> list[Window]:
    """Consecutive runs of the case's pairs holding 10–20 Chinese sentences, half with a clause cut."""
    zh = load_document(case.zh_text, "zh", presplit=case.presplit)
    tgt = load_document(case.tgt_text, case.lang, presplit=case.presplit)
    runs, start = [], 0
    while start < len(case.pairs):
        size, end, count = rng.randint(MIN_WINDOW, MAX_WINDOW), start, 0
        while end < len(case.pairs) and count < size:
            count += len(case.pairs[end][0])
            end += 1
        if count >= MIN_WINDOW:
            runs.append(case.pairs[start:end])
        start = end
    runs = rng.sample(runs, min(len(runs), WINDOWS_PER_DOCUMENT))
    out = []
    for pairs in runs:
        src = sorted(i for s, _ in pairs for i in s)
        trg = sorted(j for _, t in pairs for j in t)
        zh_lines = [zh.sentences[i].text.replace("\n", " ") for i in src]
        tgt_lines = [tgt.sentences[j].text.replace("\n", " ") for j in trg]
        cut = None
        if rng.random() < CUT_SHARE:
            for s, t in rng.sample(pairs, len(pairs)):
                if len(s) == 1 and len(t) == 1:
                    short = cut_clause(tgt_lines[trg.index(t[0])], rng)
                    if short:
                        cut = trg.index(t[0])
                        tgt_lines[cut] = short
                        break
        out.append(Window(case.name, group, zh_lines, tgt_lines, case.lang, cut))
    return out


RULES = ("now", "before")


@contextlib.contextmanager
def rule(name: str):
    """The partial check as it is (`now`), or as it was before short documents were allowed for (`before`)."""
    if name == "now":
        yield
        return
    shorter_at, variance = partial.LengthModel.shorter_at, partial.MEDIAN_VARIANCE
    partial.LengthModel.shorter_at = lambda self, at: at
    partial.MEDIAN_VARIANCE = 0.0
    try:
        yield
    finally:
        partial.LengthModel.shorter_at, partial.MEDIAN_VARIANCE = shorter_at, variance


def run(rounds: int, verbose: bool) -> tuple[dict[str, dict[str, dict[str, Tally]]], dict]:
    """Per rule, group and kind of window (cut / faithful): the partial flags scored."""
    from aligner.align import align
    from aligner.embed import get_encoder
    from aligner.review import review

    encoder = get_encoder(workers=1)
    groups = [("MAC", c) for c in mac_cases()] + [("sample", c) for c in sample_cases(encoder)] + \
        [("formal", c) for c in formal_cases(encoder)]
    totals = {r: {g: {"cut": Tally(), "faithful": Tally()} for g in ("all", "MAC", "sample", "formal")} for r in RULES}
    stats = {"windows": 0, "cut": 0, "faithful": 0, "pairs": 0, "seconds": 0.0} | {f"faithful flagged {r}": 0 for r in RULES}
    for r in range(rounds):
        for ci, (group, case) in enumerate(groups):
            for w in windows(case, group, random.Random(1000 * r + ci + 11)):
                t0 = time.time()
                zh = load_document("\n".join(w.zh), "zh", presplit=True, name=w.case)
                tgt = load_document("\n".join(w.tgt), w.lang, presplit=True, name=w.case)
                beads = align(zh, tgt, encoder)
                stats["seconds"] += time.time() - t0
                kind = "cut" if w.cut is not None else "faithful"
                stats["windows"] += 1
                stats[kind] += 1
                stats["pairs"] += sum(1 for b in beads if b.src and b.tgt)
                for name in RULES:
                    a = Alignment(zh, tgt, copy.deepcopy(beads), model=encoder.name)
                    with rule(name):
                        review(a, encoder)
                    t = score_pairs(a, PARTIAL, {w.cut} if w.cut is not None else set())
                    for g in ("all", group):
                        totals[name][g][kind].add(t)
                    stats[f"faithful flagged {name}"] += kind == "faithful" and t.pred > 0
                    if verbose:
                        for f in t.false:
                            print(f"   FALSE ({name}) {w.case}: {f}", file=sys.stderr)
                        for m in t.misses:
                            print(f"   MISS ({name}) {w.case}: {m}", file=sys.stderr)
        print(f"round {r}: {stats['windows']} windows", file=sys.stderr)
    return totals, stats


def _row(label: str, cut: Tally, faithful: Tally) -> str:
    both = Tally()
    both.add(cut)
    both.add(faithful)
    return (f"| {label} | {cut.truth} | {cut.tp_truth} | {both.pred} | {both.precision:.3f} | {both.recall:.3f} | "
            f"{both.f1:.3f} | {faithful.pred} |")


def report(totals: dict[str, dict[str, dict[str, Tally]]], stats: dict, rounds: int) -> str:
    out = [START, "## `partial` on short documents (`benchmarks/short_partial.py`)", "",
           f"{stats['windows']} windows of {MIN_WINDOW}–{MAX_WINDOW} Chinese sentences ({rounds} round(s), fixed seeds; "
           f"at most {WINDOWS_PER_DOCUMENT} per document and round) cut from the 6 MAC dev chapters (gold pairs), the 2 "
           "sample translations and the 4 formal test documents in Russian and English (the aligner's pairs of the "
           f"whole text); {stats['cut']} with one clause cut off a 1–1 pair's translation as `gaps.py` cuts it, "
           f"{stats['faithful']} left as they are. Each window aligned as a document of its own "
           f"({stats['pairs']} pairs, {stats['seconds']:.0f} s) and reviewed with today's rule (a Student t threshold "
           "for the n pairs the ratio is learnt from, the spread widened by the median's error) and with the rule "
           "before (3 spreads whatever n). Scored per pair, as `gaps.py` scores `partial`; a flag in a faithful window "
           "counts as false (the MAC translators' own abridgements included).", "",
           "| documents | rule | windows cut | cut found | flags | precision | recall | F1 | flags in faithful windows |",
           "|---|---|---|---|---|---|---|---|---|"]
    for g, label in (("all", "all"), ("MAC", "MAC dev (literary zh–en)"), ("sample", "sample texts"),
                     ("formal", "formal test documents")):
        for name in RULES:
            out.append(_row(f"{label} | {name}", totals[name][g]["cut"], totals[name][g]["faithful"]))
    out += ["", "Faithful windows with any partial flag: " + ", ".join(
        f"{stats['faithful flagged ' + name]} of {stats['faithful']} ({name})" for name in RULES) + ".", END]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2, help="draw windows and cuts this many times (seeds differ)")
    parser.add_argument("--no-write", action="store_true", help="print the table, do not touch RESULTS.md")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false flag on stderr")
    args = parser.parse_args()
    totals, stats = run(args.rounds, args.verbose)
    section = report(totals, stats, args.rounds)
    print(section)
    if not args.no_write:
        write_section("short-partial", section)


if __name__ == "__main__":
    main()
