"""Exceptions raised by newsgraph.

NewsgraphError
 ├── ReadError      a file could not be read or parsed (names the file and the problem)
 └── StoreError     the store could not be opened or written
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Root of every error newsgraph raises on purpose."""


class ReadError(NewsgraphError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(NewsgraphError):
    pass
