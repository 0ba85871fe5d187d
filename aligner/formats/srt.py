"""Text of subtitles (.srt): what is said, without cue numbers, timings and tags."""
from __future__ import annotations

import re

from aligner.errors import InputError

_SRT_TIME_RE = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}")
_SRT_TIME_START_RE = re.compile(r"^\s*\d{1,2}:\d{2}")  # a line begun as a timing ("00:01:0" when cut there)
_SRT_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}")


def srt_text(raw: str, name: str = "") -> str:
    """Subtitle text only: cue numbers, timings and formatting tags dropped, one paragraph per cue.

    A file whose last cue stops before its text (a download or copy that stopped) is an InputError naming
    `name`: its later cues are missing, and a film's first half would be aligned as the whole."""
    cues: list[list[str]] = [[]]
    for line in raw.splitlines():
        line = line.strip()
        if not line:
            cues.append([])
        else:
            cues[-1].append(line)
    cues = [lines for lines in cues if lines]
    if any(_SRT_TIME_RE.match(line) for lines in cues for line in lines[:2]):  # subtitles, not text named .srt
        _check_last_cue(cues[-1], name)
    paragraphs: list[str] = []
    for lines in cues:
        if lines and lines[0].isdigit():
            lines = lines[1:]
        if lines and _SRT_TIME_RE.match(lines[0]):
            lines = lines[1:]
        text = "\n".join(t for t in (_SRT_TAG_RE.sub("", line).strip() for line in lines) if t)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _check_last_cue(lines: list[str], name: str) -> None:
    """InputError when the last cue is cut: its number or timing with no text after it, or its timing cut short."""
    number = lines[0].isdigit()
    rest = lines[1:] if number else lines
    timing = bool(rest) and _SRT_TIME_RE.match(rest[0]) is not None
    if timing and len(rest) > 1:
        return  # a timing and its text: whole
    if timing:
        what = "its timing, with no text after it"
    elif rest and _SRT_TIME_START_RE.match(rest[0]) and len(rest) == 1:
        what = f"a timing cut short ({rest[0]})"
    elif number and not rest:
        what = f"its number ({lines[0]}), with no timing or text after it"
    else:
        return
    raise InputError(f"{name or 'The subtitles'} is cut short: its last cue stops at {what} (an interrupted "
                     "download or copy?), so the subtitles after it are missing; download or copy the file again, "
                     "or delete the unfinished cue to align it as it is.")
