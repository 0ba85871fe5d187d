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


def test_every_stage_of_aligning_a_document_is_on_the_bar(tmp_path):
    """On a novel the files took half a minute to read and split, the search's set-up minutes and the
    review a minute, while the bar showed nothing, or 'embedding 100%' standing still."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, ALIGNER_CACHE_DIR=str(tmp_path), OMP_NUM_THREADS="1", PYTHONPATH=str(root))
    done = subprocess.run([sys.executable, "-m", "aligner", "align", str(root / "texts" / "joint-statement.zh.txt"),
                           str(root / "texts" / "joint-statement.en.txt"), "-o", str(tmp_path / "pairs.tsv")],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    finished = [line.split(":")[0] for line in done.stderr.replace("\r", "\n").splitlines() if "100%" in line]
    assert finished == ["segmenting", "embedding", "preparing", "aligning", "reviewing"]
