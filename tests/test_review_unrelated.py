"""The wrong file: a translation of another text is called so, and none of its pairs stays ok."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.export import render, status, to_dict
from aligner.export.record import from_dict
from aligner.pipeline import align_documents, load_document
from aligner.project import load_project, save_project
from aligner.review.unrelated import unrelated_reason
from aligner.review.vectors import sentence_vectors
from test_align import SHORT_STORY, MemoEncoder

MAC = Path("/work/shared/benchmarks/mac-zh-en/dev")
WEATHER = ["今天天气很好。", "明天可能会下雨。", "气温将降到五度。", "北方会有大风。", "周末天气转晴。"]


@pytest.fixture(scope="module")
def encoder():
    return MemoEncoder()


def chapter(doc: str, lang: str, lines: int):
    text = "\n".join((MAC / lang / f"{doc}.txt").read_text(encoding="utf-8").splitlines()[:lines])
    return load_document(text, lang, presplit=True, name=f"{doc}.{lang}")


def test_a_chapter_against_another_chapters_translation_is_called_unrelated(encoder):
    wrong = align_documents(chapter("006", "zh", 60), chapter("005", "en", 100), encoder)
    assert len(wrong.warnings) == 1 and "do not look like translations" in wrong.warnings[0]
    assert "English file" in wrong.warnings[0]
    paired = [b for b in wrong.beads if b.src and b.tgt]
    assert paired and all(status(b) != "ok" for b in paired), "no pair of the wrong file may be exported as ok"
    assert all(b.score <= 0.1 for b in paired), "nor pass --min-score"
    right = align_documents(chapter("006", "zh", 60), chapter("006", "en", 100), encoder)
    assert right.warnings == []
    assert sum(status(b) == "ok" for b in right.beads) > len(right.beads) / 2


def test_a_short_text_is_judged_by_the_encoders_prior(encoder):
    story = load_document("\n".join(SHORT_STORY["en"][:5]), "en", presplit=True)
    weather = load_document("\n".join(WEATHER), "zh", presplit=True)
    unrelated = align_documents(weather, story, encoder)
    assert unrelated_reason(unrelated, sentence_vectors(unrelated, encoder)) is not None
    story_zh = load_document("\n".join(SHORT_STORY["zh"][:5]), "zh", presplit=True)
    assert align_documents(story_zh, story, encoder).warnings == []


def test_a_short_text_whose_pairs_split_sentences_is_no_wrong_file(encoder):
    """A chapter's opening: its couplet title paired with "Chapter One" and the title, two sentences with three. Every
    pair of sentences inside a pair counted, and a 1–2 pair's Chinese matches each half only in part: "67% of the
    paired sentences match no better than unrelated sentences do" on a faithful translation."""
    zh = load_document("第一回　宴桃园豪杰三结义　斩黄巾英雄首立功\n\n话说天下大势，分久必合，合久必分。周末七国分争，"
                       "并入于秦。及秦灭之后，楚、汉分争，又并入于汉。", "zh")
    en = load_document("Chapter One\nThree Heroes Swear Brotherhood in the Peach Garden; The Yellow Scarves Fall to "
                       "Their First Victory\n\nIt is a general truth of the world that what is long divided must unite, "
                       "and what is long united must divide. When the Zhou dynasty declined, seven states fought one "
                       "another until all were absorbed into Qin. After Qin fell, Chu and Han fought, and all was "
                       "absorbed into Han.", "en")
    a = align_documents(zh, en, encoder)
    assert any(len(b.tgt) > 1 for b in a.beads) and a.warnings == []
    weather = load_document("\n".join(WEATHER), "zh", presplit=True)
    assert align_documents(weather, en, encoder).warnings != []


def test_a_loose_short_translation_stands_out_from_its_own_grid(encoder):
    """Nine pairs of MAC 002 (Minford's free Deer and the Cauldron): most Chinese sentences match their partner no
    better than the encoder's prior expects of unrelated sentences, yet the pairs stand out from the rest of the
    grid (d′ 1.7), as a wrong file's never do (−0.6 to 0.6 on MAC windows)."""
    from aligner.evaluate import read_align

    gold = [b for b in read_align(MAC / "gold" / "002.align") if b[0] and b[1]][47:56]
    zh_lines = (MAC / "zh" / "002.txt").read_text(encoding="utf-8").splitlines()
    en_lines = (MAC / "en" / "002.txt").read_text(encoding="utf-8").splitlines()
    zh = load_document("\n".join(zh_lines[i] for s, _ in gold for i in s), "zh", presplit=True)
    en = load_document("\n".join(en_lines[j] for _, t in gold for j in t), "en", presplit=True)
    assert align_documents(zh, en, encoder).warnings == []
    other = [b for b in read_align(MAC / "gold" / "005.align") if b[0] and b[1]][47:56]
    other_lines = (MAC / "en" / "005.txt").read_text(encoding="utf-8").splitlines()
    wrong = load_document("\n".join(other_lines[j] for _, t in other for j in t), "en", presplit=True)
    assert align_documents(zh, wrong, encoder).warnings != []


def test_too_little_to_tell_says_nothing(encoder):
    one = align_documents(load_document(WEATHER[0], "zh"), load_document("The stock market fell.", "en"), encoder)
    assert one.warnings == []


def test_the_warning_travels_with_the_record_the_project_and_the_reports(encoder):
    wrong = align_documents(chapter("006", "zh", 60), chapter("005", "en", 100), encoder)
    again = from_dict(json.loads(json.dumps(to_dict(wrong))))
    assert again.warnings == wrong.warnings
    assert load_project(save_project(wrong)).alignment.warnings == wrong.warnings
    assert wrong.warnings[0].split(";")[0] in render(wrong, "html").decode("utf-8")
    right = align_documents(chapter("006", "zh", 60), chapter("006", "en", 100), encoder)
    assert "warnings" not in to_dict(right), "the record gains the key only when there is a warning"


def test_the_command_line_prints_the_warning(tmp_path):
    zh, en = tmp_path / "a.zh.txt", tmp_path / "b.en.txt"
    zh.write_text("\n".join(WEATHER), encoding="utf-8")
    en.write_text("\n".join(SHORT_STORY["en"][:5]), encoding="utf-8")
    result = CliRunner().invoke(main, ["align", "-q", "--presplit", str(zh), str(en)])
    assert result.exit_code == 0, result.output
    assert "Warning: The two texts do not look like translations" in result.stderr


def test_a_wrong_second_translation_is_said_in_the_three_column_reports(encoder):
    import io

    import docx

    from aligner.export.threeway import render as render_three
    from aligner.export.threeway import to_dict as three_dict
    from aligner.threeway import align_three

    result = align_three(chapter("006", "zh", 60), chapter("006", "en", 100), chapter("005", "en", 100), encoder)
    assert result.labels == ["en1", "en2"]
    assert result.alignments["en1"].warnings == [] and len(result.alignments["en2"].warnings) == 1
    assert result.warnings == result.alignments["en2"].warnings
    said = result.warnings[0].split(";")[0]
    html = render_three(result, "html").decode("utf-8")
    assert said in html and "<h1>Three-way alignment: 006.zh · 006.en · 005.en</h1>" in html
    # two English translations: their columns are told apart
    assert "<th>#</th><th>Chinese</th><th>English (en1)</th><th>English (en2)</th>" in html
    word = docx.Document(io.BytesIO(render_three(result, "docx")))
    assert any(said in paragraph.text for paragraph in word.paragraphs)
    assert [cell.text for cell in word.tables[-1].rows[0].cells][:4] == ["#", "Chinese", "English (en1)", "English (en2)"]
    assert three_dict(result)["warnings"] == {"en2": result.warnings}
    right = align_three(chapter("006", "zh", 60), chapter("006", "en", 100), chapter("006", "en", 100), encoder)
    assert right.warnings == [] and "warnings" not in three_dict(right)


def test_the_batch_summary_notes_a_document_whose_translation_is_another_text(tmp_path):
    import csv

    for folder, doc, lang, lines in (("zh", "006", "zh", 60), ("en", "005", "en", 100)):
        (tmp_path / folder).mkdir()
        text = "\n".join((MAC / lang / f"{doc}.txt").read_text(encoding="utf-8").splitlines()[:lines])
        (tmp_path / folder / "ch6.txt").write_text(text, encoding="utf-8")
    done = CliRunner().invoke(main, ["batch", "-q", "--presplit", str(tmp_path / "zh"), str(tmp_path / "en"),
                                     "-o", str(tmp_path / "out")])
    assert done.exit_code == 0, done.output
    with open(tmp_path / "out" / "summary.tsv", encoding="utf-8", newline="") as summary:
        row = next(csv.DictReader(summary, delimiter="\t"))
    assert "do not look like translations" in row["note"] and "English file" in row["note"]
    # and on stderr while the run goes on, as `align` says it, even with -q
    assert "Warning: ch6: " in done.stderr and "do not look like translations" in done.stderr
