"""Write dondoc/ingest/syllables.txt: the syllables of our own Vietnamese text (the catalogs' translations,
the web templates, the config files, the fixtures and the development half of the gold readings we wrote), most frequent first.

dondoc/ingest/lowbyte.py prefers the more frequent of two spellings a fallen PDF letter allows.
Run after the catalogs or fixtures grow: .venv/bin/python scripts/syllables.py
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["dondoc/locale/vi/LC_MESSAGES/dondoc.po", "dondoc/web/templates/*.html", "config/*.yaml",
           "tests/fixtures/**/*.txt", "tests/fixtures/**/*.md", "tests/gold/corpus/dev/*.yaml"]
# (never the test half of the gold readings: it is only scored)
WORD = re.compile(r"[^\W\d_]+")


def main() -> None:
    counts: Counter[str] = Counter()
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8", errors="replace")).lower()
            counts.update(w for w in WORD.findall(text) if any(ord(c) > 0x7F for c in w))
    kept = [w for w, n in counts.most_common() if n >= 2]
    out = ROOT / "dondoc" / "ingest" / "syllables.txt"
    out.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} syllables -> {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
