"""Scoring against gold (hand-computed examples), the gold format, and `aligner evaluate`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.errors import InputError
from aligner.evaluate import count, format_align, parse_align, read_align, score

MAC = Path("/work/shared/benchmarks/mac-zh-en/dev")

GOLD = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2, 3))]
PRED = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()), ((4,), (2,)), ((), (3,))]


def test_counts_of_a_hand_made_example():
    c = count(GOLD, PRED)
    # precision over all 6 predicted beads: exact 0–0 and the 3–null; lax adds 1–1 and 4–2
    assert (c.p_strict, c.p_lax, c.p_total) == (2, 4, 6)
    # recall over the 3 gold beads with both sides: only 0–0 exact; all three overlap a prediction
    assert (c.r_strict, c.r_lax, c.r_total) == (1, 3, 3)
    s = c.scores()
    assert s["strict"]["P"] == pytest.approx(1 / 3) and s["strict"]["R"] == pytest.approx(1 / 3)
    assert s["lax"]["F1"] == pytest.approx(0.8)


def test_scores_are_micro_averaged_over_documents():
    perfect = [((0,), (0,)), ((1,), (1,))]
    s = score([GOLD, perfect], [PRED, perfect])
    assert s["strict"]["P"] == pytest.approx(4 / 8)
    assert s["strict"]["R"] == pytest.approx(3 / 5)
    assert s["strict"]["F1"] == pytest.approx(2 * 0.5 * 0.6 / 1.1)


def test_a_null_prediction_is_never_a_lax_hit_and_duplicates_count_once():
    c = count([((0,), (0,))], [((0,), ()), ((), (0,)), ((0,), ())])
    assert (c.p_strict, c.p_lax, c.p_total) == (0, 0, 2)
    assert (c.r_strict, c.r_lax, c.r_total) == (0, 0, 1)


def test_gold_format_parses_and_round_trips():
    text = "[0,1]:[0]\n[2]:[1,2]\n[3]:[]\n[]:[3]\n"
    beads = parse_align(text)
    assert beads == [((0, 1), (0,)), ((2,), (1, 2)), ((3,), ()), ((), (3,))]
    assert format_align(beads) == text
    real = read_align(MAC / "gold" / "003.align")
    assert parse_align(format_align(real)) == real


def test_a_malformed_gold_line_names_file_and_line():
    with pytest.raises(InputError, match=r"x\.align line 2"):
        parse_align("[0]:[0]\n[1]-[1]\n", "x.align")


def _mini_benchmark(root: Path, docs=("001", "004"), beads=15) -> Path:
    """A 2-document benchmark cut from MAC dev: the first `beads` gold beads of each."""
    for sub in ("zh", "en", "gold"):
        (root / sub).mkdir(parents=True)
    for doc in docs:
        gold = read_align(MAC / "gold" / f"{doc}.align")[:beads]
        n = max(i for s, _ in gold for i in s) + 1
        m = max(j for _, t in gold for j in t) + 1
        zh = (MAC / "zh" / f"{doc}.txt").read_text(encoding="utf-8").splitlines()[:n]
        en = (MAC / "en" / f"{doc}.txt").read_text(encoding="utf-8").splitlines()[:m]
        (root / "zh" / f"{doc}.txt").write_text("\n".join(zh) + "\n", encoding="utf-8")
        (root / "en" / f"{doc}.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
        (root / "gold" / f"{doc}.align").write_text(format_align(gold), encoding="utf-8")
    return root


def test_evaluate_command_json_and_saved_predictions(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    folder = _mini_benchmark(tmp_path / "bench")
    saved = tmp_path / "pred"
    result = CliRunner().invoke(main, ["evaluate", str(folder), "--json", "--save-dir", str(saved), "-q"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)  # the line saying where the predictions went is on stderr
    assert result.stderr == f"Predicted alignments written to {saved}: 001.align, 004.align.\n"
    assert set(report) >= {"strict", "lax", "files", "seconds", "embed_once_seconds", "peak_rss_mb"}
    assert set(report["files"]) == {"001", "004"}
    assert 0.0 < report["embed_once_seconds"] <= report["seconds"]
    assert report["peak_rss_mb"] > 10
    # the saved files are the predictions the figures were computed from
    golds = [read_align(folder / "gold" / f"{d}.align") for d in ("001", "004")]
    preds = [read_align(saved / f"{d}.align") for d in ("001", "004")]
    assert score(golds, preds)["strict"]["F1"] == pytest.approx(report["strict"]["F1"])
    assert report["strict"]["F1"] > 0.8 and report["lax"]["F1"] > 0.95
    for gold, pred in zip(golds, preds):  # predictions cover every sentence once, in order
        assert [i for s, _ in pred for i in s] == [i for s, _ in gold for i in s]


def test_evaluate_command_table_and_a_clear_error_for_a_wrong_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    folder = _mini_benchmark(tmp_path / "bench", docs=("006",), beads=8)
    result = CliRunner().invoke(main, ["evaluate", str(folder), "-q"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].startswith("006") and lines[2].startswith("all")
    assert "sentences/s" in result.output and "peak memory" in result.output

    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert "no gold/ folder" in result.output and "Traceback" not in result.output


def _shifted(beads, src_at: int, tgt_at: int):
    """Beads with every index after a blank line inserted below src line `src_at` / tgt line `tgt_at` moved down one."""
    return [(tuple(i + (i > src_at) for i in s), tuple(j + (j > tgt_at) for j in t)) for s, t in beads]


def test_a_blank_line_in_a_benchmark_text_shifts_no_bead(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    plain = _mini_benchmark(tmp_path / "plain", docs=("004",), beads=15)
    blank = _mini_benchmark(tmp_path / "blank", docs=("004",), beads=15)
    for sub, after in (("zh", 5), ("en", 3)):  # gold counts lines, so a blank line moves every later index
        path = blank / sub / "004.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
        lines.insert(after + 1, "")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = blank / "gold" / "004.align"
    gold.write_text(format_align(_shifted(read_align(gold), 5, 3)), encoding="utf-8")
    reports = {}
    for name, folder in (("plain", plain), ("blank", blank)):
        result = CliRunner().invoke(main, ["evaluate", str(folder), "--json", "-q", "--save-dir", str(tmp_path / f"pred-{name}")])
        assert result.exit_code == 0, result.output
        reports[name] = json.loads(result.stdout)
    assert reports["blank"]["strict"] == reports["plain"]["strict"]
    assert reports["blank"]["strict"]["F1"] > 0.6  # aligned, not shifted (15 beads: 0.69 with the dictionary term, 0.77 without)
    assert read_align(tmp_path / "pred-blank" / "004.align") == _shifted(read_align(tmp_path / "pred-plain" / "004.align"), 5, 3)


def test_a_gold_file_naming_lines_the_text_lacks_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    folder = _mini_benchmark(tmp_path / "bench", docs=("006",), beads=8)
    gold = folder / "gold" / "006.align"
    gold.write_text(gold.read_text(encoding="utf-8") + "[40]:[41]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(folder), "-q"])
    assert result.exit_code == 1
    assert "006.align: names line 40" in result.output and "same document" in result.output
    assert "Traceback" not in result.output


def test_a_gold_file_naming_a_line_twice_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    folder = _mini_benchmark(tmp_path / "bench", docs=("006",), beads=8)
    gold = folder / "gold" / "006.align"
    first = gold.read_text(encoding="utf-8").splitlines()[0]
    gold.write_text(gold.read_text(encoding="utf-8") + first + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(folder), "-q"])
    assert result.exit_code == 1
    assert "006.align: names line" in result.output and "more than one place" in result.output
    assert "Traceback" not in result.output


def test_a_gold_file_covering_part_of_its_texts_is_warned_about(tmp_path, monkeypatch):
    """Gold for the first beads of a longer chapter: the pairs beyond it count as wrong, so the
    precision is meaningless; the evaluation says so, naming the file and the lines left out."""
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    folder = _mini_benchmark(tmp_path / "bench", docs=("006",), beads=20)
    gold = folder / "gold" / "006.align"
    whole = read_align(gold)
    gold.write_text(format_align(whole[:10]), encoding="utf-8")
    last_zh = max(i for s, _ in whole for i in s)
    first_left_out = max(i for s, _ in whole[:10] for i in s) + 1
    result = CliRunner().invoke(main, ["evaluate", str(folder), "--json", "-q"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)  # the warnings leave the JSON on stdout readable
    assert report["strict"]["P"] < 0.7
    zh_warning = next(w for w in report["warnings"] if "zh/006.txt" in w)
    assert f"006.align leaves out {last_zh + 1 - first_left_out} of the {last_zh + 1} lines" in zh_warning
    assert f"lines {first_left_out}–{last_zh}" in zh_warning and "precision" in zh_warning
    assert any("en/006.txt" in w for w in report["warnings"])
    assert "Warning: " in result.stderr and "leaves out" in result.stderr


def test_a_text_without_gold_is_warned_about_and_a_complete_gold_gives_no_warning(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    folder = _mini_benchmark(tmp_path / "bench", docs=("006",), beads=8)
    result = CliRunner().invoke(main, ["evaluate", str(folder), "--json", "-q"])
    assert result.exit_code == 0 and json.loads(result.stdout)["warnings"] == [] and result.stderr == ""
    (folder / "zh" / "007.txt").write_text((folder / "zh" / "006.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(folder), "-q"])
    assert result.exit_code == 0, result.output
    assert "007.txt has no gold/007.align and is not scored" in result.stderr
    assert result.stdout.splitlines()[1].startswith("006")


def test_save_dir_never_overwrites_the_gold_and_a_bad_one_fails_before_any_work(tmp_path, monkeypatch):
    """--save-dir bench/gold would replace the gold with the predictions (which then score 1.0);
    a --save-dir that cannot be made would be found only after the whole evaluation."""
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    folder = _mini_benchmark(tmp_path / "bench", docs=("006",), beads=8)
    gold = folder / "gold" / "006.align"
    before = gold.read_bytes()
    result = CliRunner().invoke(main, ["evaluate", str(folder), "-q", "--save-dir", str(folder / "gold")])
    assert result.exit_code == 1 and "gold folder" in result.output and "overwrite" in result.output
    assert gold.read_bytes() == before
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(folder), "-q", "--save-dir", str(tmp_path / "a-file" / "pred")])
    assert result.exit_code == 1 and "Cannot make the folder" in result.output
    assert "Traceback" not in result.output and "strict P" not in result.output  # refused before aligning


def test_the_table_keeps_its_columns_for_long_document_names(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    folder = _mini_benchmark(tmp_path / "bench", docs=("006",), beads=8)
    for sub, ext in (("zh", "txt"), ("en", "txt"), ("gold", "align")):
        (folder / sub / f"006.{ext}").rename(folder / sub / f"hongloumeng-chapter-06.{ext}")
    result = CliRunner().invoke(main, ["evaluate", str(folder), "-q"])
    assert result.exit_code == 0, result.output
    head, row, total = result.stdout.splitlines()[:3]
    assert row.startswith("hongloumeng-chapter-06 ") and len(head) == len(row) == len(total)


def test_the_time_ratio_is_given_only_from_a_cold_cache(tmp_path, monkeypatch):
    # a re-run reads every vector from the cache: "embedding each sentence once 0.0 s (ratio 79)" meant nothing
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    folder = _mini_benchmark(tmp_path / "bench", docs=("006",), beads=8)
    for sub, ext in (("zh", "txt"), ("en", "txt"), ("gold", "align")):  # a second document with the same lines:
        (folder / sub / f"007.{ext}").write_bytes((folder / sub / f"006.{ext}").read_bytes())  # cached by this run
    cold = json.loads(CliRunner().invoke(main, ["evaluate", str(folder), "--json", "-q"]).output)
    assert cold["time_ratio"] == pytest.approx(cold["seconds"] / cold["embed_once_seconds"], rel=0.01)
    assert cold["time_ratio_note"] is None
    warm = json.loads(CliRunner().invoke(main, ["evaluate", str(folder), "--json", "-q"]).output)
    assert warm["time_ratio"] is None and warm["embed_once_seconds"] is not None
    assert "cold" in warm["time_ratio_note"] and "--no-cache" in warm["time_ratio_note"]
    table = CliRunner().invoke(main, ["evaluate", str(folder), "-q"]).output
    assert "ratio" in table and "--no-cache" in table and "(ratio " not in table
    uncached = json.loads(CliRunner().invoke(main, ["evaluate", str(folder), "--json", "-q", "--no-cache"]).output)
    assert uncached["time_ratio"] is not None and uncached["time_ratio_note"] is None
