"""Which pairs a reviewer wants to see (problems only, a search, the next problem), and which
pairs a translation memory or training set should keep (`kept_pairs`, `kept_rows`).

A problem is anything worth a second look: an omission, an addition, a review flag (number,
name, partial), low confidence, or a pair that is not one sentence to one sentence
(merged/split), since those are where boundaries go wrong. Each flag kind is its own category,
because reviewers trust them differently (see `aligner.review.trust`): an editor may want the
number and name flags of a novel without its partial ones.

A pair "to look at" is a pair with a problem of the kinds the reviewer chose (every kind unless they
chose some), and it is "left" until marked reviewed (`to_look_at`, `kind_tally`). The page's strip, its
"Next problem" and the kinds' pills all count by this one rule: the strip said "4 to look at" (the pairs
not 'ok') while Next problem walked 6 (the merged/split pairs too), and the pills counted pairs already
ticked off.

In three columns a passage one translation leaves out that spans several rows is one problem to the pills and the
summary (`row_tally`), though the strip marks, and Next problem walks, each of its rows: each holds other
sentences of the translation that renders the passage.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Collection, Iterable, Sequence

from aligner.export.status import STATUSES, status
from aligner.threeway import SideFlag, ThreeWay
from aligner.types import ADDED, OMITTED, WEAK, Alignment, Bead

FLAG_KINDS: tuple[str, ...] = ("number", "name", "term", "partial")  # review flags on pairs with both sides
MERGED_SPLIT = "merged/split"  # more than one sentence on a side: not a flag, but where boundaries go wrong
# Problem categories a reviewer can filter by, in the order the UI lists them.
PROBLEMS: tuple[str, ...] = (OMITTED, ADDED, *FLAG_KINDS, WEAK, MERGED_SPLIT)


# What a pair to look at is marked as (the strip's mark, the summary's count), gravest first: its status, or
# merged/split when its shape alone makes it one to look at (its status is then 'ok')
MARKS: tuple[str, ...] = (*STATUSES[:-1], MERGED_SPLIT)


def mark_of(state: str) -> str:
    """What a pair (or row) to look at of status `state` is marked as: its status, or merged/split when that is ok
    (no flag: its shape alone)."""
    return MERGED_SPLIT if state == "ok" else state


def problems(bead: Bead) -> list[str]:
    """The problem categories of one pair ([] for a plain confident 1–1 pair)."""
    found = []
    state = status(bead)
    if state in (OMITTED, ADDED):
        found.append(state)
    kinds = {f.kind for f in bead.flags}
    found += [k for k in FLAG_KINDS if k in kinds]
    found += sorted(kinds - {OMITTED, ADDED, WEAK, *FLAG_KINDS})  # a kind this list does not know yet
    if WEAK in kinds:
        found.append(WEAK)
    if bead.src and bead.tgt and (len(bead.src), len(bead.tgt)) != (1, 1):
        found.append(MERGED_SPLIT)
    return found


def of_kinds(kinds: Iterable[str], categories: Collection[str] | None = None) -> bool:
    """Whether a pair (or row) with problems of `kinds` is to look at: any kind, or one of `categories` when given."""
    return any(True for _ in kinds) if categories is None else any(k in categories for k in kinds)


def is_problem(bead: Bead, categories: Collection[str] | None = None) -> bool:
    """Has a problem (of one of `categories`, when given)."""
    return of_kinds(problems(bead), categories)


@dataclass(frozen=True)
class ToLookAt:
    """The pairs (or three-column rows) to look at, as indices in document order, and those of them not marked
    reviewed: what the strip marks and counts, what "Next problem" walks and counts."""

    marked: tuple[int, ...]
    left: tuple[int, ...]

    def next_after(self, here: int) -> int | None:
        """The first one left after index `here`, wrapping round to the first; None when none is left."""
        return next((i for i in self.left if i > here), self.left[0] if self.left else None)


def to_look_at(kinds_of_each: Sequence[Collection[str]], reviewed: Sequence[bool],
               categories: Collection[str] | None = None) -> ToLookAt:
    """Of items with problems of these kinds (`problems` of a pair, a row's flag kinds) and these ✓ marks, those to
    look at (a problem of `categories`, when given) and those left (not marked reviewed)."""
    marked = tuple(i for i, kinds in enumerate(kinds_of_each) if of_kinds(kinds, categories))
    return ToLookAt(marked, tuple(i for i in marked if not reviewed[i]))


def pairs_to_look_at(alignment: Alignment, categories: Collection[str] | None = None) -> ToLookAt:
    """The pairs to look at (with a problem of `categories`, when given), and those not marked reviewed."""
    beads = alignment.beads
    return to_look_at([problems(b) for b in beads], [b.reviewed for b in beads], categories)


def rows_to_look_at(result: ThreeWay, categories: Collection[str] | None = None) -> ToLookAt:
    """The three-column rows to look at (with a flag of `categories`, when given), and those not marked reviewed."""
    return to_look_at([[f.kind for f in row.flags] for row in result.rows], [row.reviewed for row in result.rows],
                      categories)


@dataclass(frozen=True)
class KindCount:
    """How many pairs (or rows) have a kind of problem, and how many of them are not marked reviewed. In three
    columns a passage one translation leaves out, cut into several rows, counts once (`row_tally`): `rows` then says
    how many rows they lie on (0 when each is one row)."""

    left: int
    total: int
    rows: int = 0


def kind_tally(kinds_of_each: Iterable[Collection[str]], reviewed: Iterable[bool],
               order: Sequence[str] = ()) -> dict[str, KindCount]:
    """Per kind, its pairs (a pair counted once under each of its kinds: what a click on that kind's pill shows)
    and those left of them. Kinds in `order` first (0 when none has it), then any other, sorted."""
    totals, left = dict.fromkeys(order, 0), dict.fromkeys(order, 0)
    for kinds, done in zip(kinds_of_each, reviewed):
        for kind in set(kinds):
            totals[kind] = totals.get(kind, 0) + 1
            left[kind] = left.get(kind, 0) + (not done)
    return {kind: KindCount(left[kind], totals[kind]) for kind in [*order, *sorted(set(totals) - set(order))]}


def _item(flag: SideFlag, row: int) -> tuple:
    """What a row's flag is about, as counted: its passage (one translation's, on each of its rows), or its row."""
    return ("passage", flag.side, flag.passage) if flag.passage else ("row", row)


def count_items(result: ThreeWay, which: Callable[[SideFlag], bool]) -> KindCount:
    """How many problems the rows' flags `which` picks out are, a passage cut into several rows counted once (its
    omission read "omitted 3" where the reviewer sees one passage, its reason given once), and how many are left:
    a passage is left until each of its rows is marked reviewed, as the strip fades each row it marks."""
    items: dict[tuple, set[int]] = {}
    for r, row in enumerate(result.rows):
        for flag in row.flags:
            if which(flag):
                items.setdefault(_item(flag, r), set()).add(r)
    rows = len(set().union(*items.values())) if items else 0
    left = sum(any(not result.rows[r].reviewed for r in where) for where in items.values())
    return KindCount(left, len(items), rows if rows > len(items) else 0)


def row_tally(result: ThreeWay, order: Sequence[str] = ()) -> dict[str, KindCount]:
    """Per kind, as its pill counts it (`count_items`): a row's problems, a passage over several rows once. Kinds in
    `order` first (0 when no row has it), then any other, sorted."""
    kinds = {f.kind for row in result.rows for f in row.flags}
    return {kind: count_items(result, lambda flag, kind=kind: flag.kind == kind)
            for kind in [*order, *sorted(kinds - set(order))]}


def searchable(text: str) -> str:
    """`text` as a search compares it: case-folded, ё written е (Russian prints ё only now and then,
    so a search for её must find ее, and the other way round)."""
    return text.casefold().replace("ё", "е")


def haystacks(alignment: Alignment) -> list[str]:
    """Per pair, what a search looks in: both sides' text and their folded forms, made `searchable`.

    Built once per version of the pairs, so a search is a plain scan of 5,000 strings.
    """
    src, tgt = alignment.source, alignment.target
    out = []
    for b in alignment.beads:
        parts = [src.span_text(b.src), tgt.span_text(b.tgt)]
        parts += [s.norm for s in (src.sentences[i] for i in b.src) if s.norm != s.text]
        parts += [s.norm for s in (tgt.sentences[j] for j in b.tgt) if s.norm != s.text]
        out.append(searchable("\u0000".join(parts)))
    return out


def search(texts: list[str], query: str) -> list[int]:
    """Indices of pairs whose text contains `query`, ignoring case, ё/е, Traditional/Simplified and width."""
    from aligner.normalise import fold

    query = query.strip()
    if not query:
        return list(range(len(texts)))
    needles = {searchable(query), searchable(fold(query))}
    return [i for i, text in enumerate(texts) if any(n in text for n in needles)]


def select(
    alignment: Alignment,
    *,
    problems_only: bool = False,
    categories: set[str] | None = None,
    query: str = "",
    hide_reviewed: bool = False,
    texts: list[str] | None = None,
) -> list[int]:
    """Indices of the pairs to show, in document order (`texts`: from `haystacks`, if at hand)."""
    chosen = search(texts if texts is not None else haystacks(alignment), query)
    beads = alignment.beads
    if problems_only:
        chosen = [i for i in chosen if is_problem(beads[i], categories)]
    if hide_reviewed:
        chosen = [i for i in chosen if not beads[i].reviewed]
    return chosen


def next_problem(alignment: Alignment, after: int, categories: Collection[str] | None = None) -> int | None:
    """The first problem pair after index `after` not yet reviewed, wrapping round; None if none."""
    return pairs_to_look_at(alignment, categories).next_after(after)


def check_statuses(statuses: Collection[str]) -> set[str]:
    """The statuses as a set, or ValueError naming the one that is not a status."""
    unknown = [name for name in statuses if name not in STATUSES]
    if unknown:
        raise ValueError(f"'{unknown[0]}' is not a pair status; use {', '.join(STATUSES)}")
    return set(statuses)


def kept_pairs(alignment: Alignment, statuses: Collection[str] | None = None, min_score: float = 0.0) -> Alignment:
    """The alignment with only the pairs of `statuses` (all when None) scoring at least `min_score`.

    A translation memory or a training set wants the pairs a reviewer would accept ('ok', or
    'ok' and 'weak'), not the flagged or one-sided ones; the documents are kept whole, and each
    pair its number (`Alignment.numbers`).
    """
    wanted = set(STATUSES) if statuses is None else check_statuses(statuses)
    if wanted == set(STATUSES) and min_score <= 0:
        return alignment  # nothing to drop: no copy of every pair on each download or listing
    kept = [(number, b) for number, b in alignment.numbered() if status(b) in wanted and b.score >= min_score]
    # each pair keeps its number, so that a file of some pairs names them as the page does
    return replace(alignment, beads=[b for _, b in kept], numbers=tuple(number for number, _ in kept))


def kept_rows(result: ThreeWay, statuses: Collection[str] | None = None, min_score: float = 0.0) -> ThreeWay:
    """The three-way result with only the rows of `statuses` whose every pair scores at least `min_score`,
    each with its number (`ThreeWay.numbers`), as `kept_pairs` keeps the pairs'."""
    from aligner.export.threeway import row_status

    wanted = set(STATUSES) if statuses is None else check_statuses(statuses)
    if wanted == set(STATUSES) and min_score <= 0:
        return result  # nothing to drop: every row, under the numbers it has
    kept = [(number, row) for number, row in result.numbered() if row_status(f.kind for f in row.flags) in wanted
            and all(score is None or score >= min_score for score in row.scores.values())]
    # each row keeps its number, so that a file of some rows names them as the page does
    return replace(result, rows=[row for _, row in kept], numbers=tuple(number for number, _ in kept))
