"""The dispatch's header and footer: số hiệu, issuer, place and date, trích yếu, Kính gửi, Nơi nhận, signer (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from dondoc.parse.issuer_name import agency_case, issuer_of, names_a_body, without_number
from dondoc.parse.footer import (
    BARE_POST,
    END_OF_BODY,
    NOI_NHAN,
    POSTS,
    SECOND_SIGNATURE,
    SIGN,
    after_closing_mark,
    appendix_start,
    form_label,
    unsigned_appendix,
)
from dondoc.parse.lines import Line
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.owners import label_owners
from dondoc.parse.telegram import address_line

# "Số: 95/UBND-NC"; a Party document's "Số 215-CV/TU" has no colon (the number then starts with a digit)
_NUMBER = re.compile(
    r"^s[oố]\s*(?:hiệu)?\s*[:.]\s*(?P<num>[^\s]*?/[\w\-&Đđ.]+)?\s*$|^s[oố]\s*[:.]\s*(?P<num2>\S+/\S+)"
    r"|^s[oố]\s+(?P<num3>\d[^\s/]*/[\w\-&Đđ.]+)\s*$",
    re.I,
)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^\d,]{2,40}?)\s*,\s*ngày\s*(?P<d>\d{1,2})?\s*(?:\.{2,}|…)?\s*tháng\s*(?P<m>\d{1,2})?\s*(?:\.{2,}|…)?\s*năm\s*(?P<y>\d{4})",
    re.I,
)
_KINH_GUI = re.compile(r"^k[íi]nh\s+g[ửu]i\s*:?\s*(?P<rest>.*)$", re.I)
# "Hà Nội, ngày 02 tháng 02 năm 2021 Kính gửi:" (a two-column header flattened into one row), the list below it
# or "… năm 2024PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆCKính gửi: - Lãnh đạo UBND tỉnh;" (the title glued to it), a short
# addressee or the first of a dashed list after it
_KINH_GUI_AFTER_DATE = re.compile(r"^.*\bn[ăa]m\s+\d{4}(?!\d).{0,80}?k[íi]nh\s+g[ửu]i\s*:\s*(?P<rest>(?:-\s*)?[^:]{0,120})$", re.I)
_SUBJECT = re.compile(r"^(?:V/v|Về việc)\b\s*(?P<rest>.*)$", re.I)
# what an issuer's line is made of: capitals, digits, spaces and ",-–&"
_ISSUER_CHARS = r"A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ0-9 ,\-–&"
_ISSUER_LINE: Final = re.compile(rf"^[{_ISSUER_CHARS}]{{4,}}$")
_CAPITALS = re.compile(rf"[{_ISSUER_CHARS}]*")  # the run of what an issuer's line may hold
_ORG_START = re.compile(r"^(?:ỦY BAN|UBND|SỞ|BỘ|BAN|HỘI|CÔNG AN|ĐẢNG|MẶT TRẬN|ĐOÀN|TRƯỜNG|TRUNG TÂM|VĂN PHÒNG|CỤC|CHI CỤC|LIÊN ĐOÀN|HĐND|HỘI ĐỒNG|TỈNH ỦY|HUYỆN ỦY|THÀNH ỦY) ")
_RIGHT_COLUMN = re.compile(r"\s*(?:cong hoa xa hoi chu nghia viet nam|dang cong san viet nam|doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc)")
_NUMBER_THEN = re.compile(r"s[oố]\s*(?:hiệu)?\s*[:.]?\s*\d\S*/\S+\s+", re.I)
# the name of the document's kind, never its issuer
_DOCUMENT_TITLE = re.compile(r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CÔNG VĂN|CHỈ THỊ|THÔNG BÁO|CHƯƠNG TRÌNH(?: PHỐI HỢP)?|BÁO CÁO|HƯỚNG DẪN|TỜ TRÌNH|CÔNG ĐIỆN|NGHỊ QUYẾT|QUY CHẾ)\s*:?$")
_MOTTO = re.compile(r"cong hoa xa hoi|doc lap|tu do|hanh phuc|^-+$")


@dataclass
class Header:
    number: str | None = None
    number_blank: bool = False  # "Số: /UBND-VP": the number is left blank
    issuer: str | None = None
    place: str | None = None
    issued_on: date | None = None
    year: int | None = None  # known even when the day is blank
    month: int | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    recipients_line: int | None = None
    signer: str | None = None
    body_start: int = 0  # index of the first line after Kính gửi
    body_end: int = 0  # index of Nơi nhận / the signature block
    appendix: tuple[int, int] | None = None  # lines of a document promulgated with it, after the signature
    warnings: list[str] = field(default_factory=list)


def _has_ngay(t: str) -> bool:
    """What _PLACE_DATE cannot match without ("…, ngày"), asked before it."""
    return "ngày" in t or "Ngày" in t or "NGÀY" in t


def _subject_goes_on(t: str) -> bool:
    """Whether a line after the trích yếu's first carries it on: not blank, not the motto or another
    header field (pasted in a two-column header's reading order), not a line in capitals."""
    return bool(t) and not (
        t.isupper()
        or t[:1] in "Kk" and _KINH_GUI.match(t) is not None
        or _has_ngay(t) and _PLACE_DATE.match(t) is not None
        or t[:1] in "Ss" and _NUMBER.match(t) is not None
        or ("Độc lập" in t or "Tự do" in t or t[:1] in "-_") and _MOTTO.search(fold_keep_length(t)) is not None
    )


# what ends a title's trích yếu: the authority that decides, its grounds, the address, the text itself
_AFTER_TITLE = re.compile(r"^(?:Căn cứ|Thực hiện|Theo đề nghị|Kính gửi|QUYẾT ĐỊNH\s*:|QUYẾT NGHỊ\s*:|[IVX]+\.|\d+\.|Điều \d)", re.I)
_TITLE_REACH = 4  # lines a trích yếu takes under its kind


def titled_subject(lines: list[Line], i: int) -> str | None:
    """The trích yếu written under the document's kind ("QUYẾT ĐỊNH⏎Phê duyệt Kế hoạch …⏎giai đoạn 2026 - 2030"), up
    to a blank line, the authority that decides ("THỦ TƯỚNG CHÍNH PHỦ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") or its
    grounds ("Căn cứ …"); None when nothing stands there."""
    k = i + 1
    while k < len(lines) and k <= i + 2 and not lines[k].text.strip(" *#"):
        k += 1
    parts: list[str] = []
    while k < len(lines) and len(parts) < _TITLE_REACH:
        t = lines[k].text.strip(" *#")
        if not t or _AFTER_TITLE.match(t) or POSTS.match(t) or t.startswith(("THỦ TƯỚNG", "BỘ TRƯỞNG")) or _ORG_START.match(t) \
                or "(Ban hành kèm" in t or "(Kèm theo" in t:
            break
        parts.append(t)
        k += 1
    return " ".join(parts)[:300] or None


def parse_header(lines: list[Line]) -> Header:
    """Read the header and footer fields; the body lies between body_start and body_end."""
    h = Header(body_end=len(lines))
    issuer_lines: list[str] = []
    first_end: int | None = None  # the first Nơi nhận or signature line
    noi_nhan: int | None = None  # the first "Nơi nhận:" line
    first_content = True
    n = len(lines)
    i = 0
    while i < n:
        ln = lines[i]
        t = ln.text
        if not t:
            i += 1
            continue
        if (h.body_end == n or first_end is None or noi_nhan is None) and i > 0 and (
                END_OF_BODY.match(t) or BARE_POST.match(t) and after_closing_mark(lines, i)):
            first_end = i if first_end is None else first_end
            if noi_nhan is None and NOI_NHAN.match(t):
                noi_nhan = i
            if h.body_end == n and i > n // 3:
                h.body_end = i
        if h.number is None and not h.number_blank and i < 40 and t[:1] in "Ss":
            m = _NUMBER.match(t)
            if m:
                num = m.group("num") or m.group("num2") or m.group("num3")
                if num and num[0].isdigit():
                    h.number = num.rstrip(".")
                else:
                    h.number_blank = True
                    h.warnings.append(f'line {ln.no}: the number (số hiệu) is left blank: "{t}"')
        if h.year is None and i < 60 and _has_ngay(t):
            # "Số: 1290/KH-UBND Đông Sơn, ngày 18 …": a two-column header's row on one line
            after = _NUMBER_THEN.match(t) if t[:1] in "Ss" else None
            m = _PLACE_DATE.match(t[after.end() :] if after else t)
            if m:
                h.place = m.group("place").strip(" *")
                h.year = int(m.group("y"))
                h.month = int(m.group("m")) if m.group("m") else None
                if m.group("d") and m.group("m"):
                    try:
                        h.issued_on = date(h.year, h.month or 1, int(m.group("d")))
                    except ValueError:
                        h.warnings.append(f'line {ln.no}: "{t}" is not a real date')
                else:
                    h.warnings.append(f"line {ln.no}: the date of the dispatch is incomplete: \"{t}\"")
        if h.subject is None and i < 60:
            m = _SUBJECT.match(t)
            if m and len(t) > 6:
                parts = [t]
                k = i + 1
                while k < n and k - i < 8 and _subject_goes_on(lines[k].text):
                    parts.append(lines[k].text)
                    k += 1
                h.subject = " ".join(parts)
            elif i < 40 and _DOCUMENT_TITLE.match(t.strip(" *#")):
                h.subject = titled_subject(lines, i)  # "QUYẾT ĐỊNH⏎Phê duyệt Kế hoạch …": the lines under the kind
        left = t
        if first_content and i < 30 and ("CỘNG" in t or "ộc lập" in t or "ỘC LẬP" in t):
            # "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": the issuer's column, then the motto's
            # (an issuer is all capitals: only a motto that starts within the capitals before the first
            # other letter can leave one, so the words after them are not folded)
            caps = _CAPITALS.match(t)
            head = t[: (caps.end() if caps else 0) + 100]
            right = _RIGHT_COLUMN.search(fold_keep_length(head))
            left = t[: right.start()] if right else t
        if first_content and i < 10 and "S" in left:
            left = without_number(left)
        if first_content and left and _ISSUER_LINE.match(left) and not _MOTTO.search(fold_keep_length(left)) and (
            i < 10 or h.number is None and h.year is None and i < 30 and not POSTS.match(left)
            and (bool(issuer_lines) or bool(_ORG_START.match(left)))  # after a web page's menu lines
        ) and not _DOCUMENT_TITLE.match(left):
            issuer_lines.append(left)
        elif issuer_lines:
            first_content = False
        m = (_KINH_GUI.match(t) or _KINH_GUI_AFTER_DATE.match(t) or address_line(t)) if i < 80 and not h.recipients else None
        if m:
            h.recipients_line = ln.no
            rest = m.group("rest").strip()
            if rest:  # "Kính gửi: Các bộ, cơ quan ngang bộ; UBND các tỉnh." on one line: one addressee per ";"
                h.recipients.extend(r.strip(" ;.,-") for r in rest.split(";") if r.strip(" ;.,-"))
            k = i + 1
            open_list = dashed = False
            while k < n:
                tk = lines[k].text
                if not tk:
                    if h.recipients and k + 1 < n and not lines[k + 1].text.startswith(("-", "+", "•")):
                        break
                    k += 1
                    continue
                if tk.startswith(("-", "+", "•", "–")) or (not rest and not h.recipients) or (
                    not rest and open_list and not dashed and len(tk) < 200 and bool(label_owners(tk.strip(" ;.,*")))
                ):
                    h.recipients.append(tk.lstrip("-+•– ").strip(" ;.,"))
                    # "Các sở, ban, ngành tỉnh;" on a line of its own, no dash: the list goes on
                    open_list = tk.rstrip(" *").endswith(";")
                    dashed = dashed or tk.startswith(("-", "+", "•", "–"))
                    k += 1
                    continue
                break
            h.body_start = k
        i += 1
    if noi_nhan is not None:
        # the first "Nơi nhận:" ends the body, with the signature just before it: a signature block
        # set as an example inside a guidance ("T/M BAN THƯỜNG VỤ") ends nothing
        first_end = next((j for j in range(max(h.body_start, noi_nhan - 12), noi_nhan) if END_OF_BODY.match(lines[j].text)), noi_nhan)
        h.body_end = first_end
    start = appendix_start(lines, first_end) if first_end is not None else unsigned_appendix(lines, h.body_start)
    if start is not None:
        # "KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)" after the signature: the body ends at the
        # first Nơi nhận or signature before it (however early) and the appendix is read too, up to
        # its own Nơi nhận or signature
        if noi_nhan is None:
            h.body_end = next((j for j in range(h.body_start, start) if END_OF_BODY.match(lines[j].text)),
                              h.body_end if first_end is not None else start)
        h.appendix = (start, next((j for j in range(start + 1, n) if END_OF_BODY.match(lines[j].text)
                                   or form_label(lines[j].text)), n))
    if issuer_lines:
        h.issuer = issuer_of(issuer_lines)
    # signer: the name after the signature block
    for k in range(h.body_end, n):
        m = SIGN.match(lines[k].text)
        if m:
            org = SECOND_SIGNATURE.split(m.group("org"), maxsplit=1)[0].strip("* ")
            if h.issuer is None and names_a_body(org):
                # "TM. BAN THƯỜNG VỤ … TM. SỞ …": two signatures side by side, the first one's body (not
                # "KT. CHỦ TỊCH", a post)
                h.issuer = agency_case(org)
            for j in range(k + 1, min(n, k + 12)):
                tj = lines[j].text.strip("* ")
                if tj and not POSTS.match(tj) and not tj.isupper() and len(tj.split()) <= 6:
                    h.signer = tj
                    break
            break
    # "Kính gửi: ……………" in a form sent to many: dots to fill in, no addressee; "Giám đốc Sở Y tế ………": the
    # place left blank after the name is no part of it
    h.recipients = [r.rstrip(" .…") for r in h.recipients if any(c.isalpha() for c in r)]
    return h
