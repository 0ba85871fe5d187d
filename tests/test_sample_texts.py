"""End to end on the sample joint statement: does each planted problem show up as what it is?

The answer key (texts/answer-key.json) names each planted problem by exact substrings of the
sentences involved, so these tests find the sentences through the real segmenter and check the
beads the real pipeline (default offline encoder) produced, without hard-coded indices.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from aligner.review import NUMBER
from aligner.types import ADDED, OMITTED, Alignment, Bead, Document

TEXTS = Path(__file__).resolve().parent.parent / "texts"
KEY = json.loads((TEXTS / "answer-key.json").read_text(encoding="utf-8"))
LANGS = ("ru", "en")
PROBLEMS = [(lang, i) for lang in LANGS for i in range(len(KEY[lang]))]
PROBLEM_IDS = [f"{lang}-{i}-{KEY[lang][i]['type']}" for lang, i in PROBLEMS]


def read(side: str) -> str:
    return (TEXTS / KEY["files"][side]).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def aligned():
    """Align each pair once per module, lazily, with the real pipeline and default encoder."""
    from aligner import align_texts

    @cache
    def run(lang: str) -> Alignment:
        return align_texts(read("zh"), read(lang), source_name=KEY["files"]["zh"],
                           target_name=KEY["files"][lang])

    return run


def sentence_with(doc: Document, needle: str) -> int:
    """Index of the one sentence of `doc` that contains `needle` whole."""
    start = doc.text.index(needle)
    end = start + len(needle)
    hits = [s.index for s in doc.sentences if s.start <= start and end <= s.end]
    assert len(hits) == 1, (
        f"{needle!r} does not lie inside one {doc.lang} sentence; the segmenter cut it: "
        + " | ".join(s.text for s in doc.sentences if s.end > start and s.start < end)
    )
    return hits[0]


def bead_with(alignment: Alignment, side: str, index: int) -> Bead:
    """The bead holding sentence `index` of the source ('src') or target ('tgt')."""
    return next(b for b in alignment.beads if index in getattr(b, side))


def show(alignment: Alignment, bead: Bead) -> str:
    """A bead with its sentences, for failure messages a person can act on."""
    src = " | ".join(alignment.source.sentences[i].text.replace("\n", " ")[:40] for i in bead.src)
    tgt = " | ".join(alignment.target.sentences[j].text[:50] for j in bead.tgt)
    return f"{list(bead.src)}:{list(bead.tgt)} [{src}] ↔ [{tgt}] flags={[f.kind for f in bead.flags]}"


def planted_indices(alignment: Alignment, lang: str) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    """(type, zh sentence indices, target sentence indices) of each planted problem."""
    return [
        (p["type"],
         tuple(sentence_with(alignment.source, s) for s in p["zh"]),
         tuple(sentence_with(alignment.target, s) for s in p["tgt"]))
        for p in KEY[lang]
    ]


# --- the answer key itself (fast, no model) ---------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_substrings_are_unique_in_their_files(lang):
    zh, tgt = read("zh"), read(lang)
    for problem in KEY[lang]:
        for needle in problem["zh"]:
            assert zh.count(needle) == 1, f"{lang} {problem['type']}: {needle!r} is not unique in the Chinese"
        for needle in problem["tgt"]:
            assert tgt.count(needle) == 1, f"{lang} {problem['type']}: {needle!r} is not unique in the {lang}"


@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_entries_have_the_sentences_their_type_needs(lang):
    shapes = {"omitted": (1, 0), "added": (0, 1), "split": (1, 2), "merged": (2, 1), "number": (1, 1)}
    types = [p["type"] for p in KEY[lang]]
    for kind in shapes:
        assert kind in types, f"{lang} has no planted {kind} problem"
    assert types.count("omitted") >= 2
    for problem in KEY[lang]:
        assert (len(problem["zh"]), len(problem["tgt"])) == shapes[problem["type"]], problem


# --- segmentation of the sample texts --------------------------------------------------------

@pytest.mark.parametrize("side", ("zh", "ru", "en"))
def test_sample_texts_segment_into_the_intended_sentences_and_paragraphs(side):
    from aligner.pipeline import load_document

    doc = load_document(read(side), lang=side, name=KEY["files"][side])
    assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)
    cut = [s.text for s in doc.sentences if len(s.text.strip()) < 8]
    assert len(doc) == KEY["intended"]["sentences"][side], f"{side}: {len(doc)} sentences; short pieces: {cut}"
    assert len({s.paragraph for s in doc.sentences}) == KEY["intended"]["paragraphs"][side]


# --- the planted problems, end to end --------------------------------------------------------

@pytest.mark.parametrize(("lang", "n"), PROBLEMS, ids=PROBLEM_IDS)
def test_planted_problem_shows_up_as_what_it_is(aligned, lang, n):
    alignment = aligned(lang)
    problem = KEY[lang][n]
    kind, zh, tgt = planted_indices(alignment, lang)[n]
    bead = bead_with(alignment, "src", zh[0]) if zh else bead_with(alignment, "tgt", tgt[0])
    flags = {f.kind for f in bead.flags}
    found = show(alignment, bead)

    if kind == "omitted":
        assert (bead.src, bead.tgt) == (zh, ()), f"omission not isolated: {found}"
        assert OMITTED in flags, found
    elif kind == "added":
        assert (bead.src, bead.tgt) == ((), tgt), f"addition not isolated: {found}"
        assert ADDED in flags, found
    elif kind in ("split", "merged"):
        assert (bead.src, bead.tgt) == (zh, tgt), f"{kind} not paired as {list(zh)}:{list(tgt)}: {found}"
        assert not {OMITTED, ADDED} & flags, found
    elif kind == "number":
        assert set(zh) <= set(bead.src) and set(tgt) <= set(bead.tgt), f"number pair not in one bead: {found}"
        assert NUMBER in flags, f"changed number not flagged: {found}"
    else:
        pytest.fail(f"unknown problem type {kind!r} in the answer key: {problem}")


@pytest.mark.parametrize("lang", LANGS)
def test_alignment_of_sample_is_sane_outside_the_planted_problems(aligned, lang):
    alignment = aligned(lang)
    planted = planted_indices(alignment, lang)
    expected_null = {(zh, tgt) for kind, zh, tgt in planted if kind in ("omitted", "added")}
    planted_src = {i for _, zh, _ in planted for i in zh}
    planted_tgt = {j for _, _, tgt in planted for j in tgt}

    assert alignment.warnings == [], "a real translation must not be called unrelated"
    # Every sentence of each side in exactly one bead, in order.
    assert [i for b in alignment.beads for i in b.src] == list(range(len(alignment.source)))
    assert [j for b in alignment.beads for j in b.tgt] == list(range(len(alignment.target)))

    null = [b for b in alignment.beads if not b.src or not b.tgt]
    false_gaps = [show(alignment, b) for b in null if (b.src, b.tgt) not in expected_null]
    assert not false_gaps, "gaps that were not planted:\n" + "\n".join(false_gaps)

    number_beads = {(zh, tgt) for kind, zh, tgt in planted if kind == "number"}
    false_numbers = [show(alignment, b) for b in alignment.beads
                     if any(f.kind == NUMBER for f in b.flags)
                     and not any(set(zh) <= set(b.src) and set(tgt) <= set(b.tgt) for zh, tgt in number_beads)]
    assert not false_numbers, "number flags on pairs whose numbers agree:\n" + "\n".join(false_numbers)

    others = [b for b in alignment.beads
              if not (set(b.src) & planted_src or set(b.tgt) & planted_tgt)]
    one_to_one = [b for b in others if b.kind == "1-1"]
    not_one = [show(alignment, b) for b in others if b.kind != "1-1"]
    assert len(one_to_one) >= 0.9 * len(others), "beads that are not 1-1:\n" + "\n".join(not_one)


def test_the_chinese_spaced_out_character_by_character_gets_the_same_flags(aligned):
    # Chinese copied out of a PDF with a space after every character, saved as GBK: it was refused as in no
    # known encoding; then its long sentences were cut at commas (7-0 omissions) and its years read digit
    # by digit ("0 ≠ 2022; 2, 2, 2 only in the Chinese")
    from aligner import align_texts
    from aligner.reading import decode_bytes

    spaced = decode_bytes(" ".join(read("zh")).encode("gbk"), "spaced.zh.txt")
    clean, result = aligned("ru"), align_texts(spaced, read("ru"))

    def flags(alignment):
        return [(b.kind, sorted(f.kind for f in b.flags)) for b in alignment.beads if b.flags]

    assert flags(result) == flags(clean)
