"""``docs/cli.md`` generated from the commands' own ``--help``, so the reference cannot drift."""

from __future__ import annotations

from collections.abc import Iterator

import click


def _walk(command: click.Command, path: list[str]) -> Iterator[tuple[list[str], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], [*path, name])


def cli_reference(group: click.Group) -> str:
    """Markdown with the ``--help`` of every command, in sorted order."""
    lines = [
        "# Command reference",
        "",
        "Generated from `--help` by `python -m newsgraph.cli.docs > docs/cli.md`; a test keeps it current.",
        "",
    ]
    for path, command in _walk(group, ["newsgraph"]):
        with click.Context(command, info_name=" ".join(path), terminal_width=100) as ctx:
            help_text = command.get_help(ctx)
        lines += [f"## `{' '.join(path)}`", "", "```", help_text, "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    from newsgraph.cli import cli

    click.echo(cli_reference(cli), nl=False)
