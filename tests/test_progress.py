"""The command line's progress bar: one bar per stage, named for people."""
from __future__ import annotations

from aligner.cli.progress import StderrProgress


def test_three_way_stages_are_named_like_two_way_ones(capsys):
    """Three columns report 'embed (ru)': the bar said 'embed (ru)' where two columns say 'embedding'."""
    progress = StderrProgress()
    progress("embed (ru)", 5, 10)
    label = progress._bar.desc
    progress("align (en)", 1, 4)
    second = progress._bar.desc
    progress.close()
    assert (label, second) == ("embedding (ru)", "aligning (en)")


def test_a_log_file_gets_a_bar_line_every_few_seconds_not_ten_a_second(monkeypatch):
    """`aligner align … 2> log` (a cron job, CI): the bar redrew every 0.1 s, thousands of lines
    for a book; a terminal keeps the smooth bar."""
    import io

    monkeypatch.setattr("sys.stderr", io.StringIO())
    progress = StderrProgress()
    progress("embed", 1, 100)
    logged = progress._bar.mininterval
    progress.close()
    assert logged >= 5


def test_every_stage_of_aligning_a_document_is_on_the_bar(tmp_path, monkeypatch):
    """On a novel the files took half a minute to read and split, the search's set-up minutes and the
    review a minute, while the bar showed nothing, or 'embedding 100%' standing still."""
    from pathlib import Path

    from click.testing import CliRunner

    from aligner.cli import main

    texts = Path(__file__).resolve().parents[1] / "texts"
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr("aligner.cli.align_cmd.SEGMENT_BAR_BYTES", 0)  # the sample as big as a novel
    done = CliRunner().invoke(main, ["align", str(texts / "joint-statement.zh.txt"), str(texts / "joint-statement.en.txt"),
                                     "-o", str(tmp_path / "pairs.tsv")])
    assert done.exit_code == 0, done.output
    finished = [line.split("%")[0].rsplit(":", 1)[0] for line in done.stderr.replace("\r", "\n").splitlines()
                if "100%" in line]
    # each text's splitting has its bar, named as the review page names it; one "segmenting" bar counted the two files
    # (0/2, 1/2, 2/2) in "characters"
    # the search's preparation step by step and its passes one by one: one "preparing" bar stood for minutes on a novel
    assert finished == ["splitting the Chinese", "splitting the English", "embedding", "preparing: sentence groups",
                        "preparing: names", "preparing: dictionary", "preparing: models", "aligning: pass 1 of 3",
                        "aligning: pass 2 of 3", "aligning: pass 3 of 3", "reviewing"]
    assert "2/2 characters" not in done.stderr


class Clock:
    """tqdm's clock, moved on by hand: the rates a bar prints without the test waiting on real time."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _log(monkeypatch):
    import io

    log = io.StringIO()
    monkeypatch.setattr("sys.stderr", log)
    clock = Clock()
    monkeypatch.setattr("tqdm.std.time", clock)
    return log, clock


def _lines(log) -> list[str]:
    return [line.strip() for line in log.getvalue().replace("\r", "\n").splitlines() if line.strip()]


def test_each_bar_says_what_it_counts_and_a_rate_in_it(monkeypatch):
    """The bars read '543/543' and '848865.85/s': of what? Characters split, sentences embedded."""
    log, clock = _log(monkeypatch)
    progress = StderrProgress()
    progress("segment", 0, 2_000_000)
    clock.now += 4
    progress("segment", 2_000_000, 2_000_000)
    progress("embed (ru)", 0, 600)
    clock.now += 2
    progress("embed (ru)", 600, 600)
    progress.close()
    lines = _lines(log)
    assert lines[-3].startswith("segmenting: 100%") and "2.00M/2.00M characters" in lines[-3]
    assert lines[-3].endswith("500k characters/s]")
    assert lines[-1].startswith("embedding (ru): 100%") and lines[-1].endswith("| 600/600 sentences [00:02<00:00, 300 sentences/s]")


def test_sentences_all_from_the_cache_get_no_rate(monkeypatch):
    """Every sentence found in the embedding cache came as one jump over no time: '543/543 [00:00, 848865.85it/s]'."""
    log, clock = _log(monkeypatch)
    progress = StderrProgress()
    progress("embed", 543, 543)  # the cache's report: every sentence found at once
    clock.now += 0.001
    progress.close()
    assert _lines(log)[-1] == "embedding: 100%|##########| 543/543 sentences [00:00]"


def test_the_rate_counts_only_what_was_done_while_the_bar_was_shown(monkeypatch):
    """500 of 600 sentences from the cache, 100 embedded in 4 s: 25 sentences/s, not 150."""
    log, clock = _log(monkeypatch)
    progress = StderrProgress()
    progress("embed", 500, 600)
    clock.now += 4
    progress("embed", 600, 600)
    progress.close()
    assert _lines(log)[-1].endswith("600/600 sentences [00:04<00:00, 25 sentences/s]")


def test_the_search_and_its_set_up_show_how_far_along_not_a_count_of_their_steps(monkeypatch):
    """'aligning' counted rows of the search times its passes (1629/1629 for 543 sentences), 'preparing' four steps."""
    log, clock = _log(monkeypatch)
    progress = StderrProgress()
    progress("plan", 0, 4)
    progress("plan", 4, 4)
    progress("align", 0, 1629)
    clock.now += 3
    progress("align", 1629, 1629)
    progress.close()
    lines = _lines(log)
    assert lines[-1] == "aligning: 100%|##########| [00:03<00:00]"
    assert not any("/4" in line or "1629" in line for line in lines)


def test_batchs_bar_counts_documents_and_a_slow_one_in_seconds_per_document(monkeypatch):
    from aligner.cli.progress import document_bar, rate_text

    log, clock = _log(monkeypatch)
    documents = document_bar(3, quiet=False)
    for _ in range(3):
        clock.now += 8
        documents.update(1)
    documents.close()
    assert _lines(log)[-1] == "documents: 100%|##########| 3/3 documents [00:24<00:00, 8.0 s per document]"
    assert (rate_text(0.125, "documents"), rate_text(2.5, "sentences"), rate_text(320.4, "sentences")) == (
        "8.0 s per document", "2.5 sentences/s", "320 sentences/s")


def test_the_review_moves_check_by_check_not_from_nothing_to_done():
    """On a novel the review takes a minute, and its bar stood at 0% until it jumped to 100%."""
    from pathlib import Path

    from aligner.embed import get_encoder
    from aligner.pipeline import align_documents, load_document

    texts = Path(__file__).resolve().parents[1] / "texts"
    source = load_document((texts / "joint-statement.zh.txt").read_text(encoding="utf-8"))
    target = load_document((texts / "joint-statement.en.txt").read_text(encoding="utf-8"))
    heard = []
    align_documents(source, target, get_encoder(), progress=lambda *call: heard.append(call))
    review = [(done, total) for stage, done, total in heard if stage == "review"]
    steps = [done for done, _ in review]
    total = review[-1][1]
    assert steps[0] == 0 and steps[-1] == total and len(set(steps)) >= 6, review
    assert steps == sorted(steps) and {t for _, t in review} == {total}
    assert max(b - a for a, b in zip(steps, steps[1:])) < total / 2  # no one jump does most of it


def test_each_stage_of_aligning_is_reported_as_it_runs_and_reaches_its_total(monkeypatch):
    """On a 6 MB + 16 MB pair the page's bar stood at "Starting…" while the Chinese text's paragraphs were found,
    then at "Splitting into sentences… 2325000/2325000" for seconds more while its sentences were made, without
    saying which text. Each text's splitting is now named by its language, starts at 0 before the paragraphs are
    found and reaches its total once every sentence is made; the embedding counts sentences, to their number."""
    from pathlib import Path

    import aligner.segment
    from aligner.pipeline import align_texts

    texts = Path(__file__).resolve().parents[1] / "texts"
    zh = (texts / "joint-statement.zh.txt").read_text(encoding="utf-8")
    ru = (texts / "joint-statement.ru.txt").read_text(encoding="utf-8")
    made = []  # sentences made so far (each gets its match form)
    match_form = aligner.segment.match_form
    monkeypatch.setattr(aligner.segment, "match_form", lambda text: made.append(text) or match_form(text))
    heard = []
    result = align_texts(zh, ru, progress=lambda stage, done, total: heard.append((stage, done, total, len(made))))
    stages = list(dict.fromkeys(stage for stage, *_ in heard))
    assert stages == ["segment (zh)", "segment (ru)", "embed", *SEARCH_STAGES, "review"]
    sentences = {"segment (zh)": len(result.source.sentences), "segment (ru)": len(result.target.sentences)}
    made_before = {"segment (zh)": 0, "segment (ru)": sentences["segment (zh)"]}
    for stage, text in (("segment (zh)", zh), ("segment (ru)", ru)):
        calls = [(done, total, so_far) for name, done, total, so_far in heard if name == stage]
        assert calls[0][:2] == (0, len(text)) and calls[-1][:2] == (len(text), len(text))
        assert [done for done, *_ in calls] == sorted(done for done, *_ in calls)
        assert calls[-1][2] - made_before[stage] == sentences[stage]  # 100% said once every sentence is made
    embed = [(done, total) for stage, done, total, _ in heard if stage == "embed"]
    in_sentences = len(result.source.sentences) + len(result.target.sentences)
    assert {total for _, total in embed} == {in_sentences} and embed[-1][0] == in_sentences
    assert [done for done, _ in embed] == sorted(done for done, _ in embed)


SEARCH_STAGES = ["plan spans", "plan names", "plan dictionary", "plan models", "align 1/3", "align 2/3", "align 3/3"]


def test_the_search_reports_each_step_and_pass_from_nothing_to_done(monkeypatch):
    """On a novel the bar stood at "Preparing the search… 25%" for over a minute, then said one "Aligning" over three
    passes. Each step of preparing the search and each pass is now a stage of its own, heard in order, each rising
    from 0 to its total and never back; the review moves within its longest check (names, a block of pairs at a
    time, and numbers), not only between checks."""
    from pathlib import Path

    from aligner.pipeline import align_texts
    import sys

    from aligner.review import names

    number_flags = sys.modules["aligner.review.number_flags"]  # the package's `number_flags` is the function

    texts = Path(__file__).resolve().parents[1] / "texts"
    zh = (texts / "joint-statement.zh.txt").read_text(encoding="utf-8")
    ru = (texts / "joint-statement.ru.txt").read_text(encoding="utf-8")
    heard = []
    for check in (names, number_flags):  # the sample's 100-odd pairs as a novel's many blocks
        monkeypatch.setattr(check, "PAIRS_PER_REPORT", 10)
    align_texts(zh, ru, progress=lambda stage, done, total: heard.append((stage, done, total)))
    stages = list(dict.fromkeys(stage for stage, *_ in heard))
    assert stages[stages.index("plan spans"):] == [*SEARCH_STAGES, "review"]
    for stage in [*SEARCH_STAGES, "review"]:
        calls = [(done, total) for name, done, total in heard if name == stage]
        assert len({total for _, total in calls}) == 1, (stage, calls)
        dones = [done for done, _ in calls]
        assert dones[0] == 0 and dones[-1] == calls[0][1] and dones == sorted(dones), (stage, calls)
        assert [name for name, *_ in heard].count(stage) == len(calls)
    # each stage's calls come together: none heard again once the next began
    order = [stage for stage, *_ in heard if stage in SEARCH_STAGES or stage == "review"]
    assert order == sorted(order, key=[*SEARCH_STAGES, "review"].index)
    review = [done for stage, done, _ in heard if stage == "review"]
    total = next(t for stage, _, t in heard if stage == "review")
    assert max(b - a for a, b in zip(review, review[1:])) < 0.2 * total  # names' 44%, numbers' 25% came in one jump



def test_the_command_lines_review_bar_names_the_check_that_runs():
    """One bar for the review, its name following the check that runs ("reviewing: names"), as the page's does."""
    from aligner.cli.progress import StderrProgress
    from aligner.review import REVIEW_TOTAL, REVIEW_UNITS

    total = REVIEW_TOTAL * REVIEW_UNITS
    bar = StderrProgress()
    names = []
    for done in (0, 7000, total):
        bar("review", done, total)
        names.append(bar._bar.desc)
    bar.close()
    assert names == ["reviewing: unmatched passages", "reviewing: names", "reviewing"]
