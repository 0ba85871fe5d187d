"""Summary numbers on a real alignment: coverage by characters and the confidence track."""
from __future__ import annotations

import pytest

from aligner.summary import confidence_track, coverage, is_confident
from sample_pairs import ZH, RU, sample_alignment


def chars(s: str) -> int:
    return sum(not c.isspace() for c in s)


def test_coverage_counts_characters_of_confident_pairs_only():
    a = sample_alignment()
    # not confident: zh 3 omitted, ru 4 added, and the weak last pair (score 0.45: zh 5, ru 6)
    assert [is_confident(b) for b in a.beads] == [True, True, True, False, False, True, False]
    cov = coverage(a)
    zh_total = sum(map(chars, ZH))
    ru_total = sum(map(chars, RU))
    assert cov.source == pytest.approx((zh_total - chars(ZH[3]) - chars(ZH[5])) / zh_total)
    assert cov.target == pytest.approx((ru_total - chars(RU[4]) - chars(RU[6])) / ru_total)


def test_confidence_track_follows_the_chinese_and_marks_gaps_in_place():
    a = sample_alignment()
    track = confidence_track(a)
    assert [p["pair"] for p in track] == list(range(1, len(a.beads) + 1))
    positions = [p["position"] for p in track]
    assert positions == sorted(positions) and positions[0] == 0.0
    assert [p["status"] for p in track][3:5] == ["omitted", "added"]
    # the added pair sits where the omitted Chinese sentence ends
    assert track[4]["position"] == pytest.approx(a.source.sentences[3].end / len(a.source.text), abs=1e-4)
    assert track[0]["type"] == "1-2" and track[0]["score"] == 0.81


def test_the_summary_counts_the_pairs_to_look_at_by_the_strips_rule_and_the_rest_ok():
    """On the sample, the summary's "47 ok" counted the merged/split pairs the strip marks to look at: the pairs to
    look at are counted by what the strip marks them as, a merged/split pair apart from 'ok'."""
    from pathlib import Path

    from aligner import align_texts
    from aligner.export.status import status, status_counts
    from aligner.pair_filter import MARKS, is_problem, pairs_to_look_at, problems
    from aligner.summary import look_counts

    texts = Path(__file__).resolve().parent.parent / "texts"
    a = align_texts(*((texts / f"joint-statement.{lang}.txt").read_text(encoding="utf-8") for lang in ("zh", "ru")))
    counts = look_counts(a)
    shaped = [i for i, b in enumerate(a.beads) if problems(b) == ["merged/split"]]
    assert shaped and all(status(a.beads[i]) == "ok" for i in shaped)
    assert counts.to_look_at == len(pairs_to_look_at(a).marked) == sum(map(is_problem, a.beads))
    assert list(counts.marks) == list(MARKS) and counts.marks["merged/split"] == len(shaped)
    statuses = status_counts(a.beads)
    assert counts.ok == statuses["ok"] - len(shaped) == sum(not is_problem(b) for b in a.beads)
    assert all(counts.marks[name] == statuses[name] for name in MARKS if name != "merged/split")
    a.beads[pairs_to_look_at(a).marked[0]].reviewed = True
    assert look_counts(a).reviewed == 1 and look_counts(a).to_look_at == counts.to_look_at  # still to look at
    track = confidence_track(a)  # the chart colours a point as the strip marks its pair
    assert {p["mark"] for p in track if p["status"] == "ok"} == {"ok", "merged/split"}
    assert [p["pair"] for p in track if p["mark"] == "merged/split"] == [i + 1 for i in shaped]
