"""How far to trust each kind of flag: what `benchmarks/gaps.py` measured, for people to read.

The benchmark plants omissions, additions, cut clauses, changed numbers and swapped names in
real translations and counts how many flags of each kind were right (precision) and how many
planted problems were flagged (recall), separately for literary prose (the MAC chapters) and
formal documents (the sample joint statement). It writes the figures to `flag_trust.json`
beside this module; the review page and the HTML report show them next to the flags, so a
reviewer knows that, say, an `omitted` flag on a novel is wrong about one time in seven while a
`number` flag rarely is. `weak` is measured by `benchmarks/mac_eval.py` on the undamaged chapters
against their gold alignment: a weak flag is right when the pair really is misaligned.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources

FIGURES_FILE = "flag_trust.json"
GENRES = {"literary": "literary prose", "formal": "formal documents"}


@dataclass(frozen=True)
class Trust:
    """One flag kind on one genre: flags raised and right, problems planted and found."""

    flags: int
    right: int
    planted: int
    found: int
    measured_by: str = ""  # the benchmark and commit, e.g. "benchmarks/gaps.py@df3d167"

    @property
    def precision(self) -> float | None:
        return self.right / self.flags if self.flags else None

    @property
    def recall(self) -> float | None:
        return self.found / self.planted if self.planted else None


Figures = dict[str, dict[str, Trust]]  # genre -> flag kind -> Trust


def figures_to_json(figures: Figures) -> str:
    """The file the benchmarks write."""
    body = {"genres": {g: {k: asdict(t) for k, t in kinds.items()} for g, kinds in figures.items()}}
    return json.dumps(body, indent=1, sort_keys=True) + "\n"


def merged(old: Figures, new: Figures) -> Figures:
    """`old` with every kind `new` measured replaced: each benchmark updates only its own kinds."""
    out = {g: dict(kinds) for g, kinds in old.items()}
    for genre, kinds in new.items():
        out.setdefault(genre, {}).update(kinds)
    return out


def update_file(path, new: Figures) -> None:
    """Write `new` into the figures file at `path`, keeping the kinds other benchmarks measured."""
    from pathlib import Path

    path = Path(path)
    old = figures_from_json(path.read_text(encoding="utf-8")) if path.exists() else {}
    path.write_text(figures_to_json(merged(old, new)), encoding="utf-8")


def figures_from_json(text: str) -> Figures:
    """Parse the file; unknown genres are kept, malformed entries raise ValueError."""
    try:
        genres = json.loads(text)["genres"]
        return {g: {k: Trust(**t) for k, t in kinds.items()} for g, kinds in genres.items()}
    except (KeyError, TypeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{FIGURES_FILE} is not a flag-trust file: {exc}") from exc


@lru_cache(maxsize=1)
def measured() -> Figures:
    """The figures shipped with the package ({} if the file is missing)."""
    try:
        text = resources.files("aligner.review").joinpath(FIGURES_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return figures_from_json(text)


def _share(x: float | None) -> str:
    return "–" if x is None else f"{x:.0%}"


def describe(kind: str, figures: Figures | None = None) -> str | None:
    """One line on how often flags of `kind` were right, per genre; None if it was not measured.

    e.g. "right 85% of the time in our tests on literary prose (99 flags), 100% on formal documents (12 flags)"
    """
    figures = measured() if figures is None else figures
    parts = []
    for genre, label in GENRES.items():
        trust = figures.get(genre, {}).get(kind)
        if trust and trust.flags:
            parts.append(f"{_share(trust.precision)} on {label} ({trust.flags} flags)")
    if not parts:
        return None
    return "right " + parts[0].replace(" on ", " of the time in our tests on ", 1) + "".join(", " + p for p in parts[1:])


def hover_text(kind: str) -> str | None:
    """What a page shows on hovering a flag of `kind` ("omitted flags: right 85% …"), or None."""
    from aligner.export.status import kind_name

    trust = describe(kind)
    return f"{kind_name(kind)} flags: {trust}" if trust else None


def title_attribute(kind: str) -> str:
    """` title="…"` for an HTML element showing a flag of `kind` (see `hover_text`), or ''."""
    from html import escape

    text = hover_text(kind)
    return f' title="{escape(text)}"' if text else ""


def table_rows(figures: Figures | None = None) -> list[dict[str, str]]:
    """One row per measured kind: how often its flags are right and how much they find, per genre."""
    figures = measured() if figures is None else figures
    kinds = sorted({k for g in figures.values() for k in g}, key=lambda k: _ORDER.get(k, len(_ORDER)))
    rows = []
    for kind in kinds:
        row = {"flag": kind}
        for genre, label in GENRES.items():
            trust = figures.get(genre, {}).get(kind)
            row[f"right ({label})"] = _share(trust.precision) if trust else "–"
            row[f"found ({label})"] = _share(trust.recall) if trust else "–"
        rows.append(row)
    return rows


_ORDER = {"omitted": 0, "added": 1, "partial": 2, "number": 3, "name": 4, "weak": 5, "disagree": 6}
