"""The command line speaks Vietnamese by default and English with DONDOC_LANG=en: every string a user
reads goes through the gettext catalogs, each one has its Vietnamese translation, and the compiled
catalogs match their sources."""

from __future__ import annotations

import ast
import io
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.conftest import REPO

LOCALE = REPO / "dondoc" / "locale"
CLI = REPO / "dondoc" / "cli"
TRANSLATORS = {"_", "N_", "ngettext", "pgettext"}


def extracted() -> Catalog:
    """What `pybabel extract -F babel.cfg` finds now (scripts/catalogs.sh writes the same into dondoc.pot)."""
    with open(REPO / "babel.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    catalog = Catalog()
    for filename, lineno, message, comments, context in extract_from_dir(str(REPO), method_map, options_map):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def po(lang: str) -> Catalog:
    with open(LOCALE / lang / "LC_MESSAGES" / "dondoc.po", "rb") as fh:
        return read_po(fh, locale=lang)


def ids(catalog: Catalog) -> set[tuple[str | None, object]]:
    return {(m.context, m.id) for m in catalog if m.id}


def where(m: Message) -> str:
    return ", ".join(f"{f}:{n}" for f, n in m.locations) or "?"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class TestCatalogs:
    def test_every_string_of_the_command_line_has_its_vietnamese_translation(self) -> None:
        vi = po("vi")
        missing = []
        for m in extracted():
            if not m.id:
                continue
            t = vi.get(m.id, context=m.context)
            forms = t.string if t is not None and isinstance(t.string, tuple) else (t.string if t else "",)
            if t is None or t.fuzzy or not all(forms):
                missing.append(f"{where(m)}: {m.id!r}")
        assert not missing, ("no Vietnamese translation (run scripts/catalogs.sh, then translate in "
                             "dondoc/locale/vi/LC_MESSAGES/dondoc.po):\n" + "\n".join(missing))

    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_each_catalog_holds_exactly_the_strings_of_the_code(self, lang: str) -> None:
        stale = ids(po(lang)) - ids(extracted())
        assert not stale, f"{lang}: strings no longer in the code (run scripts/catalogs.sh): {sorted(map(str, stale))}"

    def test_a_translation_names_the_same_placeholders_as_its_english(self) -> None:
        wrong = []
        for m in po("vi"):
            if not m.id:
                continue
            english = m.id if isinstance(m.id, tuple) else (m.id,)
            forms = m.string if isinstance(m.string, tuple) else (m.string,)
            want = fields(english[0]) | (fields(english[1]) if len(english) > 1 else set())
            for form in forms:
                if fields(form) != want:
                    wrong.append(f"{english[0]!r}: {form!r}")
        assert not wrong, "\n".join(wrong)

    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_the_compiled_catalog_is_up_to_date_with_its_po_file(self, lang: str) -> None:
        buf = io.BytesIO()
        write_mo(buf, po(lang))
        mo = (LOCALE / lang / "LC_MESSAGES" / "dondoc.mo").read_bytes()
        assert mo == buf.getvalue(), f"dondoc/locale/{lang}: the .mo is older than the .po (scripts/catalogs.sh compile)"

    def test_every_translated_literal_in_the_code_is_found_by_the_extractor(self) -> None:
        """Babel misses a `_()` inside an f-string's braces: such a string would never be translated."""
        found = {m.id if isinstance(m.id, str) else m.id[0] for m in extracted() if m.id}
        lost = []
        for path in [*sorted(CLI.glob("*.py")), REPO / "dondoc" / "errors.py"]:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in TRANSLATORS:
                    index = 1 if node.func.id == "pgettext" else 0
                    arg = node.args[index] if len(node.args) > index else None
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in found:
                        lost.append(f"{path.relative_to(REPO)}:{node.lineno}: {arg.value!r}")
        assert not lost, "\n".join(lost)


# --- no user-facing literal outside the catalogs -------------------------------------------------

# calls whose text arguments a user reads
SINKS = {"echo", "secho", "print", "fail", "Table", "add_row", "add_column", "progress", "prompt", "update",
         "BadParameter"}
HELP_ONLY = {"Option", "Argument", "Typer", "command"}  # their positional arguments are option names
NOT_TEXT = {"style", "justify", "err", "nl", "param_hint", "no_wrap", "highlight", "show_header", "expand",
            "hide_input", "total", "completed", "metavar", "show_default", "file"}
# identifiers a user may see as they are: a task-set file's field (ingest --explain), a column of ids
IDENTIFIERS = {"source", "id"}
WORDY = re.compile(r"[^\W\d_]{2,}")  # two letters in a row, any alphabet
MARKUP = re.compile(r"\[/?[a-z ]*\]")  # rich markup: [bold red] … [/]
COMMAND_LINE = re.compile(r"--[\w-]+|\bdondoc(?: [a-z]+)?\b|https?://")  # "dondoc eval ", "--docs ", "http://"


def wordy(text: str) -> bool:
    return text not in IDENTIFIERS and bool(WORDY.search(COMMAND_LINE.sub("", MARKUP.sub("", text))))


def callee(node: ast.Call) -> str:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def untranslated(expr: ast.AST) -> list[ast.Constant]:
    """String literals in `expr` with words in them and no `_()` around them (keys, comparisons and
    data look-ups are not text)."""
    out: list[ast.Constant] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Call) and callee(node) in TRANSLATORS:
            return
        if isinstance(node, ast.Call) and callee(node) in {"get", "startswith", "fromisoformat", "strftime"}:
            visit(node.func)
            return
        if isinstance(node, ast.Subscript):
            visit(node.value)
            return
        if isinstance(node, ast.Compare):
            return
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and wordy(node.value):
            out.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(expr)
    return out


def cli_files() -> list[Path]:
    return sorted(CLI.glob("*.py"))


@pytest.mark.parametrize("path", cli_files(), ids=lambda p: p.name)
def test_no_text_a_user_reads_is_written_outside_the_catalogs(path: Path) -> None:
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = callee(node)
        if name in HELP_ONLY:
            args = [kw.value for kw in node.keywords if kw.arg == "help"]
        elif name in SINKS or name.endswith(("Error", "Refused")):
            args = [*node.args, *(kw.value for kw in node.keywords if kw.arg not in NOT_TEXT)]
        else:
            continue
        for arg in args:
            problems += [f"{path.relative_to(REPO)}:{c.lineno}: {c.value!r} in {name}()" for c in untranslated(arg)]
    assert not problems, "wrap these in _() (or N_() for help and constants):\n" + "\n".join(problems)


VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I)


@pytest.mark.parametrize("path", cli_files(), ids=lambda p: p.name)
def test_no_vietnamese_is_written_in_the_code_outside_a_translated_string(path: Path) -> None:
    """Vietnamese lives in the catalog: a Vietnamese literal anywhere else in dondoc/cli would show
    untranslated to an English reader (docstrings and translated English msgids that quote a
    Vietnamese term are fine)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and callee(node) in TRANSLATORS:
            inside |= {id(n) for n in ast.walk(node)}
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and ast.get_docstring(node):
            inside.add(id(node.body[0].value))  # type: ignore[attr-defined]
    found = [f"{path.name}:{n.lineno}: {n.value!r}" for n in ast.walk(tree)
             if isinstance(n, ast.Constant) and isinstance(n.value, str) and VIETNAMESE.search(n.value)
             and id(n) not in inside]
    assert not found, "\n".join(found)


# --- what a user sees -----------------------------------------------------------------------------

class TestLanguage:
    @pytest.mark.parametrize(("value", "lang"), [
        ("", "vi"), ("vi", "vi"), ("en", "en"), ("EN", "en"), ("en_US.UTF-8", "en"), ("vi-VN", "vi"), ("fr", "vi"),
    ])
    def test_dondoc_lang_chooses_the_language_vietnamese_by_default(self, monkeypatch, value: str, lang: str) -> None:
        from dondoc.i18n import language

        monkeypatch.setenv("DONDOC_LANG", value)
        assert language() == lang

    def test_a_plural_takes_the_form_of_its_count(self, monkeypatch) -> None:
        from dondoc.i18n import ngettext

        monkeypatch.setenv("DONDOC_LANG", "en")
        assert [ngettext("{n} task", "{n} tasks", n).format(n=n) for n in (1, 2)] == ["1 task", "2 tasks"]
        monkeypatch.setenv("DONDOC_LANG", "vi")
        assert [ngettext("{n} task", "{n} tasks", n).format(n=n) for n in (1, 2)] == ["1 nhiệm vụ", "2 nhiệm vụ"]


def dondoc(*args: str, lang: str | None) -> subprocess.CompletedProcess[str]:
    import os

    env = {k: v for k, v in os.environ.items() if k != "DONDOC_LANG"} | {"COLUMNS": "100"}
    if lang is not None:
        env["DONDOC_LANG"] = lang
    return subprocess.run([str(Path(sys.executable).parent / "dondoc"), *args], capture_output=True, text=True, cwd=REPO, env=env,
                          timeout=120)


class TestWhatAUserReads:
    def test_help_is_vietnamese_by_default_with_click_s_own_words_too(self) -> None:
        out = dondoc("--help", lang=None).stdout
        assert out.startswith("Cách dùng: dondoc [TÙY CHỌN] LỆNH [THAM SỐ]...")
        for words in ("Tùy chọn:", "Lệnh:", "Hiện hướng dẫn này rồi thoát.", "Đọc một văn bản thành bộ nhiệm vụ"):
            assert words in out
        assert "Usage" not in out and "Options" not in out

    def test_help_is_english_with_dondoc_lang_en(self) -> None:
        out = dondoc("--help", lang="en").stdout
        assert out.startswith("Usage: dondoc [OPTIONS] COMMAND [ARGS]...")
        assert "Read a dispatch into a task set for review" in out and "Show this message and exit." in out
        assert not VIETNAMESE.search(out.split("Commands:")[0])

    @pytest.mark.parametrize(("lang", "words"), [
        ("vi", ["Ví dụ: dondoc mailbox", "[mặc định: 8025]", "Cổng SMTP lắng nghe."]),
        ("en", ["Example: dondoc mailbox", "[default: 8025]", "SMTP port to listen on."]),
    ])
    def test_a_command_s_help_defaults_and_examples_follow_the_language(self, cli, lang: str, words: list[str]) -> None:
        from dondoc.cli import app

        result = cli.invoke(app, ["mailbox", "--help"], env={"DONDOC_LANG": lang, "COLUMNS": "100"})
        for w in words:
            assert w in result.stdout

    @pytest.mark.parametrize(("lang", "title", "header"), [
        ("vi", "Lịch làm việc năm 2026", "Ngày"), ("en", "Working calendar 2026", "Weekday"),
    ])
    def test_a_table_s_title_and_headers_follow_the_language(self, cli, lang: str, title: str, header: str) -> None:
        from dondoc.cli import app

        result = cli.invoke(app, ["calendar", "--year", "2026"], env={"DONDOC_LANG": lang})
        assert result.exit_code == 0, result.output
        assert title in result.stdout and header in result.stdout

    @pytest.mark.parametrize(("lang", "line"), [
        ("vi", 'lỗi: --as-of "2025-13-01" không phải ngày (YYYY-MM-DD)'),
        ("en", 'error: --as-of "2025-13-01" is not a date (YYYY-MM-DD)'),
    ])
    def test_an_error_is_one_line_in_the_language(self, lang: str, line: str) -> None:
        result = dondoc("remind", "--as-of", "2025-13-01", lang=lang)
        assert result.returncode == 2 and result.stderr.strip() == line

    @pytest.mark.parametrize(("lang", "line"), [
        ("vi", "lỗi: không có tùy chọn --dry-rum; có phải --dry-run? (xem: dondoc remind --help)"),
        ("en", "error: no such option --dry-rum; did you mean --dry-run? (see: dondoc remind --help)"),
    ])
    def test_click_s_usage_errors_follow_the_language(self, cli, lang: str, line: str) -> None:
        from dondoc.cli import app

        result = cli.invoke(app, ["remind", "--dry-rum"], env={"DONDOC_LANG": lang})
        assert result.stderr.strip() == line

    def test_the_kinds_of_task_are_named_in_the_language(self, monkeypatch) -> None:
        from dondoc.cli.app import kind_name

        monkeypatch.setenv("DONDOC_LANG", "vi")
        assert [kind_name(k) for k in ("report", "action")] == ["báo cáo", "nhiệm vụ"]
        monkeypatch.setenv("DONDOC_LANG", "en")
        assert [kind_name(k) for k in ("report", "action")] == ["report", "action"]


@pytest.mark.parametrize("path", cli_files(), ids=lambda p: p.name)
def test_no_code_hides_the_translator_behind_a_variable_named_underscore(path: Path) -> None:
    """`for x, _ in …` makes `_` local to the whole function: its `_("…")` calls then fail."""
    stores = [n.lineno for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
              if isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)]
    assert not stores, f"{path.name}: `_` assigned on line(s) {stores}"


@pytest.mark.parametrize("against", ["extended", "original"])
def test_the_cli_board_caption_in_vietnamese_is_the_dashboards_caption(monkeypatch, against: str) -> None:  # type: ignore[no-untyped-def]
    """`dondoc board` says its caption through the catalog; the dashboards say it in Vietnamese
    (dondoc.app.board.caption). A person must read the same rule in both places."""
    from dondoc.app.board import caption
    from dondoc.cli.sweep import _board_caption

    monkeypatch.setenv("DONDOC_LANG", "vi")
    assert _board_caption(against) == caption(against)
