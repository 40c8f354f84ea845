"""The ``newsgraph`` command line: a thin layer over the Python API."""

from __future__ import annotations

import click

# Importing the command modules registers their commands on the group.
from newsgraph.cli import evaluate, ingest, query, train  # noqa: F401,E402
from newsgraph.cli._common import main_group

cli = main_group


def main() -> None:
    main_group(prog_name="newsgraph")


__all__ = ["cli", "main", "click"]
