"""The issuer's name from a header's capital lines, written as Vietnamese writes agency names (pure).

A header names the issuer in capitals, on one line or several: a parent body over the issuing one
("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ / SỞ NỘI VỤ"), or one name wrapped ("BAN CHỈ HUY PCTT VÀ TKCN / TỈNH
THỪA THIÊN HUẾ / VĂN PHÒNG THƯỜNG TRỰC"). A line that starts with a body's kind (Sở, Văn phòng, Tổng cục …)
starts a body of its own; any other line goes on with the one above it. The issuer is the last body:
with the parent's place when it names none itself ("Sở Nội vụ tỉnh Quảng Trị"), after a body that is only
an office of its parent ("Văn phòng thường trực Ban Chỉ huy …"), alone when its parent is a ministry
("Tổng cục Thuế").

The capitals are written as the rules for agency names have it (Nghị định 30/2020/NĐ-CP, Phụ lục II):
the kind of body in lower case after its first letter ("Ủy ban nhân dân", "Hội đồng nhân dân"), the field a
ministry or department is named after capitalised at each of its parts ("Bộ Lao động - Thương binh và Xã
hội", "Sở Khoa học và Công nghệ"), the name after a board's kind ("Ban Chỉ đạo", "Tổng cục Thuế"), every
syllable of a place after its level ("tỉnh Thừa Thiên Huế"), abbreviations kept ("PCTT", "UBND").
"""

from __future__ import annotations

import re

from dondoc.parse.normalize import fold_keep_length
from dondoc.spelling import spelled

# the kinds of body a line may start with (folded, first words): a body of its own
_KINDS = ("uy ban", "ubnd", "hdnd", "hoi dong", "so", "bo", "tong cuc", "cuc", "chi cuc", "vu", "van phong", "ban",
          "phong", "trung tam", "cong an", "thanh tra", "kho bac", "ngan hang", "bao hiem", "hoi", "lien doan",
          "doan", "dang uy", "dang bo", "tinh uy", "huyen uy", "thanh uy", "quan uy", "thi uy", "thu tuong",
          "chu tich", "benh vien", "truong", "vien", "hoc vien", "toa an", "vien kiem sat", "bo chi huy",
          "bo tu lenh", "ban chi huy")
_KIND = re.compile(r"^(?:" + "|".join(sorted(_KINDS, key=len, reverse=True)) + r")\b")
# a body that is only an office of its parent: its name needs the parent's
_OFFICE = re.compile(r"^(?:van phong|van phong thuong truc|thuong truc|ban thuong truc|ban thuong vu|bo phan)$")
# the Party committees named after their place ("Tỉnh ủy Bình Phước", "Huyện ủy Cô Tô")
_COMMITTEES = frozenset({"tinh uy", "huyen uy", "thanh uy", "thi uy", "quan uy"})
# bodies named after a field with parts joined by "và", "-", ",": each part capitalised
_FIELD_HEADS = frozenset({"bo", "so", "phong"})
# kinds whose next word begins the proper name ("Ban Chỉ đạo", "Tổng cục Thuế", "Ủy ban Dân tộc")
_NAMED_HEADS = frozenset({"ban", "tong cuc", "cuc", "chi cuc", "vu", "hoi", "lien doan", "trung tam", "uy ban",
                          "kho bac", "vien", "hoc vien", "bo chi huy", "ban chi huy", "bo tu lenh"})
# the levels a place name follows: every syllable after it is capitalised
_LEVELS = frozenset({"thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong"})
# words with a written form of their own (its first letter capitalised where the rules above say so)
_FIXED = {
    "uy ban nhan dan": "Ủy ban nhân dân", "hoi dong nhan dan": "Hội đồng nhân dân", "hoi dong": "Hội đồng",
    "chinh phu": "Chính phủ", "quoc hoi": "Quốc hội", "viet nam": "Việt Nam", "trung uong": "Trung ương",
    "mat tran to quoc": "Mặt trận Tổ quốc", "nha nuoc": "Nhà nước", "ho chi minh": "Hồ Chí Minh",
    "tinh uy": "Tỉnh ủy", "huyen uy": "Huyện ủy", "thanh uy": "Thành ủy", "thi uy": "Thị ủy", "quan uy": "Quận ủy",
    "dang uy": "Đảng ủy", "dang bo": "Đảng bộ",
    "cong thuong": "Công Thương", "xa hoi": "xã hội", "thuong truc": "thường trực", "thuong vu": "thường vụ",
    "ban chap hanh": "Ban Chấp hành",
}
# words a place name never holds: where a level word was no place's ("Ban Chỉ đạo tỉnh về …")
_NOT_PLACE = frozenset({"ve", "va", "cua", "thuoc", "truc", "tai", "trong", "cac", "nhiem", "khoa", "doi", "voi"})
# a body's board: the body's own name follows ("Ban Thường vụ Hội LHPN tỉnh", "Ban Chấp hành Đoàn …")
_BOARDS = ("thuong vu", "thuong truc", "ban chap hanh")
_FIXED_MAX = max(len(k.split()) for k in _FIXED)
# the number beside the issuer, on its line: "ỦY BAN NHÂN DÂN        TỈNH LÂM ĐỒNG  Số:          /TB-UBND"
_NUMBER_GLUED = re.compile(r"\s+S[ỐO]\s*(?:HIỆU)?\s*:.*$", re.I)


def without_number(line: str) -> str:
    """An issuer's line without the number a flattened header set beside it."""
    return _NUMBER_GLUED.sub("", line)


def _abbreviation(word: str) -> bool:
    letters = word.strip(",.()")
    return any(c.isdigit() for c in letters) or (len(letters) > 1 and not spelled(letters))


def _fixed_at(folded: list[str], i: int) -> tuple[int, list[str]] | None:
    for n in range(min(_FIXED_MAX, len(folded) - i), 0, -1):
        form = _FIXED.get(" ".join(x.strip(",") for x in folded[i : i + n]))
        if form is not None:
            return n, form.split(" ")
    return None


def agency_case(caps: str) -> str:
    """A name written in capitals as Vietnamese writes it; a name not all in capitals is kept."""
    caps = " ".join(caps.split())
    if not caps.isupper():
        return caps
    words = caps.split(" ")
    folded = [fold_keep_length(w.lower()) for w in words]
    out: list[str] = []
    mode = ""  # "place": every word capitalised; "field": after "và", "-", ","; "named": the next word only
    start = 0  # where the name of the body being written starts (after a board: "Ban Thường vụ | Hội …")
    bare = [f.strip(",") for f in folded]  # out[k] is words[k] written: a fixed form has as many words as its key
    i = 0
    while i < len(words):
        if mode == "place" and folded[i].strip(",") in _NOT_PLACE:
            mode = ""
        cap = len(out) == start or mode == "place" or mode == "named" or mode == "field" and (
            out[-1] in ("và", "-", "–") or out[-1].endswith(",") or len(out) - start == 1)  # or right after "Bộ"
        fixed = _fixed_at(folded, i)
        if fixed is not None:
            n, form = fixed
            comma = words[i + n - 1][len(words[i + n - 1].rstrip(",")):]
            form[-1] += comma
            if cap:
                form[0] = form[0][:1].upper() + form[0][1:]
            out.extend(form)
        else:
            n = 1
            w = words[i]
            place_word = mode == "place" and w.isalpha()  # "KON TUM", "ĐẮK LẮK": a place's syllables
            out.append(w if _abbreviation(w) and not place_word else (w[:1] + w[1:].lower()) if cap else w.lower())
        i += n
        if mode == "named":
            mode = ""
        so_far = " ".join(bare[start:i])
        if fixed is not None and so_far.endswith(_BOARDS) and i < len(words):
            start, mode = len(out), ""  # the board of a body: the body's name follows
            continue
        if mode != "place" and fixed is None and (bare[i - 1] in _LEVELS or " ".join(bare[max(0, i - 2) : i]) in _LEVELS):
            mode = "place"
        elif so_far in _COMMITTEES:
            mode = "place"  # "TỈNH ỦY BÌNH PHƯỚC": the Party committee of a place, the place's name follows
        elif so_far in _FIELD_HEADS:
            mode = "field"
        elif so_far in _NAMED_HEADS:
            mode = "named"
    return " ".join(out)


# a letter the crawler set apart from its syllable ("B Ộ LAO ĐỘNG", "V À X Ã HỘI")
_APART = re.compile(r"(?<!\S)([BCDĐGHKLMNPQRSTVX]) (?=[AĂÂEÊIOÔƠUƯYÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ])")
_JOINED = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")  # "LAO ĐỘNG-THƯƠNG BINH": the parts of a field
_RULE = re.compile(r"\s*[-–_]{3,}\s*")  # the rule under a header's name
# where a second body starts inside one line ("BỘ TÀI CHÍNH TỔNG CỤC THUẾ", two lines of a header in one cell)
_INNER = re.compile(r" (?=(?:TỔNG CỤC|CHI CỤC|SỞ|VĂN PHÒNG|TRUNG TÂM|KHO BẠC) )|(?<!TỔNG)(?<!CHI) (?=CỤC )"
                    r"|(?<!ỦY)(?<!UỶ) (?=BAN )|(?<!VĂN) (?=PHÒNG )")


# a council's term and session after its name: "HỘI ĐỒNG NHÂN DÂN TỈNH X KHÓA IX - KỲ HỌP THỨ NĂM"
_TERM = re.compile(r"(?:^|(?<![\s,–-])[\s,–-]+)(?:KH[OÓ][AÁ]\s+[IVXLC\d]+\b|K[ỲY]\s+HỌP\b|NHIỆM\s+KỲ\b).*$", re.I)
_LINE_REACH = 240  # an issuer's line is short: a longer one is read no further (linear time on any text)


def _unglued(line: str) -> str:
    line = line[:_LINE_REACH]
    line = _TERM.sub("", _RULE.sub(" ", without_number(" ".join(line.split()))))
    line = _APART.sub(lambda m: m.group(1) if _joins(m, line) else m.group(0), line)
    return _JOINED.sub(" - ", line).strip()


def _joins(m: re.Match[str], line: str) -> bool:
    word = line[m.end() :].split(" ", 1)[0]
    return spelled(m.group(1) + word)


def _bodies(lines: list[str]) -> list[str]:
    out: list[str] = []
    for raw in lines:
        for ln in _INNER.split(_unglued(raw)):
            if out and not _KIND.match(fold_keep_length(ln.lower())):
                out[-1] += " " + ln
            elif ln:
                out.append(ln)
    return out


_UNIT = re.compile(r"^(?:phong|ban|to|bo phan)\b")
_UNIT_OF = re.compile(r"^(?:van phong|so|cuc|tong cuc|bo)\b")
_PLACE = re.compile(r"\s(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s(?!hội\b).+$")


def names_a_body(name: str) -> bool:
    """Whether a name starts with a body's kind ("TM. ỦY BAN NHÂN DÂN"), not a post ("KT. BỘ TRƯỞNG")."""
    f = fold_keep_length(name.lower())
    return _KIND.match(f) is not None and _POST.match(f) is None


_POST = re.compile(r"^(?:bo truong|thu truong|tong giam doc|pho tong giam doc|cuc truong|vu truong|chu tich|"
                   r"pho chu tich|truong ban|pho truong ban|chanh van phong|giam doc|pho giam doc|truong phong)\b")


def issuer_of(lines: list[str]) -> str | None:
    """The issuing body named by a header's capital lines (see the module's text)."""
    bodies = [agency_case(b) for b in _bodies(lines) if b.strip()]
    if not bodies:
        return None
    while len(bodies) > 1 and _UNIT.match(fold_keep_length(bodies[-1].lower())) and _UNIT_OF.match(
            fold_keep_length(bodies[-2].lower())):
        bodies.pop()  # "VĂN PHÒNG UBND TỈNH / PHÒNG KINH TẾ": a unit of an office writes in the office's name
    own = bodies[-1]
    if len(bodies) == 1:
        return own
    parent = bodies[-2]
    if _OFFICE.match(fold_keep_length(own.lower())):
        return f"{own} {parent[:1].upper()}{parent[1:]}"
    place = _PLACE.search(" " + parent)
    if place is not None and _PLACE.search(" " + own) is None:
        return f"{own} {place.group().strip()}"
    return own
