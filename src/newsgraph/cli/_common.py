"""Shared CLI pieces: the group, common options, error translation."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from newsgraph.errors import NewsgraphError

DEFAULT_DB = "newsgraph.db"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main_group(ctx: click.Context, debug: bool) -> None:
    """newsgraph: raw news in; clean articles and who-said-what facts out."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug or bool(ctx.obj.get("debug"))


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(dict)["debug"] = True


def debug_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--debug`` after the command name, same as ``newsgraph --debug COMMAND``: tracebacks, not one-liners."""
    return click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_set_debug,
        help="Show tracebacks instead of one-line errors.",
    )(func)


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--db PATH|URL``, defaulting to $NEWSGRAPH_DB or ./newsgraph.db."""
    return click.option(
        "--db",
        "db",
        default=lambda: os.environ.get("NEWSGRAPH_DB", DEFAULT_DB),
        show_default="$NEWSGRAPH_DB or newsgraph.db",
        help="Database path or URL (sqlite:///path.db).",
    )(func)


def format_option(*choices: str, default: str = "table") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


def is_debug() -> bool:
    """Whether ``--debug`` was given, before or after the command name."""
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if ctx.obj and "debug" in ctx.obj:
            return bool(ctx.obj["debug"])
        ctx = ctx.parent
    return False


def translate_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Library errors become one line and exit 1, unless --debug is given."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsgraphError as exc:
            if is_debug():
                raise
            raise click.ClickException(str(exc)) from exc

    return wrapper


def echo_progress(index: int, total: int, name: str) -> None:
    """One self-overwriting progress line on stderr, for long evaluation and training runs."""
    click.echo(f"\r[{index}/{total}] {name[:60]:<60}", err=True, nl=index == total)


def data_option(help: str, *, file: bool = False, name: str | None = None) -> Callable[..., Any]:  # noqa: A002
    """``--data PATH``: the dataset a benchmark or training command reads (a folder, or with ``file`` a file)."""
    kind = click.Path(exists=True, dir_okay=not file, file_okay=file, path_type=Path)
    return click.option("--data", name or ("data_path" if file else "data_dir"), required=True, type=kind, help=help)
