"""Three-way review: one Chinese text, two translations (Russian and English), pivoted on the Chinese.

Each translation is aligned to the Chinese on its own (two ordinary Alignments that share the
Chinese Document), then the two bead lists are merged into rows: a row holds a run of Chinese
sentences with everything each translation pairs with them, cut wherever both alignments have a
bead boundary (a passage one translation leaves out is cut where the other's pairs end, so that those
pairs keep a row each). Sentences a translation adds stay in their own row at their place. Each row keeps
the flags each side's review gave it, plus `disagree` where the translations disagree about a
Chinese sentence — one renders it, the other leaves it out.

    result = align_three_texts(zh, ru, en)
    for row in result.rows: ...            # ThreeWayRow: src, tgt (per side), flags
    plain = result.plain_rows()            # list of dicts, for a UI table
"""
from __future__ import annotations

from dataclasses import dataclass, field

from aligner.errors import LanguageError
from aligner.types import Alignment, Bead, Document, Mark, Progress, Term

DISAGREE = "disagree"


@dataclass(frozen=True)
class SideFlag:
    """A flag with the translation it belongs to ('' for a row flag such as `disagree`)."""

    side: str
    kind: str
    reason: str
    marks: tuple[Mark, ...] = ()  # what it is about, highlighted: the Chinese sentences a `disagree` means
    # the Chinese sentences of the passage this flag is part of, when one translation leaves out a passage that is
    # cut into several rows (its omission, and the disagreement it makes, on each of them): () for a flag about its
    # row alone. The pills and the summary count a passage once, however many rows it spans (`pair_filter.row_tally`)
    passage: tuple[int, ...] = ()


@dataclass
class ThreeWayRow:
    """Chinese sentences `src` and, per translation label, the sentences paired with them."""

    src: tuple[int, ...]
    tgt: dict[str, tuple[int, ...]]
    scores: dict[str, float | None]  # per side: the lowest score of its beads in the row (None: none)
    beads: dict[str, list[Bead]]  # per side: the beads merged into this row
    flags: list[SideFlag] = field(default_factory=list)
    reviewed: bool = False  # the reviewer's ✓ on the row as a whole
    note: str = ""  # the reviewer's note on the row (a pair's own note stays on its bead)


@dataclass
class ThreeWay:
    """The Chinese document, two alignments to it, and the merged rows."""

    source: Document
    alignments: dict[str, Alignment]  # label -> alignment, in column order
    rows: list[ThreeWayRow]
    # the options it was aligned with, as the two-column project keeps them: "model" (None: the default
    # encoder), "presplit"; the JSON record writes them (with the glossary) as its `settings`
    settings: dict = field(default_factory=dict)
    # each row's number on the review page, when these rows are some of a longer result's
    # (`pair_filter.kept_rows`), so that an export of them names each row as the page does (as
    # `Alignment.numbers` does for pairs); empty: the rows are all, numbered 1, 2, 3 …
    numbers: tuple[int, ...] = ()

    @property
    def labels(self) -> list[str]:
        return list(self.alignments)

    def numbered(self) -> list[tuple[int, ThreeWayRow]]:
        """Each row with its number as the review page shows it (see `numbers`)."""
        return list(zip(self.numbers or range(1, len(self.rows) + 1), self.rows))

    def __repr__(self) -> str:  # a notebook echoes it: one line, not three documents' texts
        flagged = sum(1 for row in self.rows if row.flags)
        return (f"<ThreeWay {self.source.lang} → {', '.join(self.labels)}: {len(self.rows)} rows, "
                f"{flagged} flagged>")

    @property
    def warnings(self) -> list[str]:
        """What each translation's review found about it as a whole (e.g. it is not a translation of
        this Chinese text); each names its language."""
        return [warning for alignment in self.alignments.values() for warning in alignment.warnings]

    def text(self, label: str, indices: tuple[int, ...]) -> str:
        """Original text of sentences of the Chinese ('zh' or the source label) or of one translation."""
        document = self.source if label not in self.alignments else self.alignments[label].target
        return document.span_text(indices)

    def plain_rows(self) -> list[dict]:
        """Rows as plain dicts for tables: texts, indices, scores and flags per side."""
        out = []
        for number, row in enumerate(self.rows, start=1):
            item = {"row": number, "src": list(row.src), self.source.lang: self.text(self.source.lang, row.src)}
            for label in self.labels:
                item[f"{label}_idx"] = list(row.tgt[label])
                item[label] = self.text(label, row.tgt[label])
                item[f"{label}_score"] = row.scores[label]
            item["flags"] = [{"side": f.side, "kind": f.kind, "reason": f.reason} for f in row.flags]
            item["reviewed"], item["note"] = row.reviewed, row.note
            out.append(item)
        return out


def labels_for(a: Document, b: Document) -> tuple[str, str]:
    """Column labels: the languages, told apart when both translations share one."""
    if a.lang != b.lang:
        return a.lang, b.lang
    return f"{a.lang}1", f"{b.lang}2"


def _covered(alignment: Alignment) -> dict[int, bool]:
    """For each Chinese sentence: does this translation pair it with something?"""
    return {i: bool(bead.tgt) for bead in alignment.beads for i in bead.src}


def merge_rows(alignments: dict[str, Alignment]) -> list[ThreeWayRow]:
    """Merge two alignments of the same Chinese into rows cut where both have a bead boundary (a passage
    one leaves out counting a boundary after each of its sentences where the other's pairs end)."""
    (la, a), (lb, b) = alignments.items()
    ends = {label: {bead.src[-1] for bead in x.beads if bead.src} for label, x in alignments.items()}
    beads, origin = {}, {}
    for label, other in ((la, lb), (lb, la)):
        beads[label] = _cut_omissions(alignments[label].beads, ends[other], origin)
    pos = {la: 0, lb: 0}
    rows: list[ThreeWayRow] = []

    def take(label: str, row: dict[str, list[Bead]]) -> Bead:
        bead = beads[label][pos[label]]
        pos[label] += 1
        row[label].append(bead)
        return bead

    def at_end(label: str) -> bool:
        return pos[label] >= len(beads[label])

    def peek(label: str) -> Bead | None:
        return None if at_end(label) else beads[label][pos[label]]

    while not (at_end(la) and at_end(lb)):
        group: dict[str, list[Bead]] = {la: [], lb: []}
        heads = {label: peek(label) for label in (la, lb)}
        added = [label for label, bead in heads.items() if bead is not None and not bead.src]
        if added:  # translation with no Chinese: its own row, both sides' additions at this place together
            for label in added:
                while peek(label) is not None and not peek(label).src:
                    take(label, group)
        else:
            ends = {label: take(label, group).src[-1] for label in (la, lb) if peek(label) is not None}
            while len(set(ends.values())) > 1:
                behind = min(ends, key=ends.get)
                if peek(behind) is None:
                    break
                bead = take(behind, group)
                if bead.src:
                    ends[behind] = bead.src[-1]
        rows.append(_row(group, origin))
    _side_flags(rows)
    _flag_disagreements(rows, alignments)
    return rows


def _cut_omissions(beads: list[Bead], cuts: set[int], origin: dict[int, Bead]) -> list[Bead]:
    """A side's beads, each passage it leaves out (Chinese sentences paired with nothing) cut after every
    Chinese sentence in `cuts` (where the other translation's pairs end): the rows of a long omission then
    follow the other translation's pairs, one by one, instead of making one row of them all (a translation
    that stops halfway put the whole rest of the other in one row). Pieces map to their bead in `origin`."""
    out = []
    for bead in beads:
        if bead.tgt or len(bead.src) < 2:
            out.append(bead)
            continue
        start = 0
        for k, i in enumerate(bead.src):
            if i in cuts or k == len(bead.src) - 1:
                piece = Bead(bead.src[start:k + 1], (), bead.score)
                origin[id(piece)] = bead
                out.append(piece)
                start = k + 1
    return out


def _row(group: dict[str, list[Bead]], origin: dict[int, Bead]) -> ThreeWayRow:
    """A row of the beads (or pieces of omitted passages, see `_cut_omissions`) merged into it: the
    sentences from the pieces; scores and notes from the beads they are part of, each once (flags: `_side_flags`)."""
    src = sorted({i for beads in group.values() for bead in beads for i in bead.src})
    tgt = {label: tuple(j for bead in beads for j in bead.tgt) for label, beads in group.items()}
    whole = {label: list({id(b): b for b in (origin.get(id(piece), piece) for piece in beads)}.values())
             for label, beads in group.items()}
    scores = {label: (min(float(b.score) for b in beads) if beads else None) for label, beads in whole.items()}
    return ThreeWayRow(tuple(src), tgt, scores, whole)


def later_row(k: int, n: int) -> str:
    """The reason on row `k` (from 2) of the `n` rows a passage is cut into: it belongs to the passage above."""
    return f"… same passage, row {k} of {n}"


def first_row(reason: str, n: int) -> str:
    """The reason on the first of the `n` rows a passage is cut into, saying that the rows after it are the passage's."""
    return f"{reason} (this row and the next{'' if n == 2 else f' {n - 1}'})"


def _side_flags(rows: list[ThreeWayRow]) -> None:
    """Each row's flags from its beads. A passage one translation leaves out, cut into rows (`_cut_omissions`),
    gives its reason once, on its first row: the rows after it say they are the same passage (a 3-sentence
    omission read "no counterpart in the Russian for 3 sentences" three times). The kind is on every row, so
    that a filter on it shows them all."""
    spans: dict[int, list[int]] = {}  # id of a bead -> the rows it is in
    for r, row in enumerate(rows):
        for beads in row.beads.values():
            for bead in beads:
                spans.setdefault(id(bead), []).append(r)
    seen: dict[int, int] = {}  # id of a bead -> how many of its rows came so far
    for row in rows:
        row.flags = []
        for label, beads in row.beads.items():
            for bead in beads:
                n, k = len(spans[id(bead)]), seen.get(id(bead), 0) + 1
                seen[id(bead)] = k
                for f in bead.flags:
                    reason = f.reason if n == 1 else first_row(f.reason, n) if k == 1 else later_row(k, n)
                    row.flags.append(SideFlag(label, f.kind, reason, passage=bead.src if n > 1 else ()))


QUOTE_CHARS = 12  # how much of a Chinese sentence a reason quotes to say which one it means


def quote_start(text: str, chars: int = QUOTE_CHARS) -> str:
    """The start of a text as a reason quotes it to say which sentence it means: “各国人民有权选择适合本国…”."""
    text = " ".join(text.split())  # the user's own text, as written, on one line
    return f"“{text[:chars]}{'…' if len(text) > chars else ''}”"


def side_names(alignments: dict[str, Alignment]) -> dict[str, str]:
    """Each translation's name as a reviewer reads it: "Russian", "English"; with its label when both
    translations share a language ("English (en1)", "English (en2)"), so that the two are told apart."""
    from aligner.types import LANGUAGE_NAMES

    langs = {label: a.target.lang for label, a in alignments.items()}
    shared = len(set(langs.values())) < len(langs)
    return {label: LANGUAGE_NAMES.get(lang, lang) + (f" ({label})" if shared else "") for label, lang in langs.items()}


def disagreement(missing: str, present: str, quoted: str = "", more: int = 0) -> str:
    """Why a row is flagged `disagree`, in the languages' names: which translation leaves out which
    Chinese sentence (`quoted`, when the row holds others) and which renders it."""
    if not quoted:
        return f"the {missing} leaves this out; the {present} renders it"
    others = f" and {more} more sentence{'s' if more > 1 else ''}" if more else ""
    return f"the {missing} leaves out {quoted}{others}; the {present} renders {'them' if more else 'it'}"


def _flag_disagreements(rows: list[ThreeWayRow], alignments: dict[str, Alignment]) -> None:
    """`disagree` on rows where one translation renders a Chinese sentence and the other does not."""
    (la, a), (lb, b) = alignments.items()
    cov_a, cov_b = _covered(a), _covered(b)
    names = side_names(alignments)
    for row in rows:
        # the passages each side leaves out that run on past this row: a disagreement within one is part of it
        passages = {label: {i: bead.src for bead in beads if not bead.tgt and not set(bead.src) <= set(row.src)
                            for i in bead.src} for label, beads in row.beads.items()}
        runs: list[tuple[list[int], str, str]] = []
        for i in row.src:
            if cov_a.get(i, False) == cov_b.get(i, False):
                continue
            missing, present = (la, lb) if not cov_a.get(i, False) else (lb, la)
            if runs and runs[-1][0][-1] == i - 1 and runs[-1][1] == missing:
                runs[-1][0].append(i)
            else:
                runs.append(([i], missing, present))
        for indices, missing, present in runs:
            whole = len(indices) == len(row.src)  # else say which of the row's Chinese sentences
            quoted = "" if whole else quote_start(a.source.sentences[indices[0]].text)
            # in a row of several Chinese sentences, the ones meant are highlighted, as a number flag's are
            marks = () if whole else tuple(Mark("src", a.source.sentences[i].start, a.source.sentences[i].end)
                                           for i in indices)
            within = {passages[missing].get(i) for i in indices}
            row.flags.append(SideFlag("", DISAGREE, disagreement(names[missing], names[present], quoted,
                                                                 0 if whole else len(indices) - 1), marks,
                                      passage=within.pop() if len(within) == 1 and None not in within else ()))


def align_three(source: Document, a: Document, b: Document, encoder=None,
                progress: Progress | None = None, glossary: tuple[Term, ...] = ()) -> ThreeWay:
    """Align two loaded translations to one loaded Chinese document and merge the results into rows. Where the
    review page keeps the fitted models for its corrections (`fits`), both translations' are kept: the first
    correction in either is scored without fitting them again."""
    from aligner.align import fits
    from aligner.embed import get_encoder
    from aligner.pipeline import align_documents, check_languages

    check_languages(source, a)
    check_languages(source, b)
    encoder = encoder or get_encoder()
    la, lb = labels_for(a, b)
    with fits.together():
        alignments = {
            la: align_documents(source, a, encoder, progress=_staged(progress, la), glossary=glossary),
            lb: align_documents(source, b, encoder, progress=_staged(progress, lb), glossary=glossary),
        }
    return ThreeWay(source, alignments, merge_rows(alignments))


def _staged(progress: Progress | None, label: str) -> Progress | None:
    """Progress stages named per translation ('embed zh-ru'), so a bar can tell the two runs apart."""
    if progress is None:
        return None
    return lambda stage, done, total: progress(f"{stage} ({label})", done, total)


def align_three_texts(zh_text: str, a_text: str, b_text: str, *, model: str | None = None,
                      presplit: bool = False, cache: bool = True, progress: Progress | None = None,
                      names: tuple[str, str, str] = ("", "", ""), glossary: tuple[Term, ...] = ()) -> ThreeWay:
    """Align a Chinese text with its Russian and English translations (either order), pivoted on the Chinese."""
    from aligner.embed import get_encoder
    from aligner.language import language_detected_only
    from aligner.pipeline import load_document

    with language_detected_only():  # no setting here to align a file as another language: two columns have one
        source = load_document(zh_text, presplit=presplit, name=names[0], role="The first text")
        a = load_document(a_text, presplit=presplit, name=names[1], role="The second text")
        b = load_document(b_text, presplit=presplit, name=names[2], role="The third text")
    if source.lang != "zh":
        raise LanguageError(f"{names[0] or 'The first text'} must be the Chinese original; "
                            "give the files as: Chinese, Russian, English.")
    result = align_three(source, a, b, get_encoder(model, cache=cache), progress=progress, glossary=glossary)
    result.settings = aligned_with(model, presplit)
    return result


def aligned_with(model: str | None, presplit: bool) -> dict:
    """A result's `settings`: the options it was aligned with (the model as the user named it, None for the
    default), which its JSON record writes and reads back; `align` and `batch` record the same."""
    return {"model": model, "presplit": presplit}


def align_files(files, model: str | None = None, presplit: bool = False, cache: bool = True,
                progress: Progress | None = None, glossary: tuple[Term, ...] = ()) -> ThreeWay:
    """The command line's three-file path: read the files (or web addresses) and align them."""
    from aligner.pipeline import read_source

    texts = [read_source(path) for path in files]
    return align_three_texts(*texts, model=model, presplit=presplit, cache=cache, progress=progress,
                             names=tuple(str(p) for p in files), glossary=glossary)
