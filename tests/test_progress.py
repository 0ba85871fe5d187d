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
