"""The library's front door, as a developer meets it in a notebook: `import aligner`, align, read, catch."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import aligner
from aligner.errors import AlignerError, LanguageError

TEXTS = Path(__file__).resolve().parents[1] / "texts"


@pytest.fixture(scope="module")
def sample() -> aligner.Alignment:
    zh = (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")
    ru = (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8")
    return aligner.align_texts(zh, ru, source_name="zh.txt", target_name="ru.txt")


def test_an_alignment_shows_itself_in_a_line_not_its_whole_text(sample):
    """A notebook echoes the result: a page of text per document (a book: megabytes) buries the output."""
    shown = repr(sample)
    assert len(shown) < 300 and "\n" not in shown
    assert f"{len(sample.beads)} pairs" in shown and "zh.txt" in shown and "ru.txt" in shown
    flagged = sum(1 for b in sample.beads if b.flags)
    assert f"{flagged} flagged" in shown
    source = repr(sample.source)
    assert len(source) < 200 and f"{len(sample.source)} sentences" in source and "'zh'" in source
    assert sample.source.text[40:60] not in source


def test_a_pair_gives_both_its_texts(sample):
    omitted = next(b for b in sample.beads if not b.tgt)
    both = next(b for b in sample.beads if len(b.src) == 1 and len(b.tgt) == 2)
    assert sample.texts(omitted) == (sample.source.span_text(omitted.src), "")
    zh, ru = sample.texts(both)
    assert zh == sample.source.sentences[both.src[0]].text
    assert ru.startswith(sample.target.sentences[both.tgt[0]].text)
    assert ru.endswith(sample.target.sentences[both.tgt[1]].text)


def test_a_three_way_result_shows_itself_in_a_line():
    from aligner.threeway import align_three_texts

    texts = [(TEXTS / f"joint-statement.{lang}.txt").read_text(encoding="utf-8") for lang in ("zh", "ru", "en")]
    result = align_three_texts(*texts)
    shown = repr(result)
    assert len(shown) < 300 and "\n" not in shown
    assert f"{len(result.rows)} rows" in shown and "ru" in shown and "en" in shown


@pytest.mark.parametrize("zh, tgt, which", [("", "Hello there.", "first"), ("你好。", "  \n", "second")])
def test_an_empty_text_is_named_by_its_place(zh, tgt, which):
    with pytest.raises(AlignerError, match=rf"^The {which} text .*is empty"):
        aligner.align_texts(zh, tgt)


def test_a_target_language_outside_russian_and_english_is_a_language_error_not_a_crash():
    with pytest.raises(LanguageError, match=r"'fr'.*'ru' or 'en'"):
        aligner.align_texts("你好。我们走吧。", "Bonjour. Allons-y.", target_lang="fr")


def test_a_target_language_in_capitals_is_understood():
    result = aligner.align_texts("你好。我们走吧。", "Привет. Пойдём.", target_lang="RU")
    assert result.target.lang == "ru"


def test_a_wrong_order_is_said_in_a_sentence_that_starts_with_a_capital():
    with pytest.raises(LanguageError) as error:
        aligner.align_texts("Hello there. This is English.", "你好。这是中文。")
    assert str(error.value)[0].isupper() and "swap" in str(error.value)


def test_two_files_align_in_one_call_and_errors_name_the_file(tmp_path):
    result = aligner.align_files(TEXTS / "joint-statement.zh.txt", TEXTS / "joint-statement.en.txt")
    assert result.source.name.endswith("joint-statement.zh.txt") and result.target.lang == "en"
    assert result.texts(result.beads[0])[0] == result.source.sentences[0].text
    empty = tmp_path / "empty.en.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(aligner.AlignerError, match="empty.en.txt"):
        aligner.align_files(TEXTS / "joint-statement.zh.txt", empty)


def test_the_front_door_functions_show_their_real_options():
    """help(aligner.align_texts) and an editor's completion list the keywords, not **options."""
    import inspect

    for function in (aligner.align_texts, aligner.align_files):
        parameters = inspect.signature(function).parameters
        assert {"model", "target_lang", "progress", "glossary"} <= set(parameters)


def test_texts_read_as_bytes_are_decoded_as_files_are():
    """open(path, 'rb').read() is a common first try; a GBK Chinese text is read as the CLI reads it."""
    zh = (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")
    ru = (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8")
    from_bytes = aligner.align_texts(zh.encode("gb18030"), ru.encode("utf-8"))
    assert from_bytes.source.text == zh and from_bytes.target.text == ru
    with pytest.raises(AlignerError, match="^The second text .*binary"):
        aligner.align_texts(zh, bytes(range(256)) * 8)


def test_a_sentence_shows_its_text_once(sample):
    """The folded matching copy is never shown to people; a sentence listed its text twice."""
    sentence = sample.source.sentences[1]
    assert repr(sentence).count(sentence.text) == 1 and "norm" not in repr(sentence)


def test_file_names_given_as_texts_and_texts_given_as_file_names_are_said_to_be(tmp_path, monkeypatch):
    """In a notebook the two front doors are easily swapped: align_texts("zh.txt", "en.txt") said the
    second text "looks like Spanish", align_texts(Path(...)) and align_texts(None, ...) raised an
    AttributeError about .strip, and align_files(zh_text, en_text) an OSError "File name too long",
    which `except AlignerError` does not catch."""
    monkeypatch.chdir(TEXTS)
    zh = (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")
    for given in ("joint-statement.zh.txt", Path("joint-statement.zh.txt"), "chapter01.zh.txt",
                  "https://example.org/statement.html"):
        with pytest.raises(AlignerError, match="align_files") as e:
            aligner.align_texts(given, "joint-statement.en.txt")
        assert "The first text" in str(e.value) and str(given) in str(e.value)
    with pytest.raises(AlignerError, match="The second text .*align_files"):
        aligner.align_texts(zh, Path("joint-statement.en.txt"))
    with pytest.raises(TypeError, match="str or bytes, not NoneType"):
        aligner.align_texts(None, zh)
    with pytest.raises(TypeError, match=r"not list; for sentences split already, join them with '\\n' and give presplit=True"):
        aligner.align_texts(["两国元首举行会谈。"], ["The heads of state held talks."])
    ru = (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8")
    for args in ((zh, ru), (zh[:300], "joint-statement.ru.txt"), ("joint-statement.zh.txt", ru[:200])):
        with pytest.raises(AlignerError, match="align_texts"):
            aligner.align_files(*args)
    with pytest.raises(AlignerError, match="too long"):  # one line of text: a name no file system takes
        aligner.align_files("两国元首在北京举行会谈，并出席第24届冬季奥运会开幕式。" * 5, "joint-statement.ru.txt")
    short = "The parties signed the statement, see README.md."  # a one-line text is still a text
    assert aligner.align_texts(zh[:200], short).target.text == short


def test_a_one_pair_alignment_and_a_one_sentence_document_say_so_in_the_singular():
    """A title aligned with its translation showed '<Alignment zh → en: 1 pairs, …>'."""
    result = aligner.align_texts("我爱你。", "I love you.")
    assert ": 1 pair, 0 flagged" in repr(result)
    assert repr(result.source).endswith(": 4 characters, 1 sentence>")


def test_a_path_from_the_home_folder_written_with_a_tilde_is_read(tmp_path, monkeypatch):
    """align_files("~/corpus/zh.txt") in a notebook (no shell to expand ~) was 'no such file'."""
    from aligner.embed.cache import default_cache_dir

    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(default_cache_dir()))  # the embeddings cached already
    monkeypatch.setenv("HOME", str(tmp_path))
    for lang in ("zh", "ru"):
        (tmp_path / f"{lang}.txt").write_bytes((TEXTS / f"joint-statement.{lang}.txt").read_bytes())
    result = aligner.align_files("~/zh.txt", "~/ru.txt")
    assert result.source.text == (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")


def test_loading_a_three_column_record_says_what_it_is(tmp_path):
    """export.load of a three-column JSON said it is 'not an aligner JSON record', which it is."""
    from aligner.export import load
    from aligner.export.threeway import write
    from aligner.threeway import align_three_texts

    texts = [(TEXTS / f"joint-statement.{lang}.txt").read_text(encoding="utf-8") for lang in ("zh", "ru", "en")]
    path = write(align_three_texts(*texts), tmp_path / "rows.json")
    with pytest.raises(AlignerError) as e:
        load(path)
    assert "is a three-column record" in str(e.value) and "not an aligner JSON record" not in str(e.value)
    assert f'check_pairs("{path}", target_lang="ru")' in str(e.value) and "--target-lang" not in str(e.value)


def test_a_three_column_record_is_read_back_whole_by_the_loader_the_message_names(tmp_path):
    """A script writing `aligner align zh ru en -o rows.json` and reading it back was told of json.load and
    check_pairs only, which give one translation's pairs: the three columns, read back as the page reads them,
    come from aligner.export.threeway.load, which the message now names."""
    from aligner.export import load
    from aligner.export.threeway import load as load_rows
    from aligner.export.threeway import write
    from aligner.threeway import align_three_texts

    texts = [(TEXTS / f"joint-statement.{lang}.txt").read_text(encoding="utf-8") for lang in ("zh", "ru", "en")]
    written = align_three_texts(*texts)
    path = write(written, tmp_path / "rows.json")
    with pytest.raises(AlignerError, match=re.escape(f'aligner.export.threeway.load("{path}") reads it whole')):
        load(path)
    back = load_rows(path)
    assert [(r.src, r.tgt) for r in back.rows] == [(r.src, r.tgt) for r in written.rows]
    assert back.source.text == texts[0] and [a.target.text for a in back.alignments.values()] == texts[1:]
    with pytest.raises(AlignerError, match="Cannot read .*missing.json"):
        load_rows(tmp_path / "missing.json")
