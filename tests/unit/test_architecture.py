"""The layering holds, and every command is documented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PURE = ["dondoc/parse", "dondoc/schedule", "dondoc/taskset.py", "dondoc/app/board.py", "dondoc/intake.py",
        "dondoc/bounds.py", "dondoc/fielderrors.py"]
FORBIDDEN = {"sqlmodel", "sqlalchemy", "prefect", "aiosmtplib", "aiosmtpd", "apscheduler", "os", "subprocess", "socket"}


def pure_files() -> list[Path]:
    out: list[Path] = []
    for p in PURE:
        path = REPO / p
        out += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return out


@pytest.mark.parametrize("path", pure_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_pure_modules_import_no_io_and_read_no_clock(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name.split(".")[0] for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [(node.module or "").split(".")[0]]
        else:
            names = []
        assert not set(names) & FORBIDDEN, f"{path.name} imports {names}"
        if isinstance(node, ast.Attribute) and node.attr in {"now", "today", "utcnow"}:
            pytest.fail(f"{path.name}:{node.lineno} reads the clock ({node.attr})")


def commands() -> list[tuple[str, object]]:
    import typer.main

    from dondoc.cli import app

    group = typer.main.get_command(app)
    out: list[tuple[str, object]] = []

    def walk(cmd, prefix):  # type: ignore[no-untyped-def]
        for name, sub in getattr(cmd, "commands", {}).items():
            if getattr(sub, "commands", None):
                walk(sub, f"{prefix}{name} ")
            else:
                out.append((f"{prefix}{name}", sub))

    walk(group, "")
    return out


@pytest.mark.parametrize(("name", "command"), commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name: str, command) -> None:  # type: ignore[no-untyped-def]
    from dondoc.i18n import EXAMPLE, _

    example = _(EXAMPLE)  # "Ví dụ:" in Vietnamese, the default language
    assert command.help and example in command.help and f"dondoc {name}" in command.help.split(example)[-1], (
        f"{name}: help lacks an example")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"dondoc {name}" in readme, f"`dondoc {name}` is not in the README"


def test_no_cli_command_module_imports_a_sibling_command_module() -> None:
    folder = REPO / "dondoc" / "cli"
    siblings = {p.stem for p in folder.glob("*.py")} - {"__init__", "app", "shell"}  # app, shell: shared by all
    for path in sorted(folder.glob("*.py")):
        if path.stem == "__init__":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dondoc.cli."):
                assert node.module.rsplit(".", 1)[-1] not in siblings, f"{path.name} imports {node.module}"
