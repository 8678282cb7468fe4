"""Babel's extractor for the command line (babel.cfg): the `_()`, `N_()`, `ngettext()` and
`pgettext()` strings, as Babel's own Python extractor finds them, plus the paragraphs of every
command's docstring, which Typer shows as its help and dondoc.i18n.translate_help translates.

Only `pybabel extract` and the tests import this module (Babel is a development tool here).
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import extract_python

from dondoc.i18n import help_paragraphs

_DECORATORS = {"command", "callback"}


def _is_command(decorator: ast.expr) -> bool:
    """`@app.command(...)`, `@tasks_app.command(...)`, `@app.callback()`."""
    return (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr in _DECORATORS)


def command_docstrings(source: str) -> Iterator[tuple[int, str]]:
    """(line, paragraph) for each prose paragraph of each command's docstring."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(map(_is_command, node.decorator_list)):
            doc = ast.get_docstring(node)
            if doc:
                line = node.body[0].lineno
                for prose, _examples in help_paragraphs(doc):
                    if prose:
                        yield line, prose


def extract(fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str],
            options: Any) -> Iterator[tuple[Any, ...]]:
    """Babel extraction method: Python's, then the commands' help paragraphs."""
    yield from extract_python(fileobj, keywords, comment_tags, options)
    fileobj.seek(0)
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    for line, prose in command_docstrings(source):
        yield line, None, prose, ["help of a command (its docstring)"]
