"""End to end on formal Chinese documents and their English translations, as a reviewer of statements,
contracts and reports reads them (tests/data/formal: a press briefing on trade figures, an equipment
contract, a statistical communiqué, a summit speech; faithful translations written for these tests).

A faithful translation gets no number or name flag: such flags are what a reviewer stops trusting when
they are false. A copy with one slip planted per sentence gets the flag that names the slip.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from aligner.review import NAME, NUMBER
from aligner.types import Alignment

DATA = Path(__file__).resolve().parent / "data" / "formal"
DOCUMENTS = ("press", "contract", "report", "speech")

# (document, English as translated, as damaged, the reason the damaged pair's flag gives)
SLIPS = [
    ("press", "up 6.3%", "up 3.6%", (NUMBER, "6.3% ≠ 3.6%")),
    ("press", "for seven consecutive years", "for six consecutive years", (NUMBER, "7 ≠ six")),
    ("press", "the fifth ministerial", "the fourth ministerial", (NUMBER, "五 ≠ fourth")),
    ("press", "China hopes the U.S. will", "China hopes the EU will",
     (NAME, "EU only in the English; United States (美方) only in the Chinese")),
    ("contract", "Within 10 working days", "Within 15 working days", (NUMBER, "10 ≠ 15")),
    ("contract", "liquidated damages of 0.5‰", "liquidated damages of 0.5%", (NUMBER, "0.5‰ ≠ 0.5%")),
    ("contract", "The remaining 10% shall", "The remaining 5% shall", (NUMBER, "10% ≠ 5%")),
    ("report", "a decrease of 2.08 million", "an increase of 2.08 million", (NUMBER, "减少 ≠ increase")),
    ("report", "down by 15.3 percent", "up by 15.3 percent", (NUMBER, "下降 ≠ up")),
    ("report", "US$163.3 billion", "US$16.33 billion", (NUMBER, "1633亿 ≠ 16.33 billion")),
    ("speech", "in Kazakhstan in 2025", "in Uzbekistan in 2025", (NAME, "Kazakhstan (哈萨克斯坦) only in the Chinese")),
    ("speech", "joining the WTO", "joining the WHO", (NAME, "WTO (世界贸易组织) only in the Chinese; WHO only in the English")),
]


@pytest.fixture(scope="module")
def aligned():
    from aligner import align_texts

    @cache
    def run(name: str, english: str) -> Alignment:
        return align_texts((DATA / f"{name}.zh.txt").read_text(encoding="utf-8"), english,
                           source_name=f"{name}.zh.txt", target_name=f"{name}.en.txt")

    return run


def english(name: str) -> str:
    return (DATA / f"{name}.en.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_faithful_translation_has_no_number_or_name_flag(aligned, name):
    a = aligned(name, english(name))
    wrong = [(a.target.span_text(b.tgt), f.reason) for b in a.beads for f in b.flags if f.kind in (NUMBER, NAME)]
    assert wrong == []


@pytest.mark.parametrize("name, before, after, flag", SLIPS, ids=[s[1] for s in SLIPS])
def test_a_slip_gets_the_flag_that_names_it(aligned, name, before, after, flag):
    text = english(name)
    assert text.count(before) == 1
    a = aligned(name, text.replace(before, after))
    bead = next(b for b in a.beads if after in a.target.span_text(b.tgt))
    assert flag in [(f.kind, f.reason) for f in bead.flags]
