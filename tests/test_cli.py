"""The command line end to end on the sample texts: formats, listing, errors as one clear line."""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.export.table import one_line

ROOT = Path(__file__).resolve().parents[1]
ZH = ROOT / "texts" / "joint-statement.zh.txt"
RU = ROOT / "texts" / "joint-statement.ru.txt"
EN = ROOT / "texts" / "joint-statement.en.txt"


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> CliRunner:
    cache = tmp_path_factory.mktemp("cache")
    return CliRunner(env={"ALIGNER_CACHE_DIR": str(cache), "OMP_NUM_THREADS": "1"})


@pytest.fixture(scope="module")
def ru_json(runner, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("out") / "pairs.json"
    result = runner.invoke(main, ["align", str(ZH), str(RU), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_json_record_covers_both_texts_in_order(ru_json):
    assert ru_json["source"]["lang"] == "zh" and ru_json["target"]["lang"] == "ru"
    src_seen = [i for pair in ru_json["pairs"] for i in pair["src"]]
    tgt_seen = [i for pair in ru_json["pairs"] for i in pair["tgt"]]
    assert src_seen == list(range(len(ru_json["source"]["sentences"])))
    assert tgt_seen == list(range(len(ru_json["target"]["sentences"])))
    for pair in ru_json["pairs"]:
        assert 0.0 <= pair["score"] <= 1.0
        kinds = {flag["kind"] for flag in pair["flags"]}
        if not pair["tgt"]:
            assert "omitted" in kinds
        if not pair["src"]:
            assert "added" in kinds


def test_sentence_offsets_point_into_the_users_file(ru_json):
    original = ZH.read_text(encoding="utf-8")
    for sentence in ru_json["source"]["sentences"]:
        assert original[sentence["start"]:sentence["end"]] == sentence["text"]
    assert "以联合国为核\n\n心的国际体系" in original  # the PDF damage is kept, not "repaired" in place


@pytest.mark.parametrize("suffix", ["tsv", "csv", "tmx", "xlsx", "docx", "html"])
def test_each_format_reads_back_with_the_same_pairs(runner, ru_json, tmp_path, suffix):
    out = tmp_path / f"pairs.{suffix}"
    result = runner.invoke(main, ["align", str(ZH), str(RU), "-o", str(out)])
    assert result.exit_code == 0, result.output
    pairs = ru_json["pairs"]
    if suffix in ("tsv", "csv"):
        encoding, dialect = ("utf-8", "excel-tab") if suffix == "tsv" else ("utf-8-sig", "excel")
        with out.open(encoding=encoding, newline="") as handle:
            rows = list(csv.reader(handle, dialect=dialect))
        assert rows[0][3:5] == ["zh", "ru"]
        assert len(rows) - 1 == len(pairs)
    elif suffix == "tmx":
        tus = ET.parse(out).getroot().findall("./body/tu")
        assert len(tus) == sum(1 for p in pairs if p["src"] and p["tgt"])
    elif suffix == "xlsx":
        sheet = openpyxl.load_workbook(out).worksheets[0]
        assert sheet.max_row - 1 == len(pairs)
    elif suffix == "docx":
        from docx import Document as WordDocument

        rows = WordDocument(str(out)).tables[-1].rows
        assert [r.cells[1].text for r in rows[1:]] == [one_line(p["src_text"]) or "—" for p in pairs]
    else:
        html = out.read_text(encoding="utf-8")
        omitted = next(p for p in pairs if not p["tgt"])
        assert omitted["src_text"].split()[0][:10] in html


def test_keep_and_min_score_write_only_the_pairs_asked_for(runner, ru_json, tmp_path):
    out = tmp_path / "memory.tsv"
    result = runner.invoke(main, ["align", "-q", str(ZH), str(RU), "--keep", "ok,weak", "--min-score", "0.5",
                                  "-o", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, dialect="excel-tab"))
    wanted = [p for p in ru_json["pairs"] if p["src"] and p["tgt"] and p["score"] >= 0.5
              and not {f["kind"] for f in p["flags"]} - {"weak"}]
    assert [(r["zh"], r["ru"]) for r in rows] == [(one_line(p["src_text"]), one_line(p["tgt_text"])) for p in wanted]
    assert 0 < len(rows) < len(ru_json["pairs"])
    assert f"{len(rows)} of {len(ru_json['pairs'])} pairs (kept: weak, ok; score ≥ 0.5)" in result.output

    listing = runner.invoke(main, ["align", "-q", str(ZH), str(RU), str(EN), "--keep", "omitted"])
    assert listing.exit_code == 0, listing.output
    rows = listing.output.split("\n#")[1:]  # after the column heads, one block per row
    assert rows and all(" omitted: " in row for row in rows)
    bad = runner.invoke(main, ["align", str(ZH), str(RU), "--keep", "good"])
    assert bad.exit_code == 2 and "give statuses from omitted, added, flagged, weak, ok" in bad.output


def test_the_message_counts_what_a_tmx_really_holds(runner, ru_json, tmp_path):
    # omitted and added passages are no translation units: a TMX of them holds none, and must say so
    out = tmp_path / "memory.tmx"
    one_sided = sum(1 for p in ru_json["pairs"] if not p["src"] or not p["tgt"])
    total = len(ru_json["pairs"])
    result = runner.invoke(main, ["align", "-q", str(ZH), str(RU), "--keep", "omitted", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert ET.parse(out).getroot().findall("body/tu") == []
    omitted = sum(1 for p in ru_json["pairs"] if not p["tgt"])
    assert (f"{omitted} of {total} pairs chosen (kept: omitted); a TMX holds only pairs with text on every side: "
            f"0 written to {out}") in result.output
    result = runner.invoke(main, ["align", "-q", str(ZH), str(RU), "-o", str(out)])
    assert len(ET.parse(out).getroot().findall("body/tu")) == total - one_sided > 0
    assert (f"{total - one_sided} of {total} pairs written to {out} (replacing the file that was there): a TMX holds "
            "only pairs") in result.output  # the first run's file, written over
    checked = runner.invoke(main, ["check", "-q", str(out), "--keep", "ok", "-o", str(tmp_path / "again.tmx")])
    assert checked.exit_code == 0 and "a TMX holds" not in checked.output  # every row of a TMX has both sides


def test_a_text_piped_into_stdin_is_read_for_a_dash_in_any_encoding(runner, tmp_path):
    zh = "2022年2月4日，两国元首在北京举行会谈。\n双方同意将贸易额提高到2000亿美元。\n"
    en = tmp_path / "small.en.txt"
    en.write_text("On 4 February 2022, the two heads of state held talks in Beijing.\n"
                  "The two sides agreed to raise trade to 200 billion US dollars.\n", encoding="utf-8")
    out = tmp_path / "pairs.json"
    result = runner.invoke(main, ["align", "-q", "-", str(en), "-o", str(out)], input=zh.encode("gb18030"))
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["source"]["name"] == "stdin" and record["source"]["text"] == zh and len(record["pairs"]) == 2
    empty = runner.invoke(main, ["align", "-q", "-", str(en)], input=b"")
    assert empty.exit_code == 1 and "stdin is empty" in _error_line(empty)
    twice = runner.invoke(main, ["align", "-q", "-", "-"], input=b"")
    assert "'-' (stdin) can give one text of two" in _error_line(twice, 2)
    check = runner.invoke(main, ["check", "-"], input=b"")
    assert "not from stdin ('-')" in _error_line(check, 2)


def test_an_encoding_given_for_a_side_overrides_the_one_detected(runner, tmp_path):
    """A Russian word saved as Windows-1251 reads as GB18030 ("帖" for "Мы"): too short to tell; the user says.
    («СССР», "蜒研" in GB18030, was the example here; its letter pairs now tell it apart, see test_reading.)"""
    zh = tmp_path / "zh.txt"
    zh.write_text("我们\n", encoding="utf-8")
    ru = tmp_path / "ru.txt"
    ru.write_bytes("Мы\n".encode("cp1251"))
    guessed = runner.invoke(main, ["align", "-q", str(zh), str(ru)])
    assert guessed.exit_code == 1 and guessed.stdout == ""
    assert guessed.stderr.splitlines() == [  # the guess is named before the error it leads to, with what to do
        f"Read {ru} as GB18030 (GBK); if its text looks wrong, give --target-encoding.",
        f"Error: Both {zh} and {ru} are Chinese; give a Chinese text and its Russian or English translation."]
    out = tmp_path / "pairs.json"
    given = runner.invoke(main, ["align", "-q", str(zh), str(ru), "--target-encoding", "windows-1251", "-o", str(out)])
    assert given.exit_code == 0, given.output
    assert json.loads(out.read_text(encoding="utf-8"))["target"]["text"] == "Мы\n"
    piped = runner.invoke(main, ["align", "-q", str(zh), "-", "--target-encoding", "cp1251"], input="Мы\n".encode("cp1251"))
    assert piped.exit_code == 0 and "Мы" in piped.output, piped.output
    wrong = runner.invoke(main, ["align", "-q", str(zh), str(ru), "--target-encoding", "utf-8"])
    assert "ru.txt cannot be read as UTF-8: 0xCC on line 1 is no character in it" in _error_line(wrong)
    document = runner.invoke(main, ["align", "-q", str(ZH), str(ROOT / "tests" / "data" / "joint-statement.en.odt"),
                                    "--target-encoding", "cp1252"])
    assert "joint-statement.en.odt is a document, which records its own encoding" in _error_line(document)


def test_listing_on_stdout_shows_both_languages(runner):
    result = runner.invoke(main, ["align", "-q", str(ZH), str(EN)])
    assert result.exit_code == 0, result.output
    assert "应中华人民共和国主席习近平邀请" in result.output
    assert "Xi Jinping" in result.output


def test_presplit_keeps_one_sentence_per_line(runner, tmp_path):
    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text("他来了。她也来了。\n我们走吧。\n", encoding="utf-8")
    en.write_text("He came. She came too.\nLet us go.\n", encoding="utf-8")
    out = tmp_path / "p.json"
    result = runner.invoke(main, ["align", "--presplit", str(zh), str(en), "-o", str(out)])
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert [s["text"] for s in record["source"]["sentences"]] == ["他来了。她也来了。", "我们走吧。"]
    assert [(p["src"], p["tgt"]) for p in record["pairs"]] == [([0], [0]), ([1], [1])]


def _error_line(result, exit_code: int = 1) -> str:
    assert result.exit_code == exit_code, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_same_language_on_both_sides_is_one_clear_line(runner):
    assert "Both" in _error_line(runner.invoke(main, ["align", str(RU), str(RU)]))


def test_swapped_files_say_to_put_chinese_first(runner):
    assert "Chinese first" in _error_line(runner.invoke(main, ["align", str(RU), str(ZH)]))


def test_a_translation_given_first_is_told_what_goes_first(runner):
    line = _error_line(runner.invoke(main, ["align", str(EN), str(RU)]))
    assert "joint-statement.en.txt is English, not Chinese; the first text must be the Chinese original" in line


def test_a_japanese_file_is_not_aligned_as_chinese(runner, tmp_path):
    ja = tmp_path / "ja.txt"
    ja.write_text("両国首脳は北京で会談を行い、第24回冬季オリンピックの開会式に出席した。\n", encoding="utf-8")
    line = _error_line(runner.invoke(main, ["align", str(ja), str(RU)]))
    assert "ja.txt looks like Japanese" in line


def test_empty_and_binary_files_are_named_in_the_error(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert "empty.txt" in _error_line(runner.invoke(main, ["align", str(empty), str(RU)]))
    image = tmp_path / "scan.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "scan.txt" in _error_line(runner.invoke(main, ["align", str(ZH), str(image)]))


def test_missing_model_is_one_line_not_a_long_retry(runner):
    line = _error_line(runner.invoke(main, ["align", "--model", "no-such-org/no-such-model", str(ZH), str(RU)]))
    assert "no-such-org/no-such-model" in line


def test_unknown_output_extension_is_refused_before_work(runner, tmp_path):
    # A missing model would fail first if the output were checked only after aligning.
    line = _error_line(runner.invoke(main, ["align", "--model", "no-such-org/no-such-model", str(ZH), str(RU),
                                            "-o", str(tmp_path / "pairs.odt")]))
    assert "pairs.odt" in line and "'.odt'" in line and ".tsv" in line


@pytest.mark.parametrize(("output", "says"), [
    ("no-such-folder/pairs.tsv", "folder .*no-such-folder does not exist"),
    ("pairs", "pairs: the name has no extension.*\\.tsv"),
    ("a-folder.tsv", "a-folder.tsv: it is a folder"),
    ("", "it is a folder"),
])
def test_a_bad_output_path_is_one_line_before_any_work(runner, tmp_path, output, says):
    (tmp_path / "a-folder.tsv").mkdir()
    line = _error_line(runner.invoke(main, ["align", "--model", "no-such-org/no-such-model", str(ZH), str(RU),
                                            "-o", str(tmp_path / output)]))
    assert re.search(says, line), line
    assert "no-such-model" not in line


def test_output_that_is_an_input_file_is_refused_and_the_text_kept(runner, tmp_path):
    zh, ru = tmp_path / "zh.txt", tmp_path / "ru.txt"
    zh.write_text("双方认为，和平、发展、合作是时代潮流。\n", encoding="utf-8")
    ru.write_text("Стороны считают, что мир, развитие и сотрудничество являются главными тенденциями.\n",
                  encoding="utf-8")
    before = ru.read_bytes()
    line = _error_line(runner.invoke(main, ["align", str(zh), str(ru), "-o", str(ru)]))
    assert "ru.txt" in line and "input" in line
    assert ru.read_bytes() == before


def test_output_named_as_the_glossary_is_refused_and_the_glossary_kept(runner, tmp_path):
    """`--glossary terms.tsv -o terms.tsv` (a slip of tab completion) overwrote the reviewer's glossary with
    the pairs: the glossary is an input too, for align and for check."""
    terms = tmp_path / "terms.tsv"
    terms.write_text("zh\tru\n多极化\tмногополярность\n联合国\tООН | Организация Объединённых Наций\n",
                     encoding="utf-8")
    before = terms.read_bytes()
    pairs = tmp_path / "pairs.tsv"
    assert runner.invoke(main, ["align", "-q", str(ZH), str(RU), "-o", str(pairs)]).exit_code == 0
    for args in (["align", str(ZH), str(RU)], ["check", str(pairs)]):
        line = _error_line(runner.invoke(main, [*args, "-q", "--glossary", str(terms), "-o", str(terms)]))
        assert line == f"Error: Cannot write {terms}: it is one of the input files and would be overwritten; " \
                       "choose another output name."
        assert terms.read_bytes() == before


def test_python_dash_m_runs_and_a_closed_pipe_is_quiet(tmp_path):
    env = dict(os.environ, ALIGNER_CACHE_DIR=str(tmp_path), OMP_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    command = f"{sys.executable} -m aligner align {ZH} {RU} | head -n 3"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, env=env)
    assert done.stdout.splitlines()[0].startswith("zh: ")
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_a_listing_redirected_where_the_system_encoding_is_not_unicode_is_written_in_utf8(tmp_path):
    # `aligner align zh.txt ru.txt > pairs.txt` on a Russian Windows: stdout is cp1251, which has no Chinese
    # and no box lines; the listing ended in a UnicodeEncodeError traceback
    zh, ru = tmp_path / "zh.txt", tmp_path / "ru.txt"
    zh.write_text("两国元首在北京举行会谈。双方同意加强合作。\n", encoding="utf-8")
    ru.write_text("Главы государств провели переговоры в Пекине. Стороны договорились укреплять сотрудничество.\n",
                  encoding="utf-8")
    env = dict(os.environ, ALIGNER_CACHE_DIR=str(tmp_path), OMP_NUM_THREADS="1", PYTHONPATH=str(ROOT),
               PYTHONIOENCODING="cp1251")
    done = subprocess.run([sys.executable, "-m", "aligner", "align", "-q", str(zh), str(ru)], capture_output=True, env=env)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    listing = done.stdout.decode("utf-8")
    assert "两国元首在北京举行会谈。" in listing and "│ Главы государств" in listing


def test_the_review_page_refuses_uploads_over_the_readers_limit():
    import tomllib

    from aligner.cli.ui_cmd import streamlit_command
    from aligner.reading import MAX_DOCUMENT_BYTES, MB

    command = streamlit_command(port=8599, headless=True)
    limit_mb = int(command[command.index("--server.maxUploadSize") + 1])
    assert limit_mb * MB == MAX_DOCUMENT_BYTES  # Streamlit's MB is 10^6 bytes (but on Windows), as the library's
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == limit_mb  # `streamlit run ui/app.py` (scripts/run.sh) agrees


@pytest.mark.parametrize(("args", "says"), [
    (["align", str(ZH)], "Give two files (Chinese, translation) or three"),
    (["align"], "Give two files (Chinese, translation) or three"),
    (["align", str(ZH), str(RU), "--target-lang", "fr"], "'fr' is not one of 'ru', 'en'"),
    (["align", "--bogus", str(ZH), str(RU)], "No such option '--bogus'"),
    (["align", str(ZH), str(RU), str(EN), "--target-lang", "en"], "--target-lang is for two files"),  # was ignored
    (["align", str(ZH), str(RU), "--target-encoding", "klingon"], "'klingon' is not a text encoding"),
    (["align", str(ZH), str(RU), "--target-encoding", "rot13"], "'rot13' is not a text encoding"),
    (["align", str(ZH), str(RU), str(EN), "--zh-encoding", "gbk"], "--zh-encoding and --target-encoding are for two"),
    (["align", str(ZH), "https://example.org/en.html", "--target-encoding", "cp1252"], "is a web address"),
    (["evaluate", "no-such-folder"], "'no-such-folder' does not exist"),
    (["allign", str(ZH), str(RU)], "No such command 'allign'"),
])
def test_command_line_mistakes_are_one_line_with_where_to_look(runner, args, says):
    line = _error_line(runner.invoke(main, args), exit_code=2)
    assert says in line and "--help'." in line, line


def test_align_help_names_the_files_by_their_role_and_the_kinds_it_reads(runner):
    # a reviewer, not a programmer, reads this: no FILES[0], and which documents it takes
    help_text = runner.invoke(main, ["align", "--help"]).output
    assert "align [OPTIONS] CHINESE TRANSLATION [SECOND_TRANSLATION]" in help_text
    assert "FILES[" not in help_text
    assert all(kind in help_text for kind in (".docx", ".pdf", ".rtf", ".odt", ".epub", ".html", "cp1251"))
    summary = runner.invoke(main, ["--help"]).output
    assert "align     Align a Chinese text with its Russian or English translation" in summary


def test_align_help_says_which_file_goes_where_for_two_and_three_columns(runner):
    """"CHINESE TRANSLATION [ENGLISH]" read as: the translation is Russian, English comes third, so a user with
    zh and en put the English third or wondered where it went; the help now shows both layouts."""
    help_text = runner.invoke(main, ["align", "--help"]).output
    assert "[ENGLISH]" not in help_text
    lines = [line.strip() for line in help_text.splitlines()]
    two, three = lines.index("aligner align zh.txt en.txt"), lines.index("aligner align zh.txt ru.txt en.txt")
    assert "aligner align zh.txt ru.txt" in lines[two:three]
    assert lines[two - 1].startswith("Two columns") and lines[three - 1].startswith("Three columns")
    assert "either order" in lines[three - 1]


def test_plain_aligner_still_shows_the_help(runner):
    result = runner.invoke(main, [])
    assert "Commands:" in result.output and "align" in result.output


def test_a_warning_for_the_user_is_one_plain_line_not_python_source(tmp_path):
    # a cache that cannot be used (here its folder is a file) must not fail the run; the CLI printed the
    # warning as Python does: "…/aligner/embed/cache.py:72: RuntimeWarning: …" and the source line below it
    zh, ru = tmp_path / "zh.txt", tmp_path / "ru.txt"
    zh.write_text("两国元首在北京举行会谈。双方同意加强合作。\n", encoding="utf-8")
    ru.write_text("Главы государств провели переговоры в Пекине. Стороны договорились укреплять сотрудничество.\n",
                  encoding="utf-8")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "embeddings").write_bytes(b"not a folder")
    env = dict(os.environ, ALIGNER_CACHE_DIR=str(tmp_path / "cache"), OMP_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "aligner", "align", "-q", str(zh), str(ru)],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("Warning: Embedding cache ") and "continuing without it" in lines[0]
    assert "RuntimeWarning" not in lines[0] and ".py:" not in lines[0]


def test_only_the_products_own_warnings_are_reworded():
    import warnings

    from aligner.cli.output import one_line_warnings
    from aligner.errors import AlignerWarning

    shown = []
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = lambda message, category, *rest, **kw: shown.append((str(message), category))
        with one_line_warnings():
            warnings.warn("a library's own deprecation", DeprecationWarning)
    assert shown == [("a library's own deprecation", DeprecationWarning)]  # passed on to whoever shows it
    assert issubclass(AlignerWarning, RuntimeWarning)  # callers filtering RuntimeWarning still catch ours


def test_each_commands_keep_help_says_what_that_command_filters(runner):
    # batch prints no listing, yet its --keep help said "the listing on stdout is filtered too"
    def keep_help(command: str) -> str:
        text = " ".join(runner.invoke(main, [command, "--help"]).output.split())
        start = text.index("--keep STATUS")
        return text[start:text.index("--min-score SCORE", start)]

    for command in ("align", "check"):
        assert "the listing on stdout is filtered too" in keep_help(command), command
    batch = keep_help("batch")
    assert "listing" not in batch and "stdout" not in batch
    assert "--merge corpus" in batch and "summary.tsv" in batch


def test_o_dash_writes_the_export_to_stdout_for_a_pipe_as_the_file_would_hold_it(runner, tmp_path):
    """`aligner align zh en -o - | cut -f4,5` or `-o - -f json | jq`: '-' was refused as a name with no
    extension. The bytes are the file's; the count goes to stderr, so the pipe holds the pairs alone."""
    file = runner.invoke(main, ["align", "-q", str(ZH), str(EN), "-o", str(tmp_path / "pairs.tsv")])
    assert file.exit_code == 0, file.output
    piped = runner.invoke(main, ["align", "-q", str(ZH), str(EN), "-o", "-"])
    assert piped.exit_code == 0, piped.output
    assert piped.stdout_bytes == (tmp_path / "pairs.tsv").read_bytes()
    assert "51 pairs written to stdout" in piped.stderr
    record = json.loads(runner.invoke(main, ["align", "-q", str(ZH), str(EN), "-o", "-", "-f", "json"]).stdout_bytes)
    assert len(record["pairs"]) == 51
    three = runner.invoke(main, ["align", "-q", str(ZH), str(RU), str(EN), "-o", "-", "-f", "csv"])
    assert next(csv.reader(three.stdout_bytes.decode("utf-8-sig").splitlines()))[:4] == ["row", "zh", "ru", "en"]
    checked = runner.invoke(main, ["check", "-q", str(tmp_path / "pairs.tsv"), "-o", "-", "-f", "tmx"])
    assert checked.exit_code == 0 and len(ET.fromstring(checked.stdout_bytes).findall("body/tu")) == 48


def test_f_with_a_file_name_is_refused_before_work_not_a_second_format(runner, tmp_path):
    result = runner.invoke(main, ["align", "--model", "no-such-org/no-such-model", str(ZH), str(RU),
                                  "-o", str(tmp_path / "pairs.tsv"), "-f", "json"])
    assert result.exit_code == 2 and "-o pairs.json" in result.output and "no-such-model" not in result.output
    assert not (tmp_path / "pairs.tsv").exists()


def test_three_files_with_two_translations_in_one_language_say_so(runner, tmp_path):
    """`aligner align zh.txt ru.txt en.txt` whose "English" is Russian gave columns ru1 and ru2 without
    a word: a reviewer who meant a Russian and an English translation should learn the file was wrong."""
    russian_too = tmp_path / "statement.en.txt"
    russian_too.write_bytes(RU.read_bytes())
    out = tmp_path / "rows.tsv"
    done = runner.invoke(main, ["align", "-q", str(ZH), str(RU), str(russian_too), "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert f"both translations are Russian ({RU} and {russian_too})" in done.stderr
    plain = runner.invoke(main, ["align", "-q", str(ZH), str(RU), str(EN), "-o", str(out)])
    assert "both translations" not in plain.stderr


FRENCH = ("Déclaration conjointe de la Fédération de Russie et de la République populaire de Chine sur les relations "
          "internationales entrant dans une nouvelle ère et le développement durable mondial.\n\n"
          "À l'invitation du président de la République populaire de Chine, Xi Jinping, le président de la Fédération "
          "de Russie, Vladimir Poutine, s'est rendu en Chine le 4 février 2022. Les chefs d'État ont tenu des "
          "entretiens à Pékin et ont assisté à la cérémonie d'ouverture des XXIVe Jeux olympiques d'hiver.\n")


def test_a_translation_refused_as_another_language_in_three_columns_is_told_a_way_that_works(runner, tmp_path):
    """Three columns refuse --target-lang, so "set --target-lang en" was advice the same command then refused:
    the message points to two columns, where the language can be set."""
    french = tmp_path / "statement.fr.txt"
    french.write_text(FRENCH, encoding="utf-8")
    three = _error_line(runner.invoke(main, ["align", "-q", str(ZH), str(RU), str(french)]))
    assert three.startswith(f"Error: {french} looks like French") and "in two columns" in three
    assert "--target-lang en" in three
    two = _error_line(runner.invoke(main, ["align", "-q", str(ZH), str(french)]))
    assert "two columns" not in two and two.endswith("(--target-lang en).")  # two columns: the option itself
    result = runner.invoke(main, ["align", "-q", str(ZH), str(french), "--target-lang", "en"])
    assert "looks like French" not in result.output  # the advice given works


def test_a_filtered_listing_says_how_many_pairs_it_shows_even_none(runner, ru_json, tmp_path):
    """`--keep added --min-score 0.9` on the statement keeps no pair: the listing was the column heads alone,
    which read like a failed run; a filtered listing now says on stderr what it shows of how many."""
    added = [p for p in ru_json["pairs"] if p["status"] == "added"]
    total = len(ru_json["pairs"])
    some = runner.invoke(main, ["align", "-q", str(ZH), str(RU), "--keep", "added"])
    assert some.exit_code == 0, some.output
    assert some.stderr.strip() == f"{len(added)} of {total} pairs (kept: added) shown, each under its number among all."
    assert some.stdout.count("[added]") == len(added)
    numbers = [str(n) for n, p in enumerate(ru_json["pairs"], start=1) if p["status"] == "added"]
    assert re.findall(r"^#(\d+) ", some.stdout, flags=re.M) == numbers  # as in the listing of every pair
    none = runner.invoke(main, ["align", "-q", str(ZH), str(RU), "--keep", "added", "--min-score", "0.9"])
    assert none.exit_code == 0 and "[added]" not in none.stdout
    assert none.stderr.strip() == f"0 of {total} pairs (kept: added; score ≥ 0.9) shown, each under its number among all."
    plain = runner.invoke(main, ["align", "-q", str(ZH), str(RU)])
    assert plain.stderr == ""  # unfiltered: nothing to say
    pairs = tmp_path / "pairs.tsv"
    assert runner.invoke(main, ["align", "-q", str(ZH), str(RU), "-o", str(pairs)]).exit_code == 0
    checked = runner.invoke(main, ["check", "-q", str(pairs), "--keep", "omitted"])
    omitted = sum(p["status"] == "omitted" for p in ru_json["pairs"])
    assert f"{omitted} of {total} pairs (kept: omitted) shown, each under its number among all." in checked.stderr


def test_a_mistyped_option_gets_the_suggestion_as_one_sentence(runner):
    """Click suggests the option meant ("Did you mean '--no-cache'?"); the one-line rewording put a full stop
    after its question mark: "…'--no-cache'?. See …"."""
    line = _error_line(runner.invoke(main, ["align", str(ZH), str(RU), "--no-cach"]), exit_code=2)
    assert line.endswith("No such option '--no-cach'. Did you mean '--no-cache'? See 'main align --help'."), line


def test_a_file_read_in_another_encoding_than_utf8_is_named_on_stderr_once(runner, tmp_path):
    """The page names the encoding a file was read in; the command line said nothing, so a GBK file read
    as something else showed only as wrong letters or as 'Both … are Chinese'. UTF-8 gets no line."""
    zh, ru = tmp_path / "zh.txt", tmp_path / "ru.txt"
    zh.write_bytes(ZH.read_text(encoding="utf-8").encode("gbk"))
    ru.write_bytes(RU.read_text(encoding="utf-8").encode("cp1251"))
    out = tmp_path / "pairs.json"
    result = runner.invoke(main, ["align", "-q", str(zh), str(ru), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[:2] == [
        f"Read {zh} as GB18030 (GBK); if its text looks wrong, give --zh-encoding.",
        f"Read {ru} as Windows-1251; if its text looks wrong, give --target-encoding."]
    assert json.loads(out.read_text(encoding="utf-8"))["target"]["text"] == RU.read_text(encoding="utf-8")
    utf8 = runner.invoke(main, ["align", "-q", str(ZH), str(RU), "-o", str(out)])
    assert utf8.exit_code == 0 and "Read " not in utf8.stderr, utf8.stderr
    given = runner.invoke(main, ["align", "-q", str(zh), str(ru), "--target-encoding", "cp1251", "-o", str(out)])
    assert [line for line in given.stderr.splitlines() if line.startswith("Read ")] == [
        f"Read {zh} as GB18030 (GBK); if its text looks wrong, give --zh-encoding."]  # the user said the other
    piped = runner.invoke(main, ["align", "-q", "-", str(EN), "-o", str(out)], input=zh.read_bytes())
    assert piped.exit_code == 0 and "Read stdin as GB18030 (GBK)" in piped.stderr, piped.output
    three = runner.invoke(main, ["align", "-q", str(zh), str(ru), str(EN), "-o", str(tmp_path / "rows.json")])
    assert three.exit_code == 0, three.output
    assert [line for line in three.stderr.splitlines() if line.startswith("Read ")] == [
        f"Read {zh} as GB18030 (GBK); if its text looks wrong, save it as UTF-8 (three columns detect each file's "
        "encoding).",
        f"Read {ru} as Windows-1251; if its text looks wrong, save it as UTF-8 (three columns detect each file's "
        "encoding)."]




def test_a_few_words_in_a_legacy_encoding_are_read_in_the_script_of_their_side(runner, tmp_path):
    """"谢谢" in GBK reads as well as Cyrillic («лл»), «Мы» in Windows-1251 as well as Chinese ("帖"): the first file
    is the Chinese one, and a translation's language given says the other's script, for align and for batch."""
    zh, en, ru = tmp_path / "zh.txt", tmp_path / "en.txt", tmp_path / "ru.txt"
    zh.write_bytes("谢谢\n".encode("gbk"))
    en.write_text("Thank you.\n", encoding="utf-8")
    out = tmp_path / "pairs.json"
    result = runner.invoke(main, ["align", "-q", str(zh), str(en), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["text"] == "谢谢\n"
    piped = runner.invoke(main, ["align", "-q", "-", str(en)], input="谢谢\n".encode("gbk"))
    assert piped.exit_code == 0 and "谢谢" in piped.stdout, piped.output
    three = runner.invoke(main, ["align", "-q", str(zh), str(en), str(EN), "-o", str(tmp_path / "rows.json")])
    assert three.exit_code == 0 and "谢谢" in (tmp_path / "rows.json").read_text(encoding="utf-8"), three.output

    zh.write_text("我们\n", encoding="utf-8")
    ru.write_bytes("Мы\n".encode("cp1251"))
    said = runner.invoke(main, ["align", "-q", str(zh), str(ru), "--target-lang", "ru", "-o", str(out)])
    assert said.exit_code == 0, said.output
    assert json.loads(out.read_text(encoding="utf-8"))["target"]["text"] == "Мы\n"

    for side, name, data in (("zh", "a.txt", "谢谢\n".encode("gbk")), ("en", "a.txt", b"Thank you.\n")):
        (tmp_path / "corpus" / side).mkdir(parents=True, exist_ok=True)
        (tmp_path / "corpus" / side / name).write_bytes(data)
    batch = runner.invoke(main, ["batch", str(tmp_path / "corpus" / "zh"), str(tmp_path / "corpus" / "en"),
                                 "-o", str(tmp_path / "out"), "-f", "json", "-q"])
    assert batch.exit_code == 0, batch.output
    assert [json.loads(f.read_text(encoding="utf-8"))["source"]["text"] for f in (tmp_path / "out").glob("a*.json")] \
        == ["谢谢\n"]

def test_ctrl_c_is_one_line_and_exit_status_130_as_the_help_says(runner, monkeypatch):
    """Click printed "Aborted!" and exited 1, as for a failure (a script could not tell them apart); batch
    already exited 130. The main help states every exit status."""
    import aligner.pipeline

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(aligner.pipeline, "align_documents", stopped)
    result = runner.invoke(main, ["align", "-q", str(ZH), str(EN)])
    assert result.exit_code == 130 and result.stderr == "Interrupted (Ctrl-C) before the end.\n", result.output
    helped = runner.invoke(main, ["--help"])
    assert "Exit status: 0 when everything asked was done; 1 when something could not be" in " ".join(helped.output.split())
    assert "130 when stopped with Ctrl-C" in " ".join(helped.output.split())


def test_an_output_written_over_an_existing_file_says_it_replaced_it(runner, tmp_path):
    """A second run over last week's pairs said only "written to", as if the name had been free."""
    out = tmp_path / "pairs.tsv"
    first = runner.invoke(main, ["align", "-q", str(ZH), str(EN), "-o", str(out)])
    assert first.exit_code == 0 and first.stderr.splitlines()[-1].endswith(f"pairs written to {out}"), first.output
    again = runner.invoke(main, ["align", "-q", str(ZH), str(EN), "-o", str(out)])
    assert again.stderr.splitlines()[-1].endswith(f"pairs written to {out} (replacing the file that was there)")
    rows = tmp_path / "rows.tmx"
    rows.write_text("last week's", encoding="utf-8")
    three = runner.invoke(main, ["align", "-q", str(ZH), str(RU), str(EN), "-o", str(rows)])
    assert f"rows written to {rows} (replacing the file that was there): a TMX holds" in three.stderr, three.output
    report = tmp_path / "report.html"
    checked = [runner.invoke(main, ["check", "-q", str(out), "-o", str(report)]) for _ in range(2)]
    assert [f"written to {report} (replacing" in result.stderr for result in checked] == [False, True]
    piped = runner.invoke(main, ["align", "-q", str(ZH), str(EN), "-o", "-"])
    assert piped.stderr.splitlines()[-1].endswith("pairs written to stdout")


def test_folders_given_to_align_are_answered_with_the_batch_command(runner, tmp_path):
    """`aligner align zh/ en/` said only "zh is a folder; give the path of a text file"."""
    (tmp_path / "zh").mkdir()
    (tmp_path / "en").mkdir()
    both = runner.invoke(main, ["align", str(tmp_path / "zh"), str(tmp_path / "en")])
    assert _error_line(both, 2) == (f"Error: {tmp_path / 'zh'} is a folder; align takes files. To align every file of "
                                    f"folders, paired by name: aligner batch {tmp_path / 'zh'} {tmp_path / 'en'} -o "
                                    "OUTPUT_FOLDER. See 'main align --help'.")
    one = runner.invoke(main, ["align", str(ZH), str(tmp_path / "en")])
    assert "aligner batch ZH_FOLDER TRANSLATION_FOLDER -o OUTPUT_FOLDER." in _error_line(one, 2)


def test_check_on_aligners_own_text_listing_says_it_is_for_reading(runner, tmp_path):
    """check's help says it reads aligner's exports; given the .txt one it said "has no two columns to pair"."""
    listing = tmp_path / "pairs.txt"
    written = runner.invoke(main, ["align", "-q", str(ZH), str(EN), "-o", str(listing)])
    assert written.exit_code == 0, written.output
    checked = runner.invoke(main, ["check", "-q", str(listing)])
    assert _error_line(checked) == (f"Error: {listing} is aligner's text listing (-o pairs.txt), which is for reading, "
                                    "not read back; give the pairs as .tmx, .tsv, .csv, .xlsx, .ods, .docx or .json "
                                    "(aligner align … -o pairs.tsv writes them so).")
    plain = tmp_path / "notes.txt"
    plain.write_text("中文\tEnglish\n", encoding="utf-8")
    assert "aligner's text listing" not in runner.invoke(main, ["check", "-q", str(plain)]).output


def test_batch_on_a_folder_of_untagged_names_says_how_to_name_them_from_the_users_own_files(runner, tmp_path):
    """'No matching files found …; name them alike' to a user whose files were named alike already, only
    without a language tag: what a tag is, shown on their own file, and the two-folder way."""
    import shutil

    folder = tmp_path / "声明 2022"  # a path with a space and Chinese characters, as users' folders are
    folder.mkdir()
    shutil.copy(ZH, folder / "joint statement.txt")
    shutil.copy(EN, folder / "joint statement english.txt")
    result = runner.invoke(main, ["batch", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert "none of its 2 files has one ('joint statement english.txt', …)" in last, last
    assert "'joint statement english.zh.txt' for the Chinese and 'joint statement english.en.txt'" in last
    assert "aligner batch zh/ en/ -o " in last and "name them alike" not in last
    assert not (tmp_path / "out").exists()


def test_batch_on_two_folders_whose_names_differ_shows_one_of_each(runner, tmp_path):
    for lang, name in (("zh", "ch01.txt"), ("en", "chapter1.txt")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / name).write_text("text", encoding="utf-8")
    result = runner.invoke(main, ["batch", str(tmp_path / "zh"), str(tmp_path / "en"), "-o", str(tmp_path / "out")])
    last = result.stderr.strip().splitlines()[-1]
    assert result.exit_code == 1 and "no name is in both ('ch01.txt' in" in last and "'chapter1.txt' in" in last
    assert f"name each translation as its Chinese file ({tmp_path / 'en' / 'ch01.txt'})" in last


def test_batch_says_an_output_folder_it_cannot_make_or_write_in_before_any_work(runner, tmp_path, monkeypatch):
    """-o under a file was a traceback once the encoder had loaded; a folder the user may not write in let every
    document be aligned and fail at its end. Both are one line now, before the first document."""
    import shutil

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ZH, corpus / "statement.zh.txt")
    shutil.copy(EN, corpus / "statement.en.txt")
    (tmp_path / "notes.txt").write_text("a note", encoding="utf-8")
    result = runner.invoke(main, ["batch", "-q", str(corpus), "-o", str(tmp_path / "notes.txt" / "aligned")])
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert f"Cannot make the output folder {tmp_path / 'notes.txt' / 'aligned'}: {tmp_path / 'notes.txt'} is a file" \
        in result.stderr
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr("os.access", lambda path, mode, **kw: not (Path(path) == locked and mode & os.W_OK)
                        and real_access(path, mode, **kw))  # readable, not writable
    result = runner.invoke(main, ["batch", "-q", str(corpus), "-o", str(locked)])  # root may write anywhere: as a user
    assert result.exit_code == 1 and f"Cannot write in the output folder {locked}: permission denied" in result.stderr, \
        result.output
    assert list(locked.iterdir()) == []  # nothing aligned, no summary


def test_check_given_a_folder_says_what_file_it_takes(runner, tmp_path):
    # "is a folder; give the path of a text file": check reads no text file either
    line = _error_line(runner.invoke(main, ["check", str(tmp_path)]))
    assert f"{tmp_path} is a folder; check reads one file of pairs: give the pairs as .tmx, .tsv" in line
    assert "text file" not in line and "aligner batch" in line


def test_a_translation_given_through_a_pipe_is_read_not_called_empty(runner, tmp_path):
    """`aligner align zh.txt <(pdftotext en.pdf -)`: the shell gives /dev/fd/63, a pipe whose size is 0 until it
    is read, and align refused it as "empty (0 bytes)"."""
    import threading

    fifo = tmp_path / "en-pipe"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with open(fifo, "wb") as pipe:
                pipe.write(EN.read_bytes())
        except OSError:  # nobody read it (the bug): the test fails below, not here
            pass

    threading.Thread(target=feed, daemon=True).start()
    out = tmp_path / "pairs.tsv"
    try:
        result = runner.invoke(main, ["align", "-q", str(ZH), str(fifo), "-o", str(out)])
    finally:
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # lets a feeder nobody read from end
    assert result.exit_code == 0, result.output
    assert "is empty" not in result.output and out.read_text(encoding="utf-8").count("\n") > 40
