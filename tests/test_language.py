"""Language detection: script counts, English check, clear errors naming the file."""
from pathlib import Path

import pytest

from aligner.errors import LanguageError
from aligner.language import detect_language, refuse_bilingual
from aligner.pipeline import load_document

SEED = Path("/work/shared/seed/joint-statement-2022-02-04.zh.txt").read_text(encoding="utf-8")

RUSSIAN = (
    "По приглашению Председателя Китайской Народной Республики Си Цзиньпина Президент "
    "Российской Федерации В. В. Путин посетил Пекин 4 февраля 2022 г. Стороны заявляют следующее."
)
ENGLISH = (
    "At the invitation of President of the People's Republic of China Xi Jinping, President of "
    "the Russian Federation Vladimir V. Putin visited Beijing on 4 February 2022. The sides state "
    "that the world is going through momentous changes."
)
FRENCH = (
    "À l'invitation du Président de la République populaire de Chine, le Président de la "
    "Fédération de Russie s'est rendu à Pékin le 4 février 2022. Les deux parties déclarent que "
    "le monde connaît des changements importants et que la société entre dans une nouvelle ère."
)
GERMAN = (
    "Auf Einladung des Präsidenten der Volksrepublik China besuchte der Präsident der Russischen "
    "Föderation am 4. Februar 2022 Peking. Die Seiten erklären, dass die Welt sich in einer Zeit "
    "großer Veränderungen befindet und die Menschheit in eine neue Ära eintritt."
)
UKRAINIAN = (
    "На запрошення Голови Китайської Народної Республіки Президент Російської Федерації відвідав "
    "Пекін 4 лютого 2022 року. Сторони заявляють, що світ переживає епоху значних змін."
)


def test_seed_is_chinese():
    assert detect_language(SEED, "seed.txt") == "zh"


def test_russian_and_english():
    assert detect_language(RUSSIAN) == "ru"
    assert detect_language(ENGLISH) == "en"


def test_chinese_with_many_english_terms_is_still_chinese():
    text = "双方支持 World Health Organization 和 United Nations 在 COVID-19 疫情中的作用。"
    assert detect_language(text) == "zh"


TECHNICAL_ZH = """使用 Python 的 requests 库发送 HTTP request。调用 requests.get(url, timeout=30) 获取 response object。
如果 server 返回 status code 404，requests 会 raise HTTPError exception。
使用 response.json() 方法解析 JSON body，返回 Python dict。
在 production environment 中，建议设置 retry policy 和 connection pool size。
"""
TECHNICAL_EN = """Use the Python requests library to send an HTTP request. Call requests.get(url, timeout=30) to get a response object.
If the server returns status code 404, requests raises an HTTPError exception.
Use the response.json() method to parse the JSON body, which returns a Python dict.
In a production environment, it is recommended to set a retry policy and a connection pool size.
"""


def test_a_technical_chinese_text_with_more_latin_letters_than_chinese_is_chinese():
    # before: "looks like another Latin-script language ... set the translation's language to English", about the Chinese
    assert detect_language(TECHNICAL_ZH) == "zh"
    assert detect_language(TECHNICAL_EN) == "en"
    assert detect_language(TECHNICAL_EN.replace("Python dict.", "Python dict (字典对象).")) == "en"


def test_english_quoting_chinese_names_is_english():
    assert detect_language(ENGLISH + " The concept of 人类命运共同体 (a community with a shared future) was noted.") == "en"


@pytest.mark.parametrize("translation", ["ru", "en"])
def test_a_bilingual_document_is_refused_with_what_to_do(translation):
    # paragraphs of the Chinese and of its translation in turn: it was "Russian" (or "English"), and with
    # the translation beside it the error said both files were Russian
    root = Path(__file__).parent.parent / "texts"
    zh = [p for p in (root / "joint-statement.zh.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    tgt = [p for p in (root / f"joint-statement.{translation}.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    bilingual = "\n\n".join(p.strip() for pair in zip(zh, tgt) for p in pair)
    with pytest.raises(LanguageError, match="both.txt holds paragraphs in Chinese and in .* bilingual .* two files"):
        load_document(bilingual, name="both.txt")



@pytest.mark.parametrize("translation", ["ru", "en"])
def test_a_table_of_pairs_given_as_a_text_is_refused_with_what_to_do(translation, tmp_path):
    """A CAT tool's TSV (or aligner's own) given to `align` as the Chinese text: every line is Chinese by
    weight, so it was aligned as one, its translation's sentences inside the "Chinese" (84 pairs of nonsense,
    exit 0); given as the translation, the error said both files were Chinese."""
    from click.testing import CliRunner

    from aligner.cli import main

    root = Path(__file__).parent.parent / "texts"
    zh, tgt = (root / "joint-statement.zh.txt", root / f"joint-statement.{translation}.txt")
    runner = CliRunner(env={"OMP_NUM_THREADS": "1"})
    pairs = tmp_path / "pairs.tsv"
    assert runner.invoke(main, ["align", "-q", str(zh), str(tgt), "-o", str(pairs)]).exit_code == 0
    rows = [line.split("\t") for line in pairs.read_text(encoding="utf-8").splitlines()]
    cat = tmp_path / "memory.txt"  # the two columns alone, as a CAT tool exports them, either first
    cat.write_text("\n".join(f"{row[4]}\t{row[3]}" for row in rows), encoding="utf-8")
    language = {"ru": "Russian", "en": "English"}[translation]
    for table, args in ((pairs, [pairs, tgt]), (pairs, [zh, pairs]), (cat, [cat, tgt])):
        result = runner.invoke(main, ["align", "-q", *map(str, args)])
        assert result.exit_code == 1, result.output
        assert result.output == (f"Error: {table} holds rows of Chinese beside {language} (a table of pairs aligned "
                                 "already?); check them as such (aligner check), or give the Chinese text and its "
                                 "translation as two files.\n")
    text = zh.read_text(encoding="utf-8")
    refuse_bilingual(text, "zh")  # the texts themselves, and Chinese lines ending in an English term, are not
    lines = [line for line in text.splitlines() if line.strip()]
    refuse_bilingual("\n".join(f"{line} (the Python requests library)" for line in lines), "technical")
    refuse_bilingual(tgt.read_text(encoding="utf-8"), "translation")


def test_a_column_of_pairs_with_untranslated_rows_is_still_read_by_its_language():
    # a translation memory's source column may hold Latin-only segments (names, codes): its language is
    # detected as before; only whole documents are refused as bilingual
    column = "\n".join(["两国元首在北京举行会谈。", "APEC Summit", "双方同意加强合作。", "Annex 1", "COVID-19",
                        "双方呼吁各国加强对话。", "Table 2", "双方将继续推动合作。"])
    assert detect_language(column, "the zh column") == "zh"
    refuse_bilingual(column, "a document")  # nor is a Chinese document with a few lines in English


def test_a_translation_quoting_chinese_in_every_paragraph_is_not_bilingual():
    text = "\n\n".join(f"Понятие «{w}» ({zh}) занимает важное место в китайской философии и культуре." for w, zh in
                       [("дао", "道"), ("дэ", "德"), ("жэнь", "仁"), ("ли", "礼"), ("и", "义"), ("чжи", "智")])
    assert detect_language(text) == "ru"


def test_a_chinese_paper_with_english_references_is_chinese():
    paragraphs = ["本文讨论了中俄关系的发展历程和主要特点。", "双方在政治、经济和人文领域的合作不断深化。",
                  "两国元首的会晤为双边关系指明了方向。", "参考文献"]
    references = ["Smith J. China and Russia in the New Era. Beijing: Foreign Languages Press, 2020.",
                  "Ivanov A. Strategic Partnership Revisited. Moscow: Nauka, 2021."]
    assert detect_language("\n".join(paragraphs * 2 + references * 2)) == "zh"
    russian = ["Стороны договорились укреплять сотрудничество в области энергетики."] * 12
    assert detect_language("\n".join(russian + references * 2)) == "ru"


def test_short_english_line_is_english():
    assert detect_language("Joint Statement") == "en"


@pytest.mark.parametrize("text, language", [(FRENCH, "French"), (GERMAN, "German")])
def test_other_latin_languages_are_refused_by_name(text, language):
    with pytest.raises(LanguageError) as e:
        detect_language(text, "texts/x.txt")
    message = str(e.value)
    assert "texts/x.txt" in message and language in message and 'target_lang="en"' in message


def test_ukrainian_is_not_taken_for_russian():
    with pytest.raises(LanguageError, match="Ukrainian"):
        detect_language(UKRAINIAN, "uk.txt")


def test_the_ukrainian_error_names_the_setting_as_the_caller_writes_it(tmp_path):
    """From Python the way out is target_lang="ru", not a command-line option; from the command line, --target-lang ru."""
    from click.testing import CliRunner

    from aligner import align_texts
    from aligner.cli import main

    zh = (Path(__file__).resolve().parents[1] / "texts" / "joint-statement.zh.txt").read_text(encoding="utf-8")
    with pytest.raises(LanguageError) as e:
        align_texts(zh, UKRAINIAN)
    assert 'target_lang="ru"' in str(e.value) and "--target-lang" not in str(e.value)
    (tmp_path / "zh.txt").write_text(zh, encoding="utf-8")
    (tmp_path / "uk.txt").write_text(UKRAINIAN, encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(tmp_path / "zh.txt"), str(tmp_path / "uk.txt")])
    assert result.exit_code == 1 and "(--target-lang ru)" in result.output and "target_lang=" not in result.output
    from aligner.errors import page_names

    with page_names(), pytest.raises(LanguageError) as e:  # the review page names its own control
        align_texts(zh, UKRAINIAN)
    assert "(“Language of the translation” in Your texts)" in str(e.value) and "target_lang" not in str(e.value)


def test_text_without_letters_is_refused():
    with pytest.raises(LanguageError, match=r"numbers\.txt has no letters"):
        detect_language("2022-02-04 12:00, 15.5 % — 1000", "numbers.txt")


JAPANESE = (
    "ロシア連邦のプーチン大統領は、習近平国家主席の招待により、2022年2月4日に中国を訪問した。"
    "両国首脳は北京で会談を行い、第24回冬季オリンピック競技大会の開会式に出席した。"
)
KOREAN = "블라디미르 푸틴 러시아 대통령은 2022년 2월 4일 중국을 방문했다. 양국 정상은 베이징에서 회담을 가졌다."


def test_japanese_is_not_taken_for_chinese():
    with pytest.raises(LanguageError, match="ja.txt looks like Japanese") as raised:
        detect_language(JAPANESE, "ja.txt")
    assert "not Chinese" not in str(raised.value)  # a Japanese translation file is named for what it is


def test_chinese_quoting_a_japanese_title_is_still_chinese():
    assert detect_language(SEED + "日本动画《となりのトトロ》在中国上映。", "zh.txt") == "zh"


def test_korean_is_named_as_korean():
    with pytest.raises(LanguageError, match="ko.txt looks like Korean"):
        detect_language(KOREAN, "ko.txt")


BULGARIAN = (
    "На 4 февруари 2022 г. държавните глави на двете страни проведоха разговори в Пекин.\n"
    "Двете страни се договориха да увеличат търговията до 200 милиарда щатски долара.\n"
    "Китай подкрепя домакинството на Русия на срещата на АТИС.\n"
    "Народите на всички страни имат право да избират формите на демокрация, които отговарят на техните "
    "национални условия.\n"
    "Президентът Путин благодари на председателя Си Цзинпин за поканата.\n"
)
RUSSIAN_LITERARY = [
    "Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива по-своему.",
    "Всё смешалось в доме Облонских. Жена узнала, что муж был в связи с бывшею в их доме француженкою-гувернанткой, "
    "и объявила мужу, что не может жить с ним в одном доме.",
    "Мой дядя самых честных правил, когда не в шутку занемог, он уважать себя заставил и лучше выдумать не мог.",
    "В начале июля, в чрезвычайно жаркое время, под вечер, один молодой человек вышел из своей каморки, которую "
    "нанимал от жильцов в С-м переулке, на улицу и медленно, как бы в нерешимости, отправился к К-ну мосту.",
    "Он подъехал к подъезду, съел пирожок и объявил, что съезд отложен.",
    "Съезд пройдет в Москве. Делегаты подъедут к вечеру.",
    "Президент Путин поблагодарил Председателя Си Цзиньпина за приглашение.",
    "Да, это так. Но что же делать?",
    "Се человек! — сказал он, и все замолчали.",
    "Буква е стоит в начале; за ней идут другие, и так до конца.",
]


def test_bulgarian_is_not_taken_for_russian():
    with pytest.raises(LanguageError, match='small.bg.txt looks like Bulgarian .* not Russian.*target_lang="ru"'):
        detect_language(BULGARIAN, "small.bg.txt")


@pytest.mark.parametrize("text", RUSSIAN_LITERARY + ["\n".join(RUSSIAN_LITERARY[4:7]), RUSSIAN])
def test_russian_short_or_literary_is_never_refused_as_bulgarian(text):
    assert detect_language(text) == "ru"


def test_the_sample_russian_translation_is_russian():
    root = Path(__file__).resolve().parents[1]
    text = (root / "texts" / "joint-statement.ru.txt").read_text(encoding="utf-8")
    assert detect_language(text) == "ru"
    for paragraph in text.split("\n\n"):  # each paragraph alone, as a short text
        if paragraph.strip():
            assert detect_language(paragraph) == "ru"


def test_a_declared_language_overrides_detection_within_its_script_only():
    """--target-lang ru aligns Ukrainian as Russian and en French as English, as documented, but
    English text declared Russian is refused: it was aligned with Russian rules, every name flagged."""
    from aligner.pipeline import load_document

    english = "The Parties reaffirm their strong mutual support for the protection of their core interests."
    with pytest.raises(LanguageError, match="set to be Russian but is written in Latin letters"):
        load_document(english, "ru", name="statement.en.txt")
    with pytest.raises(LanguageError, match="set to be English but is written in Cyrillic letters"):
        load_document("Стороны подтверждают решительную взаимную поддержку.", "en", name="x.txt")
    assert load_document("Сторони підтверджують рішучу взаємну підтримку.", "ru").lang == "ru"
    assert load_document("Les Parties réaffirment leur soutien mutuel.", "en").lang == "en"
    assert load_document(english + " Стороны.", "en").lang == "en"


def test_a_glossary_of_english_terms_is_english_and_of_another_language_is_not():
    """"digital economy / artificial intelligence / …" has few function words: it was "another Latin-script language"."""
    glossary = (Path(__file__).parent / "data" / "glossary" / "terms.en.txt").read_text(encoding="utf-8")
    assert detect_language(glossary) == "en"
    dutch = ("digitale economie\nkunstmatige intelligentie\ngroene ontwikkeling\ngemeenschappelijke welvaart\n"
             "hoogwaardige ontwikkeling\nplattelandsvernieuwing\nkoolstofneutraliteit\nopenstelling naar buiten\n")
    with pytest.raises(LanguageError, match="another Latin-script language"):
        detect_language(dutch)
