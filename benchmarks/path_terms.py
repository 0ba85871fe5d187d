"""Why the aligner's path beats the true one: the score terms of both paths where they differ.

Where the predicted path leaves the true one and meets it again, both paths cover the same
sentences, so their scores can be compared term by term (similarity, length, shape prior, member
evidence, cues, names, paragraphs, nulls; see `BeadScorer.terms`, main scorer). If the true
path scores higher, the search (or the gap opinion, see `core.best_path`) chose otherwise; if lower, the model prefers the wrong path, and the per-term
differences show which evidence misleads it. Regions are split by whether either path has a bead
with no counterpart ("gap" regions: omissions and additions) or not ("shape" regions: 1–2 against
2–1, boundaries). For each region it also counts which single term, were it neutral, would have
made the true path win.

Documents: the six MAC dev chapters as published (gold alignment) and the damaged versions of
`benchmarks/gaps.py` (planted omissions and additions, same seeds). Regions with true beads the
search cannot produce (more than 5 sentences in all, except 1–5; see `dp.bead_types`) are left out and counted.

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/path_terms.py [--rounds 1] [--no-write]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aligner.align.core import best_path, plan  # noqa: E402
from aligner.align.paths import Path as Path4, differing_regions, has_gap  # noqa: E402
from aligner.align.scoring import BeadScorer, encoder_prior  # noqa: E402
from aligner.pipeline import load_document  # noqa: E402
from gaps import damaged_documents, mac_cases  # noqa: E402
from results_file import markers, write_section  # noqa: E402

START, END = markers("terms")


def true_path(pairs: list[tuple[tuple[int, ...], tuple[int, ...]]], n: int, m: int) -> Path4:
    """The reference beads as a monotone walk over the grid (null beads one sentence each)."""
    by_src = {s[0]: (s, t) for s, t in pairs if s and t}
    by_src.update({i: ((i,), ()) for s, t in pairs if not t for i in s})
    unmatched_tgt = {j for s, t in pairs if not s for j in t}
    path: Path4 = []
    r = c = 0
    while r < n or c < m:
        if r in by_src and not by_src[r][1]:  # source without counterpart first, as the search emits it
            path.append((r, 1, c, 0))
            r += 1
        elif c in unmatched_tgt:
            path.append((r, 0, c, 1))
            c += 1
        elif r in by_src and by_src[r][1][0] == c:
            s, t = by_src[r]
            path.append((r, len(s), c, len(t)))
            r, c = r + len(s), c + len(t)
        else:
            raise ValueError(f"the reference is not monotone at ({r}, {c})")
    return path


def path_terms(scorer: BeadScorer, path: Path4, run_bonus: float) -> Counter:
    """Summed terms of a path's beads; each null after the first of a run earns the run bonus."""
    total: Counter = Counter()
    previous = None
    for i0, a, j0, b in path:
        for name, value in scorer.terms(i0, a, b, np.array([j0])).items():
            total[name] += float(np.asarray(value).ravel()[0])
        kind = (a, b) if a == 0 or b == 0 else None
        if kind is not None and kind == previous:
            total["null"] += run_bonus
        previous = kind
    return total


def analyse(documents) -> dict:
    stats = {"gap": Counter(), "shape": Counter()}
    flips = {"gap": Counter(), "shape": Counter()}
    count = {"gap": 0, "shape": 0, "search": 0, "beyond": 0}
    for zh, tgt, pairs, encoder in documents:
        n, m = len(zh), len(tgt)
        emb = np.asarray(encoder.encode([s.norm for s in zh.sentences] + [s.norm for s in tgt.sentences]), np.float32)
        search = plan(zh, tgt, emb[:n], emb[n:], prior=encoder_prior(encoder.name))
        pred = best_path(search)
        for p, t in differing_regions(pred, true_path(pairs, n, m)):
            if any(bd[1] and bd[3] and (bd[1], bd[3]) not in search.types for bd in t):
                count["beyond"] += 1
                continue
            bonus = search.params.null_run_bonus
            tp, tt = path_terms(search.scorer, p, bonus), path_terms(search.scorer, t, bonus)
            diff = {k: tt[k] - tp[k] for k in set(tp) | set(tt)}
            if sum(diff.values()) > 1e-9:
                count["search"] += 1
                continue
            kind = "gap" if has_gap(p + t) else "shape"
            count[kind] += 1
            stats[kind].update(diff)
            margin = sum(diff.values())
            flips[kind].update(k for k, v in diff.items() if v < 0 and margin - v > 0)
    return {"stats": stats, "flips": flips, "count": count}


TERMS = ["similarity", "length", "shape", "member", "cues", "names", "quotes", "paragraphs", "null"]  # column order


def table(title: str, result: dict) -> list[str]:
    c = result["count"]
    seen = {t for kind in result["stats"].values() for t in kind}
    terms = TERMS + sorted(seen - set(TERMS))  # a term added to the scorer later still gets its column
    lines = [f"**{title}**: {c['gap'] + c['shape']} regions where the model prefers the wrong path "
             f"({c['gap']} with a gap, {c['shape']} of bead shape), {c['search']} where the true path scores "
             f"higher (the search, or the gap opinion of equal-weight spans, chose otherwise), {c['beyond']} "
             "with true beads beyond the search's shapes.", "",
             "| regions | " + " | ".join(terms) + " |", "|---|" + "---|" * len(terms)]
    for kind in ("gap", "shape"):
        k = max(c[kind], 1)
        lines.append(f"| {kind}: mean true − predicted | " + " | ".join(
            f"{result['stats'][kind].get(t, 0.0) / k:+.2f}" for t in terms) + " |")
        lines.append(f"| {kind}: regions this term alone loses | " + " | ".join(
            str(result["flips"][kind].get(t, 0)) for t in terms) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="damaged versions of each document")
    parser.add_argument("--no-write", action="store_true", help="print the section, do not touch RESULTS.md")
    args = parser.parse_args()
    from aligner.embed import get_encoder

    encoder = get_encoder(workers=1)
    cases = mac_cases()
    published = [(load_document(c.zh_text, "zh", presplit=True), load_document(c.tgt_text, c.lang, presplit=True),
                  c.pairs, encoder) for c in cases]
    damaged = [(d.zh, d.tgt, d.pairs, encoder) for _, _, d in damaged_documents(encoder, cases, args.rounds)]
    lines = [START, "## Where the model prefers a wrong path (`benchmarks/path_terms.py`)", "",
             __doc__.split("\n\n")[1].replace("\n", " "), "",
             "Positive: the term favours the true path; negative: it favours the aligner's.", ""]
    lines += table("MAC dev as published", analyse(published)) + [""]
    lines += table(f"MAC dev damaged ({args.rounds} round(s) of benchmarks/gaps.py)", analyse(damaged))
    lines.append(END)
    section = "\n".join(lines)
    print(section)
    if not args.no_write:
        write_section("terms", section)


if __name__ == "__main__":
    main()
