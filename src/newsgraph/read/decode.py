"""Bytes to text: UTF-8 first, then a detected encoding.

>>> decode("Müller said café prices rose".encode("latin-1"), "note.txt")
'Müller said café prices rose'
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from newsgraph.errors import ReadError

#: Share of control characters (other than whitespace) above which bytes are taken as binary.
_BINARY_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = {9, 10, 12, 13, 27}
#: Byte-order marks that name their encoding, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN = "cp1252"
#: Mostly-UTF-8 bytes stay UTF-8 (stray bytes become U+FFFD) when the well-formed non-ASCII
#: characters outnumber the broken sequences this many times; a legacy 8-bit text almost never
#: forms valid UTF-8 sequences, so this does not catch Latin-1 or cp1252.
_UTF8_MAJORITY = 10


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters in the first block mean this is not text."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(head) > _BINARY_CONTROL_SHARE


def bom_encoding(head: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` when ``head`` starts with that byte-order mark (UTF-8's is handled by decode)."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def decode(data: bytes, source: str) -> str:
    """Decode ``data`` as UTF-8 (with or without BOM), else as the encoding charset-normalizer detects.

    Raises :class:`~newsgraph.errors.ReadError` when no encoding gives readable text.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as exc:
            raise ReadError(source, f"undecodable bytes: starts with a {bom} byte-order mark but is not {bom}") from exc
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    matches = from_bytes(data)
    best = matches.best()
    if best is not None:
        # Short texts often fit several code pages equally well; the analysis is for English, so
        # a tie goes to Windows-1252 (what browsers read "latin-1" as) rather than to cp1250's "Ř".
        best = next(
            (m for m in matches if m.encoding == _WESTERN and m.chaos <= best.chaos and m.coherence >= best.coherence),
            best,
        )
    if best is None:
        raise ReadError(
            source,
            f"undecodable bytes: not UTF-8 (bad byte at offset {utf8_error.start}) and no other text encoding fits",
        )
    text = str(best)
    # A guess that leaves replacement characters or control junk is no better than failing.
    if "\ufffd" in text or looks_binary(text[:4096].encode("utf-8", "replace")):
        raise ReadError(source, f"undecodable bytes: best guess {best.encoding} gives garbage")
    return text


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes in it, decoded with U+FFFD for the strays; else None."""
    text = data.decode("utf-8-sig", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    well_formed = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return text if broken and well_formed >= _UTF8_MAJORITY * broken else None
