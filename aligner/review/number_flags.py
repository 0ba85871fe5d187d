"""`number`: numbers, dates, percentages and quantities that do not agree across a pair.

Both sides are read into `Quantity`s (see `numbers`) and matched by value as multisets. What is
left over is a finding when it is *hard* (written explicitly), or when each side keeps a soft
number the other lacks (三天 ↔ "four days"). A soft number alone is not: translators drop
"两国" or "three of them" all the time, and flagging that would bury the real changes.
"""
from __future__ import annotations

import math

from aligner.review.gaps import LANG_NAMES
from aligner.review.numbers import Quantity, quantities
from aligner.types import Alignment, Bead, Document, Flag

NUMBER = "number"


def _same(a: Quantity, b: Quantity) -> bool:
    return any(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9) for x in a.values for y in b.values)


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
    used_left = set(owner.values())
    return ([q for i, q in enumerate(left) if i not in used_left],
            [q for j, q in enumerate(right) if j not in owner])


def mismatch_reason(src: list[Quantity], tgt: list[Quantity], src_lang: str, tgt_lang: str) -> str | None:
    """'2022 ≠ 2021', '30 only in Chinese' … or None when the numbers agree."""
    left, right = match(src, tgt)
    # Estimates and a bare "one" only help match; they are too vague to count as a difference.
    src, tgt = [q for q in src if not q.loose], [q for q in tgt if not q.loose]
    left, right = [q for q in left if not q.loose], [q for q in right if not q.loose]
    hard_left = [q for q in left if q.hard]
    hard_right = [q for q in right if q.hard]
    if not hard_left and not hard_right:
        # A soft number changed on both sides (三天 ↔ "four days"): only when each side has as many
        # soft numbers as the other, else it is likelier a count dropped here and added there.
        if left and right and sum(not q.hard for q in src) == sum(not q.hard for q in tgt):
            hard_left, hard_right = left[:1], right[:1]
        else:
            return None
    parts: list[str] = []
    for a, b in zip(hard_left, hard_right):
        parts.append(f"{a.text} ≠ {b.text}")
    n = min(len(hard_left), len(hard_right))
    src_name = LANG_NAMES.get(src_lang, src_lang)
    tgt_name = LANG_NAMES.get(tgt_lang, tgt_lang)
    if hard_left[n:]:
        parts.append(", ".join(q.text for q in hard_left[n:]) + f" only in the {src_name}")
    if hard_right[n:]:
        parts.append(", ".join(q.text for q in hard_right[n:]) + f" only in the {tgt_name}")
    return "; ".join(parts)


def bead_text(document: Document, indices: tuple[int, ...]) -> str:
    """The folded text of some sentences (Traditional → Simplified, full-width → half-width)."""
    joiner = "" if document.lang == "zh" else " "
    return joiner.join(document.sentences[i].norm or document.sentences[i].text for i in indices)


def bead_number_reason(alignment: Alignment, bead: Bead) -> str | None:
    """The number finding for one pair, or None."""
    src = quantities(bead_text(alignment.source, bead.src), alignment.source.lang)
    tgt = quantities(bead_text(alignment.target, bead.tgt), alignment.target.lang)
    return mismatch_reason(src, tgt, alignment.source.lang, alignment.target.lang)


def number_flags(alignment: Alignment) -> None:
    """Flag pairs with both sides whose numbers do not agree."""
    for bead in alignment.beads:
        if not bead.src or not bead.tgt or any(f.kind == NUMBER for f in bead.flags):
            continue
        reason = bead_number_reason(alignment, bead)
        if reason:
            bead.flags.append(Flag(NUMBER, reason))
