"""TMX 1.4b: the translation-memory exchange format CAT tools import.

One <tu> per pair with text on both sides; omitted and added passages are not translation units,
so they are left out and counted in the header (a <note> and an `x-aligner-skipped` <prop>).
Element order follows the TMX 1.4b DTD: in <tu>, <note>/<prop> come before the <tuv>s.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from aligner import __version__
from aligner.export.table import one_line, pair_texts
from aligner.normalise import is_traditional
from aligner.types import Alignment

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Language codes in TMX: RFC 3066-style, as CAT tools expect them.
TMX_LANGS = {"zh": "zh-CN", "ru": "ru", "en": "en"}


def tmx_lang(lang: str, text: str = "") -> str:
    """The TMX language code for one of our language codes (zh-TW for Chinese in Traditional characters)."""
    if lang == "zh" and text and is_traditional(text):
        return "zh-TW"
    return TMX_LANGS.get(lang, lang)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = text
    return element


def render_tmx(alignment: Alignment) -> bytes:
    """The pairs with both sides as TMX 1.4b, UTF-8."""
    src_lang = tmx_lang(alignment.source.lang, alignment.source.text)
    tgt_lang = tmx_lang(alignment.target.lang, alignment.target.text)
    root = ET.Element("tmx", version="1.4")
    head = _sub(root, "header", creationtool="aligner", creationtoolversion=__version__,
                segtype="sentence", **{"o-tmf": "aligner", "adminlang": "en", "srclang": src_lang,
                                       "datatype": "plaintext"})
    body = _sub(root, "body")
    skipped = 0
    for number, bead in enumerate(alignment.beads, start=1):
        if not bead.src or not bead.tgt:
            skipped += 1
            continue
        src, tgt = pair_texts(alignment, bead)
        tu = _sub(body, "tu", tuid=str(number))
        if bead.note:
            _sub(tu, "note", one_line(bead.note))
        _sub(tu, "prop", bead.kind, type="x-aligner-type")
        _sub(tu, "prop", f"{float(bead.score):.3f}", type="x-aligner-score")
        if bead.flags:
            _sub(tu, "prop", "; ".join(flag.kind for flag in bead.flags), type="x-aligner-flags")
            _sub(tu, "prop", "; ".join(one_line(flag.reason) for flag in bead.flags), type="x-aligner-reasons")
        _sub(_sub(tu, "tuv", **{XML_LANG: src_lang}), "seg", src)
        _sub(_sub(tu, "tuv", **{XML_LANG: tgt_lang}), "seg", tgt)
    # The header may hold notes and props in any order; the count is known only now.
    _sub(head, "note", f"{skipped} of {len(alignment.beads)} pairs are omitted or added passages "
                       "(text on one side only) and are not included as translation units.")
    _sub(head, "prop", str(skipped), type="x-aligner-skipped")
    if alignment.model:
        _sub(head, "prop", alignment.model, type="x-aligner-model")
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            + xml + "\n").encode("utf-8")
