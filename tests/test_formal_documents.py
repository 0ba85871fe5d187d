"""End to end on formal Chinese documents and their English and Russian translations, as a reviewer of
statements, contracts and reports reads them (tests/data/formal: a press briefing on trade figures, an
equipment contract, a statistical communiqué, a summit speech; faithful translations written for these
tests, the Russian in the idiom of official Russian: «трлн юаней», «на 3,1 процентного пункта выше»,
«Статья 1.», «не позднее 30 сентября 2023 г.», «новая тройка»).

A faithful translation gets no number or name flag: such flags are what a reviewer stops trusting when
they are false. A copy with one slip planted per sentence gets the flag that names the slip.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from aligner.review import NAME, NUMBER
from aligner.types import Alignment

DATA = Path(__file__).resolve().parent / "data" / "formal"
DOCUMENTS = ("press", "contract", "report", "speech")

# (document, English as translated, as damaged, the reason the damaged pair's flag gives)
SLIPS = [
    ("press", "up 6.3%", "up 3.6%", (NUMBER, "6.3% ≠ 3.6%")),
    ("press", "for seven consecutive years", "for six consecutive years", (NUMBER, "7 ≠ six")),
    ("press", "the fifth ministerial", "the fourth ministerial", (NUMBER, "五 ≠ fourth")),
    ("press", "had met three times", "had met four times", (NUMBER, "三 ≠ four")),
    ("press", "China hopes the U.S. will", "China hopes the EU will",
     (NAME, "EU only in the English; United States (美方) only in the Chinese")),
    ("contract", "Within 10 working days", "Within 15 working days", (NUMBER, "10 ≠ 15")),
    ("contract", "liquidated damages of 0.5‰", "liquidated damages of 0.5%", (NUMBER, "0.5‰ ≠ 0.5%")),
    ("contract", "The remaining 10% shall", "The remaining 5% shall", (NUMBER, "10% ≠ 5%")),
    ("report", "a decrease of 2.08 million", "an increase of 2.08 million", (NUMBER, "减少 ≠ increase")),
    ("report", "down by 15.3 percent", "up by 15.3 percent", (NUMBER, "下降 ≠ up")),
    ("report", "US$163.3 billion", "US$16.33 billion", (NUMBER, "1633亿 ≠ 16.33 billion")),
    ("speech", "in Kazakhstan in 2025", "in Uzbekistan in 2025", (NAME, "Kazakhstan (哈萨克斯坦) only in the Chinese")),
    ("speech", "joining the WTO", "joining the WHO", (NAME, "WTO (世界贸易组织) only in the Chinese; WHO only in the English")),
    ("report", "7.1 percent of GDP, that of the secondary industry 38.3 percent, and that of the tertiary industry 54.6 percent.",
     "7.1 percent of GDP.", (NUMBER, "38.3%, 54.6% only in the Chinese")),
]


# The same slips and others a Russian translation of these documents may make.
RUSSIAN_SLIPS = [
    ("press", "увеличившись на 6,3%", "увеличившись на 3,6%", (NUMBER, "6.3% ≠ 3,6%")),
    ("press", "семь лет подряд", "шесть лет подряд", (NUMBER, "7 ≠ шесть")),
    ("press", "в пятом раунде", "в четвёртом раунде", (NUMBER, "五 ≠ четвёртом")),
    ("press", "5,221 млн единиц", "5,221 тыс. единиц", (NUMBER, "522.1万 ≠ 5,221 тыс.")),
    ("press", "что американская сторона", "что ЕС", (NAME, "EU only in the Russian; United States (美方) only in the Chinese")),
    ("press", "провели уже три встречи", "провели уже две встречи", (NUMBER, "三 ≠ две")),
    ("press", "визита Ван Вэньтао", "визита Ван И", (NAME, "王文涛 (Ван Вэньтао) ≠ Ван И")),
    ("contract", "0,5‰", "0,5%", (NUMBER, "0.5‰ ≠ 0,5%")),
    ("contract", "двенадцать станков", "десять станков", (NUMBER, "12 ≠ десять")),
    ("contract", "в четырёх экземплярах, по два", "в трёх экземплярах, по два", (NUMBER, "四 ≠ трёх")),
    ("contract", "составляет два года", "составляет полтора года", (NUMBER, "24 ≠ полтора")),
    ("contract", "1,08 млн юаней", "1,8 млн юаней", (NUMBER, "108万 ≠ 1,8 млн")),
    ("contract", "Чжан Вэй", "Чжао Вэй", (NAME, "张伟 ≠ Чжао Вэй")),
    ("report", "на 2,08 млн человек меньше", "на 2,08 млн человек больше", (NUMBER, "减少 ≠ больше")),
    ("report", "на 15,3% меньше", "на 15,3% больше", (NUMBER, "下降 ≠ больше")),
    ("report", "163,3 млрд", "16,33 млрд", (NUMBER, "1633亿 ≠ 16,33 млрд")),
    ("report", "на 380 тыс. больше", "на 38 тыс. больше", (NUMBER, "38万 ≠ 38 тыс.")),
    ("speech", "в Казахстане", "в Узбекистане", (NAME, "Kazakhstan (哈萨克斯坦) only in the Chinese")),
    ("speech", "к Всемирной торговой организации", "к Всемирной организации здравоохранения",
     (NAME, "WTO (世界贸易组织) only in the Chinese; WHO only in the Russian")),
    ("speech", "Ли Цян", "Ли Кэцян", (NAME, "Li Keqiang only in the Russian; Li Qiang (李强) only in the Chinese")),
    ("speech", "26 млрд юаней", "26 млн юаней", (NUMBER, "260亿 ≠ 26 млн")),
    # a list cut short: its figures that remain keep the pair together (no 'omitted' Chinese beside
    # a pair that took the fragment), and the figures left out are named
    ("report", "составила 7,1%, вторичного — 38,3%, третичного — 54,6%.", "составила 7,1%.",
     (NUMBER, "38.3%, 54.6% only in the Chinese")),
]


@pytest.fixture(scope="module")
def aligned():
    from aligner import align_texts

    @cache
    def run(name: str, translation: str, lang: str = "en") -> Alignment:
        return align_texts((DATA / f"{name}.zh.txt").read_text(encoding="utf-8"), translation,
                           source_name=f"{name}.zh.txt", target_name=f"{name}.{lang}.txt")

    return run


def translation(name: str, lang: str = "en") -> str:
    return (DATA / f"{name}.{lang}.txt").read_text(encoding="utf-8")


def english(name: str) -> str:
    return translation(name, "en")


@pytest.mark.parametrize("lang", ("en", "ru"))
@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_faithful_translation_has_no_number_or_name_flag(aligned, name, lang):
    a = aligned(name, translation(name, lang), lang)
    wrong = [(a.target.span_text(b.tgt), f.reason) for b in a.beads for f in b.flags if f.kind in (NUMBER, NAME)]
    assert wrong == []


@pytest.mark.parametrize("name, before, after, flag", SLIPS, ids=[s[1] for s in SLIPS])
def test_a_slip_gets_the_flag_that_names_it(aligned, name, before, after, flag):
    text = english(name)
    assert text.count(before) == 1
    a = aligned(name, text.replace(before, after))
    bead = next(b for b in a.beads if after in a.target.span_text(b.tgt))
    assert flag in [(f.kind, f.reason) for f in bead.flags]


@pytest.mark.parametrize("name, before, after, flag", RUSSIAN_SLIPS, ids=[s[2] for s in RUSSIAN_SLIPS])
def test_a_slip_in_russian_gets_the_flag_that_names_it(aligned, name, before, after, flag):
    text = translation(name, "ru")
    assert text.count(before) == 1
    a = aligned(name, text.replace(before, after), "ru")
    bead = next(b for b in a.beads if after in a.target.span_text(b.tgt))
    assert flag in [(f.kind, f.reason) for f in bead.flags]


@pytest.mark.parametrize("lang", ("en", "ru"))
def test_a_cut_preamble_of_the_contract_is_omitted(aligned, lang):
    """The header's label lines (合同编号：… / 甲方：… / 乙方：…) are paragraphs of their own, not one with the preamble,
    so a translation that leaves the preamble out has it as an omitted pair."""
    text = translation("contract", lang)
    preamble = next(line for line in text.splitlines() if line.startswith(("In accordance", "В соответствии")))
    a = aligned("contract", text.replace(preamble + "\n", ""), lang)
    omitted = [a.source.span_text(b.src) for b in a.beads if not b.tgt]
    assert omitted == [next(line for line in chinese_lines("contract") if line.startswith("根据"))]


def chinese_lines(name: str) -> list[str]:
    return (DATA / f"{name}.zh.txt").read_text(encoding="utf-8").splitlines()
