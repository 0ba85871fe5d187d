"""Number reading and the `number` flag, on seed sentences, MAC dev sentences and translations of them."""
from __future__ import annotations

import pytest

from aligner.review.number_flags import NUMBER, mismatch_reason, number_flags
from aligner.normalise import fold
from aligner.review.numbers import chinese_numeral, quantities
from aligner.types import WEAK, Alignment, Bead, Document, Sentence

SEED_ZH = "应中华人民共和国主席习近平邀请，俄罗斯联邦总统弗·弗·普京于2022年2月4日访华。两国元首在北京举行会谈，并出席第24届冬季奥运会开幕式。"
SEED_RU = ("По приглашению Председателя КНР Си Цзиньпина Президент Российской Федерации В. В. Путин "
           "4 февраля 2022 года посетил Китай. Главы государств провели переговоры в Пекине и приняли участие "
           "в церемонии открытия XXIV зимних Олимпийских игр.")
SEED_EN = ("At the invitation of President Xi Jinping of the People's Republic of China, President Vladimir Putin "
           "of the Russian Federation visited China on February 4, 2022. The two heads of state held talks in "
           "Beijing and attended the opening ceremony of the 24th Winter Olympic Games.")
TRADE_ZH = "双方将努力推动中俄贸易额在2030年前达到2000亿美元。"


def reason(zh: str, tgt: str, lang: str) -> str | None:
    return mismatch_reason(quantities(zh, "zh"), quantities(tgt, lang), "zh", lang)


def values(text: str, lang: str) -> list[float]:
    return [v for q in quantities(text, lang) for v in q.values[:1]]


@pytest.mark.parametrize("numeral, value", [
    ("二〇二二", 2022), ("一九四九", 1949), ("十二", 12), ("二十四", 24), ("一百零五", 105),
    ("三千五百万", 35_000_000), ("两千", 2000), ("一万亿", 1e12), ("廿一", 21), ("卅", 30), ("卌五", 45),
])
def test_chinese_numerals(numeral, value):
    assert chinese_numeral(numeral) == value


def test_twenty_and_thirty_in_one_character_as_hong_kong_and_taiwan_write_them_raise_nothing():
    # 廿 (20) and 卅 (30) were not numerals: 廿一世紀 read as 1, "21 only in the English" on a faithful pair
    assert reason(fold("廿一世紀是亞洲的世紀。"), "The 21st century is the century of Asia.", "en") is None
    assert reason(fold("他在廿三日抵達香港。"), "He arrived in Hong Kong on the 23rd.", "en") is None
    assert reason(fold("他在廿三日抵達香港。"), "He arrived in Hong Kong on the 24th.", "en") is not None
    assert chinese_numeral("五卅") is None  # the 30 May Movement: a date, not 35


def test_taiwan_years_of_the_republic_and_trillions_raise_nothing_on_faithful_pairs():
    # before: "111 ≠ 2022" on every date of a Taiwan government text, "2.5 ≠ 2.5 trillion" on its budget
    assert reason(fold("行政院於111年3月5日核定。"), "The Executive Yuan approved it on March 5, 2022.", "en") is None
    assert reason(fold("中華民國一百一十一年度預算"), "the budget for 2022", "en") is None
    assert reason("民国元年，曲阜县孔夫子家的“哭丧户”专程前来学习过哭腔。",  # MAC dev 004
                  "During 1912, the first year of the Republic, professional mourners known as 'wailers' came from "
                  "Qufu, the home of Confucius, to study local weeping techniques.", "en") is None
    assert reason(fold("行政院於111年3月5日核定。"), "The Executive Yuan approved it on March 5, 2021.", "en") is not None
    assert reason(fold("中央政府總預算為新臺幣2.5兆元。"), "The central government budget is NT$2.5 trillion.", "en") is None
    assert reason(fold("總額達三兆元。"), "The total reached three trillion yuan.", "en") is None
    assert reason(fold("中央政府總預算為新臺幣2.5兆元。"), "The central government budget is NT$3.5 trillion.", "en")
    assert reason("装机容量100兆瓦。", "Installed capacity is 100 MW.", "en") is None  # mega-, as before


@pytest.mark.parametrize("zh, en, expected", [
    ("臺灣112年第三季經濟成長率為2.32%。", "Taiwan's economic growth rate in the third quarter of 2023 was 2.32%.", None),
    ("臺灣112年第三季經濟成長率為2.32%。", "Taiwan's economic growth rate in the third quarter of 2022 was 2.32%.", "112 ≠ 2022"),
    ("112年度預算將送立法院審議。", "The 2023 budget will be sent to the Legislative Yuan.", None),
    ("預計112年底完工。", "It is expected to be completed at the end of 2023.", None),
    ("他工作了10年底薪不變。", "He worked for 10 years with the same base pay.", None),  # no year: 10 years
])
def test_a_bare_taiwan_year_before_a_quarter_or_the_year_s_end(zh, en, expected):
    """112年第三季 as "the third quarter of 2023" was "112 ≠ 2023": only a month after a bare year made it one."""
    assert reason(fold(zh), en, "en") == expected
    assert reason("他工作了5年。", "He worked for five years.", "en") is None  # a span of years is no date


def test_reference_marks_of_a_page_copied_from_wikipedia_are_no_numbers():
    # "[3]" after a word or number was read as the number 3: "3 only in the Chinese" on every marked sentence
    from aligner.normalise import match_form

    zh = SEED_ZH.replace("访华。", "访华[3]。").replace("开幕式", "开幕式［１２］")
    en = SEED_EN.replace("2022.", "2022.[4]")
    assert reason(match_form(zh), match_form(en), "en") is None
    assert match_form(zh) == match_form(SEED_ZH) and match_form(en) == match_form(SEED_EN)
    assert match_form("[1] 张三：《论文》。") == "[1] 张三：《论文》。"  # a reference list's own number stays
    assert match_form("国发〔2022〕3号") == "国发〔2022〕3号"


def test_equivalent_forms_read_to_the_same_values():
    assert values("二〇二二年，三分之一，百分之五，1.5万人，1000亿美元", "zh") == \
        pytest.approx([2022, 1 / 3, 5, 15_000, 1e11])
    assert values("In 2022, one-third, 5 percent, 15,000 people, $100 billion", "en") == \
        pytest.approx([2022, 1 / 3, 5, 15_000, 1e11])
    assert values("В 2022 году, одна треть, 5%, 15 000 человек, 100 млрд долларов", "ru") == \
        pytest.approx([2022, 1 / 3, 5, 15_000, 1e11])


def test_russian_decimal_comma_and_digit_groups():
    assert quantities("1,5 млн", "ru")[0].values == (1_500_000,)
    assert 1500 in quantities("1 500 лет", "ru")[0].values  # no-break space
    assert set(quantities("1,500 тонн", "ru")[0].values) == {1.5, 1500}
    # dots grouping thousands before a decimal comma, as a table exported in a Russian locale writes them
    assert quantities("126.058,2 млрд юаней", "ru")[0].values == pytest.approx((126_058.2e9,))
    assert reason("全年国内生产总值1260582亿元。", "ВВП за год составил 126.058,2 млрд юаней.", "ru") is None
    # before a scale word the comma is a decimal one: 5,221 тыс. is 5221, never 5,221,000 (522.1万)
    assert quantities("5,221 тыс. единиц", "ru")[0].values == (5221,)
    assert reason("汽车出口522.1万辆，增长57.4%。", "Экспорт автомобилей составил 5,221 тыс. единиц, увеличившись на 57,4%.",
                  "ru") == "522.1万 ≠ 5,221 тыс."
    assert reason("汽车出口522.1万辆，增长57.4%。", "Экспорт автомобилей составил 5,221 млн единиц, увеличившись на 57,4%.",
                  "ru") is None


def test_codes_and_names_with_digits_are_not_numbers():
    assert quantities("COVID-19 and the G20 rolled out 5G", "en") == []
    assert quantities("新冠肺炎COVID-19", "zh") == []


def test_faithful_translations_of_the_seed_raise_nothing():
    assert reason(SEED_ZH, SEED_RU, "ru") is None  # 2月 ↔ февраля, 第24届 ↔ XXIV
    assert reason(SEED_ZH, SEED_EN, "en") is None  # 24届 ↔ 24th


def test_changed_year_and_day_are_named():
    assert reason(SEED_ZH, SEED_EN.replace("2022", "2021"), "en") == "2022 ≠ 2021"
    assert reason(SEED_ZH, SEED_RU.replace("4 февраля", "14 февраля"), "ru") == "4 ≠ 14"


def test_dropped_and_added_numbers():
    ru = "Стороны будут прилагать усилия к тому, чтобы довести объём торговли до 200 млрд долларов США."
    assert reason(TRADE_ZH, ru, "ru") == "2030 only in the Chinese"
    en = "The sides will strive to bring trade to US$200 billion by 2030, up 30 percent."
    assert reason(TRADE_ZH, en, "en") == "30 percent only in the English"
    assert reason(TRADE_ZH, "The sides will work to raise trade to US$250 billion by 2030.", "en") == \
        "2000亿 ≠ 250 billion"


def test_changed_count_in_words_is_flagged_when_counts_correspond():
    zh = "他兄弟俩手气又坏，不到半个时辰，五十两本钱已输干了。"
    assert reason(zh, "In less than an hour they had to pay out fifty taels, which was all they had.", "en") is None
    assert reason(zh, "In less than an hour they had to pay out sixty taels, which was all they had.", "en") == \
        "五十 ≠ sixty"


@pytest.mark.parametrize("zh, en", [
    # MAC dev pairs that once raised false alarms: estimates, idioms, names with numerals, taels
    ("一时那男孩翻在上面，一时韦小宝翻在上面，翻了十七八个滚，终于两人互相扭住，呼呼喘气。",
     "They struggled for a while, ringing the changes more than a dozen times, until finally they were in a deadlock."),
    ("那温家兄弟一个叫温有道，一个叫温有方，轮到两兄弟做庄时，韦小宝使出手段，赢了他们二十几两银子。",
     "It was the Wen brothers' turn to be bankers. Trinket had soon managed to win over twenty taels off them."),
    ("奶奶站在路边，听着七零八落的打击肉体的沉闷声响。", "Grandma stood beside the road listening to the dull cacophony."),
    ("闭上眼睛，回想茅十八在酒馆中跟满洲武士打架的手法。",
     "With him as my teacher I could have learnt a thing or two on the way up here."),
    ("6.片厂", "The Film Studio"),
    ("我过二十一岁生日以前，是一个童男子。", "Until my twenty-first birthday I was a virgin."),
    ("奶奶受尽苦难，终于裹就一双三寸金莲。", "The results of Grandma's suffering were two three-inch golden lotuses."),
    ("中华人民共和国和俄罗斯联邦(以下简称“双方”), 声明如下:", "The two sides state as follows:"),
])
def test_no_false_alarm_on_literary_and_formal_phrasing(zh, en):
    assert reason(zh, en, "en") is None


def test_number_flags_on_an_alignment():
    zh_doc = Document(SEED_ZH, "zh", [Sentence(0, 0, len(SEED_ZH), SEED_ZH, SEED_ZH)])
    changed = SEED_EN.replace("24th", "25th")
    en_doc = Document(changed, "en", [Sentence(0, 0, len(changed), changed, changed)])
    a = Alignment(zh_doc, en_doc, [Bead((0,), (0,), 0.9)])
    number_flags(a)
    assert [(f.kind, f.reason) for f in a.beads[0].flags] == [(NUMBER, "24 ≠ 25")]


def _two_pairs(zh: list[str], en: list[str]) -> Alignment:
    def doc(parts: list[str], lang: str) -> Document:
        text, sentences = "", []
        for k, part in enumerate(parts):
            sentences.append(Sentence(k, len(text), len(text) + len(part), part, part))
            text += part + "\n"
        return Document(text, lang, sentences)

    return Alignment(doc(zh, "zh"), doc(en, "en"), [Bead((0,), (0,), 0.3), Bead((1,), (1,), 0.3)])


COUNTDOWN_ZH = ["倒计时在宇宙尺度上继续，已经过去了92小时，还剩1108小时？", "沙瑞山焦躁地来回踱步。"]


def test_a_number_across_a_misplaced_boundary_is_not_a_change():
    # MAC dev 006: the English of the first sentence was split, and the aligner put the boundary one
    # sentence off; 92 and 1,108 sit in the next pair's English.
    a = _two_pairs(COUNTDOWN_ZH, ["The countdown continued at the scale of the universe.",
                                  "Ninety-two hours had already elapsed, and only 1,108 hours remained."])
    number_flags(a)
    assert not any(f.kind == NUMBER for b in a.beads for f in b.flags)
    weak = [f.reason for f in a.beads[0].flags if f.kind == WEAK]
    assert weak and "1108" in weak[0] and "boundary" in weak[0]


def test_a_changed_number_beside_an_unrelated_pair_is_still_flagged():
    a = _two_pairs(COUNTDOWN_ZH, ["The countdown continued: 93 hours had passed, and 1,108 hours remained.",
                                  "Sha paced back and forth, twice."])
    number_flags(a)
    assert [f.reason for f in a.beads[0].flags if f.kind == NUMBER] == ["92 ≠ 93"]


def test_two_numbers_changed_one_into_its_neighbours_are_two_changes_not_a_boundary():
    """A contract's 10 and 15 days made 15 and 30: the 15 of the first English is no number of the
    next pair's Chinese that slipped across; each pair has its own number changed."""
    a = _two_pairs(["合同签订后10个工作日内，甲方向乙方支付合同总金额的30%作为预付款。",
                    "设备验收合格后15日内，甲方支付合同总金额的60%。"],
                   ["Within 15 working days after the signing of the Contract, Party A shall pay Party B 30% of "
                    "the total contract price as an advance payment.",
                    "Within 30 days after the equipment passes acceptance inspection, Party A shall pay 60% of "
                    "the total contract price."])
    number_flags(a)
    assert [[(f.kind, f.reason) for f in b.flags] for b in a.beads] == [[(NUMBER, "10 ≠ 15")], [(NUMBER, "15 ≠ 30")]]


def test_a_number_across_a_boundary_names_the_pair_it_belongs_with():
    """"the next or previous pair" left the reviewer to find which; the pair is known."""
    a = _two_pairs(COUNTDOWN_ZH, ["The countdown continued at the scale of the universe.",
                                  "Ninety-two hours had already elapsed, and only 1,108 hours remained."])
    number_flags(a)
    assert [f.reason for f in a.beads[0].flags if f.kind == WEAK] == \
        ["92, 1108 of the Chinese belongs with the next pair: the boundary may be off"]
    assert [f.reason for f in a.beads[1].flags if f.kind == WEAK] == \
        ["1,108 of the English belongs with the previous pair: the boundary may be off"]


def _one_pair(zh: str, tgt: str, lang: str) -> Alignment:
    zh_doc = Document(zh, "zh", [Sentence(0, 0, len(zh), zh, fold(zh))])
    tgt_doc = Document(tgt, lang, [Sentence(0, 0, len(tgt), tgt, tgt)])
    return Alignment(zh_doc, tgt_doc, [Bead((0,), (0,), 0.9)])


def test_a_changed_rank_names_both_sides():
    # Roman numerals are soft (they help match); set against a hard number left over, the reason names both
    assert reason("第24届冬奥会在北京举行。", "XXV зимние Олимпийские игры прошли в Пекине.", "ru") == "24 ≠ XXV"
    assert reason("第二十四届冬奥会在北京举行。", "The 25th Winter Olympics were held in Beijing.", "en") == "二十四 ≠ 25"
    assert reason("第24届冬奥会在北京举行，两国元首出席。", "The two heads of state attended the Games.", "en") == \
        "24 only in the Chinese"  # "two" is a count, not a rank: not set against 24


def test_a_changed_amount_written_in_words_names_both_sides():
    # "полтора миллиарда" for 1000亿 is a changed amount, not an amount left out
    assert reason("双方期待发达国家每年提供1000亿美元。",
                  "Стороны ожидают от развитых стран ежегодного предоставления полутора миллиардов долларов.", "ru") == \
        "1000亿 ≠ полутора миллиардов"
    assert reason("双方期待发达国家每年提供1000亿美元。",
                  "The parties expect developed countries to provide one and a half billion dollars a year.", "en") == \
        "1000亿 ≠ one and a half billion"
    assert reason("两国贸易额达到1000亿美元。", "Товарооборот двух стран значительно вырос.", "ru") == \
        "1000亿 only in the Chinese"  # "двух" is a count, not an amount: not set against 1000亿


def test_reasons_quote_the_users_traditional_text():
    a = _one_pair("兩千名學生參加了比賽。", "Three thousand students took part in the competition.", "en")
    number_flags(a)
    assert [f.reason for f in a.beads[0].flags if f.kind == NUMBER] == ["兩千 ≠ Three thousand"]
    mark = next(m for f in a.beads[0].flags for m in f.marks if m.side == "src")
    assert a.source.text[mark.start:mark.end] == "兩千"


@pytest.mark.parametrize("zh, tgt, lang", [
    ("20世纪90年代以来，中俄关系稳步发展。", "Since the 1990s, China–Russia relations have developed steadily.", "en"),
    ("20世纪90年代以来，中俄关系稳步发展。", "С 1990-х годов китайско-российские отношения стабильно развиваются.", "ru"),
    ("上世纪90年代以来，中俄关系稳步发展。", "Since the 1990s, China–Russia relations have developed steadily.", "en"),
    ("二十世纪九十年代以来，两国关系不断深化。", "С 90-х годов XX века отношения двух стран углубляются.", "ru"),
    ("“十四五”规划正在顺利实施。", "The 14th Five-Year Plan is being implemented smoothly.", "en"),
    ("“十四五”规划正在顺利实施。", "Успешно реализуется 14-й пятилетний план.", "ru"),
    ("前三季度国内生产总值增长3%。", "In the first three quarters GDP grew by 3%.", "en"),
    ("三分之一以上的企业，即1/3的企业，参加了展会。", "More than a third of the companies, i.e. one in three, took part in the fair.", "en"),
    ("三分之一以上的企业，即1/3的企业，参加了展会。", "Более трети предприятий, то есть каждое третье, приняли участие в выставке.", "ru"),
    ("约1/3的人参加了投票。", "About one third of the people voted.", "en"),
    ("每三个人中就有一个参加了投票。", "Every third person voted.", "en"),
    ("共有1万5千人出席了开幕式。", "A total of 15,000 people attended the opening ceremony.", "en"),
    ("项目总投资3亿5000万元。", "The project's total investment is 350 million yuan.", "en"),
    ("双边贸易额达到五千亿美元。", "Bilateral trade reached half a trillion dollars.", "en"),
    ("约五十万人参加了活动。", "В мероприятии приняли участие около полумиллиона человек.", "ru"),
    ("每年提供15亿美元。", "They provide one and a half billion dollars a year.", "en"),
    ("约250万人参加了活动。", "В мероприятии приняли участие около двух с половиной миллионов человек.", "ru"),
    ("有1500人参加了会议。", "В совещании приняли участие 1.500 человек.", "ru"),  # a dot grouping thousands
    ("有150万人参加了活动。", "В мероприятии приняли участие 1.500.000 человек.", "ru"),
    ("会议于下午3点半开始。", "The meeting began at 3:30 p.m.", "en"),
    ("会议于下午3点开始。", "The meeting began at 15:00.", "en"),
    ("会议于15点30分开始。", "The meeting began at 3.30 pm.", "en"),
    ("合同金额为人民币壹万贰仟元整。", "The contract amount is RMB 12,000.", "en"),
    ("合同金额为人民币壹万零伍佰元整。", "Сумма договора составляет 10 500 юаней.", "ru"),
    # MAC dev 006: a decade in characters, and a countdown (not a clock) with full-width colons
    ("九十年代初才又回到了这座城市。", "She came back to the city in the early nineties.", "en"),
    ("九十年代初才又回到了这座城市。", "Она вернулась в этот город в начале девяностых.", "ru"),
    ("这是1108：21：37。", "This was 1108:21:37.", "en"),
])
def test_formal_phrasings_of_the_same_number_agree(zh, tgt, lang):
    assert reason(zh, tgt, lang) is None


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("1990年代以来，中俄关系稳步发展。", "Since the 1980s, relations have developed steadily.", "en", "1990 ≠ 1980"),
    ("20世纪90年代以来，中俄关系稳步发展。", "Since the 1980s, relations have developed steadily.", "en", "20世纪90年代 ≠ 1980"),
    ("上世纪九十年代以来，两国关系稳步发展。", "Since the 1980s, relations have developed steadily.", "en", "上世纪九十年代 ≠ 1980"),
    # MAC dev 006 with a planted change: "the sixties" (一九六几年) must not hide two → eight
    ("好像是在一九六几年吧，两个美国人在调试天线。", "It was back in the sixties when eight Americans tested an antenna.", "en",
     "两 ≠ eight"),
    ("“十四五”规划正在顺利实施。", "The 13th Five-Year Plan is being implemented smoothly.", "en", "十四 ≠ 13"),
    ("前三季度国内生产总值增长3%。", "In the first two quarters GDP grew by 3%.", "en", "三 ≠ two"),
    ("三分之一的人参加了。", "One quarter of the people took part.", "en", "三分之一 ≠ One quarter"),
    ("三分之二的企业参加了。", "Three quarters of the companies took part.", "en", "三分之二 ≠ Three quarters"),
    ("约1/3的人参加了投票。", "About one in four people voted.", "en", "1/3 ≠ one in four"),
    ("共有1万5千人出席了开幕式。", "A total of 16,000 people attended the opening ceremony.", "en", "1万5千 ≠ 16,000"),
    ("双边贸易额达到五千亿美元。", "Bilateral trade reached half a billion dollars.", "en", "五千亿 ≠ half a billion"),
    ("会议于下午3点半开始。", "The meeting began at 3:45 p.m.", "en", "下午3点半 ≠ 3:45 p.m."),
    ("合同金额为人民币壹万贰仟元整。", "The contract amount is RMB 13,000.", "en", "壹万贰仟 ≠ 13,000"),
])
def test_changed_numbers_in_those_phrasings_are_still_named(zh, tgt, lang, expected):
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, ru", [
    # Russian ordinals in words, as English "twenty-first" already reads: a compound rank or a date's day
    ("21世纪是亚洲的世纪。", "Двадцать первый век станет веком Азии."),
    ("双方出席了第24届冬奥会开幕式。", "Стороны присутствовали на открытии двадцать четвёртых зимних Олимпийских игр."),
    ("他1997年出生。", "Он родился в тысяча девятьсот девяносто седьмом году."),
    ("这是他第一百零一次来北京。", "Он приехал в Пекин в сто первый раз."),
    ("他庆祝了三十五岁生日。", "Он отметил тридцать пятый день рождения."),
    ("5月21日双方签署了协议。", "Двадцать первого мая стороны подписали соглашение."),
    ("2月24日双方举行了会谈。", "Двадцать четвёртого февраля стороны провели переговоры."),
    ("5月3日双方举行了会谈。", "Третьего мая стороны провели переговоры."),
])
def test_russian_ordinals_in_words_read_as_their_number(zh, ru):
    assert reason(zh, ru, "ru") is None


@pytest.mark.parametrize("zh, ru, expected", [
    ("21世纪是亚洲的世纪。", "Двадцать второй век станет веком Азии.", "21 ≠ Двадцать второй"),
    ("5月3日双方举行了会谈。", "Четвёртого мая стороны провели переговоры.", "3 ≠ Четвёртого"),
])
def test_a_changed_russian_ordinal_is_named(zh, ru, expected):
    assert reason(zh, ru, "ru") == expected


@pytest.mark.parametrize("zh, ru, expected", [
    ("五分之一的企业参加了展会。", "Пятая часть предприятий приняла участие в выставке.", None),
    ("约十分之一的人口。", "Около десятой части населения.", None),
    ("五分之一的企业参加了展会。", "Четвёртая часть предприятий приняла участие в выставке.", "五分之一 only in the Chinese"),
    ("报告第三部分讨论了气候问题。", "В третьей части доклада рассматриваются вопросы климата.", None),  # a part, not a third
])
def test_a_russian_share_as_an_ordinal_part_is_a_fraction(zh, ru, expected):
    assert reason(zh, ru, "ru") == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    # a date in digits with dots, as Russian (and German-style) documents write it: day, month and year
    ("协定于2022年2月4日签署。", "Соглашение подписано 04.02.2022.", "ru", None),
    ("协定于2022年2月4日签署。", "Соглашение от 4.02.2022 г. подписано.", "ru", None),
    ("协定于2022年2月4日签署。", "Соглашение подписано 04.02.22.", "ru", None),
    ("协定于2022.02.04签署。", "Соглашение подписано 4 февраля 2022 г.", "ru", None),
    ("协定于2022年2月4日签署。", "Соглашение подписано 05.02.2022.", "ru", "4 ≠ 05"),
    ("增长了1.5%。", "Рост составил 1,5 %.", "ru", None),  # a decimal is no date
])
def test_a_dotted_date_reads_as_its_day_month_and_year(zh, tgt, lang, expected):
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang", [
    # clause numbers heading a sentence on one side only (a Word document's automatic numbering is not
    # text, and translators drop or renumber them): no number changed
    ("1.1 双方同意加强合作。", "Стороны договорились укреплять сотрудничество.", "ru"),
    ("2.3.1 双方同意加强合作。", "Стороны договорились укреплять сотрудничество.", "ru"),
    ("（3）双方同意加强合作。", "Стороны договорились укреплять сотрудничество.", "ru"),
    ("双方同意加强合作。", "2.3.1. Стороны договорились укреплять сотрудничество.", "ru"),
    ("双方同意加强合作。", "(3) The Parties agreed to strengthen cooperation.", "en"),
    ("1.1 双方同意加强合作。", "1.1. The Parties agreed to strengthen cooperation.", "en"),
])
def test_a_clause_number_heading_one_side_is_no_number_change(zh, tgt, lang):
    assert reason(zh, tgt, lang) is None


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("150万人参加了。", "1.5 million people took part.", "en", None),  # a number opening a sentence still counts
    ("双方同意加强合作。", "1.5 million people took part.", "en", "1.5 million only in the English"),
    ("1.1 双方同意在2022年加强合作。", "Стороны договорились укреплять сотрудничество в 2023 г.", "ru", "2022 ≠ 2023"),
])
def test_numbers_beside_a_clause_number_still_count(zh, tgt, lang, expected):
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    # a law's or contract's items numbered on both sides: the same item, however each writes its number
    ("（三）拒绝接受检查的。", "(3) refusing to accept inspection.", "en", None),
    ("三、拒绝接受检查的。", "3) отказ от проверки.", "ru", None),
    ("（3）双方同意加强合作。", "3. The Parties agreed to strengthen cooperation.", "en", None),
    # a different number heading each side is an item renumbered or out of place: a reviewer looks
    ("（三）拒绝接受检查的。", "(4) refusing to accept inspection.", "en", "三 ≠ 4"),
    ("（3）拒绝接受检查的。", "(4) refusing to accept inspection.", "en", "3 ≠ 4"),
    ("三、拒绝接受检查的。", "4) отказ от проверки.", "ru", "三 ≠ 4"),
    # a heading's number in Roman numerals, as English and Russian documents number their parts
    ("二、产品参数", "II. Specifications", "en", None),
    ("二、产品参数", "III. Технические характеристики", "ru", "二 ≠ III"),
    ("二 双方认为，和平是主流。", "III. The Parties believe that peace is the main trend.", "en", "二 ≠ III"),  # the sample's
    ("二 双方认为，和平是主流。", "II. The Parties believe that peace is the main trend.", "en", None),  # headings
    ("二双方认为，和平是主流。", "III. The Parties believe that peace is the main trend.", "en", "二 ≠ III"),  # folded
    # a heading number is no count: "3." is not set against "the two parties" of 双方
    ("3、双方同意加强合作。", "The two Parties agreed to strengthen cooperation.", "en", None),
    ("（三）双方同意加强合作。", "The two Parties agreed to strengthen cooperation.", "en", None),
])
def test_clause_numbers_heading_both_sides_are_compared(zh, tgt, lang, expected):
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("请使用220V～50Hz交流电源。", "Use a 220V~50Hz AC power supply.", "en", None),
    ("请使用220V～50Hz交流电源。", "Используйте источник переменного тока 220 В ~ 50 Гц.", "ru", None),
    ("额定功率：45W", "Номинальная мощность: 45 Вт", "ru", None),
    ("噪音：≤52dB(A)", "Уровень шума: ≤52 дБ(А)", "ru", None),
    ("请使用220V～50Hz交流电源。", "Use a 230V~50Hz AC power supply.", "en", "220 ≠ 230"),
    ("额定功率：45W", "Номинальная мощность: 40 Вт", "ru", "45 ≠ 40"),
    ("电池容量5000mAh，存储空间128GB。", "Battery capacity 5000mAh, storage 256GB.", "en", "128 ≠ 256"),
    ("中国已建成5G基站300万个。", "China has built 3 million 5G base stations.", "en", None),  # 5G is a name
])
def test_a_manual_s_units_written_against_the_figure(zh, tgt, lang, expected):
    """A manual's 220V, 45W and 52dB were no numbers (a code, as 5G is) while «45 Вт» was: "45 only in the Russian"."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("产量增加了12%（图2a）。", "Урожайность выросла на 12% (рис. 2а).", "ru", None),
    ("产量增加了12%（图2a）。", "Yield rose by 12% (Fig. 2a).", "en", None),
    ("2022年产量为5吨。", "В 2022г. производство составило 5 т.", "ru", None),
    ("2022年产量为5吨。", "В 2021г. производство составило 5 т.", "ru", "2022 ≠ 2021"),
])
def test_a_figure_s_panel_is_no_number(zh, tgt, lang, expected):
    """«рис. 2а» (a Cyrillic а) gave "2 only in the Russian", where 图2a and "Fig. 2a" are no numbers."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, en, expected", [
    ("今年第三季度出口增长8%。", "Exports grew 8% in Q3 this year.", None),
    ("2023年第二季度出口增长8%。", "Exports grew 8% in Q3 2023.", "二 ≠ Q3"),
    ("二季度出口增长8%。", "Q2 exports grew 8%.", None),
    ("第一季度出口增长8%。", "Exports grew 8% in Q1.", None),
    ("第二季度出口增长8%。", "Exports grew 8% in Q1.", "二 ≠ Q1"),
    ("上半年出口增长8%。", "H1 exports grew 8%.", None),  # 上半年 writes no number: H1 alone is no difference
])
def test_quarters_as_business_writes_them(zh, en, expected):
    """"Q4" for 第三季度 went unseen: a digit after a letter was no number."""
    assert reason(zh, en, "en") == expected


def test_a_lone_russian_ordinal_is_no_number_unless_it_dates_a_month():
    # "первый заместитель", "во-вторых": ranks a translator adds or drops freely, as the English reading has them
    assert quantities("Первый заместитель министра выступил во-вторых.", "ru") == []
    assert [q.values for q in quantities("третьего мая", "ru")] == [(3.0,), (5.0,)]


def test_words_that_look_like_numbers_are_not_read():
    assert quantities("他收拾行李，回到大陆，加入了队伍。", "zh") == []  # 拾, 陆, 伍 as words, not 大写 numerals
    assert quantities("十四五岁的孩子", "zh") == []  # fourteen or fifteen years old: an estimate, not a plan
    assert [q.text for q in quantities("提出三点建议", "zh")] == ["三"]  # three points, not three o'clock
    assert [q.text for q in quantities("在2022年的会议中有一项决议", "zh")] == ["2022", "一"]  # not "one in 2022"
    assert quantities("three quarters of the companies", "en")[0].values[0] == 0.75


@pytest.mark.parametrize("tgt, lang", [
    ("Горячая линия круглосуточно обслуживает горожан.", "ru"),
    ("Горячая линия обслуживает горожан круглые сутки.", "ru"),
    ("The hotline serves residents around the clock.", "en"),
    ("A round-the-clock hotline serves residents.", "en"),
    ("The hotline serves residents 24/7.", "en"),
])
def test_around_the_clock_is_the_24_hours_of_24_xiaoshi(tgt, lang):
    # "24 only in the Chinese" was a false flag on these faithful renderings, and 24/7 gave "7 only in the English"
    assert reason("热线24小时为市民服务。", tgt, lang) is None
    assert reason("热线12小时为市民服务。", tgt, lang) is not None  # still a number: 12 hours is not around the clock


@pytest.mark.parametrize("zh, en", [
    ("该公司去年销售额达25亿美元。", "The company's sales reached US$2.5bn last year."),
    ("1.5万亿元投资已经到位。", "RMB1.5 trillion of investment is in place."),
    ("4.5亿人口受益。", "450m people benefited."),
    ("项目预算为300万元。", "The project's budget is RMB 3 mln."),
    ("2022年2月4日，中俄发表联合声明。", "On Feb. 4, 2022, China and Russia issued a joint statement."),
    ("协议于2022年9月4日签署。", "The agreement was signed on 4 Sept 2022."),
])
def test_amounts_and_dates_as_the_press_abbreviates_them_agree(zh, en):
    """bn, mn, mln and a bare m after digits, a currency code written against its amount (RMB1.5),
    abbreviated months (Feb., Sept) and an amount heading the Chinese sentence (1.5万亿元, not a clause
    1.5) were read as nothing or the wrong thing: "25亿 only in the Chinese", "2 only in the Chinese"."""
    assert reason(zh, en, "en") is None


def test_abbreviated_amounts_that_differ_are_flagged_and_quoted_without_the_full_stop():
    assert reason("该公司去年销售额达25亿美元。", "The company's sales reached US$3.5bn last year.", "en") == "25亿 ≠ 3.5bn"
    assert reason("该基金规模为30亿元。", "The fund holds RMB 3 trillion.", "en") == "30亿 ≠ 3 trillion"
    assert reason("1.5万亿元投资已经到位。", "RMB2.5 trillion of investment is in place.", "en") == "1.5万亿 ≠ 2.5 trillion"


@pytest.mark.parametrize("zh, en", [
    ("五分之一的受访者表示同意。", "20% of respondents agreed."),
    ("违约金为合同总金额的千分之五。", "Liquidated damages shall be 0.5% of the total contract price."),
    ("违约金为合同总金额的5‰。", "Liquidated damages shall be 0.5% of the total contract price."),
    ("该项目百分之百由中方出资。", "The project is 100% funded by China."),
])
def test_a_share_written_as_a_fraction_per_mille_or_percent_agrees(zh, en):
    """A contract's 千分之五 is 0.5%, a report's 五分之一 20%: "0.5% only in the English" was false."""
    assert reason(zh, en, "en") is None


def test_per_mille_against_per_cent_and_a_changed_percentage_are_quoted_with_their_signs():
    """0.5‰ for 0.5% is a tenfold change (it was read as equal); the Chinese side of a reason keeps its
    % sign, as the English does: "10% ≠ 5%", not "10 ≠ 5%", which read as a change of sign too."""
    assert reason("每逾期一日，按合同总金额的0.5%支付违约金。",
                  "For each day of delay, liquidated damages of 0.5‰ of the total contract price shall be paid.",
                  "en") == "0.5% ≠ 0.5‰"
    assert reason("剩余10%作为质量保证金。", "The remaining 5% shall be retained as a quality deposit.", "en") == "10% ≠ 5%"


@pytest.mark.parametrize("zh, en, expected", [
    ("王文涛将出席第五轮部长级会议。", "Wang will attend the fifth ministerial meeting.", None),
    ("王文涛将出席第五轮部长级会议。", "Wang will attend the fourth ministerial meeting.", "五 ≠ fourth"),
    ("第七届进博会将在上海举办。", "The sixth CIIE will be held in Shanghai.", "七 ≠ sixth"),
    ("双方举行了第五轮战略安全磋商。", "The two sides held the fifth round of strategic security consultations.", None),
    ("双方举行了第五轮战略安全磋商。", "The two sides held the fourth round of strategic security consultations.",
     "五 ≠ fourth"),
    ("20世纪的历史告诉我们。", "The history of the twentieth century tells us.", None),
    ("这是中国的第二大贸易伙伴。", "It is China's second-largest trading partner.", None),
    ("出口首次突破万亿元大关。", "Exports exceeded the one-trillion-yuan mark for the first time.", None),
    ("十四届全国人大一次会议在北京开幕。", "The First Session of the 13th National People's Congress opened in Beijing.",
     "十四 ≠ 13"),
    # a rank in digits beside one in words: "the 13th" is matched, the session's rank changed is what is left
    ("第十三届全国人民代表大会第四次会议", "the Fifth Session of the 13th National People's Congress", "四 ≠ Fifth"),
    ("第十三届全国人民代表大会第四次会议", "the Fourth Session of the 13th National People's Congress", None),
    ("中国已连续7年保持货物贸易第一大国地位。",
     "China has remained the largest trader in goods for six consecutive years.", "7 ≠ six"),
])
def test_ranks_and_counts_in_english_words(zh, en, expected):
    """English ordinals past "first" are soft ranks, as 第五 is: "the fourth round" for 第五轮 was missed,
    also beside "the two sides" for 双方, a count the Chinese does not write; 20世纪 was "20 only in the Chinese"
    against "the twentieth century". 十四届 is a rank without 第, and a
    small count changed into words is named on both sides ("7 ≠ six", not "7 only in the Chinese")."""
    assert reason(zh, en, "en") == expected


@pytest.mark.parametrize("zh, ru, expected", [
    ("王文涛将出席第五轮部长级会议。", "Ван Вэньтао примет участие в пятом раунде переговоров на уровне министров.", None),
    ("王文涛将出席第五轮部长级会议。", "Ван Вэньтао примет участие в четвёртом раунде переговоров на уровне министров.",
     "五 ≠ четвёртом"),
    ("第七届进博会将在上海举办。", "Шестое Китайское международное импортное ЭКСПО пройдёт в Шанхае.", "七 ≠ Шестое"),
    ("欧盟为我国第二大贸易伙伴。", "ЕС является вторым по величине торговым партнёром Китая.", None),
    ("出口首次突破万亿元大关。", "Экспорт впервые превысил отметку в триллион юаней; это первый такой случай.", None),
])
def test_ranks_in_russian_words(zh, ru, expected):
    """A Russian ordinal alone (в четвёртом раунде for 第五轮) is a soft rank, as an English one is: it was
    read only inside a compound number or a date, so a round or a session renumbered went unflagged."""
    assert reason(zh, ru, "ru") == expected


@pytest.mark.parametrize("tgt, lang", [
    ("Over the past decade, trade between China and Central Asia has roughly doubled.", "en"),
    ("За последнее десятилетие торговля Китая с Центральной Азией примерно удвоилась.", "ru"),
])
def test_a_decade_is_the_ten_years_of_10年来(tgt, lang):
    """"Over the past decade" for 10年来 was "10 only in the Chinese" on a faithful speech."""
    assert reason("10年来，中国同中亚国家贸易额增长了约一倍。", tgt, lang) is None
    assert reason("20年来，中国同中亚国家贸易额增长了约一倍。", tgt, lang) == "20 only in the Chinese"


def test_a_measurement_is_not_set_against_a_count_in_words():
    """MAC dev 006: 2.7255 K is a measurement; the 五 of 百万分之五 beside it is no count it was changed from."""
    assert reason("频谱符合温度为2.726K的黑体辐射谱，但存在大约百万分之五的涨落。",
                  "The spectrum matched a temperature of 2.7255 K, with fluctuations of a few parts per million.",
                  "en") == "2.7255 only in the English"


def test_a_bare_1_is_one_a_or_per():
    """A statistical communiqué's 1美元兑7.0467元 is "7.0467 yuan per US dollar": "1 only in the Chinese"
    was false. A 1 changed into another number is still flagged, by the other number."""
    zh = "全年人民币平均汇率为1美元兑7.0467元人民币，比上年贬值4.5%。"
    assert reason(zh, "The average exchange rate was 7.0467 yuan per US dollar, a depreciation of 4.5 percent.",
                  "en") is None
    assert reason(zh, "The average exchange rate was 7.0467 yuan per 2 US dollars, a depreciation of 4.5 percent.",
                  "en") == "2 only in the English"


@pytest.mark.parametrize("zh, en, expected", [
    ("出口额是进口额的3倍。", "Exports were triple imports.", None),
    ("贸易额增长了2倍。", "Trade tripled.", None),
    ("贸易额增长了2倍。", "Trade grew twofold.", None),
    ("贸易额增长了2倍。", "Trade quadrupled.", "2倍 (×2 or ×3) ≠ quadrupled"),
    ("1—9月，全国规模以上工业企业实现利润总额54119.9亿元。",
     "In January-September, industrial enterprises above designated size made profits of 5,411.99 billion yuan.", None),
])
def test_multiples_and_month_ranges(zh, en, expected):
    """"triple" and "tripled" are 3倍 (增长了2倍 is read as both 2 and 3: translators render it either way);
    January-September is the 1 and the 9 of 1—9月: both were "only in the Chinese"."""
    assert reason(zh, en, "en") == expected


@pytest.mark.parametrize("zh, en, expected", [
    ("2021—2025年，双方将深化合作。", "In the 2021-25 period, the two sides will deepen cooperation.", None),
    ("2023/2024年度的报告已发布。", "The report for 2023/24 has been released.", None),
    ("2021—2025年，双方将深化合作。", "In the 2021-26 period, the two sides will deepen cooperation.", "2025 ≠ 26"),
    ("今年是中国共产党成立100周年。", "This year marks the centenary of the Communist Party of China.", None),
])
def test_year_ranges_written_short_and_a_centenary(zh, en, expected):
    """2021-25 ends in 2025 ("2025 ≠ 25" was false), and a centenary is the 100 of 100周年."""
    assert reason(zh, en, "en") == expected


def test_an_english_amount_grouped_in_thousands_is_no_decimal():
    """"500,000 yuan" for 500元 is a thousandfold slip; reading 500,000 also as 500.0 let it through."""
    assert reason("设备单价为500元。", "The unit price is 500,000 yuan.", "en") == "500 ≠ 500,000"
    assert reason("设备单价为50万元。", "The unit price is 500,000 yuan.", "en") is None
    assert reason("增长3.5%。", "It grew by 3,5 percent.", "en") is None  # a decimal comma is still read


@pytest.mark.parametrize("zh, tgt, lang", [
    ("合同期为24个月。", "The contract runs for two years.", "en"),
    ("会议将持续7天。", "The meeting will last a week.", "en"),
    ("项目周期12个月。", "The project takes a year.", "en"),
    ("两周内完成。", "Done within 14 days.", "en"),
    ("需要48小时。", "It takes two days.", "en"),
    ("会议将持续7天。", "Совещание продлится неделю.", "ru"),
    ("合同期为24个月。", "Договор заключён на два года.", "ru"),
])
def test_a_duration_rendered_in_the_next_unit_of_time_agrees(zh, tgt, lang):
    """24个月 as "two years" was "24 ≠ two", 7天 as "a week" "7 only in the Chinese"."""
    assert reason(zh, tgt, lang) is None


@pytest.mark.parametrize("zh, tgt, lang, why", [
    ("会议将持续7天。", "The meeting will last 8 days.", "en", "7 ≠ 8"),
    ("合同期为24个月。", "The contract runs for three years.", "en", "24 ≠ three"),
    ("3月举行。", "Held in April.", "en", "3 ≠ April"),  # a month of the calendar, not a duration
])
def test_a_duration_that_changed_is_still_flagged(zh, tgt, lang, why):
    assert reason(zh, tgt, lang) == why


@pytest.mark.parametrize("zh, en, expected", [
    ("双方共同纪念《联合国气候变化框架公约》达成三十周年。",
     "The Parties jointly mark the thirtieth anniversary of the adoption of the UN Framework Convention on Climate Change.",
     None),
    ("双方共同纪念《联合国气候变化框架公约》达成三十周年。",
     "The Parties jointly mark the twenty-fifth anniversary of the adoption of the UN Framework Convention on Climate Change.",
     "三十 ≠ twenty-fifth"),
    ("成千上万的群众参加了庆祝活动。", "Tens of thousands of people took part in the celebrations.", None),
])
def test_a_numeral_after_达成_is_read(zh, en, expected):
    """成 before a numeral makes an estimate only as in 成千上万 / 成百上千; the 成 of 达成 (reach) hid the
    三十 of 达成三十周年, so "the twenty-fifth anniversary" passed unflagged."""
    assert reason(zh, en, "en") == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("设备质保期为18个月。", "The warranty period is a year and a half.", "en", None),
    ("设备质保期为18个月。", "The warranty period is one and a half years.", "en", None),
    ("设备质保期为6个月。", "The warranty period is half a year.", "en", None),
    ("设备质保期为一年半。", "The warranty period is 18 months.", "en", None),
    ("设备质保期为6个月。", "Гарантийный срок на оборудование — полгода.", "ru", None),
    ("设备质保期为一年半。", "Гарантийный срок на оборудование — 18 месяцев.", "ru", None),
    ("项目工期为半年。", "Срок реализации проекта — шесть месяцев.", "ru", None),
    # a duration changed is still one
    ("设备质保期为24个月。", "The warranty period is a year and a half.", "en", "24 ≠ a year and a half"),
    ("设备质保期为6个月。", "Гарантийный срок на оборудование — полтора года.", "ru", "6 ≠ полтора"),
    ("设备质保期为一年半。", "Гарантийный срок на оборудование — два года.", "ru", "一年半 ≠ два"),
])
def test_a_year_and_a_half_and_half_a_year_in_months(zh, tgt, lang, expected):
    """18个月 as "a year and a half" was "18 only in the Chinese", 6个月 as «полгода» "6 only in the Chinese",
    一年半 as "18 months" "18 only in the English": the same duration in the next unit."""
    assert reason(zh, tgt, lang) == expected


NEW_THREE = "“新三样”产品即电动载人汽车、锂离子蓄电池和太阳能电池合计出口1.06万亿元，首次突破万亿元大关，增长29.9%。"


@pytest.mark.parametrize("zh, ru, expected", [
    (NEW_THREE, "Совокупный экспорт «новой тройки» — электромобилей, литий-ионных аккумуляторов и солнечных батарей — "
                "составил 1,06 трлн юаней, впервые превысив отметку в триллион юаней, и вырос на 29,9%.", None),
    (NEW_THREE, "Совокупный экспорт «новой пятёрки» — электромобилей, литий-ионных аккумуляторов и солнечных батарей — "
                "составил 1,06 трлн юаней, впервые превысив отметку в триллион юаней, и вырос на 29,9%.", "三 ≠ пятёрки"),
    ("七国集团领导人峰会在日本举行。", "Саммит лидеров «Большой семёрки» прошёл в Японии.", None),
    ("七国集团领导人峰会在日本举行。", "Саммит лидеров «Большой восьмёрки» прошёл в Японии.", "七 ≠ восьмёрки"),
])
def test_russian_numbers_as_nouns_and_a_scale_word_alone(zh, ru, expected):
    """A press briefing's 新三样 is «новая тройка», and 万亿元大关 «отметка в триллион»: "三 ≠ триллион" was flagged
    on a faithful translation, since «тройка» was no number and a bare «триллион» a count of its own."""
    assert reason(zh, ru, "ru") == expected


@pytest.mark.parametrize("tgt, lang, expected", [
    ("Шу Цзюэтин сообщила, что рабочие группы двух сторон провели уже две встречи.", "ru", "三 ≠ две"),
    ("Шу Цзюэтин сообщила, что рабочие группы двух сторон провели уже три встречи.", "ru", None),
    ("Шу Цзюэтин сообщила, что рабочие группы сторон провели уже три встречи.", "ru", None),
    ("Shu said the working groups of the two sides had held two meetings.", "en", "三 ≠ two"),
    ("Shu said the working groups of the two sides had held three meetings.", "en", None),
])
def test_the_two_sides_of_双方_do_not_hide_a_changed_count(tgt, lang, expected):
    """The "two sides" a translation counts for 双方 made the sides' counts unequal, so 三次会议 rendered as
    "two meetings" was taken for a count dropped and another added, and went unflagged."""
    assert reason("关于中美经贸关系，束珏婷表示，双方工作组已举行三次会议。", tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("一季度出口下降了三成。", "В первом квартале экспорт снизился на 30%.", "ru", None),
    ("一季度出口增长近两成。", "В первом квартале экспорт вырос почти на 20%.", "ru", None),
    ("七成以上的企业实现盈利。", "Более 70% предприятий получили прибыль.", "ru", None),
    ("一季度出口下降了三成。", "Exports fell by 30% in the first quarter.", "en", None),
    ("一季度出口下降了三成。", "В первом квартале экспорт снизился на 40%.", "ru", "三成 ≠ 40%"),
    ("这一政策一成不变，三成员国均表示支持。", "Политика не меняется, и все три государства-члена её поддерживают.", "ru", None),
])
def test_tenths_written_with_成_are_per_cent(zh, tgt, lang, expected):
    """下降了三成 (by three tenths) as «на 30%» was "三 ≠ 30%"; 近两成 as «почти на 20%» "20% only in the Russian"."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    # tests/data/zh-ru/report: 三成 (30%) rendered «до трети» (33%) was "трети only in the Russian", as if the
    # Chinese gave no figure
    ("力争海外收入占比达到三成。", "Компания стремится довести долю зарубежной выручки до трети.", "ru", "三成 ≠ трети"),
    ("四成企业实现盈利。", "Прибыль получила четверть предприятий.", "ru", "四成 ≠ четверть"),
    ("力争海外收入占比达到三成。", "Компания стремится довести долю зарубежной выручки до 30%.", "ru", None),
])
def test_a_share_in_words_set_against_a_tenth_is_a_changed_figure(zh, tgt, lang, expected):
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("tgt, lang, expected", [
    ("К 2020 году ВВП должен увеличиться в четыре раза по сравнению с 2010 годом.", "ru", None),
    ("By 2020 GDP will be four times that of 2010.", "en", None),
    ("By 2020 GDP will quadruple from 2010.", "en", None),
    ("К 2020 году ВВП должен увеличиться в три раза по сравнению с 2010 годом.", "ru", "翻两番 (×4) ≠ в три раза"),
])
def test_doubling_twice_is_fourfold(tgt, lang, expected):
    """翻两番 (doubled twice) rendered «в четыре раза» was "两 ≠ четыре"."""
    assert reason("到2020年国内生产总值比2010年翻两番。", tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("贸易顺差5.78万亿元，扩大2.1%。", "Положительное сальдо торгового баланса выросло на 2.", "ru",
     "2.1% ≠ 2; 5.78万亿 only in the Chinese"),
    ("贸易顺差5.78万亿元，扩大2.1%。", "The trade surplus widened by 2.", "en", "2.1% ≠ 2; 5.78万亿 only in the Chinese"),
    ("民营企业进出口22.36万亿元，增长6.3%，占进出口总值的53.5%。",
     "Импорт и экспорт частных предприятий составил 22,63 трлн юаней, увеличившись на 6,3%, их доля — 55,3%.", "ru",
     "22.36万亿 ≠ 22,63 трлн; 53.5% ≠ 55,3%"),
])
def test_a_reason_sets_each_number_against_the_one_it_likely_became(zh, tgt, lang, expected):
    """A clause cut at «2,1%» left "5.78万亿 ≠ 2; 2.1% only in the Chinese": the first leftovers of each side were
    set against each other, whatever they were."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, ru, expected", [
    ("今年是中俄建交75周年。", "В этом году отмечается семидесятипятилетие установления дипломатических отношений.", None),
    ("本协定有效期为五年。", "Соглашение заключается на пятилетний срок.", None),
    ("今年是中俄建交75周年。", "В этом году отмечается семидесятилетие установления дипломатических отношений.",
     "75 ≠ семидесятилетие"),
    ("本协定有效期为五年。", "Соглашение заключается на трёхлетний срок.", "五 ≠ трёхлетний"),
    # days, weeks, months and hours joined the same way
    ("普京对中国进行为期两天的国事访问。", "Путин находится в Китае с двухдневным государственным визитом.", None),
    ("普京对中国进行为期三天的国事访问。", "Путин находится в Китае с двухдневным государственным визитом.",
     "三 ≠ двухдневным"),
    ("双方举行了三个月的谈判。", "Стороны провели трёхмесячные переговоры.", None),
    ("培训为期两周。", "Обучение будет четырёхнедельным.", "两 ≠ четырёхнедельным"),
    ("两国元首举行了两个小时的会谈。", "Главы двух государств провели трёхчасовые переговоры.", "两 ≠ трёхчасовые"),
    ("双边贸易稳步增长。", "Двусторонняя торговля стабильно растёт.", None),  # -сторонний is no duration
])
def test_russian_years_in_one_compound_word(zh, ru, expected):
    """«семидесятипятилетие» for 75周年 was "75 only in the Chinese", and a term changed in «трёхлетний срок»
    went unseen: a number joined to -лет- was no number."""
    assert reason(zh, ru, "ru") == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("增速比上年提高0.5个百分点。", "Темпы роста выросли на полпроцентного пункта.", "ru", None),
    ("增速比上年提高0.5个百分点。", "Темпы роста выросли на полпроцента.", "ru", None),
    ("增速比上年提高0.5个百分点。", "Growth was half a percentage point higher than last year.", "en", None),
    ("增速比上年提高半个百分点。", "Growth was 0.5 percentage points higher than last year.", "en", None),
    ("增速比上年提高半个百分点。", "Темпы роста выросли на 0,5 процентного пункта.", "ru", None),
    ("增速比上年提高0.7个百分点。", "Growth was half a percentage point higher than last year.", "en",
     "0.7 only in the Chinese"),
    ("增速比上年提高半个百分点。", "Growth was 0.7 percentage points higher.", "en", "0.7 only in the English"),
])
def test_half_a_percentage_point_in_words_is_half(zh, tgt, lang, expected):
    """0.5个百分点 as «полпроцента» or "half a percentage point", and 半个百分点 as 0.5, were flagged
    "0.5 only in the Chinese / English"; another figure in its place still is."""
    assert reason(zh, tgt, lang) == expected


TRADE_DOUBLED = "过去10年，中国同中亚国家贸易额增长了一倍，到2030年还将再翻一番。"
EXPORTS_TWICE = "2023年，中国对该国出口额是进口额的两倍。"
COSTS_HALVED = "通过技术改造，企业单位能耗减少了一半。"


@pytest.mark.parametrize("zh, tgt, lang", [
    (TRADE_DOUBLED, "За последние 10 лет товарооборот Китая со странами Центральной Азии вырос вдвое, а к 2030 году "
                    "он удвоится ещё раз.", "ru"),
    (TRADE_DOUBLED, "Over the past 10 years, trade between China and Central Asia has doubled, and it will double "
                    "again by 2030.", "en"),
    (TRADE_DOUBLED, "Over the past 10 years, trade between China and Central Asia grew by 100%, and it will double "
                    "again by 2030.", "en"),
    (EXPORTS_TWICE, "В 2023 году экспорт Китая в эту страну был вдвое больше импорта.", "ru"),
    (EXPORTS_TWICE, "В 2023 году экспорт Китая в эту страну в два раза превысил импорт.", "ru"),
    (EXPORTS_TWICE, "In 2023, China's exports to the country were twice its imports from it.", "en"),
    (EXPORTS_TWICE, "In 2023, China's exports to the country were 200% of its imports from it.", "en"),
    (COSTS_HALVED, "Благодаря технической модернизации энергоёмкость продукции сократилась вдвое.", "ru"),
    (COSTS_HALVED, "Благодаря технической модернизации энергоёмкость продукции стала в два раза меньше.", "ru"),
    (COSTS_HALVED, "Thanks to technical upgrading, energy use per unit of output was halved.", "en"),
    (COSTS_HALVED, "Thanks to technical upgrading, energy use per unit of output fell by 50%.", "en"),
    ("产量增长了50%。", "Производство выросло в полтора раза.", "ru"),
    ("产量是去年的1.5倍。", "Output was one and a half times last year's.", "en"),
    ("贸易额增长了2倍。", "Товарооборот вырос в три раза.", "ru"),
    ("贸易额增长了2倍。", "Trade grew by 200 percent.", "en"),
    ("利润翻倍。", "Прибыль удвоилась.", "ru"),
    ("利润翻了一番多。", "Profits more than doubled.", "en"),
    ("双方工作组已举行三次会议。", "The working groups had met three times.", "en"),
    ("每年举行两次。", "Проводится два раза в год.", "ru"),
    ("一季度出口增长了三成。", "В первом квартале экспорт вырос в 1,3 раза.", "ru"),
    ("成本减少了三分之一。", "Издержки сократились в полтора раза.", "ru"),
    ("人均能耗是全球平均水平的3倍。", "Per capita energy use is three times the global average.", "en"),
])
def test_a_faithful_multiplier_raises_nothing(zh, tgt, lang):
    """增长了一倍 is doubled (an increase by 100%), 两倍 twice or 200%, 减少了一半 halved or 50% less,
    «в полтора раза» 50% more: each as a translator writes it agrees."""
    assert reason(zh, tgt, lang) is None


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    (TRADE_DOUBLED, "За последние 10 лет товарооборот Китая со странами Центральной Азии вырос втрое, а к 2030 году "
                    "он удвоится ещё раз.", "ru", "一倍 (×2) ≠ втрое"),
    (TRADE_DOUBLED, "Over the past 10 years, trade between China and Central Asia has tripled, and it will double "
                    "again by 2030.", "en", "一倍 (×2) ≠ tripled"),
    (TRADE_DOUBLED, "За последние 10 лет товарооборот Китая со странами Центральной Азии вырос вдвое, а к 2030 году "
                    "он утроится.", "ru", "翻一番 (×2) ≠ утроится"),
    (EXPORTS_TWICE, "В 2023 году экспорт Китая в эту страну был втрое больше импорта.", "ru", "两倍 (×2) ≠ втрое"),
    (EXPORTS_TWICE, "В 2023 году экспорт Китая в эту страну в три раза превысил импорт.", "ru",
     "两倍 (×2) ≠ в три раза"),
    (EXPORTS_TWICE, "In 2023, China's exports to the country were three times as large as its imports from it.", "en",
     "两倍 (×2) ≠ three times"),
    (EXPORTS_TWICE, "In 2023, China's exports to the country were 300% of its imports from it.", "en",
     "两倍 (×2) ≠ 300%"),
    (COSTS_HALVED, "Благодаря технической модернизации энергоёмкость продукции сократилась втрое.", "ru",
     "减少了一半 (×0.5) ≠ втрое"),
    (COSTS_HALVED, "Thanks to technical upgrading, energy use per unit of output fell by 60%.", "en",
     "减少了一半 (×0.5) ≠ 60%"),
    ("产量增长了50%。", "Производство выросло в два раза.", "ru", "50% ≠ в два раза"),
    ("产量是去年的1.5倍。", "Output was two and a half times last year's.", "en", "1.5倍 ≠ two and a half times"),
    ("贸易额增长了2倍。", "Товарооборот вырос вчетверо.", "ru", "2倍 (×2 or ×3) ≠ вчетверо"),
    ("到2020年国内生产总值比2010年翻两番。", "By 2020 GDP will have doubled from 2010.", "en", "翻两番 (×4) ≠ doubled"),
    ("一季度出口增长了三成。", "В первом квартале экспорт вырос в 1,4 раза.", "ru", "三成 ≠ в 1,4 раза"),
    ("成本减少了三分之一。", "Издержки сократились вдвое.", "ru", "三分之一 ≠ вдвое"),
    ("人均能耗是全球平均水平的3倍。", "Per capita energy use is four times the global average.", "en", "3倍 ≠ four"),
])
def test_a_changed_multiplier_is_flagged(zh, tgt, lang, expected):
    """вдвое → втрое went unflagged: «втрое», «удвоится», «в три раза» were no numbers, and 增长了一倍 and 翻一番 were
    loose ones (a bare 一), so the multiplier of either side was never compared."""
    assert reason(zh, tgt, lang) == expected


def test_percentages_meet_a_multiplier_only_in_per_cent():
    """×2 is also "200%" and ×3 "200% more": were the readings pooled, 两倍 and «втрое» would agree on 200."""
    assert reason(EXPORTS_TWICE, "В 2023 году экспорт Китая в эту страну был втрое больше импорта.", "ru") is not None
    assert [q.percents for q in quantities("Экспорт вырос втрое.", "ru")] == [(300.0, 200.0)]
    assert [q.values for q in quantities("Экспорт вырос втрое.", "ru")] == [(3.0,)]


@pytest.mark.parametrize("zh, tgt, lang", [
    ("他年近七十。", "He was close to 70.", "en"),
    ("近三十年来，两国关系不断发展。", "Over nearly 30 years, relations between the two countries have grown.", "en"),
    ("近百年来", "for nearly 100 years", "en"),
    ("上千人参加了活动。", "More than 1,000 people took part.", "en"),
    ("上千人参加了活动。", "Более 1000 человек приняли участие.", "ru"),
    ("上万人", "over 10,000 people", "en"),
])
def test_nearly_and_upwards_of_a_number_in_characters_meet_the_same_number_in_digits(zh, tgt, lang):
    """近七十 and 上千 were left unread as estimates, so "close to 70" and «более 1000» read "70 only in the English"."""
    assert reason(zh, tgt, lang) is None


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("近三十年来", "over the past nearly 40 years", "en", "40 only in the English"),
    ("上千人参加了活动。", "More than 2,000 people took part.", "en", "2,000 only in the English"),
])
def test_a_different_number_beside_nearly_is_still_flagged(zh, tgt, lang, expected):
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang", [
    ("今年前三季度，中国国内生产总值达到87万亿元，同比增长5.2%。",
     "In the first three quarters of this year, China's GDP reached 87 trillion yuan (about 12 trillion U.S. dollars), "
     "up 5.2 percent year on year.", "en"),
    ("项目总投资100亿元。", "Total investment is 10 billion yuan ($1.57 billion).", "en"),
    ("项目总投资100亿元。", "Total investment is 10 billion yuan, or about $1.57 billion, in all.", "en"),
    ("项目总投资2.3万亿元。", "Общий объём инвестиций — 2,3 трлн юаней (около 364 млрд долларов США).", "ru"),
    ("合同价值500万美元。", "The contract is worth $5 million (4.6 million euros).", "en"),
    ("大桥全长10公里。", "The bridge is 10 kilometres (about 6.2 miles) long.", "en"),
])
def test_a_conversion_the_translator_adds_in_brackets_is_no_number_change(zh, tgt, lang):
    """News translations convert yuan into dollars and kilometres into miles for their readers: "12 trillion only in
    the English" on every such pair."""
    assert reason(zh, tgt, lang) is None


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("项目总投资2.3万亿元。", "Total investment is 2.4 trillion yuan ($364 billion).", "en", "2.3万亿 ≠ 2.4 trillion"),
    ("项目总投资2.3万亿元（约合3640亿美元）。", "Total investment is 2.3 trillion yuan.", "en", "3640亿 only in the Chinese"),
    ("项目总投资2.3万亿元（约合3640亿美元）。", "Total investment is 2.3 trillion yuan (about $354 billion).", "en",
     "3640亿 ≠ 354 billion"),
    ("同比增长5.2%。", "up 5.2 percent (2022)", "en", "2022 only in the English"),
])
def test_a_changed_figure_beside_a_conversion_and_a_bracketed_year_are_still_flagged(zh, tgt, lang, expected):
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang", [
    ("两国贸易额达1468.87亿美元。", "Bilateral trade reached 146.9 billion dollars.", "en"),
    ("两国贸易额达1468.87亿美元。", "Bilateral trade reached nearly $147 billion.", "en"),
    ("两国贸易额达1468.87亿美元。", "Товарооборот достиг почти 147 млрд долларов.", "ru"),
    ("城镇新增就业1206万人。", "Some 12.1 million new urban jobs were created.", "en"),
    ("增速为5.24%。", "The growth rate was 5.2 percent.", "en"),
])
def test_a_precise_figure_rounded_in_translation_agrees(zh, tgt, lang):
    assert reason(zh, tgt, lang) is None


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("两国贸易额达1468.87亿美元。", "Bilateral trade reached $148 billion.", "en", "1468.87亿 ≠ 148 billion"),
    ("增速为5.24%。", "The growth rate was 5.3 percent.", "en", "5.24% ≠ 5.3 percent"),
    ("增速为5.2%。", "The growth rate was 5 percent.", "en", "5.2% ≠ 5 percent"),
    ("共有1468名代表出席。", "1,470 delegates attended.", "en", "1468 ≠ 1,470"),
    ("2022年", "in 2020", "en", "2022 ≠ 2020"),
])
def test_a_rounding_that_misses_or_drops_to_one_digit_or_rounds_a_count_is_flagged(zh, tgt, lang, expected):
    """Only figures with a fraction or a scale word are taken as rounded, and to two significant digits at least:
    a count of people or a year rounded is a different number."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang", [
    ("下午三点半，他回到家。", "At half past three in the afternoon he came home.", "en"),
    ("下午三点半，他回到家。", "В половине четвёртого он вернулся домой.", "ru"),
    ("八点一刻开会。", "The meeting was at a quarter past eight.", "en"),
    ("八点一刻开会。", "Собрание было в четверть девятого.", "ru"),
    ("八点三刻开会。", "The meeting was at a quarter to nine.", "en"),
    ("八点三刻开会。", "Собрание было без четверти девять.", "ru"),
    ("他等了一刻钟。", "He waited a quarter of an hour.", "en"),
    ("他等了一刻钟。", "He waited fifteen minutes.", "en"),
    ("他身高一米八。", "He is 1.8 metres tall.", "en"),
    ("她身高一米七五。", "She is 1.75 m tall.", "en"),
])
def test_times_of_day_quarter_hours_and_heights_as_spoken_agree(zh, tgt, lang):
    """"Half past three" was the number three against 下午三点半, 一米八 the one and the eight it spells."""
    assert reason(zh, tgt, lang) is None


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("下午三点半，他回到家。", "At half past four in the afternoon he came home.", "en", "下午三点半 ≠ half past four"),
    ("他等了一刻钟。", "He waited 20 minutes.", "en", "一刻钟 ≠ 20"),
])
def test_a_changed_time_in_words_is_flagged(zh, tgt, lang, expected):
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("投资额为20亿至30亿美元。", "The investment is $2-3 billion.", "en", None),
    ("投资额为20亿至30亿美元。", "Объём инвестиций составит 2–3 млрд долларов.", "ru", None),
    ("投资额为20亿至30亿美元。", "The investment is between 2 and 3 billion dollars.", "en", None),
    ("费用为五千至一万元。", "The fee is five to ten thousand yuan.", "en", None),
    ("投资额为2至3亿美元。", "The investment is $200-300 million.", "en", None),
    ("投资额为2-3亿美元。", "Объём инвестиций составит 200–300 млн долларов.", "ru", None),
    ("投资额为20亿至30亿美元。", "The investment is $2-4 billion.", "en", "30亿 ≠ 4 billion"),
    ("投资额为2至3亿美元。", "The investment is $300-400 million.", "en", "2 ≠ 400 million"),
    ("有2至3人受伤。", "Two to three thousand people were injured.", "en", "3 ≠ three thousand"),
])
def test_a_range_writes_its_scale_once(zh, tgt, lang, expected):
    """"$2-3 billion" for 20亿至30亿美元 was "20亿 ≠ 2", and 2至3亿 for "$200-300 million" "2 ≠ 200"."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("1—3月，出口增长5%。", "In the first quarter, exports grew 5 percent.", "en", None),
    ("1—3月，出口增长5%。", "В первом квартале экспорт вырос на 5%.", "ru", None),
    ("1—6月，出口增长5%。", "In the first half of the year, exports grew 5 percent.", "en", None),
    ("1—6月，出口增长5%。", "В I полугодии экспорт вырос на 5%.", "ru", None),
    ("1—9月，出口增长5%。", "In the first three quarters, exports grew 5 percent.", "en", None),
    ("前三季度，出口增长5%。", "In the first nine months, exports grew 5 percent.", "en", None),
    ("1—9月，出口增长5%。", "From January to August, exports grew 5 percent.", "en", "9 ≠ August"),
    ("1—6月，出口增长5%。", "In the first quarter, exports grew 5 percent.", "en", "6 ≠ first quarter"),
    ("前三季度，出口增长5%。", "In the first two quarters, exports grew 5 percent.", "en", "三 ≠ two"),
])
def test_the_year_so_far_in_months_or_quarters(zh, tgt, lang, expected):
    """"the first quarter" for 1—3月 was "3 only in the Chinese", and "the first nine months" for 前三季度 "三 ≠ nine"."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("| 粮食产量（亿吨） | 6.87 | 6.95 |", "| Grain output (100 million tonnes) | 6.87 | 6.95 |", "en", None),
    ("| 城镇新增就业（万人） | 1206 | 1244 |", "| New urban jobs (10,000) | 1206 | 1244 |", "en", None),
    ("单位：亿元", "Unit: RMB 100 million", "en", None),
    ("| 粮食产量（亿吨） | 6.87 | 6.95 |", "| Grain output (million tonnes) | 687 | 695 |", "en",
     "6.87 ≠ 687; 6.95 ≠ 695"),  # the figures converted: the scale word alone does not excuse them
    ("体重（千克）：65", "Weight (kg): 65", "en", None),  # 千克 is a unit, no thousand
])
def test_a_table_s_scale_written_in_its_unit(zh, tgt, lang, expected):
    """"(100 million tonnes)" for （亿吨） was "100 million only in the English"."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("依照第3、4、5项的规定", "in accordance with items 3 to 5", "en", None),
    ("依照第3至5项的规定", "in accordance with items 3, 4 and 5", "en", None),
    ("依照第3、4、5项的规定", "in accordance with Articles 3 through 5", "en", None),
    ("依照本法第三条至第五条的规定", "in accordance with Articles 3, 4 and 5 of this Law", "en", None),
    ("依照第3、4、5项的规定", "в соответствии с пунктами 3–5", "ru", None),
    ("依照第3、4、6项的规定", "in accordance with items 3 to 5", "en", "6 ≠ 5"),
    ("会议于2月4日至6日举行。", "Совещание прошло с 4 по 7 февраля.", "ru", "6 ≠ 7"),
])
def test_a_short_range_and_the_numbers_it_spans(zh, tgt, lang, expected):
    """"items 3 to 5" for 第3、4、5项 was "4 only in the Chinese"."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, expected", [
    ("每组5至10人。", "Each group has five to ten people.", None),
    ("他们工作了十到十二年。", "They worked for ten to twelve years.", None),
    ("他九点五十五分到的。", "He came at five to ten.", None),  # a time still
    ("每组5至10人。", "Each group has five to twelve people.", "10 ≠ twelve"),
])
def test_a_range_in_words_is_no_time_of_day(zh, tgt, expected):
    """"five to ten people" was read as the time 9:55: "10 ≠ five to ten; 5 only in the Chinese"."""
    assert reason(zh, tgt, "en") == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("新华社北京3月5日电 国务院总理李强5日在北京会见米舒斯京。",
     "BEIJING, March 5 (Xinhua) -- Premier Li Qiang met Mishustin in Beijing on Tuesday.", "en", None),
    ("国务院总理李强5日在北京会见米舒斯京。", "Премьер Ли Цян во вторник встретился в Пекине с Мишустиным.", "ru", None),
    ("本办法自本月15日起施行。", "These Measures take effect on the 15th of this month.", "en", None),
    ("新华社北京3月5日电 国务院总理李强5日在北京会见米舒斯京。",
     "BEIJING, March 6 (Xinhua) -- Premier Li Qiang met Mishustin in Beijing on Tuesday.", "en", "5 ≠ 6"),
    ("李强5日在北京会见米舒斯京。", "Li Qiang met Mishustin in Beijing on March 6.", "en", "5 ≠ 6"),
    ("本办法自本月15日起施行。", "These Measures take effect on the 16th of this month.", "en", "15 ≠ 16"),
])
def test_a_day_without_its_month_may_be_a_weekday_in_translation(zh, tgt, lang, expected):
    """News leads date by the day alone (李强5日会见…), which English and Russian agencies render "on Tuesday":
    "5 only in the Chinese" on every such lead. A different day or date set against it is still flagged."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("样本量为1.5×10⁶。", "The sample size was 1.5 × 10^6.", "en", None),
    ("样本量为1.5×10⁶。", "The sample size was 1.5 million.", "en", None),
    ("样本量为1.5×10⁶。", "Объём выборки составил 1,5·10⁶.", "ru", None),
    ("样本量为1.5×10⁶。", "The sample size was 1.5e6.", "en", None),
    ("浓度为3.2×10⁻⁴ mol/L。", "The concentration was 3.2 × 10−4 mol/L.", "en", None),  # a PDF lost the superscript
    ("细胞数为10⁶个。", "There were 10^6 cells.", "en", None),
    ("样本量为1.5×10⁶。", "The sample size was 1.5 × 10^5.", "en", "1.5×10⁶ ≠ 1.5 × 10^5"),
    ("浓度为3.2×10⁻⁴ mol/L。", "The concentration was 3.2×10-5 mol/L.", "en", "3.2×10⁻⁴ ≠ 3.2×10-5"),
    ("比分为10-4。", "The score was 10-4.", "en", None),
])
def test_powers_of_ten_read_as_their_value(zh, tgt, lang, expected):
    """1.5×10⁶ was 1.5, 10 and 6, so "1.5 million" read "10 ≠ 1.5 million; 1.5 only in the Chinese"."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("违约金按日万分之五计算。", "Liquidated damages shall be 0.05% per day.", "en", None),
    ("违约金按日万分之五计算。", "Неустойка составляет 0,05% в день.", "ru", None),
    ("违约金按日万分之五计算。", "Liquidated damages shall be 0.5% per day.", "en", "万分之五 ≠ 0.5%"),
])
def test_parts_per_ten_thousand_as_contracts_write_them(zh, tgt, lang, expected):
    """万分之五 (five in ten thousand) was no number at all: "0.05% only in the English"."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("全年粮食产量13908亿斤。", "Grain output for the year was 695.41 million tonnes.", "en", None),
    ("全年粮食产量13908亿斤。", "Валовой сбор зерна составил 695,41 млн тонн.", "ru", None),
    ("全年粮食产量13908亿斤。", "Grain output for the year was 1.39 trillion jin.", "en", None),
    ("守住18亿亩耕地红线。", "We held the line of 120 million hectares of farmland.", "en", None),
    ("守住18亿亩耕地红线。", "We kept China's farmland above 1.8 billion mu.", "en", None),
    ("他买了三斤苹果。", "He bought 1.5 kilograms of apples.", "en", None),
    ("全年粮食产量13908亿斤。", "Grain output for the year was 705.4 million tonnes.", "en", "13908亿 ≠ 705.4 million"),
    ("守住18亿亩耕地红线。", "We held the line of 130 million hectares of farmland.", "en", "18亿 ≠ 130 million"),
])
def test_jin_and_mu_converted_to_tonnes_and_hectares_agree(zh, tgt, lang, expected):
    """Government reports give grain in 斤 and farmland in 亩, their translations in tonnes and hectares: 13908亿斤 as
    "695.41 million tonnes" was "13908亿 ≠ 695.41 million"."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("光绪二十四年，变法失败。", "In 1898 the reform failed.", "en", None),
    ("光绪二十四年，变法失败。", "In the twenty-fourth year of Guangxu the reform failed.", "en", None),
    ("康熙八年，鳌拜被擒。", "In 1669 Oboi was seized.", "en", None),
    ("康熙元年", "в 1662 году", "ru", None),
    ("康熙8年3月", "in March 1669", "en", None),
    ("光绪二十四年，变法失败。", "In 1899 the reform failed.", "en", "1899 only in the English"),
])
def test_a_reign_year_meets_its_western_year(zh, tgt, lang, expected):
    """Novels set in imperial China date by reign (康熙八年), translations often by the Western year: "1669 only in the
    English"."""
    assert reason(zh, tgt, lang) == expected


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    ("一九四九年，他来到北京。", "In nineteen forty-nine he came to Beijing.", "en", None),
    ("一九一九年", "in nineteen nineteen", "en", None),
    ("一九四九年，他来到北京。", "In nineteen fifty he came to Beijing.", "en", "一九四九 ≠ nineteen fifty"),
    ("十一点十五分，他回来了。", "At eleven fifteen he came back.", "en", None),
])
def test_a_year_said_in_two_numbers_is_one_year(zh, tgt, lang, expected):
    """"In nineteen forty-nine" was nineteen and forty-nine: "一九四九 only in the Chinese". A time ("at eleven
    fifteen") stays two numbers."""
    assert reason(zh, tgt, lang) == expected
