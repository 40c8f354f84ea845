"""Bytes to text: UTF-8 first, then a detected encoding."""

from __future__ import annotations

from charset_normalizer import from_bytes

from newsgraph.errors import ReadError

#: Share of control characters (other than whitespace) above which bytes are taken as binary.
_BINARY_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = {9, 10, 12, 13, 27}


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters in the first block mean this is not text."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(head) > _BINARY_CONTROL_SHARE


def decode(data: bytes, source: str) -> str:
    """Decode ``data`` as UTF-8 (with or without BOM), else as the encoding charset-normalizer detects."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ReadError(source, "undecodable bytes: not UTF-8 and no other text encoding fits")
    text = str(best)
    # A guess that leaves replacement characters or control junk is no better than failing.
    if "\ufffd" in text or looks_binary(text[:4096].encode("utf-8", "replace")):
        raise ReadError(source, f"undecodable bytes: best guess {best.encoding} gives garbage")
    return text
