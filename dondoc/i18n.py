"""The command line's language: gettext catalogs, Vietnamese by default, English with DONDOC_LANG=en.

Messages are written in English in the code (the msgids) and translated through the catalogs in
dondoc/locale/<lang>/LC_MESSAGES/dondoc.mo (Babel extracts and compiles them: scripts/catalogs.sh).
Only the standard library's gettext runs here, so importing this module costs next to nothing.

The language is read from the environment at each call, not at import, so one process (a test
runner) may switch it; each language's catalog is read once.
"""

from __future__ import annotations

import gettext as _gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "dondoc"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("vi", "en")
DEFAULT = "vi"


def language() -> str:
    """DONDOC_LANG's language (vi or en; "en_US.UTF-8" counts as en), Vietnamese when unset or unknown."""
    value = os.environ.get("DONDOC_LANG", "").strip().lower()
    code = value.replace("-", "_").split(".")[0].split("_")[0]
    return code if code in LANGUAGES else DEFAULT


@lru_cache(maxsize=None)
def _catalog(lang: str) -> _gettext.NullTranslations:
    # fallback=True: without its .mo a language shows the English msgids rather than failing;
    # tests/unit/test_i18n.py keeps the .mo files complete and up to date with the .po files
    return _gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True)


def _(message: str) -> str:
    """`message` (an English msgid) in the user's language."""
    return _catalog(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` in the user's language (Vietnamese has one form, English two)."""
    return _catalog(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the user's language, where the same English word means different things (`context`)."""
    return _catalog(language()).pgettext(context, message)


def N_(message: str) -> str:
    """Marks `message` for extraction, translated later where it is shown (help texts, module constants)."""
    return message


EXAMPLE = N_("Example:")  # the word that opens an example line of a help text


def help_paragraphs(text: str) -> list[tuple[str, list[str]]]:
    """A help text (a command's docstring) as its paragraphs: each one's prose on one line (the msgid
    that the catalogs translate; empty when the paragraph is only examples) and its example lines,
    which stay as written. Babel's extractor (dondoc.i18n_extract) and the CLI split alike."""
    out: list[tuple[str, list[str]]] = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip() and line.strip() != "\b"]
        examples = [line for line in lines if line.startswith(EXAMPLE)]
        prose = " ".join(" ".join(line for line in lines if not line.startswith(EXAMPLE)).split())
        if prose or examples:
            out.append((prose, examples))
    return out


def translate_help(text: str | None) -> str | None:
    """A help text in the user's language: each paragraph translated, examples kept with "Example:" translated."""
    if not text:
        return text
    word = _(EXAMPLE)
    paragraphs = []
    for prose, examples in help_paragraphs(text):
        lines = [_(prose)] if prose else []
        lines += [word + line[len(EXAMPLE):] for line in examples]
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)
