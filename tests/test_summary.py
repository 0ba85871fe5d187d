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
