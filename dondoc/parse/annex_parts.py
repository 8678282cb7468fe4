"""The parts of what a decision promulgates (pure): a plan, and the appendix of that plan set after its last
section without a signature between them ("III. TỔ CHỨC THỰC HIỆN … ⏎PHỤ LỤC⏎DANH MỤC CÁC NHIỆM VỤ …⏎(Kèm theo Kế
hoạch …)"). Each part is read as a document of its own: its numbering starts afresh (gold convention 2)."""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.lines import Line
from dondoc.parse.markers import read_marker
from dondoc.parse.normalize import fold_keep_length

# "PHỤ LỤC", "PHỤ LỤC I", "Phụ lục 02", "PHỤ LỤC: DANH MỤC …": a line that opens an appendix
_APPENDIX_LINE: Final = re.compile(r"^\s*(?:\*\*)?(?:PHỤ LỤC|Phụ lục)(?:\s+(?:[IVX]{1,4}|\d{1,2}|số\s+\d{1,2}))?\s*[:.]?\s*(?:\*\*)?\s*$"
                                   r"|^\s*PHỤ LỤC\b[^a-zà-ỹđ]*$")
_KEM_THEO: Final = re.compile(r"(?:^|\()\s*(?:ban hanh\s+)?kem\s+theo\b")
_REACH: Final = 6  # lines from the title to its "(Kèm theo …)"


def annex_parts(lines: list[Line]) -> list[list[Line]]:
    """The lines of a document, cut before each appendix title that "(Kèm theo …)" follows once a numbered line has
    been read; a title before any (the part's own title) cuts nothing."""
    numbered = next((k for k, ln in enumerate(lines) if read_marker(ln.text) is not None), len(lines))
    cuts = [k for k, ln in enumerate(lines) if k > numbered and _APPENDIX_LINE.match(ln.text)
            and any(_KEM_THEO.search(fold_keep_length(lines[j].text)) for j in range(k + 1, min(len(lines), k + _REACH)))]
    bounds = [0, *cuts, len(lines)]
    return [lines[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
