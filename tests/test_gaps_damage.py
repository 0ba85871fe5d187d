"""The damage benchmarks/gaps.py plants is the damage it claims: names swapped, lost, numbers changed."""
from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from gaps import change_number, names_lost, swap_name  # noqa: E402
from sample_pairs import document  # noqa: E402

from aligner.review.names import name_lexicon  # noqa: E402
from aligner.types import Alignment, Bead  # noqa: E402

PAIRS = [  # MAC dev, The Golden Age
    ("陈清扬把我拽住，以伟大友谊的名义叫我留下来。", "Chen Qingyang caught me and asked me to stay in the name of our great friendship."),
    ("那天晚上我引诱了陈清扬和我到山上去。", "That night I lured Chen Qingyang up the mountain with me."),
    ("罗小四等人回到队里，发现我的东西都不见了。", "Luo Xiaosi came back to the team and found my stuff gone."),
    ("罗小四说前几天你还开会斗争过他。", "Luo Xiaosi said, Just a few days ago you called a meeting."),
]


def lexicon():
    a = Alignment(document([z for z, _ in PAIRS], "zh", "\n"), document([e for _, e in PAIRS], "en", "\n"),
                  [Bead((k,), (k,)) for k in range(len(PAIRS))])
    return name_lexicon(a)


def test_a_personal_name_is_swapped_whole_for_one_the_chinese_lacks():
    names = lexicon()
    assert {n.written for n in names} >= {"Chen Qingyang", "Luo Xiaosi"}
    zh, en = PAIRS[1]
    for seed in range(5):
        new = swap_name(zh, en, "en", names, random.Random(seed))
        assert new is not None and "Chen" not in new and "Qingyang" not in new, new
        assert "Luo Xiaosi" in new or "Xiaosi" in new
        assert names_lost(zh, en, new, "en", names)


def test_an_organisation_is_swapped_for_one_the_chinese_does_not_name():
    zh = "双方反对北约继续扩张。"
    en = "The Parties oppose further enlargement of NATO."
    new = swap_name(zh, en, "en", [], random.Random(1))
    assert new is not None and "NATO" not in new and new.startswith("The Parties oppose further enlargement of ")
    ru = swap_name(zh, "Стороны выступают против дальнейшего расширения НАТО.", "ru", [], random.Random(1))
    assert ru is not None and "НАТО" not in ru
    assert swap_name("双方继续扩大合作。", "The Parties expand cooperation.", "en", [], random.Random(1)) is None


def test_a_cut_that_keeps_the_name_loses_nothing():
    names = lexicon()
    zh, en = PAIRS[0]
    assert not names_lost(zh, en, "Chen Qingyang caught me.", "en", names)
    assert names_lost(zh, en, "Someone caught me.", "en", names)
    assert names_lost("两国元首在北京举行会谈。", "The heads of state held talks in Beijing.",
                      "The heads of state held talks.", "en", [])


def test_a_heading_number_stays_a_heading_number():
    for seed in range(5):
        new = change_number("二 双方认为", "II. The Parties believe that peace is the main trend.", "en", random.Random(seed))
        assert new is not None and new.split(". ")[0] in ("I", "III", "IV", "V", "VI"), new


def test_disagreements_are_scored_per_chinese_sentence():
    from types import SimpleNamespace

    from gaps import score_disagreements
    from sample_pairs import sample_alignment

    ru = sample_alignment()  # zh 3 has no Russian
    en = sample_alignment()
    en.beads[3:5] = [Bead((3,), (4,), 0.9)]  # the other translation renders zh 3
    planted_in_ru = SimpleNamespace(omitted=[{3}])
    t = score_disagreements({"ru": (ru, planted_in_ru), "en": (en, SimpleNamespace(omitted=[]))})
    assert (t.truth, t.pred, t.tp_pred, t.tp_truth) == (1, 1, 1, 1)
    t = score_disagreements({"ru": (ru, SimpleNamespace(omitted=[])), "en": (en, SimpleNamespace(omitted=[{5}]))})
    assert (t.truth, t.pred, t.tp_pred, t.tp_truth) == (1, 1, 0, 0) and t.false and t.misses


def test_a_cut_that_drops_the_only_part_of_a_name_the_sentence_wrote_loses_it():
    # MAC dev, The Three-Body Problem: the sentence names 汪淼 (Wang Miao) by his surname only
    from aligner.review.names import RomanisedName

    names = [RomanisedName("Wang Miao", ("Wang", "Miao"), frozenset({"汪淼"})),
             RomanisedName("Sha Ruishan", ("Sha", "Ruishan"), frozenset({"沙瑞山"}))]
    zh = "沙瑞山焦躁地来回踱步，不时在汪淼身后停下来看看他正在写出的那一串数字。"
    en = "Sha paced back and forth anxiously, pausing from time to time to look at the sequence of numbers Wang was writing down."
    assert names_lost(zh, en, "Sha paced back and forth anxiously.", "en", names)
    assert not names_lost(zh, en, "Sha paced back and forth anxiously, looking at the numbers Wang was writing down.",
                          "en", names)


def test_each_sentence_the_published_translation_leaves_out_is_one_chinese_sentence_the_gold_glues_on():
    """The hand-checked omissions of the MAC translations (`KNOWN_REAL[OMITTED]`) count as true omitted passages:
    each names one Chinese sentence, and it lies in a gold bead of two or more Chinese sentences (a gold 1–0
    bead is truth already)."""
    from gaps import KNOWN_REAL, mac_cases

    from aligner.types import OMITTED

    found = 0
    for case in mac_cases():
        lines = [x.strip() for x in case.zh_text.splitlines() if x.strip()]
        glued = {i for s, t in case.pairs if len(s) >= 2 and t for i in s}
        for key in KNOWN_REAL[OMITTED]:
            hits = [i for i, x in enumerate(lines) if key in x]
            assert len(hits) <= 1, key
            if hits:
                found += 1
                assert hits[0] in glued and {hits[0]} in case.omitted, key
    assert found == len(KNOWN_REAL[OMITTED])
