"""fold() rules and paragraph repair on the seed and on Russian and English layouts."""
from pathlib import Path

import opencc
import pytest

from aligner.normalise import fold, match_form, norm_positions, paragraph_spans
from aligner.pipeline import load_document
from aligner.review.number_flags import mismatch_reason
from aligner.review.numbers import quantities
from aligner.segment import segment

DATA = Path(__file__).parent / "data"
SAMPLE_ZH = (Path(__file__).parent.parent / "texts" / "joint-statement.zh.txt").read_text(encoding="utf-8")
SEED = Path("/work/shared/seed/joint-statement-2022-02-04.zh.txt").read_text(encoding="utf-8")

# The places where PDF extraction broke the seed's paragraphs (end of a line, start of the next).
SEED_BREAKS = [("以联合国为核", "心的国际体系"), ("尊重", "其他国家"), ("和平、", "发展、合作"), ("科技发", "展, 加速")]


def _paragraphs(text):
    return [text[s:e] for s, e in paragraph_spans(text)]


# --- fold -----------------------------------------------------------------------------


def test_fold_turns_traditional_seed_sentence_into_the_simplified_original():
    sentence = "捍卫以联合国为核心的国际体系和以国际法为基础的国际秩序"
    traditional = opencc.OpenCC("s2t").convert(sentence)
    assert traditional != sentence
    assert fold(traditional) == sentence


def test_fold_makes_full_width_letters_digits_and_symbols_ascii():
    assert fold("２０２２年２月４日，ＵＳＡ增长１．５％") == "2022年2月4日，USA增长1.5%"


def test_a_full_width_comma_grouping_full_width_digits_is_a_thousands_comma():
    # before, １，２３４ folded to "1，234": two numbers, and a faithful "1,234" was flagged "1 ≠ 1,234"
    assert fold("共計１，２３４，５６７元，分別為１，２和３。") == "共计1,234,567元，分别为1，2和3。"
    sentence = segment("共計１，２３４人參加。", "zh")[0]
    english = segment("A total of 1,234 people took part.", "en")[0]
    assert mismatch_reason(quantities(sentence.norm, "zh"), quantities(english.norm, "en"), "zh", "en") is None
    assert [sentence.text[p] for p in norm_positions(sentence.text, sentence.norm)][2:7] == list("１，２３４")


def test_fold_keeps_chinese_punctuation_full_width():
    assert fold("好！为什么？（注）：是，否；") == "好！为什么？（注）：是，否；"
    assert fold("他说：“好。”") == "他说：“好。”"


def test_fold_joins_a_pdf_break_between_chinese_characters():
    assert fold("捍卫以联合国为核\n\n心的国际体系") == "捍卫以联合国为核心的国际体系"
    assert fold("和平、\n\n发展") == "和平、发展"


def test_fold_turns_radical_code_points_of_a_pdf_copy_into_the_characters_they_stand_for():
    # text copied from the sample's opening, printed to PDF by Chrome: ⼈⺠ for 人民, 2⽉4⽇ for 2月4日
    copied = (DATA / "copied-from-chrome-pdf.zh.txt").read_text(encoding="utf-8")
    assert "⼈⺠" in copied and "2⽉4⽇" in copied
    clean = {s.norm for s in load_document(SAMPLE_ZH, "zh").sentences}
    inner = load_document(copied, "zh").sentences[:-1]  # the last is cut; the title fills the first line alone
    assert len(inner) >= 8 and inner[0].norm.endswith("联合声明(上)")
    assert all(s.norm in clean for s in inner), [s.norm for s in inner if s.norm not in clean]
    assert fold("三分之⼀，⼆〇⼆⼆年，⻓城，⻑城") == "三分之一，二〇二二年，长城，长城"
    assert fold("⽤⼾，曲线⸺，ﬁnal ﬂow，1941‒1945") == "用户，曲线——，final flow，1941–1945"


def test_fold_turns_cjk_compatibility_ideographs_into_the_unified_ones():
    # 不 (U+F967) and 六 (U+F9D1) are 不 and 六 to a reader, not to the encoder or the number check
    compat = {"不": "\uf967", "六": "\uf9d1", "金": "\uf90a", "立": "\uf9f7"}
    sentences = [s for s in load_document(SAMPLE_ZH, "zh").sentences if set(compat) & set(s.text)]
    assert len(sentences) > 10
    for s in sentences:
        copied = s.text.translate(str.maketrans(compat))
        assert copied != s.text and match_form(copied) == s.norm
    assert [q.values for q in quantities(fold("第\uf9d1届"), "zh")] == [(6.0,)]


def test_fold_joins_the_digits_of_chinese_spaced_out_character_by_character():
    # copied out of a PDF with a space after every character: 2 0 2 2 年 is the year 2022, as in the text
    spaced = " ".join("俄罗斯联邦总统弗·弗·普京于2022年2月4日访华，贸易额增长1.5%。")
    assert fold(spaced) == "俄罗斯联邦总统弗·弗·普京于2022年2月4日访华，贸易额增长1.5%。"
    assert fold("2022 年 2 月的会议") == "2022 年 2 月的会议"  # a text that is not spaced out keeps its spaces


def test_fold_collapses_whitespace_but_keeps_spaces_next_to_latin():
    assert fold("  The   parties\n\n agreed  ") == "The parties agreed"
    assert fold("第24届 Winter Games 开幕") == "第24届 Winter Games 开幕"
    assert fold("中\u3000国") == "中国"


def test_fold_leaves_russian_and_english_letters_and_case_alone():
    assert fold("В. В. Путин и U.S. Army") == "В. В. Путин и U.S. Army"


def test_match_form_rejoins_words_hyphenated_at_line_end():
    assert match_form("меж-\nдународный порядок") == "международный порядок"
    assert match_form("the inter-\n  national system") == "the international system"
    assert match_form("the Sino-\nRussian talks") == "the Sino-Russian talks"
    assert match_form("2-\n3 days") == "2- 3 days"
    assert match_form("soft\u00adhyphen") == "softhyphen"


# --- paragraphs of the seed ---------------------------------------------------------------


def test_seed_pdf_breaks_are_inside_one_paragraph_each():
    paragraphs = _paragraphs(SEED)
    for before, after in SEED_BREAKS:
        holding = [p for p in paragraphs if before in p and after in p]
        assert len(holding) == 1, (before, after)
        # the break itself is kept in the original text of the paragraph
        assert "\n" in holding[0]


def test_seed_real_paragraphs_stay_apart():
    paragraphs = _paragraphs(SEED)
    raw_blocks = [b.strip() for b in SEED.split("\n\n") if b.strip()]
    assert len(paragraphs) == len(raw_blocks) - len(SEED_BREAKS)
    assert paragraphs[0] == "中华人民共和国和俄罗斯联邦关于新时代国际关系和全球可持续发展的联合声明(上)"
    assert paragraphs[2].endswith("声明如下:")
    assert paragraphs[3].startswith("当前")
    assert any(p.startswith("一 双方一致认为") for p in paragraphs)
    assert any(p.startswith("二 双方认为, 和平、") for p in paragraphs)


@pytest.mark.parametrize("text, broken", [
    (SAMPLE_ZH, ("务实合作。双", "方将加强")),  # a line with a sentence end inside is no heading
    (SEED, ("主流。发展是实现人民", "福祉的关键")),  # nor "发展、合作是…" (its 、 was skipped as a heading's number's)
])
def test_a_pdf_break_after_a_short_line_holding_a_sentence_end_or_a_clause_mark_is_repaired(text, broken):
    before, after = broken
    damaged = text.replace(before + after, before + "\n\n" + after, 1)
    assert damaged != text
    assert len(_paragraphs(damaged)) == len(_paragraphs(text))
    assert any(before in p and after in p for p in _paragraphs(damaged))


@pytest.mark.parametrize("before, after", [
    ("双方", "呼吁国际社会将减贫"), ("中华人民共和国和", "俄罗斯联邦(以下简称"), ("中华人民共和国和俄", "罗斯联邦关于新时代"),
])
def test_a_pdf_break_inside_a_phrase_the_text_has_whole_elsewhere_is_repaired_after_a_short_line(before, after):
    # the short line before the break ("双方") looked like a heading; the text has 双方呼吁国 whole elsewhere
    damaged = SAMPLE_ZH.replace(before + after, before + "\n\n" + after, 1)
    assert damaged != SAMPLE_ZH
    assert len(_paragraphs(damaged)) == len(_paragraphs(SAMPLE_ZH))


@pytest.mark.parametrize("before, after", [("2022", "年2月4日"), ("二〇二二", "年二月四日"), ("3.5", "亿元")])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_pdf_break_between_a_number_and_its_unit_is_repaired(before, after, gap):
    text = f"双方于{before}{after}签署了协议, 总额为一百万。这是第二句。"
    damaged = text.replace(before + after, before + gap + after)
    assert _paragraphs(damaged) == [damaged]  # one paragraph
    assert [s.text.replace(gap, "") for s in segment(damaged, "zh")] == [s.text for s in segment(text, "zh")]


def test_a_number_ending_a_heading_line_keeps_its_own_paragraph_before_other_text():
    assert _paragraphs("第一章 2022\n\n双方签署了协议。") == ["第一章 2022", "双方签署了协议。"]


def test_a_title_in_capitals_ends_at_a_blank_line_though_the_next_line_starts_in_lower_case():
    # tests/data/literary: "KONG YIJI" / "by Lu Xun" made one sentence, paired with both Chinese lines
    assert _paragraphs("KONG YIJI\n\nby Lu Xun\n\nThe taverns in Luzhen.") == ["KONG YIJI", "by Lu Xun",
                                                                             "The taverns in Luzhen."]
    assert _paragraphs("КУН ИЦЗИ\n\nпо мотивам Лу Синя") == ["КУН ИЦЗИ", "по мотивам Лу Синя"]
    # a line in capitals that ends open, and a page break inside a sentence, still run on
    assert _paragraphs("THE PEOPLE OF\n\nthe world") == ["THE PEOPLE OF\n\nthe world"]
    assert _paragraphs("The report was written\n\nby the committee.") == ["The report was written\n\nby the committee."]


def test_a_title_in_title_case_ends_at_a_blank_line_however_long():
    # a chapter's couplet title ran on into the chapter's first sentence, which read "…Their First Victory It is a
    # general truth…"
    title = "Three Heroes Swear Brotherhood in the Peach Garden; The Yellow Scarves Fall to Their First Victory"
    text = f"Chapter One\n{title}\n\nIt is a general truth of the world that what is long divided must unite."
    assert _paragraphs(text) == ["Chapter One", title, "It is a general truth of the world that what is long divided "
                                                       "must unite."]
    # a line of prose is never in title case, and a title that ends open still runs on
    assert _paragraphs("The Peach Garden was where the three heroes swore\n\nan oath.") == [
        "The Peach Garden was where the three heroes swore\n\nan oath."]
    assert _paragraphs("Three Heroes Swear Brotherhood in the\n\nPeach Garden") == [
        "Three Heroes Swear Brotherhood in the\n\nPeach Garden"]


def test_a_heading_is_not_joined_to_its_paragraph_by_a_phrase_the_text_has_elsewhere():
    text = "第一章 发展中国\n\n家的经济\n\n一、总则\n\n为了规范管理，制定本法。总则为了说明发展中国家的经济。"
    assert _paragraphs(text)[2:] == ["一、总则", "为了规范管理，制定本法。总则为了说明发展中国家的经济。"]
    assert _paragraphs(text)[0] == "第一章 发展中国"  # a numbered heading ends


def test_spans_are_stripped_ordered_and_cover_every_character():
    spans = paragraph_spans(SEED)
    covered = set()
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end
        assert not SEED[start].isspace() and not SEED[end - 1].isspace()
        covered.update(range(start, end))
        last_end = end
    assert all(SEED[i].isspace() for i in range(len(SEED)) if i not in covered)


# --- other layouts ------------------------------------------------------------------------------

RUSSIAN_PDF = """Совместное заявление Российской Федерации и Китайской Народной Республики

По приглашению Председателя Китайской Народной Республики Си Цзиньпина Президент Российской Федерации В. В. Путин посетил Пекин 4 февраля 2022 г. Главы госу-

дарств провели переговоры в Пекине и приняли участие в церемонии открытия XXIV зимних Олимпийских игр.

Стороны призывают все государства отстаивать такие общечеловеческие ценности, как мир, развитие, равенство, справедливость, демократия и

свобода, уважать право народов самостоятельно определять пути развития своих стран.

Стороны заявляют следующее:

1. Стороны считают, что демократия является общечеловеческой ценностью.
"""


def test_russian_pdf_breaks_are_repaired_and_headings_kept():
    paragraphs = _paragraphs(RUSSIAN_PDF)
    assert paragraphs[0].startswith("Совместное заявление") and paragraphs[0].endswith("Республики")
    assert paragraphs[1].startswith("По приглашению") and paragraphs[1].endswith("Олимпийских игр.")
    assert paragraphs[2].startswith("Стороны призывают") and paragraphs[2].endswith("своих стран.")
    assert paragraphs[3] == "Стороны заявляют следующее:"
    assert paragraphs[4].startswith("1. Стороны считают")
    assert len(paragraphs) == 5


ENGLISH_WRAPPED = """Joint Statement

The Russian Federation and the People's Republic of China, hereinafter
referred to as the sides, state that they agree on the following points.
Today, the world is going through momentous changes, and humanity is
entering a new era of rapid development and profound transformation.

It sees the development of such processes and phenomena as
multipolarity, economic globalization, the advent of information
society, cultural diversity, transformation of the global governance
architecture and world order.

The sides call on all States to pursue well-being for all and, with
these ends, to build dialogue and mutual trust.
"""


def test_hard_wrapped_english_joins_lines_and_keeps_blank_line_paragraphs():
    paragraphs = _paragraphs(ENGLISH_WRAPPED)
    assert [p.split()[0] for p in paragraphs] == ["Joint", "The", "It", "The"]
    # a full-width line ending in a full stop does not end the paragraph in wrapped text
    assert "following points.\nToday, the world" in paragraphs[1]
    assert paragraphs[1].endswith("profound transformation.")


CHINESE_NOVEL = "第一章 序\n　　他说：“好。”\n　　然后走了，\n头也不回。\n　　天黑了\n　　第二天他又来了。\n"


def test_indented_paragraphs_of_a_chinese_novel():
    paragraphs = _paragraphs(CHINESE_NOVEL)
    assert paragraphs == ["第一章 序", "他说：“好。”", "然后走了，\n头也不回。", "天黑了", "第二天他又来了。"]


def test_one_paragraph_per_line_with_windows_line_endings():
    text = "First paragraph ends here.\r\nSecond one, too.\r\n\r\nThird.\r\n"
    assert _paragraphs(text) == ["First paragraph ends here.", "Second one, too.", "Third."]


def test_lowercase_continuation_after_an_unfinished_line():
    text = "The sides agree that the world\n\norder must be respected.\n\nThey also agree.\n"
    assert _paragraphs(text) == ["The sides agree that the world\n\norder must be respected.", "They also agree."]


def test_markdown_heading_and_list_items_are_their_own_paragraphs():
    text = "# Title\nIntro line without a stop\n- first item\n- second item\n"
    assert _paragraphs(text) == ["# Title", "Intro line without a stop", "- first item", "- second item"]


@pytest.mark.parametrize("text", ["", "   \n\n\t  "])
def test_no_paragraphs_in_blank_text(text):
    assert paragraph_spans(text) == []


def test_a_continuation_line_starting_with_a_decimal_is_not_a_list_item():
    text = "Trade between the two countries grew by\n\n1.5 percent in the first quarter.\n\n1. Next item.\n"
    assert _paragraphs(text) == [
        "Trade between the two countries grew by\n\n1.5 percent in the first quarter.",
        "1. Next item.",
    ]


RUSSIAN_WRAPPED = """Он долго смотрел в окно, не говоря ни слова, и только когда стемнело,
повернулся к нам. Москва, сказал он, это город, где всё решается быстро
— или не решается никогда. Мы молчали, потому что спорить было не о чем.
Он снова отвернулся.
— Пойдём, — сказала она.
— Куда? — спросил он, не оборачиваясь, и в голосе его была усталость,
которую он даже не пытался скрыть от нас в тот поздний вечер в конце мая.
"""


def test_wrapped_russian_dash_continues_after_a_full_line_and_starts_dialogue_after_a_short_one():
    paragraphs = _paragraphs(RUSSIAN_WRAPPED)
    # (a full line ending in a full stop runs on: "…не о чем.\nОн снова отвернулся." is one
    # paragraph, since hard-wrapped text without indents or blank lines cannot show otherwise)
    assert len(paragraphs) == 3
    assert "быстро\n— или не решается никогда." in paragraphs[0]
    assert paragraphs[0].endswith("не о чем.\nОн снова отвернулся.")
    assert paragraphs[1] == "— Пойдём, — сказала она."
    assert paragraphs[2].startswith("— Куда?") and paragraphs[2].endswith("в конце мая.")


def test_a_long_title_repeated_as_the_first_heading_ends_its_paragraph():
    # an e-book's title page, then its chapter headed by the same title: more words than a heading has
    title = ("Joint Statement of the People's Republic of China and the Russian Federation on International "
             "Relations Entering a New Era and Global Sustainable Development")
    text = f"{title}\n\n{title}\n\nAt the invitation of President Xi Jinping, President Putin visited China."
    assert _paragraphs(text) == [title, title, "At the invitation of President Xi Jinping, President Putin visited China."]
    # a long line that is not the title still runs on into a capitalised next block, as a PDF break can
    other = title.replace("Joint Statement", "The statement")
    assert len(_paragraphs(f"{title}\n\n{other}\n\nVladimir Putin visited China.")) == 2


def _word_list(tmp_path, intro, items):
    """A .docx as Word writes a numbered list: the numbers are list formatting, not text."""
    import docx

    document = docx.Document()
    document.add_paragraph(intro)
    for item in items:
        document.add_paragraph(item, style="List Number")
    path = tmp_path / "list.docx"
    document.save(path)
    return path


def test_lowercase_list_items_after_a_colon_and_semicolons_stay_their_own_paragraphs(tmp_path):
    # Russian (and English) list items begin in lowercase and end with ";": in a Word list, whose
    # numbers are formatting, each is still a paragraph of its own, as the Chinese items (…；) are;
    # glued into one "sentence" a list of 5 or more items could not be paired with the Chinese at all.
    from aligner.reading import read_file
    from aligner.segment import segment

    items = ["обмениваться информацией;", "проводить консультации не реже одного раза в год;",
             "содействовать контактам между ведомствами;", "развивать сотрудничество в энергетике;",
             "поддерживать обмены молодежью;", "укреплять связи регионов."]
    text = read_file(_word_list(tmp_path, "Стороны договорились о следующем:", items))
    assert _paragraphs(text) == ["Стороны договорились о следующем:", *items]
    assert [s.text for s in segment(text, "ru")] == ["Стороны договорились о следующем:", *items]
    english = read_file(_word_list(tmp_path, "The sides agreed as follows:", ["exchange information;", "hold talks."]))
    assert _paragraphs(english) == ["The sides agreed as follows:", "exchange information;", "hold talks."]


def test_a_line_ending_in_a_semicolon_runs_on_in_hard_wrapped_text():
    # a wrapped line that happens to end at ";" with no blank line after it still continues
    text = RUSSIAN_WRAPPED.replace("не о чем.\nОн", "не о чем;\nон")
    assert _paragraphs(text)[0].endswith("не о чем;\nон снова отвернулся.")


def test_a_paragraphs_last_line_that_the_next_word_would_have_fitted_ends_it_in_hard_wrapped_text():
    """Wrapped at a fixed width with no blank lines (a text copied out of a PDF, an e-mail): a line that ends a
    sentence three-quarters full ends its paragraph when the next line's first word would have fitted on it,
    since greedy wrapping would have put it there. The seed statement wrapped at 35 characters: "声明如下：" is a
    paragraph of its own, not the first words of the next paragraph's sentence."""
    import textwrap

    zh = [p.replace("\n", "") for p in _paragraphs((ROOT / "texts" / "joint-statement.zh.txt").read_text(encoding="utf-8"))]
    wrapped = "\n".join(p[k:k + 35] for p in zh for k in range(0, len(p), 35))
    paragraphs = [p.replace("\n", "") for p in _paragraphs(wrapped)]
    assert "中华人民共和国和俄罗斯联邦(以下简称“双方”), 声明如下:" in paragraphs
    found = sum(p in paragraphs for p in zh)
    assert found >= 0.85 * len(zh), f"{found} of {len(zh)} paragraphs"  # 16 of 18 (8 before)
    en = [line for line in (ROOT / "texts" / "joint-statement.en.txt").read_text(encoding="utf-8").splitlines()
          if line.strip()]
    paragraphs = [" ".join(p.split()) for p in _paragraphs("\n".join(textwrap.fill(p, 72) for p in en))]
    assert sum(p in paragraphs for p in en) >= 0.85 * len(en)  # 16 of 18 (9 before)
    # a sentence ending on a full line still runs on: the next word did not fit
    assert "following points.\nToday, the world" in _paragraphs(ENGLISH_WRAPPED)[1]


FORMAL = Path(__file__).resolve().parent / "data" / "formal"
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", ("zh", "ru", "en"))
def test_a_contracts_label_lines_are_paragraphs_of_their_own(lang):
    """合同编号：… / 甲方：… / 乙方：… and the signatures at the end are fields, one a line, not a PDF-broken sentence."""
    lines = [line for line in (FORMAL / f"contract.{lang}.txt").read_text(encoding="utf-8").splitlines() if line]
    paragraphs = _paragraphs("\n".join(lines))
    assert paragraphs[:5] == lines[:5]
    assert paragraphs[-3:] == lines[-3:]


ZH_RU = Path(__file__).resolve().parent / "data" / "zh-ru"


@pytest.mark.parametrize("lang", ("zh", "ru"))
def test_a_partys_label_with_its_role_in_brackets_is_a_field(lang):
    """甲方（买方）：… / Сторона А (Покупатель): …: the role in brackets kept them from being fields, so the Chinese
    header ran 合同编号, 甲方 and 乙方 into one sentence (across a blank line) and paired it 1-2 with the Russian."""
    text = (ZH_RU / f"contract.{lang}.txt").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line][1:4]
    assert _paragraphs(text)[1:4] == header


def test_label_lines_in_prose_broken_by_a_pdf_still_join():
    """One line with a label-like start is prose a PDF broke; lowercase or an open end still continues."""
    text = "会议指出：要坚持稳中求进\n工作总基调。\nNote: the figures below are\nprovisional.\nParty A: Beijing Huaxin,\nPart B.\n"
    assert _paragraphs(text) == ["会议指出：要坚持稳中求进\n工作总基调。", "Note: the figures below are\nprovisional.",
                                 "Party A: Beijing Huaxin,\nPart B."]


def _hard_wrapped(parts: list[str], width: int, lang: str) -> str:
    """A document as a PDF copy or plain-text export gives it: each paragraph wrapped at `width` columns (Chinese at
    `width` characters), its label lines ("Article 3") as they are, no blank lines."""
    import textwrap

    lines = []
    for part in parts:
        if part in _LABELS:
            lines.append(part)
        elif lang == "zh":
            lines += [part[k:k + width] for k in range(0, len(part), width)]
        else:
            lines += textwrap.wrap(part, width)
    return "\n".join(lines) + "\n"


LABELLED = {  # prose, a label alone on its line, prose: a contract's articles as hard-wrapped text has them
    "en": ["The Parties, desiring to strengthen their economic cooperation and to promote trade between the two "
           "countries, have agreed on the following terms and conditions:", "Article 3",
           "The Seller shall deliver the goods to the Buyer within thirty days of the date on which this Contract is "
           "signed by both of the Parties.", "Section II General Provisions",
           "The Buyer shall pay for the goods by irrevocable letter of credit opened in favour of the Seller with a "
           "bank acceptable to the Seller."],
    "ru": ["Стороны, стремясь укрепить экономическое сотрудничество и содействовать развитию торговли между двумя "
           "странами, договорились о нижеследующем:", "Статья 3",
           "Продавец обязуется поставить товар покупателю в течение тридцати дней с даты подписания настоящего "
           "договора обеими сторонами.", "Приложение 1",
           "Покупатель оплачивает товар безотзывным аккредитивом, открытым в пользу продавца в банке, приемлемом "
           "для продавца."],
    "zh": ["甲乙双方本着平等互利的原则，为加强两国之间的经济合作与贸易往来，经友好协商，就设备采购事宜达成如下协议：", "第三条",
           "卖方应在合同签订之日起三十日内向买方交付全部货物，并提供相关的技术文件和质量证明，买方应在收到货物后十日内组织验收。", "附件",
           "本合同附件为合同不可分割的组成部分，与合同正文具有同等法律效力，双方应共同遵守执行，未尽事宜由双方另行协商解决。"],
}
_LABELS = {"Article 3", "Section II General Provisions", "Статья 3", "Приложение 1", "第三条", "附件"}


@pytest.mark.parametrize("lang, width", [("en", 34), ("en", 60), ("ru", 30), ("ru", 66), ("zh", 20), ("zh", 26)])
def test_a_label_line_between_paragraphs_of_hard_wrapped_prose_is_a_paragraph_of_its_own(lang, width):
    """A full line before "Article 3" ran on into it (one sentence "…as follows: Article 3"), and a label as wide as
    a narrow column's lines ran on into the paragraph after it; each paragraph's own broken lines still join."""
    parts = LABELLED[lang]
    text = _hard_wrapped(parts, width, lang)
    assert [("" if lang == "zh" else " ").join(p.split()) for p in _paragraphs(text)] == parts
    sentences = [s.text for s in segment(text, lang)]
    assert all(label in sentences for label in _LABELS & set(parts))


def test_prose_broken_before_or_after_an_articles_name_still_joins():
    """ "in accordance with / Article 3 / of this Contract": the line before ends open, the one after goes on in
    lowercase; the label-like line is inside a sentence."""
    text = ("The Seller shall deliver the goods to the Buyer in accordance with\nArticle 3\nof this Contract, "
            "within thirty days of its signing.\nПродавец поставляет товар в соответствии со\nСтатья 3\nнастоящего "
            "договора в течение тридцати дней.\n")
    assert _paragraphs(text) == [
        "The Seller shall deliver the goods to the Buyer in accordance with\nArticle 3\nof this Contract, within "
        "thirty days of its signing.",
        "Продавец поставляет товар в соответствии со\nСтатья 3\nнастоящего договора в течение тридцати дней."]


@pytest.mark.parametrize("text, norm", [
    ("He sold three jin (T/N: a jin is half a kilo, 500 g) of rice.", "He sold three jin of rice."),
    ("Он продал три цзиня (прим. пер.: цзинь — полкило) риса.", "Он продал три цзиня риса."),
    ("Он продал три цзиня (цзинь — полкило. — Прим. пер.) риса.", "Он продал три цзиня риса."),
    ("[T/N: Xiucai is a degree.] Everyone laughed.", "Everyone laughed."),
    # a sentence that is a note and nothing else stays one, and other brackets stay
    ("(Translator's note: in those days wine was cheap.)", "(Translator's note: in those days wine was cheap.)"),
    ("He sold rice (a lot of it).", "He sold rice (a lot of it)."),
])
def test_a_translators_note_inside_a_sentence_is_left_out_of_matching(text, norm):
    """Web-novel translations put "(T/N: …)" inside the sentence it explains: its words and its 500 g were matched
    against the Chinese, which has neither."""
    assert match_form(text) == norm


@pytest.mark.parametrize("text, paragraphs", [
    ("毛宁：……所谓“产能过剩”问题是伪命题。（笑声）\n\n塔斯社记者：俄罗斯总统选举将于3月15日举行。",
     ["毛宁：……所谓“产能过剩”问题是伪命题。（笑声）", "塔斯社记者：俄罗斯总统选举将于3月15日举行。"]),
    ('Mao Ning: … the so-called "overcapacity" issue is a false proposition. (Laughter)\n\nTASS: The election will be held.',
     ['Mao Ning: … the so-called "overcapacity" issue is a false proposition. (Laughter)', "TASS: The election will be held."]),
    ("Мао Нин: … ложный тезис. (Смех в зале)\n\nТАСС: Выборы пройдут в марте.",
     ["Мао Нин: … ложный тезис. (Смех в зале)", "ТАСС: Выборы пройдут в марте."]),
    # a bracket that is no aside after an end still runs on: a word broken across the blank line
    ("两国元首认为，双方（中俄两\n\n国）将继续合作。", ["两国元首认为，双方（中俄两\n\n国）将继续合作。"]),
])
def test_a_stage_direction_after_a_sentence_end_ends_the_paragraph(text, paragraphs):
    """A press conference's "。（笑声）" before a blank line read as a paragraph running on: "（笑声） 塔斯社记者：…" became
    one sentence in all three languages."""
    assert _paragraphs(text) == paragraphs


def test_a_chinese_field_label_may_hold_latin_letters():
    """A manual's specification list: "额定功率：45W" ran on into "CADR值：320m³/h", whose label held Latin letters."""
    text = "额定功率：45W\nCADR值：320m³/h\n适用面积：22～38㎡\n噪音：≤52dB(A)"
    assert _paragraphs(text) == ["额定功率：45W", "CADR值：320m³/h", "适用面积：22～38㎡", "噪音：≤52dB(A)"]


@pytest.mark.parametrize("text, paragraphs", [
    ("Comrades, friends, ladies and gentlemen,\n\nGreetings to you all! As time flies, we bid farewell to 2023.",
     ["Comrades, friends, ladies and gentlemen,", "Greetings to you all! As time flies, we bid farewell to 2023."]),
    ("Dear Mr. Smith,\n\nThank you for your letter.", ["Dear Mr. Smith,", "Thank you for your letter."]),
    ("Mr. President,\n\nThank you for the warm welcome.", ["Mr. President,", "Thank you for the warm welcome."]),
    ("Уважаемые коллеги,\n\nБлагодарю вас за приглашение.", ["Уважаемые коллеги,", "Благодарю вас за приглашение."]),
    ("Good morning, everyone,\n\nIt is a pleasure to be here.", ["Good morning, everyone,", "It is a pleasure to be here."]),
    # a clause broken off by a blank line still runs on
    ("As the two sides agreed,\n\nTrade will grow.", ["As the two sides agreed,\n\nTrade will grow."]),
])
def test_a_salutation_on_its_own_line_is_its_own_paragraph(text, paragraphs):
    """A New Year address's "Comrades, friends, ladies and gentlemen," ended in a comma and ran on into the greeting
    after it: the English had one sentence where the Chinese has 同志们，朋友们……！ and 大家好！, and 大家好！ was "omitted"."""
    assert _paragraphs(text) == paragraphs


@pytest.mark.parametrize("text, paragraphs", [
    ("digital economy\nartificial intelligence\ngreen development\ncommon prosperity\n",
     ["digital economy", "artificial intelligence", "green development", "common prosperity"]),
    ("цифровая экономика\nискусственный интеллект\nзелёное развитие\nобщее процветание\n",
     ["цифровая экономика", "искусственный интеллект", "зелёное развитие", "общее процветание"]),
    # prose broken into short lines has its commas and full stops: it still runs on
    ("The two sides agreed\nto strengthen cooperation\nin trade, investment\nand energy.\nThey signed a plan.",
     ["The two sides agreed\nto strengthen cooperation\nin trade, investment\nand energy.", "They signed a plan."]),
])
def test_a_glossary_has_an_entry_a_line(text, paragraphs):
    assert _paragraphs(text) == paragraphs
