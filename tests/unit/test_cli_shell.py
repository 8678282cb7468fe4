"""The command line's shell: light to start, help that reads well, one-line errors, date bounds,
owners listed whole and once."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import FIXTURES, REPO, run

HEAVY = ("prefect", "sqlalchemy", "sqlmodel", "alembic", "aiosmtplib", "aiosmtpd", "apscheduler", "holidays",
         "rich", "pydantic", "yaml", "jinja2", "babel", "dondoc.parse", "dondoc.store", "dondoc.schedule.calendar")


def test_importing_the_command_line_imports_no_heavy_library() -> None:
    code = "import sys, dondoc.cli; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}).stdout.split()
    assert not [m for m in loaded if m.split(".")[0] in HEAVY or m.startswith(HEAVY)]


def help_of(cli, *command: str, lang: str = "vi") -> str:  # type: ignore[no-untyped-def]
    result = cli.invoke(__import__("dondoc.cli", fromlist=["app"]).app, [*command, "--help"],
                        env={"COLUMNS": "80", "DONDOC_LANG": lang})
    assert result.exit_code == 0, result.output
    return result.stdout


def all_commands() -> list[list[str]]:
    from tests.unit.test_architecture import commands

    return [name.split() for name, _ in commands()]


HEADINGS = {"vi": ("Tham số:", "Tùy chọn:", "Ví dụ:"), "en": ("Arguments:", "Options:", "Example:")}


class TestHelp:
    @pytest.mark.parametrize("lang", ["vi", "en"])
    @pytest.mark.parametrize("command", all_commands(), ids=" ".join)
    def test_flags_show_as_flags_and_paragraphs_are_refilled_to_80_columns(self, cli, command: list[str],
                                                                          lang: str) -> None:
        arguments, options, example = HEADINGS[lang]
        text = help_of(cli, *command, lang=lang)
        assert "<bool>" not in text and "╭" not in text
        description = text.split("\n\n", 1)[1].split(f"\n{arguments}")[0].split(f"\n{options}")[0]
        for paragraph in description.split("\n\n"):
            lines = paragraph.splitlines()
            if not lines or lines[0].lstrip().startswith(example):
                continue  # examples keep their own lines
            for this, following in zip(lines, lines[1:]):  # a line ends only where the next word won't fit
                assert len(this.rstrip()) + 1 + len(following.split()[0]) > 78, f"{this!r} breaks early"
            assert all(len(line) <= 80 for line in lines)

    def test_each_example_keeps_its_own_line(self, cli) -> None:
        text = help_of(cli, "eval")
        assert "\n  Ví dụ: dondoc eval ../shared/dispatches --json\n  Ví dụ: dondoc eval tests/gold/corpus" in text
        text = help_of(cli, "eval", lang="en")
        assert "\n  Example: dondoc eval ../shared/dispatches --json\n  Example: dondoc eval tests/gold/corpus" in text

    def test_the_list_of_commands_gives_each_first_sentence_whole(self, cli) -> None:
        text = help_of(cli)
        assert "..." not in text.split("Lệnh:")[1]
        assert " ".join(text.split()).count("không động đến cơ sở dữ liệu") == 1
        text = help_of(cli, lang="en")
        assert "..." not in text.split("Commands:")[1]
        assert "never touches the\n            database" in text or "never touches the database" in text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
class TestOneLineErrors:
    @pytest.mark.parametrize(("args", "line"), [
        (["remind", "--as-of", "2025-13-01"], 'lỗi: --as-of "2025-13-01" không phải ngày (YYYY-MM-DD)'),
        (["remind", "--as-of", "9999-12-31"], "lỗi: --as-of: ngày 31/12/9999 nằm ngoài khoảng năm 1900–2200"),
        (["escalate", "--as-of", "1899-12-31"], "lỗi: --as-of: ngày 31/12/1899 nằm ngoài khoảng năm 1900–2200"),
        (["board", "--as-of", "2201-01-01"], "lỗi: --as-of: ngày 01/01/2201 nằm ngoài khoảng năm 1900–2200"),
        (["tasks", "list", "--as-of", "0001-01-01"], "lỗi: --as-of: ngày 01/01/1 nằm ngoài khoảng năm 1900–2200"),
        (["calendar", "--org", "ca-tinh", "--as-of", "9999-01-01"], "lỗi: --as-of: ngày 01/01/9999 nằm ngoài"),
        (["load", str(FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"), "--received", "2025-02-30"],
         'lỗi: --received "2025-02-30" không phải ngày'),
        (["report", "submit", "--task", "1", "--dispatch", "1", "--org", "x", "--at", "9999-12-31"],
         "lỗi: --at: ngày 31/12/9999 nằm ngoài"),
        (["demo", "--from", "2025-02-29"], 'lỗi: --from "2025-02-29" không phải ngày'),
        (["demo", "--from", "2200-12-01", "--days", "60"], "lỗi: --from 2200-12-01 --days 60 đi quá năm 2200"),
        (["demo", "--days", "0"], 'lỗi: --days "0" phải từ 1 đến 3660'),
        (["run", "--once", "--as-of", "9999-12-31"], "lỗi: --as-of: ngày 31/12/9999 nằm ngoài"),
        (["calendar", "--year", "abc"], 'lỗi: --year "abc" không phải số nguyên (xem: dondoc calendar --help)'),
        (["remind", "--dry-rum"], "lỗi: không có tùy chọn --dry-rum; có phải --dry-run? (xem: dondoc remind --help)"),
        (["report", "submit"], "lỗi: thiếu --task (xem: dondoc report submit --help)"),
        (["remnd"], "lỗi: không có lệnh remnd; có phải 'remind'? (xem: dondoc --help)"),
    ], ids=lambda v: " ".join(v) if isinstance(v, list) else "")
    def test_a_bad_value_is_one_line_on_stderr(self, env, cli, args: list[str], line: str) -> None:
        code, out, err = run(cli, *args)
        assert code != 0
        assert len(err.strip().splitlines()) == 1, err
        assert err.strip().startswith(line)
        assert "Traceback" not in out + err and "╭" not in err


class TestDates:
    @pytest.mark.parametrize(("value", "expected"), [
        ("1900-01-01", date(1900, 1, 1)), ("2200-12-31", date(2200, 12, 31)), ("2025-06-10", date(2025, 6, 10)),
    ])
    def test_dates_from_1900_to_2200_are_taken(self, value: str, expected: date) -> None:
        from dondoc.cli.app import parse_day

        assert parse_day(value) == expected

    @given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
    def test_every_date_is_either_taken_or_refused_with_a_user_error(self, day: date) -> None:
        from dondoc.cli.app import DateOptionError, parse_day

        if 1900 <= day.year <= 2200:
            assert parse_day(day.isoformat()) == day
        else:
            with pytest.raises(DateOptionError):
                parse_day(day.isoformat())


codes = st.from_regex(r"[a-z]{2,8}(-[a-z]{2,10}){0,2}", fullmatch=True)


class TestOwnersCell:
    @given(st.lists(codes, max_size=30), st.integers(min_value=10, max_value=120))
    def test_owners_are_whole_codes_each_once_in_order_with_the_rest_counted(self, names: list[str], width: int) -> None:
        from dondoc.cli.tasks import owners_cell

        owners = [{"name": n.upper(), "org": n} for n in names]
        cell = owners_cell(owners, width=width)  # type: ignore[arg-type]
        unique = list(dict.fromkeys(names))
        if not unique:
            assert cell == "(không ghi)"
            return
        shown, _, rest = cell.partition(", … (+")
        parts = shown.split(", ")
        assert parts == unique[: len(parts)]  # whole codes, in order, none twice
        hidden = int(rest.rstrip(")")) if rest else 0
        assert len(parts) + hidden == len(unique)
        assert len(cell) <= width or len(parts) == 1

    def test_an_unresolved_owner_is_shown_by_its_name(self) -> None:
        from dondoc.cli.tasks import owners_cell

        assert owners_cell([{"name": "Ban Dân tộc tỉnh", "org": None}, {"name": "x", "org": "ca-tinh"}]) == \
            "? Ban Dân tộc tỉnh, ca-tinh"
