"""The docs name every command and option, and the generated CLI reference is current."""

from __future__ import annotations

from pathlib import Path

from newsgraph.cli import cli
from newsgraph.cli.docs import cli_reference

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_cli_reference_is_current() -> None:
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == cli_reference(cli), (
        "docs/cli.md is stale: run `python -m newsgraph.cli.docs > docs/cli.md`"
    )


def test_every_command_is_documented() -> None:
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"## `newsgraph {name}`" in reference


def test_schema_doc_names_every_field() -> None:
    from dataclasses import fields

    from newsgraph.records import Article

    schema = (DOCS / "schema.md").read_text(encoding="utf-8")
    for field in fields(Article):
        assert f'"{field.name}"' in schema, field.name
