"""``docs/cli.md`` generated from the commands' own ``--help``, so the reference cannot drift."""

from __future__ import annotations

from collections.abc import Iterator

import click


def _walk(command: click.Command, path: list[str], parent: click.Context | None) -> Iterator[tuple[str, str]]:
    """(command path, help text) for ``command`` and its subcommands; child contexts inherit settings."""
    ctx = click.Context(
        command, info_name=path[-1], parent=parent, terminal_width=100, max_content_width=100,
        **command.context_settings,
    )  # fmt: skip
    yield " ".join(path), command.get_help(ctx)
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], [*path, name], ctx)


def cli_reference(group: click.Group) -> str:
    """Markdown with the ``--help`` of every command, in sorted order."""
    lines = [
        "# Command reference",
        "",
        "Generated from `--help` by `python -m newsgraph.cli.docs > docs/cli.md`; a test keeps it current.",
        "",
    ]
    for path, help_text in _walk(group, ["newsgraph"], None):
        lines += [f"## `{path}`", "", "```", help_text, "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    from newsgraph.cli import cli

    click.echo(cli_reference(cli), nl=False)
