"""Scoring sentence alignments against gold, as the MAC/Bertalign/vecalign benchmarks do.

A bead is a pair (source indices, target indices). Definitions (micro-averaged over documents):
- precision: over every predicted bead (nulls included); strict = the bead is in the gold,
  lax = some source sentence of it is aligned in the gold with some target sentence of it;
- recall: over gold beads with both sides non-empty, against predicted beads with both sides;
  strict = the gold bead was predicted exactly, lax = it overlaps a predicted bead on both sides.
"""
from __future__ import annotations

from ast import literal_eval
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from aligner.errors import InputError

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Counts:
    """Hits and trials for precision and recall, strict and lax; they add up over documents."""

    p_strict: int = 0
    p_lax: int = 0
    p_total: int = 0
    r_strict: int = 0
    r_lax: int = 0
    r_total: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple())))

    def as_tuple(self) -> tuple[int, ...]:
        return (self.p_strict, self.p_lax, self.p_total, self.r_strict, self.r_lax, self.r_total)

    def scores(self) -> dict[str, dict[str, float]]:
        """{"strict": {"P", "R", "F1"}, "lax": {...}}."""
        return {
            "strict": _prf(self.p_strict, self.p_total, self.r_strict, self.r_total),
            "lax": _prf(self.p_lax, self.p_total, self.r_lax, self.r_total),
        }


def _prf(p_hit: int, p_total: int, r_hit: int, r_total: int) -> dict[str, float]:
    p = p_hit / p_total if p_total else 0.0
    r = r_hit / r_total if r_total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f}


def _hits(reference: set[Pair], tested: set[Pair]) -> tuple[int, int]:
    """How many tested beads are in `reference` exactly, and how many overlap it on both sides."""
    partners: dict[int, set[int]] = defaultdict(set)
    for src, tgt in reference:
        for s in src:
            partners[s].update(tgt)
    strict = lax = 0
    for src, tgt in tested:
        if (src, tgt) in reference:
            strict += 1
            lax += 1
        elif any(partners[s].intersection(tgt) for s in src):
            lax += 1
    return strict, lax


def _clean(beads: list[Pair]) -> set[Pair]:
    return {(tuple(s), tuple(t)) for s, t in beads if s or t}


def count(gold: list[Pair], pred: list[Pair]) -> Counts:
    """Precision and recall counts of one document."""
    gold_set, pred_set = _clean(gold), _clean(pred)
    p_strict, p_lax = _hits(gold_set, pred_set)
    gold_both = {b for b in gold_set if b[0] and b[1]}
    pred_both = {b for b in pred_set if b[0] and b[1]}
    r_strict, r_lax = _hits(pred_both, gold_both)
    return Counts(p_strict, p_lax, len(pred_set), r_strict, r_lax, len(gold_both))


def score(gold_docs: list[list[Pair]], pred_docs: list[list[Pair]]) -> dict[str, dict[str, float]]:
    """Micro-averaged strict and lax P/R/F1 over documents."""
    total = Counts()
    for gold, pred in zip(gold_docs, pred_docs):
        total = total + count(gold, pred)
    return total.scores()


def parse_align(text: str, name: str = "") -> list[Pair]:
    """Parse the gold format: one bead a line, `[0,1]:[0]`, `[5]:[]`."""
    beads = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            left, right = line.split(":")
            src, tgt = literal_eval(left.strip()), literal_eval(right.strip())
            if not (isinstance(src, list) and isinstance(tgt, list)):
                raise ValueError
            beads.append((tuple(int(x) for x in src), tuple(int(x) for x in tgt)))
        except (ValueError, SyntaxError):
            raise InputError(f"{name or 'alignment'} line {number}: expected a bead like [0,1]:[0], got {line.strip()!r}")
    return beads


def format_align(beads: list[Pair]) -> str:
    """The gold format, one bead a line."""
    return "".join(f"[{','.join(map(str, s))}]:[{','.join(map(str, t))}]\n" for s, t in beads)


def read_align(path: str | Path) -> list[Pair]:
    return parse_align(Path(path).read_text(encoding="utf-8"), str(path))


# --- running an evaluation over a folder ---------------------------------------------------------


@dataclass
class DocumentResult:
    """One document's figures."""

    name: str
    counts: Counts
    sentences: int
    seconds: float
    predicted: list[Pair]
    scores: list[float] = field(default_factory=list)  # the aligner's 0–1 confidence of each predicted bead


@dataclass
class Evaluation:
    """A folder's figures: per document, overall, time and memory."""

    documents: list[DocumentResult]
    seconds: float
    embed_once_seconds: float
    peak_rss_mb: float
    model: str
    warnings: list[str] = field(default_factory=list)  # gold that covers part of its texts, texts without gold
    embed_once_cached: int = 0  # of the sentences embedded once, how many the embedding cache served
    embed_once_total: int = 0

    @property
    def time_ratio_note(self) -> str | None:
        """Why there is no time ratio: embedding from a warm cache takes no time, so seconds over it means nothing."""
        if not self.embed_once_cached:
            return None
        return (f"no ratio: {self.embed_once_cached} of the {self.embed_once_total} sentences came from the embedding "
                "cache, and the ratio needs a cold one (aligner evaluate --no-cache)")

    @property
    def counts(self) -> Counts:
        total = Counts()
        for doc in self.documents:
            total = total + doc.counts
        return total

    def to_dict(self) -> dict:
        overall = self.counts.scores()
        sentences = sum(d.sentences for d in self.documents)
        return {
            "strict": overall["strict"],
            "lax": overall["lax"],
            "files": {
                d.name: {**d.counts.scores(), "sentences": d.sentences, "seconds": round(d.seconds, 3)}
                for d in self.documents
            },
            "seconds": round(self.seconds, 3),
            "embed_once_seconds": round(self.embed_once_seconds, 3),
            "time_ratio": (round(self.seconds / self.embed_once_seconds, 3)
                           if self.embed_once_seconds and not self.embed_once_cached else None),
            "time_ratio_note": self.time_ratio_note,
            "sentences": sentences,
            "sentences_per_second": round(sentences / self.seconds, 2) if self.seconds else None,
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "model": self.model,
            "warnings": self.warnings,
        }


def benchmark_files(folder: str | Path) -> list[tuple[str, Path, Path, Path]]:
    """(name, zh file, translation file, gold file) for every gold/NNN.align with both texts."""
    folder = Path(folder)
    gold_dir = folder / "gold"
    if not gold_dir.is_dir():
        raise InputError(f"{folder}: no gold/ folder; expected zh/NNN.txt, en/NNN.txt (or ru/) and gold/NNN.align.")
    target_dirs = [d for d in ("en", "ru") if (folder / d).is_dir()]
    if not (folder / "zh").is_dir() or not target_dirs:
        raise InputError(f"{folder}: expected a zh/ folder and an en/ or ru/ folder beside gold/.")
    files = []
    for gold in sorted(gold_dir.glob("*.align")):
        zh = folder / "zh" / f"{gold.stem}.txt"
        tgt = folder / target_dirs[0] / f"{gold.stem}.txt"
        missing = [str(p) for p in (zh, tgt) if not p.is_file()]
        if missing:
            raise InputError(f"{gold}: no matching {' or '.join(missing)}.")
        files.append((gold.stem, zh, tgt, gold))
    if not files:
        raise InputError(f"{gold_dir}: no .align files.")
    return files


def texts_without_gold(folder: str | Path) -> list[str]:
    """A warning for each text of `folder` that no gold/NNN.align scores: an evaluation that
    silently skips a chapter reports figures for less than the researcher thinks."""
    folder = Path(folder)
    scored = {gold.stem for gold in (folder / "gold").glob("*.align")}
    target, *unused = [d for d in ("en", "ru") if (folder / d).is_dir()]
    return ([f"{text} has no gold/{text.stem}.align and is not scored."
             for sub in ("zh", target) for text in sorted((folder / sub).glob("*.txt")) if text.stem not in scored]
            + [f"{folder / d} is not scored: the translations are read from {folder / target}." for d in unused])


def _ranges(numbers: list[int], shown: int = 3) -> str:
    """'3, 40–294' for sorted numbers: runs as ranges, the first `shown` runs, then '…'."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    text = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs[:shown])
    return text + (", …" if len(runs) > shown else "")


def coverage_warnings(gold: list[Pair], gold_path: Path, *sides: tuple[Path, list[int]]) -> list[str]:
    """A warning for each text whose lines the gold does not all name (a gold made for part of a
    chapter, or one that leaves unaligned lines out instead of writing [5]:[]): the aligner's pairs
    for those lines are not in the gold, so they count against precision and the figures mislead.
    `sides`: (file, line of each sentence)."""
    warnings = []
    for side, (path, lines) in enumerate(sides):
        named = {i for bead in gold for i in bead[side]}
        left_out = sorted(set(lines) - named)
        if left_out:
            which = f"{'line' if len(left_out) == 1 else 'lines'} {_ranges(left_out)}"
            warnings.append(f"{gold_path} leaves out {len(left_out)} of the {len(set(lines))} lines of {path} "
                            f"({which}, counting from 0): the aligner's pairs for them count as wrong in "
                            "precision. Give gold for every line (an unaligned one as [5]:[]) or cut the text "
                            "to the lines the gold covers.")
    return warnings


class TimedEncoder:
    """Passes calls through to an encoder and times them; the first call per document is the
    one that embeds every sentence once, so its time is the `embed_once` floor."""

    def __init__(self, inner):
        self.inner = inner
        self.name = inner.name
        self.first_call_seconds = 0.0
        self.first_call_texts = 0
        self.first_call_cached = 0  # of those, served by the inner encoder's disk cache (its `texts_from_cache`)
        self.other_seconds = 0.0
        self._first = True

    def new_document(self) -> None:
        self._first = True

    def encode(self, texts, progress=None):
        import time

        cached_before = getattr(self.inner, "texts_from_cache", 0)
        start = time.perf_counter()
        out = self.inner.encode(texts, progress)
        took = time.perf_counter() - start
        if self._first:
            self.first_call_seconds += took
            self.first_call_texts += len(texts)
            self.first_call_cached += getattr(self.inner, "texts_from_cache", 0) - cached_before
            self._first = False
        else:
            self.other_seconds += took
        return out


def peak_rss_mb() -> float:
    """Peak resident memory of this process plus its worker processes, in MB.

    getrusage counts children only once they have ended; encoder workers are still alive, so
    their peaks (VmHWM) are read from /proc where it exists.
    """
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ended = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + ended + sum(_live_children_peak_kb())) / 1024.0


def _live_children_peak_kb() -> list[int]:
    import os

    peaks = []
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return peaks
    for task in tasks:
        try:
            children = Path(f"/proc/self/task/{task}/children").read_text().split()
        except OSError:
            continue
        for pid in children:
            try:
                for row in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if row.startswith("VmHWM:"):
                        peaks.append(int(row.split()[1]))
            except (OSError, ValueError, IndexError):
                continue
    return peaks


def evaluate_folder(folder: str | Path, encoder, align_fn=None, progress=None) -> Evaluation:
    """Align every document of a benchmark folder (presplit, one sentence per line) and score it.

    `align_fn(source, target, encoder, progress)` defaults to `aligner.align.align`; baselines
    plug in here. `embed_once_seconds` is the time of the encoder call that embeds each
    sentence once; when the encoder's cache served some of them it is no encoder time, and the
    evaluation gives no time ratio (`time_ratio_note` says why).
    """
    import time

    from aligner.pipeline import load_document

    if align_fn is None:
        from aligner.align import align as align_fn
    timed = TimedEncoder(encoder)
    results = []
    files = benchmark_files(folder)
    warnings = texts_without_gold(folder)
    start_all = time.perf_counter()
    for name, zh_path, tgt_path, gold_path in files:
        from aligner.reading import read_file

        lang = tgt_path.parent.name
        start = time.perf_counter()
        source = load_document(read_file(zh_path), lang="zh", presplit=True, name=str(zh_path))
        target = load_document(read_file(tgt_path), lang=lang, presplit=True, name=str(tgt_path))
        # sentence index -> line number (presplit: `paragraph`), as the gold counts: a blank line
        # in a file must not shift every later bead
        src_line = [s.paragraph for s in source.sentences]
        tgt_line = [s.paragraph for s in target.sentences]
        gold = read_align(gold_path)
        _check_gold(gold, gold_path, (zh_path, src_line), (tgt_path, tgt_line))  # before the costly part
        warnings += coverage_warnings(gold, gold_path, (zh_path, src_line), (tgt_path, tgt_line))
        timed.new_document()
        beads = align_fn(source, target, timed, progress=progress)
        predicted = [(tuple(src_line[i] for i in b.src), tuple(tgt_line[j] for j in b.tgt)) for b in beads]
        results.append(DocumentResult(name, count(gold, predicted), len(source) + len(target),
                                      time.perf_counter() - start, predicted, [b.score for b in beads]))
    return Evaluation(results, time.perf_counter() - start_all, timed.first_call_seconds, peak_rss_mb(), encoder.name,
                      warnings, timed.first_call_cached, timed.first_call_texts)


def _check_gold(gold: list[Pair], gold_path: Path, *sides: tuple[Path, list[int]]) -> None:
    """A gold file that names lines beyond the last sentence of its texts belongs to other
    texts: say so instead of scoring against it; one that names a line twice is no alignment.
    `sides`: (file, line of each sentence)."""
    for side, (path, lines) in enumerate(sides):
        named = [i for bead in gold for i in bead[side]]
        twice = sorted(i for i, k in Counter(named).items() if k > 1)
        if twice:
            raise InputError(f"{gold_path}: names line {twice[0]} of {path} (counting from 0) in more than one place; "
                             "each line belongs to one bead at most.")
        beyond = max(named, default=-1)
        last = lines[-1] if lines else -1
        if beyond > last:
            raise InputError(f"{gold_path}: names line {beyond} (counting from 0), but the last sentence of "
                             f"{path} is on line {last}; are they the same document?")


def prepare_save_dir(save_dir: str | Path, benchmark: str | Path) -> Path:
    """Make the folder for the predicted .align files before the evaluation, or say why it cannot be:
    the benchmark's own gold/ folder would have its gold overwritten by the predictions (which then
    score 1.0), and a folder that cannot be made should not cost a whole evaluation first."""
    save_dir, gold = Path(save_dir), Path(benchmark) / "gold"
    if gold.is_dir() and save_dir.exists() and save_dir.resolve() == gold.resolve():
        raise InputError(f"{save_dir} is the benchmark's gold folder: the predictions would overwrite the gold "
                         "alignments; choose another folder for --save-dir.")
    try:
        save_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"Cannot make the folder {save_dir} for the predictions: {error.strerror or error}.") from None
    return save_dir


def save_predictions(evaluation: Evaluation, folder: str | Path) -> list[Path]:
    """Write each document's predicted beads as NNN.align in the gold format; the files written, for the
    command line to say where they went."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for doc in evaluation.documents:
        path = folder / f"{doc.name}.align"
        path.write_text(format_align(doc.predicted), encoding="utf-8")
        written.append(path)
    return written


def saved_message(written: list[Path], folder: str | Path) -> str:
    """The line `evaluate --save-dir` prints on stderr: how many predicted alignments went where
    ("Predicted alignments written to pred/: 001.align, 004.align")."""
    names = [path.name for path in written]
    shown = ", ".join(names[:3]) + (f" … ({len(names)} files)" if len(names) > 3 else "")
    return f"Predicted alignments written to {folder}: {shown or 'none (no document was scored)'}."


def report(evaluation: Evaluation) -> str:
    """A readable table: per document and overall strict/lax P/R/F1, speed, memory."""
    width = max([10] + [len(doc.name) + 2 for doc in evaluation.documents])  # chapter names longer than 001
    rows = [f"{'file':<{width}}{'sents':>7}{'strict P':>10}{'R':>7}{'F1':>7}{'lax P':>9}{'R':>7}{'F1':>7}{'sec':>8}"]

    def line(name: str, counts: Counts, sentences: int, seconds: float) -> str:
        s = counts.scores()
        st, lx = s["strict"], s["lax"]
        return (f"{name:<{width}}{sentences:>7}{st['P']:>10.3f}{st['R']:>7.3f}{st['F1']:>7.3f}"
                f"{lx['P']:>9.3f}{lx['R']:>7.3f}{lx['F1']:>7.3f}{seconds:>8.1f}")

    for doc in evaluation.documents:
        rows.append(line(doc.name, doc.counts, doc.sentences, doc.seconds))
    total = sum(d.sentences for d in evaluation.documents)
    rows.append(line("all", evaluation.counts, total, evaluation.seconds))
    d = evaluation.to_dict()
    ratio = evaluation.time_ratio_note or f"ratio {d['time_ratio']}"
    rows.append(
        f"model {evaluation.model}: {d['sentences_per_second']} sentences/s, "
        f"{evaluation.seconds:.1f} s in all, embedding each sentence once {evaluation.embed_once_seconds:.1f} s "
        f"({ratio}), peak memory {evaluation.peak_rss_mb:.0f} MB"
    )
    return "\n".join(rows)
