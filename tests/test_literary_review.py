"""A literary text and two translations of it end to end (tests/data/literary: the opening of 孔乙己 with our
Russian and English): the intended pairs, the planted omissions, changed numbers and footnotes flagged and nothing
else, the title and the note marks kept apart, and the three-way view saying which translation leaves out what."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from aligner.evaluate import read_align
from aligner.review import NAME, NUMBER
from aligner.types import ADDED, OMITTED, Alignment

DATA = Path(__file__).resolve().parent / "data" / "literary"
ZH = DATA / "kong-yiji.zh.txt"
LANGS = ("ru", "en")

# (a few words of the flagged pair's Chinese or, for an added sentence, its translation, kind, reason)
PLANTED = {
    "ru": [("虽然没有什么失职", OMITTED, "no counterpart in the Russian for 1 sentence"),
           ("便排出九文大钱", NUMBER, "九 ≠ восемь"),
           ("* Сюцай — низшая учёная степень", ADDED, "no counterpart in the Chinese for 1 sentence")],
    "en": [("外面的短衣主顾", OMITTED, "no counterpart in the English for 1 sentence"),
           ("我从十二岁起", NUMBER, "十二 ≠ thirteen"),
           ("[1] Xiucai: the lowest degree", ADDED, "no counterpart in the Chinese for 1 sentence")],
}
# each translation's added sentence inside the text: a note on the sentence before it
ADDED_SENTENCE = {"ru": "Эти слова открывали старинные прописи", "en": "In those days a bowl of wine cost less"}


@cache
def aligned(lang: str) -> Alignment:
    from aligner import align_files

    return align_files(ZH, DATA / f"kong-yiji.{lang}.txt")


def _added_at(a: Alignment, lang: str) -> int:
    return next(s.index for s in a.target.sentences if s.text.startswith(ADDED_SENTENCE[lang]))


@pytest.mark.parametrize("lang", LANGS)
def test_the_title_in_capitals_and_the_byline_are_pairs_of_their_own(lang):
    a = aligned(lang)
    assert [a.target.sentences[j].text for b in a.beads[:2] for j in b.tgt] == \
        {"ru": ["КУН ИЦЗИ", "Лу Синь"], "en": ["KONG YIJI", "by Lu Xun"]}[lang]
    assert [b.src for b in a.beads[:2]] == [(0,), (1,)] and not a.beads[0].flags


@pytest.mark.parametrize("lang, marked", [("ru", "не выслужил?*"), ("en", 'the lowest examination?"[1]')])
def test_a_note_mark_ends_its_sentence_and_is_shown_with_it(lang, marked):
    a = aligned(lang)
    sentence = next(s for s in a.target.sentences if s.text.endswith(marked))
    assert not sentence.norm.endswith(marked[-1])  # matched without it
    after = a.target.sentences[sentence.index + 1].text
    assert after.startswith({"ru": "Кун Ицзи сразу никнул", "en": "At once Kong Yiji"}[lang]), after


@pytest.mark.parametrize("lang", LANGS)
def test_every_intended_pair_is_found_but_beside_the_added_sentence(lang):
    a = aligned(lang)
    gold = read_align(DATA / f"kong-yiji.zh-{lang}.align")
    assert sum(len(t) for _, t in gold) == len(a.target) and sum(len(s) for s, _ in gold) == len(a.source)
    found = {(b.src, b.tgt) for b in a.beads}
    added = _added_at(a, lang)
    missed = [(s, t) for s, t in gold if (s, t) not in found]
    # the added sentence is paired with the sentence it comments on: those two pairs, and nothing else
    assert missed == [(s, t) for s, t in gold if added in t or added - 1 in t], missed


@pytest.mark.parametrize("lang", LANGS)
def test_the_planted_omission_and_number_are_flagged_and_nothing_else(lang):
    a = aligned(lang)
    added = _added_at(a, lang)
    found = [(a.source.span_text(b.src) or a.target.span_text(b.tgt), f.kind, f.reason) for b in a.beads
             for f in b.flags if f.kind in (NUMBER, NAME, OMITTED, ADDED) and added not in b.tgt]
    # approximate numbers rendered loosely (二十多年前, 十几文, 十多年, 半碗, 半个秀才) and the names, the title's
    # in capitals among them (孔乙己 as KONG YIJI), are no mismatch
    assert len(found) == len(PLANTED[lang]), found
    for words, kind, reason in PLANTED[lang]:
        assert any(words in text and (kind, reason) == (k, r) for text, k, r in found), (words, found)


@pytest.mark.xfail(strict=True, reason="a known limit: an added sentence about the sentence before it is "
                                       "paired with that sentence, not flagged")
@pytest.mark.parametrize("lang", LANGS)
def test_the_added_sentence_is_flagged(lang):
    a = aligned(lang)
    added = _added_at(a, lang)
    assert any(f.kind == ADDED for b in a.beads if added in b.tgt for f in b.flags)


def test_three_way_says_which_translation_leaves_out_what():
    from aligner.threeway import DISAGREE, align_three
    from aligner.embed import get_encoder

    ru, en = aligned("ru"), aligned("en")
    three = align_three(ru.source, ru.target, en.target, encoder=get_encoder())
    disagreements = {three.source.span_text(row.src): f.reason for row in three.rows for f in row.flags
                     if f.kind == DISAGREE}
    assert len(disagreements) == 2, disagreements
    ru_lacks = next(reason for zh, reason in disagreements.items() if "虽然没有什么失职" in zh)
    en_lacks = next(reason for zh, reason in disagreements.items() if "外面的短衣主顾" in zh)
    assert ru_lacks.startswith("the Russian leaves this out; the English renders it"), ru_lacks
    assert en_lacks.startswith("the English leaves this out; the Russian renders it"), en_lacks


@pytest.mark.parametrize("lang, marked", [
    ("ru", "(Эти слова открывали старинные прописи, по которым дети учились писать иероглифы. — Прим. пер.)"),
    ("en", "(Translator's note: in those days a bowl of wine cost less than a bowl of rice.)"),
])
def test_an_added_sentence_marked_as_the_translators_note_is_flagged_as_one(lang, marked, tmp_path):
    """The known limit above is the unmarked gloss: marked as a note, the sentence leaves the pair it explains."""
    from aligner import align_files

    path = tmp_path / f"kong-yiji.{lang}.txt"
    text = (DATA / f"kong-yiji.{lang}.txt").read_text(encoding="utf-8")
    plain = {"ru": "Эти слова открывали старинные прописи, по которым дети учились писать иероглифы.",
             "en": "In those days a bowl of wine cost less than a bowl of rice."}[lang]
    assert text.count(plain) == 1
    path.write_text(text.replace(plain, marked), encoding="utf-8")
    a = align_files(ZH, path)
    note = next(s.index for s in a.target.sentences if s.text == marked)
    bead = next(b for b in a.beads if note in b.tgt)
    assert bead.tgt == (note,) and not bead.src
    assert [f.reason for f in bead.flags if f.kind == ADDED] == [
        "no counterpart in the Chinese for 1 sentence: a translator's or editor's note"]
