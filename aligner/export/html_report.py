"""A standalone HTML review report: one file, inline CSS, no scripts or external assets.

It opens with the summary counts, then lists the pairs a reviewer must read (every status but
`ok`) side by side with their flags' reasons, then all pairs in a collapsed section. Every piece
of text from the user or the review is escaped.
"""
from __future__ import annotations

from html import escape

from aligner.export.status import STATUS_COLOURS, STATUS_LABELS, STATUSES, kind_name, status
from aligner.export.marked import MARK_STYLE, side_html
from aligner.export.table import one_line, summary_counts
from aligner.normalise import is_traditional
from aligner.review.trust import table_rows, title_attribute
from aligner.types import Alignment
from aligner.types import LANGUAGE_NAMES as LANG_NAMES


CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
.meta { color: #555; }
.warning { background: #fff4d6; border-left: 4px solid #e0a800; padding: 0.5em 0.8em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.text { width: 36%; }
td.flags { min-width: 14em; }
table.summary { width: auto; }
.swatch { display: inline-block; width: 1em; height: 1em; border: 1px solid #999; vertical-align: middle; }
ul.flags { margin: 0; padding-left: 1.1em; }
.missing { color: #999; }
.note { font-style: italic; }
/* On paper: the status colours and marks printed (browsers drop backgrounds unless told), the
   header row repeated on every page (a <thead>), a pair kept whole on one page where it fits. */
tr td, .swatch, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { body { margin: 0; } tr { break-inside: avoid; } }
""" + f"mark {{ {MARK_STYLE} }}\n"


def _status_css() -> str:
    return "\n".join(f"tr.{name} td {{ background: #{STATUS_COLOURS[name]}; }}" for name in STATUSES)


def _lang_name(lang: str) -> str:
    return LANG_NAMES.get(lang, lang)


def _text_cell(html: str, lang: str) -> str:
    if not html:
        return '<td class="text missing">—</td>'
    return f'<td class="text" lang="{escape(lang)}">{html}</td>'


def _html_lang(document) -> str:
    """The lang attribute: zh-Hans / zh-Hant pick the right glyphs and fonts for Chinese."""
    if document.lang != "zh":
        return document.lang
    return "zh-Hant" if is_traditional(document.text) else "zh-Hans"


def _pairs_table(alignment: Alignment, numbered_beads: list) -> str:
    src_lang, tgt_lang = _html_lang(alignment.source), _html_lang(alignment.target)
    lines = [
        "<table>",
        f"<thead><tr><th>#</th><th>type</th><th>score</th><th>{escape(_lang_name(alignment.source.lang))}</th>"
        f"<th>{escape(_lang_name(alignment.target.lang))}</th><th>flags</th></tr></thead><tbody>",
    ]
    for number, bead in numbered_beads:
        src, tgt = side_html(alignment, bead, "src"), side_html(alignment, bead, "tgt")
        items = "".join(_flag_item(f.kind, f.reason) for f in bead.flags)
        extra = f'<ul class="flags">{items}</ul>' if items else ""
        if bead.reviewed:
            extra += "<div>✓ reviewed</div>"
        if bead.note:
            extra += f'<div class="note">{escape(one_line(bead.note))}</div>'
        lines.append(
            f'<tr class="{status(bead)}" id="pair-{number}"><td class="num">{number}</td>'
            f'<td class="num">{escape(bead.kind)}</td><td class="num">{float(bead.score):.2f}</td>'
            f"{_text_cell(src, src_lang)}{_text_cell(tgt, tgt_lang)}"
            f'<td class="flags">{extra}</td></tr>'
        )
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _flag_item(kind: str, reason: str) -> str:
    return f"<li{title_attribute(kind)}><b>{escape(kind_name(kind))}</b>: {escape(one_line(reason))}</li>"


def _flag_trust() -> str:
    """How often each kind of flag was right in our tests (see aligner.review.trust)."""
    rows = table_rows()
    if not rows:
        return ""
    head = "".join(f"<th>{escape(k)}</th>" for k in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{escape(kind_name(v) if k == 'flag' else v)}</td>" for k, v in r.items())
                   + "</tr>" for r in rows)
    return ("<h3>How far to trust the flags</h3><p>We tested the checks by planting omissions, additions, changed "
            "numbers and swapped names in real translations: <i>right</i> is the share of flags that pointed at a real "
            f"problem, <i>found</i> the share of planted problems that were flagged.</p><table class=\"summary\"><tr>{head}</tr>{body}</table>")


def _summary(alignment: Alignment) -> str:
    counts = summary_counts(alignment)
    lines = ['<table class="summary">', "<tr><th>status</th><th>pairs</th></tr>"]
    for name in STATUSES:
        swatch = f'<span class="swatch" style="background:#{STATUS_COLOURS[name]}"></span>'
        count = counts["status"].get(name, 0)
        lines.append(f'<tr><td>{swatch} {escape(STATUS_LABELS[name])}</td><td class="num">{count}</td></tr>')
    lines.append("</table>")
    by_type = ", ".join(f"{escape(k)}: {n}" for k, n in sorted(counts["type"].items(), key=lambda kv: (-kv[1], kv[0])))
    by_flag = ", ".join(f"{escape(kind_name(k))}: {n}" for k, n in sorted(counts["flag"].items(), key=lambda kv: (-kv[1], kv[0])))
    lines.append(f"<p>Pair types — {by_type or 'none'}.</p>")
    lines.append(f"<p>Flags — {by_flag or 'none'}.</p>")
    return "\n".join(lines)


def render_html(alignment: Alignment, all_pairs: bool = True) -> bytes:
    """The report as UTF-8 HTML; `all_pairs` adds every pair in a collapsed section at the end."""
    source, target = alignment.source, alignment.target
    title = f"Alignment review: {source.name or _lang_name(source.lang)} ↔ {target.name or _lang_name(target.lang)}"
    numbered = alignment.numbered()
    flagged = [(n, b) for n, b in numbered if status(b) != "ok"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        f'<head><meta charset="utf-8"><title>{escape(title)}</title>',
        f"<style>{CSS}{_status_css()}</style></head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(_lang_name(source.lang))}: {len(source)} sentences · '
        f"{escape(_lang_name(target.lang))}: {len(target)} sentences · {len(alignment.beads)} pairs</p>",
        *(f'<p class="warning">{escape(w)}</p>' for w in alignment.warnings),
        "<h2>Summary</h2>",
        _summary(alignment),
        _flag_trust(),
        f"<h2>Pairs to review ({len(flagged)})</h2>",
        _pairs_table(alignment, flagged) if flagged else "<p>No pair is flagged.</p>",
    ]
    if all_pairs:
        # some pairs chosen (`Alignment.numbers`): "all" would say the others were not there to choose
        everything = (f"The {len(numbered)} pairs chosen (of those aligned)" if alignment.numbers
                      else f"All pairs ({len(numbered)})")
        parts += [f"<details><summary>{everything}</summary>",
                  _pairs_table(alignment, numbered), "</details>"]
    # for whoever repeats the alignment, out of a client's way: the sentence-matching model
    if alignment.model:
        parts.append(f'<footer class="meta"><small>Sentences matched by aligner with the model '
                     f"{escape(alignment.model)}.</small></footer>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")
