"""A small real alignment for the corrections, project and summary tests.

Chinese sentences are from the seed joint statement; the Russian is a translation with one
sentence left out (国际社会对此绝不接受) and one added (about BRICS), and the first Chinese
sentence rendered as two Russian ones.
"""
from __future__ import annotations

from aligner.types import Alignment, Bead, Document, Sentence

ZH = [
    "应中华人民共和国主席习近平邀请，俄罗斯联邦总统弗·弗·普京于2022年2月4日访华。",
    "两国元首在北京举行会谈，并出席第24届冬季奥运会开幕式。",
    "中华人民共和国和俄罗斯联邦(以下简称“双方”), 声明如下:",
    "国际社会对此绝不接受。",
    "各国人民有权选择适合本国国情的民主实践形式和方式。",
    "一个国家是否民主, 只能由这个国家的人民来评判。",
]
RU = [
    "По приглашению Председателя КНР Си Цзиньпина Президент Российской Федерации В. В. Путин посетил Китай.",
    "Визит состоялся 4 февраля 2022 года.",
    "Главы государств провели переговоры в Пекине и приняли участие в церемонии открытия XXIV зимних Олимпийских игр.",
    "Китайская Народная Республика и Российская Федерация, далее именуемые Сторонами, заявляют о нижеследующем.",
    "Стороны также отмечают растущую роль БРИКС.",
    "Народы всех стран вправе выбирать формы и методы осуществления демократии, подходящие их государствам.",
    "Только народ страны может судить о том, является ли его государство демократическим.",
]

# zh 0 ↔ ru 0,1 (1–2); 1↔2; 2↔3; zh 3 omitted; ru 4 added; 4↔5; 5↔6
SHAPES = [((0,), (0, 1), 0.81), ((1,), (2,), 0.9), ((2,), (3,), 0.88), ((3,), (), 0.1),
          ((), (4,), 0.1), ((4,), (5,), 0.86), ((5,), (6,), 0.45)]


def document(sentences: list[str], lang: str, sep: str) -> Document:
    """A Document whose sentences are `sentences` joined by `sep`, with exact offsets."""
    text, spans = "", []
    for i, s in enumerate(sentences):
        if i:
            text += sep
        spans.append(Sentence(i, len(text), len(text) + len(s), s, s))
        text += s
    return Document(text=text, lang=lang, sentences=spans)


def sample_alignment(reviewed: bool = True) -> Alignment:
    """The sample alignment, with the review step's flags when `reviewed`."""
    a = Alignment(
        source=document(ZH, "zh", "\n"),
        target=document(RU, "ru", " "),
        beads=[Bead(s, t, score) for s, t, score in SHAPES],
        model="test",
    )
    if reviewed:
        from aligner.review import review

        review(a)
    return a


def shapes(a: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in a.beads]


def assert_invariants(a: Alignment) -> None:
    """Every sentence of each side in exactly one bead, in document order; no empty bead."""
    assert [i for b in a.beads for i in b.src] == list(range(len(a.source)))
    assert [j for b in a.beads for j in b.tgt] == list(range(len(a.target)))
    assert all(b.src or b.tgt for b in a.beads)
