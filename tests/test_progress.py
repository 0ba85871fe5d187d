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
    finished = [line.split(":")[0] for line in done.stderr.replace("\r", "\n").splitlines() if "100%" in line]
    assert finished == ["segmenting", "embedding", "preparing", "aligning", "reviewing"]
