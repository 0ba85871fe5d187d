"""Text of subtitles (.srt): what is said, without cue numbers, timings and tags."""
from __future__ import annotations

import re

_SRT_TIME_RE = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}")
_SRT_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}")


def srt_text(raw: str) -> str:
    """Subtitle text only: cue numbers, timings and formatting tags dropped, one paragraph per cue."""
    cues: list[list[str]] = [[]]
    for line in raw.splitlines():
        line = line.strip()
        if not line:
            cues.append([])
        else:
            cues[-1].append(line)
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
