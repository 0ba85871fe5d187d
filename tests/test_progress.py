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
