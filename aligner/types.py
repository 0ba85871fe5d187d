"""The objects that cross module borders.

Modelled on spaCy's Doc/Span: a Document keeps the user's text intact and every
Sentence is a pair of character offsets into it, plus a normalised copy used only
for matching. Beads refer to sentences by index, never by copying text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["zh", "ru", "en"]
LANGUAGES: tuple[str, ...] = ("zh", "ru", "en")
LANGUAGE_NAMES: dict[str, str] = {"zh": "Chinese", "ru": "Russian", "en": "English"}  # for messages and headings


def _counted(n: int, noun: str) -> str:
    """'1 pair', '51 pairs', '12,345 characters': for the reprs a notebook echoes."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class Sentence:
    """One sentence: `text == document.text[start:end]`, always."""

    index: int
    start: int
    end: int
    text: str
    norm: str = field(repr=False)  # folded for matching (Simplified, half-width, PDF breaks joined); never shown
    paragraph: int = 0


@dataclass
class Document:
    """A text as the user gave it, with its sentences."""

    text: str
    lang: str
    sentences: list[Sentence]
    name: str = ""

    def __len__(self) -> int:
        return len(self.sentences)

    def span_text(self, indices: tuple[int, ...] | list[int]) -> str:
        """Original text of consecutive sentences, from the first start to the last end."""
        if not indices:
            return ""
        return self.text[self.sentences[indices[0]].start : self.sentences[indices[-1]].end]

    def __repr__(self) -> str:  # a notebook echoes it: the counts, not a book's text
        name = f" {self.name!r}" if self.name else ""
        return (f"<Document {self.lang!r}{name}: {_counted(len(self.text), 'character')}, "
                f"{_counted(len(self.sentences), 'sentence')}>")


# Flag kinds. Review modules may add more; exports carry whatever is present.
OMITTED = "omitted"  # Chinese with no counterpart
ADDED = "added"  # translation with no Chinese counterpart
WEAK = "weak"  # a pair the aligner is not confident about


@dataclass(frozen=True)
class Mark:
    """Where a flag's evidence is: characters `start`–`end` of the source ("src") or target ("tgt") text."""

    side: str
    start: int
    end: int


@dataclass(frozen=True)
class Flag:
    """Something a reviewer should look at, with a reason a person can read.

    `marks` point at the words the reason quotes (a changed number, a name on one side only), so
    that the review table can highlight them in the user's own text."""

    kind: str
    reason: str
    marks: tuple[Mark, ...] = ()


DOUBT_ACTIONS = ("move", "merge", "split")


@dataclass(frozen=True)
class Doubt:
    """Another reading of a pair's boundaries that the aligner found about as likely as its own.

    `reason` is for people ("its last English sentence may belong to the pair after"); `action`
    and `args` say how `aligner.corrections.Corrections` gets there from the pair at index i:
    ("move", (offset, side, direction)) moves a sentence of the pair at i + offset;
    ("merge", (offset,)) merges the pair at i + offset with the one after it;
    ("split", (src_kept, tgt_kept)) cuts pair i in two."""

    reason: str
    action: str
    args: tuple


@dataclass
class Bead:
    """Sentences `src` of the source paired with sentences `tgt` of the target.

    Either side may be empty (an omission or an addition). `score` is a 0–1 confidence.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0
    flags: list[Flag] = field(default_factory=list)
    # Set by a reviewer in the UI (aligner.corrections); exports and project files carry them.
    reviewed: bool = False
    note: str = ""
    # Set by the aligner when another reading of the boundaries is about as likely (see Doubt);
    # review puts it in the weak flag, and the UI offers to follow it.
    doubt: "Doubt | None" = None

    @property
    def kind(self) -> str:
        """'1-1', '1-2', '2-1', '1-0', '0-1' ..."""
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass
class Alignment:
    """A source document, a target document and the beads that pair them, in document order.

    `glossary`: the terms the review checks in every pair (a reviewer's terminology list), kept
    with the alignment so that pairs a reviewer corrects are checked against it too.
    `warnings`: what the review found about the document pair as a whole (e.g. the texts do not
    look like translations of each other), shown above the pairs.
    `numbers`: each bead's pair number on the review page, when these beads are some of a longer
    alignment's (`pair_filter.kept_pairs`), so that an export of them names each pair as the page
    does; empty: the beads are all the pairs, numbered 1, 2, 3 …"""

    source: Document
    target: Document
    beads: list[Bead]
    model: str = ""
    glossary: tuple["Term", ...] = ()
    warnings: list[str] = field(default_factory=list)
    numbers: tuple[int, ...] = ()

    def texts(self, bead: Bead) -> tuple[str, str]:
        """The pair's Chinese and translation as the user's texts have them ('' for a side it lacks)."""
        return self.source.span_text(bead.src), self.target.span_text(bead.tgt)

    def numbered(self) -> list[tuple[int, Bead]]:
        """Each bead with its pair number as the review page shows it (see `numbers`)."""
        return list(zip(self.numbers or range(1, len(self.beads) + 1), self.beads))

    def __repr__(self) -> str:  # a notebook echoes it: what was aligned and how it went, in one line
        def side(doc: Document) -> str:
            return f"{doc.lang} {doc.name!r}" if doc.name else doc.lang
        flagged = sum(1 for b in self.beads if b.flags)
        return (f"<Alignment {side(self.source)} → {side(self.target)}: {_counted(len(self.beads), 'pair')}, "
                f"{flagged} flagged, model {self.model!r}>")


@dataclass(frozen=True)
class Term:
    """A glossary entry: a Chinese term and the renderings a translation must use, per language
    ('ru', 'en'; '' for a list that names no language and applies to any translation)."""

    zh: str
    renderings: tuple[tuple[str, tuple[str, ...]], ...]

    def forms(self, lang: str) -> tuple[str, ...]:
        """The accepted renderings for a translation in `lang` (empty: the term says nothing for it)."""
        found = dict(self.renderings)
        return found.get(lang) or found.get("", ())


# Progress reporting: called as progress(stage, done, total), e.g. ("embed", 120, 400).
# The command line turns it into a tqdm bar on stderr, the UI into st.progress.
from typing import Callable  # noqa: E402

Progress = Callable[[str, int, int], None]


def no_progress(stage: str, done: int, total: int) -> None:
    """The default progress callback: report nothing."""
