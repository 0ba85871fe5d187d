"""The "Your texts" panel as a first-time reviewer meets it: the page opens with the sample in the boxes, and a
reviewer who gives only their own Chinese file is told that the translation box still holds the sample's, instead
of getting it aligned with the sample's Russian statement."""
from __future__ import annotations

import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `ui` is not an installed package: import it from the checkout
    sys.path.insert(0, str(ROOT))

from ui.sample_left import own_text, sample_left  # noqa: E402

APP = str(ROOT / "ui" / "app.py")
SAMPLE_RU = (ROOT / "texts" / "joint-statement.ru.txt").read_text(encoding="utf-8")
SAMPLE_EN = (ROOT / "texts" / "joint-statement.en.txt").read_text(encoding="utf-8")
SAMPLE_ZH = (ROOT / "texts" / "joint-statement.zh.txt").read_text(encoding="utf-8")
# A company notice of the reviewer's own, as a Chinese office saves it: GBK
NOTICE_ZH = ("关于调整公司年度休假安排的通知\n\n各部门、全体员工：\n\n"
             "自2024年7月1日起，全体正式员工的年休假天数由10天增加至12天。\n"
             "在公司连续工作满五年的员工，每年可额外享受3天带薪假期。\n"
             "员工申请休假，应至少提前5个工作日通过办公系统提交申请。\n")
NOTICE_RU = ("Уведомление о корректировке ежегодного графика отпусков компании\n\n"
             "Всем подразделениям и сотрудникам!\n\n"
             "С 1 июля 2024 года продолжительность ежегодного отпуска всех штатных сотрудников увеличивается с 10 до 12 дней.\n"
             "Сотрудники, непрерывно проработавшие в компании не менее пяти лет, получают ежегодно 3 дополнительных "
             "оплачиваемых дня отпуска.\n"
             "Заявление на отпуск подаётся через офисную систему не менее чем за 5 рабочих дней.\n")


def opened() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return at


def test_own_text_is_one_sharing_no_line_with_a_sample():
    assert own_text(NOTICE_ZH) and own_text(NOTICE_RU)
    edited = "\n".join(line for k, line in enumerate(SAMPLE_RU.splitlines()) if k != 5)  # a sentence taken out
    assert not own_text(edited) and not own_text(SAMPLE_ZH) and not own_text(" \n")
    assert not own_text("Мы\n") and not own_text("谢谢")  # a word tried against the sample: aligned, as asked
    # the sample's translation beside one's own Chinese: said, naming the box and the sample's file
    said = sample_left([("Chinese", NOTICE_ZH, False), ("Translation", SAMPLE_RU, True), ("Second translation", "", True)])
    assert said.startswith("The **Translation** box still holds the sample's text (joint-statement.ru.txt)"), said
    # the sample uploaded as a file is given on purpose; the sample's two sides, or an edited one, are no mistake
    assert not sample_left([("Chinese", NOTICE_ZH, False), ("Translation", SAMPLE_RU, False)])
    assert not sample_left([("Chinese", SAMPLE_ZH, True), ("Translation", SAMPLE_RU, True)])
    assert not sample_left([("Chinese", SAMPLE_ZH, True), ("Translation", edited, True)])
    # the Chinese box left as the sample's beside one's own translation is said too; the sample given a second
    # translation of one's own is not, nor one's own two texts beside the sample's second translation, which is
    said = sample_left([("Chinese", SAMPLE_ZH, True), ("Translation", NOTICE_RU, False)])
    assert said.startswith("The **Chinese** box still holds the sample's text (joint-statement.zh.txt)"), said
    assert not sample_left([("Chinese", SAMPLE_ZH, True), ("Translation", SAMPLE_RU, True),
                            ("Second translation", NOTICE_RU, True)])
    said = sample_left([("Chinese", NOTICE_ZH, True), ("Translation", NOTICE_RU, True), ("Second translation", SAMPLE_EN, True)])
    assert said.startswith("The **Second translation** box still holds the sample's text (joint-statement.en.txt)")


def test_only_the_chinese_file_given_says_the_translation_box_holds_the_sample_and_loses_nothing():
    at = opened()
    at.file_uploader(key="zh_file").upload("notice.zh.txt", NOTICE_ZH.encode("gbk"), "text/plain")
    at.button(key="align").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith(
        "The **Translation** box still holds the sample's text (joint-statement.ru.txt), not yours: upload or paste "
        "your own there, then press Align."), errors
    # nothing aligned, nothing lost: the sample's pairs, the upload and the translation box as they were
    assert at.session_state["work"].alignment.source.name == "joint-statement.zh.txt"
    assert at.file_uploader(key="zh_file").value.name == "notice.zh.txt"
    assert at.text_area(key="tgt_text").value == SAMPLE_RU

    at.text_area(key="tgt_text").set_value(NOTICE_RU)  # the translation pasted: aligned at once
    at.button(key="align").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    a = at.session_state["work"].alignment
    assert (a.source.name, a.target.lang) == ("notice.zh.txt", "ru") and a.source.text == NOTICE_ZH


def test_align_pressed_again_aligns_ones_own_chinese_with_the_samples_translation():
    at = opened()
    at.text_area(key="zh_text").set_value(NOTICE_ZH)
    at.button(key="align").click().run()
    assert [e.value for e in at.error][0].startswith("The **Translation** box still holds the sample's text")
    at.button(key="align").click().run()  # as they are, after all
    assert not at.exception and not at.error, [e.value for e in at.error]
    a = at.session_state["work"].alignment
    assert a.source.text == NOTICE_ZH and a.target.text == SAMPLE_RU


def test_the_uploaders_say_the_size_a_text_file_may_have_before_it_is_refused():
    """Streamlit's own line under each uploader says "200MB per file", the limit of a PDF or an e-book: a text file
    of 25 MB was refused only once Align was pressed, with a limit the page had not said."""
    from aligner.reading import MAX_BYTES, MAX_DOCUMENT_BYTES, MB

    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    for key in ("zh_file", "tgt_file", "tgt2_file"):
        said = at.file_uploader(key=key).help
        assert f"plain-text file (.txt, .md, .srt) of up to {MAX_BYTES // MB} MB" in said, said
        assert f"up to {MAX_DOCUMENT_BYTES // MB} MB, whose text is held to {MAX_BYTES // MB} MB" in said


def test_an_emptied_box_says_where_the_text_goes():
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.text_area(key="tgt_text").set_value(" \n")
    at.button(key="align").click().run()
    assert [e.value for e in at.error] == [
        "The translation is empty: paste it or upload its file under **Translation**, then press Align."]
    assert at.text_area(key="zh_text").value == SAMPLE_ZH  # the other box as it was
    at.text_area(key="tgt_text").set_value(SAMPLE_RU)
    at.text_area(key="zh_text").set_value("")
    at.button(key="align").click().run()
    assert [e.value for e in at.error] == [
        "The Chinese text is empty: paste it or upload its file under **Chinese**, then press Align."]


def test_an_english_file_given_as_the_chinese_names_the_pages_columns_not_a_first_text():
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    english = ("Notice on the adjustment of the company's annual leave.\n"
               "From 1 July 2024 annual leave for all permanent staff rises from 10 to 12 days.\n")
    at.file_uploader(key="zh_file").upload("notice.txt", english.encode("utf-8"), "text/plain")
    at.text_area(key="tgt_text").set_value(NOTICE_RU)
    at.button(key="align").click().run()
    assert [e.value for e in at.error] == ["notice.txt is English, not Chinese: give the Chinese original under "
                                           "**Chinese** and its translation under **Translation**."]
    assert at.session_state["work"].alignment.source.name == "joint-statement.zh.txt"  # the sample's pairs stay


def test_the_align_button_at_the_panels_top_aligns_the_texts_given_below():
    """With two files uploaded, the Align under the boxes was below a 1280×800 screen's fold: there is one at the
    panel's top too, beside the samples, and it aligns what the boxes below hold."""
    at = opened()
    keys = [button.key for button in at.button]
    assert keys.index("align_top") == keys.index("sample_ru_en") + 1 < keys.index("align")  # drawn before the boxes
    at.file_uploader(key="zh_file").upload("notice.zh.txt", NOTICE_ZH.encode("gbk"), "text/plain")
    at.file_uploader(key="tgt_file").upload("notice.ru.txt", NOTICE_RU.encode("utf-8"), "text/plain")
    at.button(key="align_top").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    a = at.session_state["work"].alignment
    assert (a.source.name, a.target.name, a.source.text) == ("notice.zh.txt", "notice.ru.txt", NOTICE_ZH)
