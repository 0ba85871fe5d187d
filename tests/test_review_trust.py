"""The figures shown beside flags are the benchmark's own, and read the way a reviewer needs."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from aligner.review.trust import (
    Trust, describe, figures_from_json, figures_to_json, measured, table_rows, title_attribute, update_file)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

KINDS = ("omitted", "added", "partial", "number", "name")


def test_the_package_ships_figures_for_every_planted_kind_on_both_genres():
    figures = measured()
    for genre in ("literary", "formal"):
        for kind in KINDS:
            t = figures[genre][kind]
            assert 0 < t.right <= t.flags and 0 < t.found <= t.planted


def _results_table(title_start: str) -> dict[str, float]:
    """flag kind -> precision from the table under `title_start` in the gaps section of RESULTS.md."""
    text = (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    section = text[text.index(title_start):]
    table = section[: section.index("\n\n", section.index("| flag"))]
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^\| (\w+) \| \d+ \| \d+ \| ([\d.]+) \|", table, re.M)}


def test_the_shipped_figures_are_those_the_benchmark_published():
    """gaps.py writes RESULTS.md and the package's figures in one run: they must agree."""
    figures = measured()
    for title, genre in (("MAC dev chapters (literary", "literary"), ("Sample texts (formal", "formal")):
        published = _results_table(title)
        assert set(published) == set(figures[genre]) - {"weak"} >= set(KINDS)
        for kind, precision in published.items():
            assert figures[genre][kind].precision == pytest.approx(precision, abs=0.0005), (genre, kind)


def test_the_weak_flags_figures_are_those_the_alignment_benchmark_published():
    text = (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    m = re.search(r"of ([\d,]+) predicted pairs, (\d+) are not gold beads;.*? (\d+) pairs score below [\d.]+ and get a "
                  r"`weak` flag; (\d+) of them are wrong", text)
    assert m is not None
    weak = measured()["literary"]["weak"]
    assert (weak.planted, weak.flags, weak.right) == (int(m.group(2)), int(m.group(3)), int(m.group(4)))
    assert weak.measured_by.startswith("benchmarks/mac_eval.py@")


def test_describe_says_how_often_a_kind_was_right_per_genre():
    figures = {"literary": {"omitted": Trust(flags=7, right=6, planted=10, found=6)},
               "formal": {"omitted": Trust(flags=4, right=4, planted=4, found=4)}}
    assert describe("omitted", figures) == (
        "right 86% of the time in our tests on literary prose (7 flags), 100% on formal documents (4 flags)")
    assert describe("weak", figures) is None  # nothing planted for it: no claim
    rows = table_rows(figures)
    assert rows == [{"flag": "omitted", "right (literary prose)": "86%", "found (literary prose)": "60%",
                     "right (formal documents)": "100%", "found (formal documents)": "100%"}]


def test_figures_survive_the_file_and_a_broken_file_is_named():
    figures = {"literary": {"added": Trust(flags=3, right=2, planted=5, found=2, measured_by="benchmarks/gaps.py@abc")}}
    assert figures_from_json(figures_to_json(figures)) == figures
    with pytest.raises(ValueError, match="flag_trust.json is not a flag-trust file"):
        figures_from_json('{"kinds": {}}')


def test_each_benchmark_updates_only_its_own_kinds(tmp_path):
    path = tmp_path / "flag_trust.json"
    gaps_figures = {"literary": {"added": Trust(3, 2, 5, 2)}, "formal": {"added": Trust(1, 1, 1, 1)}}
    update_file(path, gaps_figures)
    update_file(path, {"literary": {"weak": Trust(93, 26, 140, 26)}})
    update_file(path, {"literary": {"added": Trust(4, 4, 5, 4)}})
    assert figures_from_json(path.read_text(encoding="utf-8")) == {
        "literary": {"added": Trust(4, 4, 5, 4), "weak": Trust(93, 26, 140, 26)}, "formal": {"added": Trust(1, 1, 1, 1)}}


def test_the_benchmark_turns_its_tallies_into_the_figures():
    import gaps

    totals = {group: {kind: gaps.Tally() for kind in KINDS} for group in gaps.GROUPS}
    totals["MAC"]["omitted"] = gaps.Tally(tp_truth=6, truth=10, tp_pred=6, pred=7)
    figures = gaps.trust_figures(totals, "abc1234")
    by = "benchmarks/gaps.py@abc1234"
    assert figures["literary"]["omitted"] == Trust(flags=7, right=6, planted=10, found=6, measured_by=by)
    assert "omitted" not in figures["formal"]  # nothing planted or flagged: no figure rather than a 0 of 0


def test_flags_in_the_review_table_and_report_carry_the_figures():
    from aligner.export.html_report import render_html
    from sample_pairs import sample_alignment
    from ui.pairs_table import table_html

    a = sample_alignment()  # pair 4 is an omission, pair 5 an addition
    html = table_html(a, list(range(len(a.beads))))
    assert f'title="omitted flags: {describe("omitted")}"' in html
    assert f'title="low confidence flags: {describe("weak")}"' in html  # pair 7 is weak
    assert title_attribute("spelling") == ""  # a kind nothing measured gets no claim
    report = render_html(a).decode("utf-8")
    assert "How far to trust the flags" in report and f'title="added flags: {describe("added")}"' in report
