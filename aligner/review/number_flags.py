"""`number`: numbers, dates, percentages and quantities that do not agree across a pair.

Both sides are read into `Quantity`s (see `numbers`) and matched by value as multisets. What is
left over is a finding when it is *hard* (written explicitly), or when each side keeps a soft
number the other lacks (三天 ↔ "four days"). A soft number alone is not: translators drop
"两国" or "three of them" all the time, and flagging that would bury the real changes.

A number missing from one pair that the next (or previous) pair has left over on the other side
is not a change but a boundary in the wrong place (92 only in the Chinese of one pair, only in
the English of the next). Such numbers are taken out before judging, and the pair gets a `weak`
flag that says where its number went, so the reviewer moves the boundary instead of the text.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace

import numpy as np

from aligner.review.directions import direction_clash
from aligner.review.gaps import LANG_NAMES
from aligner.review.marks import bead_text, joined_marks
from aligner.review.memo import ReviewMemo, bead_key, remembered
from aligner.review.numbers import Quantity, quantities
from aligner.review.numbers.common import significant
from aligner.types import WEAK, Alignment, Bead, Document, Flag, Mark

NUMBER = "number"


def _close(xs: tuple[float, ...], ys: tuple[float, ...]) -> bool:
    return any(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9) for x in xs for y in ys)


def _same(a: Quantity, b: Quantity) -> bool:
    """Equal in value, or one the other rounded; a multiplier also when a figure in per cent writes it (两倍 as 200%,
    «в полтора раза» as 50%)."""
    return (_close(a.values, b.values) or _close(a.percents, _in_per_cent(b)) or _close(_in_per_cent(a), b.percents)
            or _rounded(a, b) or _rounded(b, a))


# Fewest significant digits a rounded figure keeps: 146.9 billion or 5.2% for 1468.87亿 or 5.24%, not 5% for 5.2%
ROUNDED_DIGITS = 2


def _rounded(exact: Quantity, rounded: Quantity) -> bool:
    """`rounded` is `exact` rounded to fewer significant digits ($146.9 billion, "nearly 147 billion" for 1468.87亿美元;
    5.2% for 5.24%), as news translations write large and precise figures. Only a figure with a fraction or a scale
    word (a million or more) is taken as rounded: 1,500 for 1468 delegates or 2000 for 2022 is a different number."""
    if exact.ordinal or rounded.ordinal:
        return False
    for x in exact.values:
        for r in rounded.values:
            if r == 0 or (float(r).is_integer() and abs(r) < 1e6):
                continue
            place, digits = significant(r)
            if ROUNDED_DIGITS <= digits < significant(x)[1] and abs(x - r) <= place / 2 * (1 + 1e-9):
                return True
    return False


_IN_PER_CENT = re.compile(r"[%％‰]|percent|per cent|pct|процент|проц\.|分之|成$")


def _in_per_cent(q: Quantity) -> tuple[float, ...]:
    """The values of a figure written in per cent or as a share (30%, 三分之一, 三成; not a multiplier), else none."""
    return q.values if not q.factors and _IN_PER_CENT.search(q.text) else ()


def _is_share(q: Quantity) -> bool:
    """A figure in per cent or a share in words: 30%, 三成, «трети», "a third" (read as 1/3 and as 33.3%)."""
    return bool(_in_per_cent(q)) or (not q.factors and len(q.values) == 2
                                     and math.isclose(q.values[1], 100 * q.values[0]))


def match(left: list[Quantity], right: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Pair quantities of equal value (maximum bipartite matching, hard ones first); return the leftovers."""
    owner: dict[int, int] = {}  # right index -> left index

    def augment(i: int, seen: set[int]) -> bool:
        # prefer hard partners so a soft "two" does not take the place of a written "2"
        for j in sorted(range(len(right)), key=lambda j: not right[j].hard):
            if j in seen or not _same(left[i], right[j]):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in sorted(range(len(left)), key=lambda i: not left[i].hard):
        augment(i, set())
    _nearest_partners(owner, left, right)
    used_left = set(owner.values())
    return ([q for i, q in enumerate(left) if i not in used_left],
            [q for j, q in enumerate(right) if j not in owner])


def _nearest_partners(owner: dict[int, int], left: list[Quantity], right: list[Quantity]) -> None:
    """Of two equal numbers on one side, pair the one at the same place in its sentence as its partner, so the
    one left over is the one changed: 增长了一倍 … 再翻一番 as «вырос втрое … удвоится ещё раз» is "一倍 ≠ втрое",
    not "翻一番 ≠ втрое". As many pairs as before; a hard partner is only traded for a hard one."""
    left_end, right_end = (max(q.end for q in side) for side in (left, right)) if left and right else (1, 1)

    def far(i: int, j: int) -> float:
        return abs(left[i].start / left_end - right[j].start / right_end)

    moved = True
    while moved:
        moved = False
        for j, k in list(owner.items()):
            for i in set(range(len(left))) - set(owner.values()):
                if left[i].hard == left[k].hard and far(i, j) < far(k, j) and _same(left[i], right[j]):
                    owner[j], moved = i, True
                    break
        for j, i in list(owner.items()):
            for free in set(range(len(right))) - set(owner):
                if right[free].hard == right[j].hard and far(i, free) < far(i, j) and _same(left[i], right[free]):
                    del owner[j]
                    owner[free], moved = i, True
                    break


def _explained(src: list[Quantity], tgt: list[Quantity], right: list[Quantity]) -> int:
    """How many of the translation's soft, definite numbers only the Chinese's implied counts (双方) match: those
    left over without them but matched with them (`right`, the leftovers of the whole matching)."""
    if not any(q.implied for q in src):
        return 0
    soft = lambda qs: sum(not q.hard and not q.loose for q in qs)  # noqa: E731
    return soft(match([q for q in src if not q.implied], tgt)[1]) - soft(right)


def _heads(q: Quantity) -> bool:
    """A heading's or item's number: a marker, or a soft number opening the sentence (the sample's "二 双方认为", whose
    space the match form folds away, against "II. The Parties")."""
    return q.marker or not (q.hard or q.loose) and q.start == 0


def mismatch_reason(src: list[Quantity], tgt: list[Quantity], src_lang: str, tgt_lang: str) -> str | None:
    """'2022 ≠ 2021', '30 only in Chinese' … or None when the numbers agree."""
    found = mismatch(src, tgt, src_lang, tgt_lang)
    return found[0] if found else None


def mismatch(src: list[Quantity], tgt: list[Quantity], src_lang: str,
             tgt_lang: str) -> tuple[str, list[Quantity], list[Quantity]] | None:
    """The reason, and the quantities of each side it quotes; None when the numbers agree."""
    left, right = match(src, tgt)
    if any(q.marker for q in left + right) and any(map(_heads, left)) and any(map(_heads, right)):
        # （三） ↔ "(4)", 二双方认为 ↔ "III. The Parties": the item's number changed
        left, right = ([replace(q, hard=True, loose=False) if _heads(q) else q for q in side] for side in (left, right))
    # Estimates and a bare "one" only help match; they are too vague to count as a difference.
    # A count one stands for (双方 for «двух сторон») is no soft number of its side's own.
    explained_src, explained_tgt = _explained(tgt, src, left), _explained(src, tgt, right)
    converted = [q for q in right if q.conversion]
    src, tgt = [q for q in src if not q.loose], [q for q in tgt if not q.loose]
    left, right = [q for q in left if not q.loose], [q for q in right if not q.loose]
    hard_left = [q for q in left if q.hard]
    hard_right = [q for q in right if q.hard] or (converted if hard_left else [])
    if not hard_left and not hard_right:
        # A soft number changed on both sides (三天 ↔ "four days"): only when each side has as many
        # soft numbers as the other, else it is likelier a count dropped here and added there.
        if left and right and sum(not q.hard for q in src) - explained_src == sum(not q.hard for q in tgt) - explained_tgt:
            hard_left, hard_right = left[:1], right[:1]
        elif changed := _changed_rank(left, right):
            hard_left, hard_right = changed
        else:
            return None
    hard_left, hard_right = (hard_left + _ranks_against(hard_right, hard_left, left),
                             hard_right + _ranks_against(hard_left, hard_right, right))
    hard_left, hard_right = _closest_first(hard_left, hard_right)
    parts: list[str] = []
    for a, b in zip(hard_left, hard_right):
        parts.append(f"{_quoted(a, src_lang)} ≠ {_quoted(b, tgt_lang)}")
    n = min(len(hard_left), len(hard_right))
    src_name = LANG_NAMES.get(src_lang, src_lang)
    tgt_name = LANG_NAMES.get(tgt_lang, tgt_lang)
    if hard_left[n:]:
        parts.append(", ".join(_quoted(q, src_lang) for q in hard_left[n:]) + f" only in the {src_name}")
    if hard_right[n:]:
        parts.append(", ".join(_quoted(q, tgt_lang) for q in hard_right[n:]) + f" only in the {tgt_name}")
    return "; ".join(parts), hard_left, hard_right


_WRITTEN_FACTOR = re.compile(r"([\d.]+)倍")


def _quoted(q: Quantity, lang: str) -> str:
    """A quantity as a reason quotes it: a Chinese multiplier with the factor it says, unless its digits say it
    (两倍 (×2), 翻两番 (×4), 增长了2倍 as "2倍 (×2 or ×3)"; 3倍 as it is)."""
    if lang != "zh" or not q.factors:
        return q.text
    written = _WRITTEN_FACTOR.fullmatch(q.text)
    if written and q.factors == (float(written.group(1)),):
        return q.text
    return f"{q.text} ({' or '.join(f'×{f:g}' for f in q.factors)})"


_PERCENT = re.compile(r"[%％‰]|percent|per cent|процент|成$")


def _distance(a: Quantity, b: Quantity) -> float:
    """How unlike two leftover numbers are: a share against a count, then orders of magnitude apart."""
    x, y = (max(abs(q.values[0]), 1e-9) for q in (a, b))
    return 10.0 * (bool(_PERCENT.search(a.text)) != bool(_PERCENT.search(b.text))) + abs(math.log10(x / y))


def _closest_first(left: list[Quantity], right: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """The leftovers ordered so that each number is set against the one it most likely became (2.1% ≠ 2, not
    5.78万亿 ≠ 2): a least-cost pairing, in the Chinese order; the unpaired follow as they were."""
    if len(left) < 2 and len(right) < 2 or not left or not right:
        return left, right
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(np.array([[_distance(a, b) for b in right] for a in left]))
    pairs = sorted(zip(rows.tolist(), cols.tolist()))
    paired_left, paired_right = {i for i, _ in pairs}, {j for _, j in pairs}
    return ([left[i] for i, _ in pairs] + [q for i, q in enumerate(left) if i not in paired_left],
            [right[j] for _, j in pairs] + [q for j, q in enumerate(right) if j not in paired_right])


SOFT_AMOUNT = 1000  # a soft number this large is an amount in words (полтора миллиарда), not a count like "two"


SMALL_COUNT = 100  # a hard number below this may be a count a translator wrote in words: 连续7年, "six years"


def _changed_rank(left: list[Quantity], right: list[Quantity]) -> tuple[list[Quantity], list[Quantity]] | None:
    """A rank changed (第五轮 ↔ "the fourth round") beside a soft count only one side writes ("the two
    sides" for 双方): when as many ranks are left over on each side. Ranks matched are not counted, so a
    rank written in digits ("the 13th" for 第十三届, not soft like 十三) leaves "第四次 ↔ the Fifth" one each."""
    ranks_left = [q for q in left if q.ordinal]
    ranks_right = [q for q in right if q.ordinal]
    if ranks_left and len(ranks_left) == len(ranks_right):
        return ranks_left[:1], ranks_right[:1]
    return None


def _ranks_against(other: list[Quantity], own: list[Quantity], leftovers: list[Quantity]) -> list[Quantity]:
    """Soft ranks (XXV, 第二十四) and amounts in words (полтора миллиарда) left over on this side, one for
    each hard number of the other side that has no partner: 第24届 ↔ XXV is one changed number,
    "24 ≠ XXV", not "24 only in the Chinese". Against small counts only (连续7年), a count in words
    left over is that number changed too: "7 ≠ six", not "7 only in the Chinese"; against a multiplier, a
    multiplier or share in words ("1.5倍 ≠ two and a half times", "三成 ≠ в 1,4 раза"); and against a figure in per
    cent or a share in words («трети», "a third"), a multiplier or share in words ("两倍 ≠ 300%", "三成 ≠ трети",
    not "трети only in the Russian", which hid that the Chinese says 30%)."""
    ranks = [q for q in leftovers if not q.hard and (q.ordinal or q.values[0] >= SOFT_AMOUNT)]
    unpaired = other[len(own):]
    if unpaired and all(q.values[0] < SMALL_COUNT and q.values[0].is_integer() for q in unpaired):
        ranks += [q for q in leftovers if not q.hard and q not in ranks]
    # 1.5倍 ≠ two and a half times, 两倍 ≠ 300%, 三成 ≠ в 1,4 раза, 三成 ≠ «трети»
    if any(q.factors or _is_share(q) for q in unpaired):
        ranks += [q for q in leftovers if not q.hard and (q.factors or _is_share(q)) and q not in ranks]
    return ranks[:max(0, len(other) - len(own))]


def _as_written(document: Document, indices: tuple[int, ...], found: list[Quantity]) -> list[Quantity]:
    """`found` (read in the folded match form) quoting the user's own text: 兩千, not our 两千."""
    if all(document.sentences[i].norm in ("", document.sentences[i].text) for i in indices):
        return found
    written = []
    for q in found:
        marks = joined_marks(document, indices, [(q.start, q.end)], "")
        written.append(replace(q, text=document.text[marks[0].start:marks[-1].end]) if marks else q)
    return written


def bead_quantities(alignment: Alignment, bead: Bead) -> tuple[list[Quantity], list[Quantity]]:
    """The quantities of each side of a bead, their text as the user wrote it."""
    return tuple(_as_written(doc, idx, quantities(bead_text(doc, idx), doc.lang))  # type: ignore[return-value]
                 for doc, idx in ((alignment.source, bead.src), (alignment.target, bead.tgt)))


def _without(items: list[Quantity], gone: list[Quantity]) -> list[Quantity]:
    return [q for q in items if not any(q is g for g in gone)]


def _straddling(sides: list[tuple[list[Quantity], list[Quantity]]]
                ) -> tuple[list[tuple[list[Quantity], list[Quantity]]], dict[int, int]]:
    """For each bead, the leftover quantities (source, target) that a neighbouring bead has left
    over on the other side: the number is in the text, only across the pair boundary. One side of
    each such match must be hard: soft numbers ("two", 两) are too common to place a boundary. Not
    when both pairs have a number left over on their other sides too: that is two numbers changed, one
    of them into its neighbour's (a contract's 10 and 15 days made 15 and 30), not a boundary.
    Also, for each quantity moved (by id), the bead it belongs with."""
    left = [tuple([q for q in side if not q.loose] for side in match(s, t)) for s, t in sides]
    moved: list[tuple[list[Quantity], list[Quantity]]] = [([], []) for _ in sides]
    toward: dict[int, int] = {}

    def pair_up(a: int, b: int, hard_src: bool) -> None:
        if _without(left[a][1], moved[a][1]) and _without(left[b][0], moved[b][0]):
            return  # each pair has its own number changed (10 → 15 here, 15 → 30 there): no boundary to move
        src_left, tgt_left = _without(left[a][0], moved[a][0]), _without(left[b][1], moved[b][1])
        if hard_src:
            src_left = [q for q in src_left if q.hard]
        else:
            tgt_left = [q for q in tgt_left if q.hard]
        rest_src, rest_tgt = match(src_left, tgt_left)
        moved[a][0].extend(_without(src_left, rest_src))
        moved[b][1].extend(_without(tgt_left, rest_tgt))
        toward.update({id(q): b for q in _without(src_left, rest_src)})
        toward.update({id(q): a for q in _without(tgt_left, rest_tgt)})

    for k in range(len(sides) - 1):
        for a, b in ((k, k + 1), (k + 1, k)):
            pair_up(a, b, hard_src=True)
            pair_up(a, b, hard_src=False)
    return moved, toward


PAIRS_PER_REPORT = 500  # number_flags reports its progress a block of pairs at a time


def number_flags(alignment: Alignment, flag_from: int = 0, memo: ReviewMemo | None = None, checked=None) -> None:
    """Flag pairs (from index `flag_from` on) with both sides whose numbers do not agree. Every pair's numbers
    count: one left over may belong with its neighbour (`_straddling`). `checked(steps, of)` every
    PAIRS_PER_REPORT pairs read and again every PAIRS_PER_REPORT judged (a quarter of a novel's review)."""
    beads = alignment.beads
    of = 2 * len(beads)
    sides = []
    for k, b in enumerate(beads):
        if checked is not None and k % PAIRS_PER_REPORT == 0:
            checked(k, of)
        sides.append(remembered(memo, alignment, "quantities", bead_key(b), lambda b=b: bead_quantities(alignment, b)))
    moved, toward = _straddling(sides)
    src_name = LANG_NAMES.get(alignment.source.lang, alignment.source.lang)
    tgt_name = LANG_NAMES.get(alignment.target.lang, alignment.target.lang)
    for k, (bead, (src, tgt), (gone_src, gone_tgt)) in enumerate(zip(beads, sides, moved)):
        if checked is not None and k % PAIRS_PER_REPORT == 0:
            checked(len(beads) + k, of)
        if k < flag_from or not bead.src or not bead.tgt or any(f.kind == NUMBER for f in bead.flags):
            continue
        found = mismatch(_without(src, gone_src), _without(tgt, gone_tgt), alignment.source.lang, alignment.target.lang)
        clash = _direction_clash(alignment, bead, src, tgt)
        if found or clash:
            reasons, marks = [], ()
            if found:
                reasons.append(found[0])
                marks += _marks(alignment, bead, found[1], found[2])
            if clash:
                reasons.append(clash[0])
                marks += clash[1]
            bead.flags.append(Flag(NUMBER, "; ".join(reasons), marks))
        shown_src, shown_tgt = ([q for q in gone if q.hard and not q.loose] for gone in (gone_src, gone_tgt))
        if (shown_src or shown_tgt) and not any(f.kind == WEAK for f in bead.flags):
            side = src_name if shown_src else tgt_name
            neighbours = {"next" if toward[id(q)] > k else "previous" for q in shown_src + shown_tgt}
            pair = f"the {neighbours.pop()} pair" if len(neighbours) == 1 else "the next and previous pairs"
            bead.flags.append(Flag(WEAK, f"{', '.join(q.text for q in shown_src + shown_tgt)} of the {side} belongs with "
                                         f"{pair}: the boundary may be off",
                                   _marks(alignment, bead, shown_src, shown_tgt)))


def _direction_clash(alignment: Alignment, bead: Bead, src: list[Quantity],
                     tgt: list[Quantity]) -> tuple[str, tuple[Mark, ...]] | None:
    """'减少 ≠ increase' where both sides give figures and say they moved opposite ways, with its marks."""
    if not any(q.hard for q in src) or not any(q.hard for q in tgt):
        return None
    clash = direction_clash(bead_text(alignment.source, bead.src), bead_text(alignment.target, bead.tgt),
                            alignment.target.lang)
    if clash is None:
        return None
    reason, a, b = clash
    return reason, (joined_marks(alignment.source, bead.src, list(a.spans[:1]), "src")
                    + joined_marks(alignment.target, bead.tgt, list(b.spans[:1]), "tgt"))


def _marks(alignment: Alignment, bead: Bead, src: list[Quantity], tgt: list[Quantity]) -> tuple[Mark, ...]:
    """Where the quoted quantities are written in each side's original text."""
    return (joined_marks(alignment.source, bead.src, [(q.start, q.end) for q in src], "src")
            + joined_marks(alignment.target, bead.tgt, [(q.start, q.end) for q in tgt], "tgt"))
