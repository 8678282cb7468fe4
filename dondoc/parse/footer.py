"""The footer of a dispatch (pure): where its body ends (Nơi nhận, a signature block, a post signing in its own name
after "./."), and the documents attached after the signature ("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)",
a regulation, an appendix), up to their own end; forms and their sample layouts are no attached document."""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.lines import Line
from dondoc.parse.markers import read_marker
from dondoc.parse.normalize import fold_keep_length

NOI_NHAN = re.compile(r"^(?:nơi nhận|noi nhan)\s*(?::|$)", re.I)  # not "Nơi nhận văn bản …" in a sentence
END_OF_BODY: Final = re.compile(r"^(?:nơi nhận|noi nhan)\s*(?::|$)|^(?:TM|KT|TL|TUQ|Q|T/M)\.\s*[A-ZĐÂ]", re.I)
# a post signing in its own name, right after the text's closing mark "./." (a Công báo copy has no "Nơi nhận")
BARE_POST: Final = re.compile(r"^(?:PHÓ )?(?:THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|"
                               r"BÍ THƯ|CHỦ NHIỆM|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|VỤ TRƯỞNG|TRƯỞNG PHÒNG)\s*$")
SECOND_SIGNATURE = re.compile(r"\s+(?:TM|KT|TL|TUQ|T/M)\.\s")
SIGN = re.compile(r"^(?:TM|KT|TL|TUQ|Q|T/M)\.\s*(?P<org>.+)$")
POSTS = re.compile(r"^(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BÍ THƯ|PHÓ BÍ THƯ|THỦ TRƯỞNG|KT\.|TM\.)")
_APPENDIX_FIRST = frozenset("KQCĐHPDN")  # the first letters of _APPENDIX_TITLE's words
_APPENDIX_TITLE = re.compile(r"^(?:KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN|HƯỚNG DẪN|PHỤ LỤC|DANH MỤC|ĐIỀU LỆ|NỘI QUY)\b")
# an appendix that shows a layout or a form to fill ("PHỤ LỤC 1⏎SƠ ĐỒ BỐ TRÍ …", "MẪU BÁO CÁO"): no instruction
_FORM = re.compile(r"^(?:PHỤ LỤC\s*\S*\s+)?(?:SƠ ĐỒ|MẪU|BIỂU MẪU|MINH HO[ẠẠ]|MINH HỌA)\b")
_ANNEXED = re.compile(r"(?:^|\()\s*(?:ban hanh\s+(?:kem\s+)?|kem\s+)theo\b")  # "(Ban hành kèm theo …", "(Kèm theo …"
# "Mẫu số 01" (often set right, after a page number): a form to fill follows, no instruction
_FORM_LABEL = re.compile(r"(?:^|\s)(?:Mẫu|MẪU)(?: số| SỐ)? \d{1,3}[\w/.\-]*\s*$")
_FORM_REACH = 12  # lines under a form's label its title may stand
_UNTITLED_REACH = 40  # lines after an untitled regulation's first labelled line its next article stands within


def form_label(t: str) -> bool:
    return ("Mẫu" in t or "MẪU" in t) and _FORM_LABEL.search(t) is not None


def _untitled_regulation(lines: list[Line], k: int) -> bool:
    """Whether line k opens the rest of a regulation whose title page was lost ("7. Sở Nội vụ …" after
    the signature, then "Chương II", "Điều 4. …"): a numbered line followed by articles."""
    mk = read_marker(lines[k].text)
    if mk is None or mk.style not in ("num.", "dieu") or lines[k].text.startswith("-"):
        return False
    return any(_ARTICLE.match(lines[j].text) for j in range(k + 1 if mk.style != "dieu" else k, min(len(lines), k + _UNTITLED_REACH)))


def appendix_start(lines: list[Line], signed: int) -> int | None:
    """Where a document promulgated with this one begins after its signature (or Nơi nhận) at line
    `signed`: a title in capitals ("KẾ HOẠCH", "QUY CHẾ", "PHỤ LỤC") with "(Ban hành kèm theo …)"
    within the four lines after it; or, its title lost, its first numbered line before articles.
    A form's title ("Mẫu số 01" above it) begins none."""
    n = len(lines)
    form_at = -_FORM_REACH - 1
    for k in range(signed + 1, n):
        t = lines[k].text
        if form_label(t):
            form_at = k
            continue
        if k - form_at <= _FORM_REACH:
            continue
        if _untitled_regulation(lines, k):
            return k
        if t[:1] in _APPENDIX_FIRST and _APPENDIX_TITLE.match(t) and t.split("(", 1)[0].isupper() and any(
            # "(Ban hành kèm theo …)" under the title, or closing its line
            _ANNEXED.search(fold_keep_length(lines[j].text)) for j in range(k, min(n, k + 5))
        ) and not any(_FORM.match(lines[j].text) for j in range(k, min(n, k + 3))):
            return k
        if t.isupper() and len(t.split()) >= 2 and not POSTS.match(t) and not SIGN.match(t) and not _FORM.match(t) \
                and read_marker(t) is None:
            # "THUYẾT MINH DỰ TOÁN NĂM 2020" over "1. …": an annex with its own numbered outline
            nxt = next((lines[j].text for j in range(k + 1, min(n, k + 4)) if lines[j].text), "")
            mk = read_marker(nxt)
            if mk is not None and mk.value == 1 and mk.style in ("num.", "roman", "dieu"):
                return k
    return None


_ARTICLE = re.compile(r"^Điều\s+\d")


def unsigned_appendix(lines: list[Line], body_start: int) -> int | None:
    """A document promulgated with a decision whose signature and Nơi nhận were not kept (a text copied
    without them): its title in capitals, "(Ban hành kèm theo …)" under it, after the decision's articles."""
    seen_article = False
    n = len(lines)
    for k in range(body_start, n):
        t = lines[k].text
        if t[:1] == "Đ" and _ARTICLE.match(t):
            seen_article = True
        elif seen_article and t[:1] in _APPENDIX_FIRST and _APPENDIX_TITLE.match(t) and t.isupper() and any(
                _ANNEXED.search(fold_keep_length(lines[j].text)) for j in range(k + 1, min(n, k + 5))):
            return k
    return None


def after_closing_mark(lines: list[Line], i: int) -> bool:
    prev = next((ln.text for ln in reversed(lines[max(0, i - 4) : i]) if ln.text.strip()), "")
    return prev.rstrip().endswith("/.")
