"""OLE compound files (the container of .doc, .xls and .ppt) and Word 97 documents built byte by byte.

LibreOffice stores every character of a .doc as UTF-16, while Word stores text that fits Windows-1252
one byte a character ("compressed" pieces), and damaged or renamed files come in shapes no program
writes. These builders make both, independently of aligner's reader. A compound file here is version
3 (512-byte sectors) and pads each stream to 4,096 bytes, so every stream lies in the FAT and none in
the mini stream; a reader ignores what follows the text it is pointed at.
"""
from __future__ import annotations

import struct

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SECTOR = 512
MINI_CUTOFF = 4096
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _entry(name: str, kind: int, start: int, size: int, right: int = NO_STREAM, child: int = NO_STREAM) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, NO_STREAM, right, child,
                       bytes(16), 0, 0, 0, start, size)


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding `streams` in its root storage."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # the order siblings are compared in
    sectors: list[bytes] = []
    fat: list[int] = []
    entries = [_entry("Root Entry", 5, END_OF_CHAIN, 0, child=1 if names else NO_STREAM)]
    for i, name in enumerate(names):
        data = streams[name].ljust(MINI_CUTOFF, b"\0")
        count = -(-len(data) // SECTOR)
        entries.append(_entry(name, 2, len(fat), len(data), right=i + 2 if i + 1 < len(names) else NO_STREAM))
        fat.extend([*range(len(fat) + 1, len(fat) + count), END_OF_CHAIN])
        data = data.ljust(count * SECTOR, b"\0")
        sectors.extend(data[at:at + SECTOR] for at in range(0, len(data), SECTOR))
    while len(entries) % 4:
        entries.append(_entry("", 0, 0, 0))
    directory_start, directory = len(fat), b"".join(entries)
    count = len(directory) // SECTOR
    fat.extend([*range(len(fat) + 1, len(fat) + count), END_OF_CHAIN])
    sectors.extend(directory[at:at + SECTOR] for at in range(0, len(directory), SECTOR))
    fat_count = 1
    while len(fat) + fat_count > fat_count * SECTOR // 4:
        fat_count += 1
    fat_start = len(fat)
    fat.extend([FAT_SECTOR] * fat_count)
    fat.extend([FREE] * (fat_count * SECTOR // 4 - len(fat)))
    table = struct.pack(f"<{len(fat)}I", *fat)
    sectors.extend(table[at:at + SECTOR] for at in range(0, len(table), SECTOR))
    difat = [fat_start + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII109I", OLE_SIGNATURE, bytes(16), 0x3E, 3, 0xFFFE, 9, 6, bytes(6),
                         0, fat_count, directory_start, 0, MINI_CUTOFF, END_OF_CHAIN, 0, END_OF_CHAIN, 0, *difat)
    return header + b"".join(sectors)


FIB_BYTES = 0x384  # FibBase, 14 words, 22 longs, 93 fc/lcb pairs (Word 97's FIB), cswNew = 0
TEXT_AT = 0x400


def word_document(pieces: list[tuple[str, bool]], *, nfib: int = 0x00C1, flags: int = 0x1200,
                  ccp_text: int | None = None, clx: bytes | None = None, table: str = "1Table",
                  prc: bool = False) -> dict[str, bytes]:
    """The streams of a Word 97 document whose text is `pieces`, each (text, stored one byte a character).

    flags are FibBase's (0x0200: the table stream is 1Table, 0x1000 fExtChar, as Word writes);
    ccp_text defaults to all the text being the main document; `clx` replaces the piece table
    built from the pieces; `prc` puts a formatting record before it, as Word's fast saves do."""
    word = bytearray(TEXT_AT)
    cps, descriptors, cp = [0], [], 0
    for text, compressed in pieces:
        offset = len(word)
        word += text.encode("cp1252") if compressed else text.encode("utf-16-le")
        fc = offset * 2 | 0x40000000 if compressed else offset
        descriptors.append(struct.pack("<HIH", 0, fc, 0))
        cp += len(text)
        cps.append(cp)
    plc = struct.pack(f"<{len(cps)}i", *cps) + b"".join(descriptors)
    if clx is None:
        formatting = b"\x01" + struct.pack("<h", 3) + b"\x02\x08\x00" if prc else b""  # a Prc: 1 byte, size, grpprl
        clx = formatting + b"\x02" + struct.pack("<I", len(plc)) + plc
    fc_clx = 16  # the piece table need not come first in its stream
    rg_fc_lcb = [0] * 186
    rg_fc_lcb[66:68] = [fc_clx, len(clx)]  # pair 33: fcClx, lcbClx
    fib = struct.pack("<HHHHHHHIBBHHII", 0xA5EC, nfib, 0, 0x0804, 0, flags, 0x00BF, 0, 0, 0, 0, 0, 0, 0)
    fib += struct.pack("<H14H", 14, *[0] * 14)
    longs = [0] * 22
    longs[3] = cp if ccp_text is None else ccp_text
    fib += struct.pack("<H22i", 22, *longs)
    fib += struct.pack("<H186IH", 93, *rg_fc_lcb, 0)
    assert len(fib) == FIB_BYTES and struct.unpack_from("<I", fib, 0x1A2)[0] == fc_clx
    word[:len(fib)] = fib
    return {"WordDocument": bytes(word), table: bytes(fc_clx) + clx}
