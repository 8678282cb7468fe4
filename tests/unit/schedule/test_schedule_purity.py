"""The pure schedule modules take time and configuration as arguments: no I/O, no clock, no environment."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PURE = ["calendar", "recurrence", "periods", "lunar", "observances", "today"]
FOLDER = Path(__file__).resolve().parents[3] / "dondoc" / "schedule"
FORBIDDEN_MODULES = {"sqlmodel", "sqlalchemy", "prefect", "aiosmtplib", "apscheduler", "os", "pathlib", "requests"}
FORBIDDEN_CALLS = {"now", "today", "utcnow", "open", "getenv"}


def tree(name: str) -> ast.Module:
    return ast.parse((FOLDER / f"{name}.py").read_text("utf-8"))


@pytest.mark.parametrize("name", PURE)
def test_a_pure_module_imports_nothing_that_does_io(name: str) -> None:
    imported: set[str] = set()
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & FORBIDDEN_MODULES


@pytest.mark.parametrize("name", PURE)
def test_a_pure_module_never_reads_the_clock_or_a_file(name: str) -> None:
    called = {
        n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
        for n in ast.walk(tree(name)) if isinstance(n, ast.Call)
    }
    assert not called & FORBIDDEN_CALLS
