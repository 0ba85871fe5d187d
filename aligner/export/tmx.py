"""TMX 1.4b: the translation-memory exchange format CAT tools import.

One <tu> per pair with text on both sides; omitted and added passages are not translation units,
so they are left out and counted in the header (a <note> and an `x-aligner-skipped` <prop>).
Element order follows the TMX 1.4b DTD: in <tu>, <note>/<prop> come before the <tuv>s.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Callable, Iterable

from aligner import __version__
from aligner.export.table import one_line, pair_texts
from aligner.normalise import is_traditional
from aligner.types import Alignment

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Language codes in TMX: RFC 3066-style, as CAT tools expect them.
TMX_LANGS = {"zh": "zh-CN", "ru": "ru", "en": "en"}


CREATION_TOOL = "aligner"  # the header's creationtool: a TMX whose tuids are aligner's pair numbers (read back by `aligner.memory`)
REVIEWED_PROP = "x-aligner-reviewed"  # the prop of a reviewed unit (read back by `aligner.memory`)
DOCUMENT_PROP = "x-aligner-document"  # a corpus file's unit's document (read back by `aligner.memory`)

def tmx_lang(lang: str, text: str = "") -> str:
    """The TMX language code for one of our language codes (zh-TW for Chinese in Traditional characters)."""
    if lang == "zh" and text and is_traditional(text):
        return "zh-TW"
    return TMX_LANGS.get(lang, lang)


def header_srclang(codes: set[str]) -> str:
    """The header's srclang for units whose source <tuv>s have `codes`: the one code; or, for a corpus
    whose documents differ (zh-CN and zh-TW), the language they share ("zh"), each unit then naming
    its own with a srclang of its own (TMX 1.4b: the source <tuv>'s xml:lang is its <tu>'s srclang,
    else the header's; a <tu>'s overrides the header's). "*all*" would say any <tuv> may be the
    source, which is not so: the Chinese always is."""
    if len(codes) == 1:
        return next(iter(codes))
    shared = {code.split("-")[0] for code in codes}
    return shared.pop() if len(shared) == 1 else "*all*"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = text
    return element


def is_unit(bead) -> bool:
    """A pair is a translation unit only with text on both sides."""
    return bool(bead.src and bead.tgt)


def unit_count(alignment: Alignment) -> int:
    """How many pairs a TMX of `alignment` holds."""
    return sum(is_unit(bead) for bead in alignment.beads)


def add_units(body: ET.Element, alignment: Alignment, document: str = "", unit_srclang: bool = False) -> int:
    """One <tu> per pair with both sides; returns how many pairs were skipped (one side only).

    `document` (for a corpus in one file) goes into each unit's tuid and an `x-aligner-document` prop;
    `unit_srclang` gives each unit its source language (a corpus whose documents differ in it).
    """
    src_lang = tmx_lang(alignment.source.lang, alignment.source.text)
    tgt_lang = tmx_lang(alignment.target.lang, alignment.target.text)
    skipped = 0
    for number, bead in alignment.numbered():
        if not is_unit(bead):
            skipped += 1
            continue
        src, tgt = pair_texts(alignment, bead)
        tu = _sub(body, "tu", tuid=f"{document}:{number}" if document else str(number),
                  **({"srclang": src_lang} if unit_srclang else {}))
        if bead.note:
            _sub(tu, "note", one_line(bead.note))
        if document:
            _sub(tu, "prop", document, type=DOCUMENT_PROP)
        if bead.reviewed:  # read back by `aligner check`, as the note is
            _sub(tu, "prop", "yes", type=REVIEWED_PROP)
        _sub(tu, "prop", bead.kind, type="x-aligner-type")
        _sub(tu, "prop", f"{float(bead.score):.3f}", type="x-aligner-score")
        if bead.flags:
            _sub(tu, "prop", "; ".join(flag.kind for flag in bead.flags), type="x-aligner-flags")
            _sub(tu, "prop", "; ".join(one_line(flag.reason) for flag in bead.flags), type="x-aligner-reasons")
        _sub(_sub(tu, "tuv", **{XML_LANG: src_lang}), "seg", src)
        _sub(_sub(tu, "tuv", **{XML_LANG: tgt_lang}), "seg", tgt)
    return skipped


def tmx_file(codes: set[str], models: Iterable[str], add_units: Callable[[ET.Element, bool], int],
             skipped_note: Callable[[int], str]) -> bytes:
    """A TMX 1.4b file as both exports write it: the header for the source languages `codes`, the
    units `add_units` puts in the body (told whether each must name its document, as in a corpus),
    and the header's note on what was left out, known only then (`skipped_note` of the count)."""
    root = ET.Element("tmx", version="1.4")
    head = _sub(root, "header", creationtool=CREATION_TOOL, creationtoolversion=__version__,
                segtype="sentence", **{"o-tmf": "aligner", "adminlang": "en", "srclang": header_srclang(codes),
                                       "datatype": "plaintext"})
    skipped = add_units(_sub(root, "body"), len(codes) > 1)
    # The header may hold notes and props in any order.
    _sub(head, "note", skipped_note(skipped))
    _sub(head, "prop", str(skipped), type="x-aligner-skipped")
    names = sorted(set(models))
    if names:
        _sub(head, "prop", "; ".join(names), type="x-aligner-model")
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            + xml + "\n").encode("utf-8")


def tmx_document(named: list[tuple[str, Alignment]]) -> bytes:
    """A TMX 1.4b file of one or more alignments (a name, given for a corpus, labels its units)."""
    total = sum(len(alignment.beads) for _, alignment in named)
    return tmx_file({tmx_lang(alignment.source.lang, alignment.source.text) for _, alignment in named},
                    (alignment.model for _, alignment in named if alignment.model),
                    lambda body, corpus: sum(add_units(body, alignment, name, corpus) for name, alignment in named),
                    lambda skipped: f"{skipped} of {total} pairs are omitted or added passages "
                                    "(text on one side only) and are not included as translation units.")


def render_tmx(alignment: Alignment) -> bytes:
    """The pairs with both sides as TMX 1.4b, UTF-8."""
    return tmx_document([("", alignment)])
