"""Owners written as the subject of a clause: "Sở Y tế chủ trì", "Công an tỉnh phối hợp", "Hằng năm, các
cơ quan, đơn vị hưởng ứng …" (pure). roles.py reads the ones asked or given the work."""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.heads import HEAD_WORDS, org_at, verb_at
from dondoc.parse.lines import Tok
from dondoc.parse.names import END_PUNCT, OwnerList, name_texts, owner_list
from dondoc.parse.asked import REQUEST_VERBS, WITH_WORDS
from dondoc.parse.roles import Owners, _clause_starts, _directed, before_predicate, marked_lead, vague


# opening phrases that may hold commas of their own before the subject ("Căn cứ …", "Trên cơ sở …", "Trong
# thời hạn 7 ngày làm việc, kể từ ngày nhận đủ hồ sơ, …")
# "Nhằm đạt được mục tiêu …, bên cạnh …, các bộ … thực hiện các nhiệm vụ sau:", "Để triển khai …, các sở …": a
# purpose or a setting before the subject, which may hold commas (and names) of its own
LONG_OPENING: Final = re.compile(r"\s*(?:can cu|tren co so|sau khi|trong qua trinh|trong thoi han|trong vong|de dam bao|de bao dam"
                                 r"|nham|ben canh|de (?:thuc hien|trien khai|dat duoc))\b")


_CASE_OPENINGS = frozenset({"doi voi", "truong hop", "rieng doi", "neu co", "trong truong"})


def _after_opening(toks: list[Tok], s: int) -> tuple[OwnerList, int]:
    """The owners after an opening phrase and a comma ("Hằng năm, các cơ quan, đơn vị hưởng ứng …",
    "Để bảo đảm an toàn, Sở Y tế chủ trì …"), when the phrase names no owner itself."""
    n = len(toks)
    grounds = LONG_OPENING.match(" ".join(x.f for x in toks[s : s + 3])) is not None
    # "Đối với vụ việc ở khu dân cư thì cơ quan, đơn vị giới thiệu người ứng cử có trách nhiệm …": the case, then
    # "thì" and the clause about it
    case = " ".join(x.f for x in toks[s : s + 2]) in _CASE_OPENINGS
    for k in range(s, min(n, s + (60 if grounds else 30))):
        t = toks[k]
        f = t.f
        if f in (".", ";", ":", "!", "?"):
            break
        if f != "," and not (case and f == "thi"):
            if (f in HEAD_WORDS or t.upper) and org_at(toks, k) and not grounds:
                break  # an owner in the opening phrase: the commas are its list's (not in "Căn cứ … được X phân bổ")
            continue
        k1 = k + 3 if k + 3 < n and toks[k + 1].f == "dong" and toks[k + 2].f == "chi" and toks[k + 3].cap else k + 1
        ol = owner_list(toks, k1)
        if ol.names and ol.verb:
            return ol, k1
        if not grounds:
            break  # the opening phrase ends at its first comma
        # "Căn cứ số vốn được phân bổ từ ngân sách trung ương, vốn ngân sách địa phương và …, UBND cấp tỉnh phân
        # bổ …": a phrase of grounds lists things between its commas; the subject follows one of them
    return OwnerList(end=s), s


def subjects(text: str, toks: list[Tok], found: Owners) -> int:
    """Owners written as the subject of a clause: "Sở Y tế chủ trì", "Công an tỉnh phối hợp".

    Returns how far (in tokens) the owner lists read.
    """
    n = len(toks)
    reach = 0
    for s in _clause_starts(toks):
        if s + 2 < n and toks[s].f == "chi" and toks[s + 1].f == "dao" and found.directs:
            # "Chỉ đạo Trung tâm Kiểm soát bệnh tật giám sát …": the item's owner (named above it) directs B
            ol = owner_list(toks, s + 2)
            reach = max(reach, ol.reach)
            if ol.names and before_predicate(toks, ol):
                found.directed += [x for x in name_texts(text, ol.names)
                                   if not vague(x) and x not in found.directed]
            continue
        if s + 3 < n and toks[s].f == "cac" and toks[s + 1].f == "dong" and toks[s + 2].f == "chi" and toks[s + 3].cap:
            s += 3  # "Các đồng chí Ủy viên UBND xã …": the post, not the persons
        if s + 2 < n and toks[s].f == "dong" and toks[s + 1].f == "chi" and toks[s + 2].cap:
            s += 2  # "Đồng chí Giám đốc Sở …": the office, not the person
        ol = owner_list(toks, s)
        reach = max(reach, ol.reach)
        if not ol.names and s + 2 < n and (toks[s].f, toks[s + 1].f) in _EVERY:
            # "Hàng tháng Kho bạc Nhà nước huyện chuyển …": a time opening without its comma, then the subject
            ol = owner_list(toks, s + 2)
            reach = max(reach, ol.reach)
            s = s + 2 if ol.names else s
        if not ol.names:
            ol, s = _after_opening(toks, s)
            reach = max(reach, ol.reach)
        if ol.names and not ol.verb:
            ol = _over_qualifier(toks, ol)
            reach = max(reach, ol.reach)
        if ol.names and not ol.verb and ol.end + 2 < n and toks[ol.end].f == "va" \
                and (toks[ol.end + 1].f, toks[ol.end + 2].f) in _ASKED_BESIDE and owner_list(toks, ol.end + 3).names:
            # "(… yêu cầu:) Thủ trưởng các phòng, Chủ tịch UBND các xã và đề nghị các cơ quan ngành dọc thực hiện …": the
            # bodies before "và đề nghị" are told the same work as those after it
            found.add_lead(name_texts(text, ol.names), f'listed before "{text[toks[ol.end].start:toks[ol.end + 2].end]}"')
            continue
        if ol.names and ol.verb:
            verb = " ".join(t.f for t in toks[ol.end : ol.end + ol.verb])
            if verb in _BEFORE_ASKING:
                asked = verb_at(toks, ol.end + ol.verb)  # "đồng chí … cũng giao nhiệm vụ cho …": still the one who asks
                if " ".join(t.f for t in toks[ol.end + ol.verb : ol.end + ol.verb + asked]) in REQUEST_VERBS:
                    ol = OwnerList(names=ol.names, end=ol.end + ol.verb, verb=asked, looked=ol.looked)
                    verb = " ".join(t.f for t in toks[ol.end : ol.end + ol.verb])
            names = name_texts(text, ol.names)
            nxt = toks[ol.end + ol.verb].f if ol.end + ol.verb < n else ""
            if verb in REQUEST_VERBS and (verb in ("de nghi", "yeu cau") or _asks_someone(toks, ol.end + ol.verb)):
                found.askers += names
                continue  # the one who asks is not the one who does
            if verb == "co y kien" and _gives_opinion(toks, ol.end + ol.verb):
                found.askers += names
                continue  # "Chủ tịch UBND tỉnh có ý kiến (chỉ đạo) như sau: Giao …": the one who directs, not who does
            if verb == "theo" and not _acts_after(toks, ol.end + 1):
                continue  # "… Ban Chỉ đạo cấp tỉnh theo quy định.": named as what is done, no subject
            if verb == "de":
                continue  # "… Trung tâm thể thao tỉnh để phát huy hiệu quả": what the work is for, no subject
            if verb in ("sau", "truoc") and any(t.f in ("voi", "cua", "cho", "tai") for t in toks[max(0, s - 4) : s]) \
                    and " ".join(t.f for t in toks[ol.end + 1 : ol.end + 3]) in _REORGANISED:
                continue  # "… tương ứng với thôn, tổ dân phố sau sắp xếp": the units as reorganised, after "với", no subject
            if verb in ("da", "da va dang"):
                continue  # "Sở Y tế đã ban hành …": what was done, background, no task
            if verb == "thong bao":
                # "Tổng cục Thuế thông báo để Cục Thuế được biết, báo cáo …": the one told acts
                k = ol.end + ol.verb
                k += k < n and toks[k].f in ("de", "cho")
                told = owner_list(toks, k)
                reach = max(reach, told.reach)
                if told.names:
                    found.add_lead(name_texts(text, told.names), f'told by "{text[toks[s].start:toks[ol.end].end]}"')
                    continue
            marked = marked_lead(text, ol.names)
            if verb == "phoi hop" and nxt not in WITH_WORDS and found.lead:
                found.add_support(names, f'"{text[toks[s].start:toks[ol.end].end]}" (the subject cooperates)')
            elif marked:
                # "Sở Nội vụ (chủ trì), Sở Tài chính, Văn phòng UBND tỉnh rà soát …": the one marked leads
                found.add_lead(marked, f'marked "(chủ trì)" in "{text[toks[s].start:toks[ol.end - 1].end]}"')
                found.add_support([x for x in names if x not in marked], "listed beside the one marked (chủ trì)")
            else:
                found.add_lead(names, f'subject of the sentence "{text[toks[s].start:toks[ol.end + ol.verb - 1].end]}"')
                if verb in _STANCES:
                    found.said += names
                k = ol.end + ol.verb
                if verb in _CHARGED_TO and k + 2 < n and toks[k].f == "chi" and toks[k + 1].f == "dao":
                    verb, k = "chi dao", k + 2  # "A có trách nhiệm chỉ đạo B …": as "A chỉ đạo B …"
                elif verb.endswith(" chi dao"):
                    verb = "chi dao"  # "A tiếp tục chỉ đạo B …" (one predicate of the word list)
                if verb == "chi dao":
                    reach = max(reach, _directed(text, toks, k, found))
                elif verb == "chu tri" and k + 1 < n and toks[k].f == ",":
                    # "Trạm Y tế xã chủ trì, Hội Phụ nữ xã phối hợp thực hiện": B cooperates, as after "giao"
                    ol2 = owner_list(toks, k + 1)
                    reach = max(reach, ol2.reach)
                    if ol2.names and ol2.verb and toks[ol2.end].f == "phoi":
                        found.add_support(name_texts(text, ol2.names),
                                          f'"{text[toks[k + 1].start:toks[ol2.end + ol2.verb - 1].end]}" (cooperates with the lead)')
    return reach


def _gives_opinion(toks: list[Tok], k: int) -> bool:
    """Whether "có ý kiến" ending before token k opens the issuer's directions ("… có ý kiến (chỉ đạo) (như sau):")."""
    if k + 1 < len(toks) and toks[k].f == "chi" and toks[k + 1].f == "dao":
        k += 2
    if k + 1 < len(toks) and toks[k].f == "nhu" and toks[k + 1].f == "sau":
        k += 2
    return k < len(toks) and toks[k].f == ":"


_ASKED_BESIDE = frozenset({("de", "nghi"), ("yeu", "cau")})


# what a body that gives work out says of what it heard ("HĐND tỉnh thống nhất với …", "… ghi nhận …"): when the
# same body asks another in the text, these sentences give it no work (Owners.without_askers)
_STANCES = frozenset({"thong nhat", "nhat tri", "ghi nhan", "danh gia", "dong y", "tan thanh", "bieu duong", "hoan nghenh"})

# a time that opens a sentence, written without a comma before its subject
_EVERY = frozenset((a, b) for a in ("hang", "dinh") for b in ("ngay", "tuan", "thang", "quy", "nam", "ky"))

# words between an asker and the request ("… cũng giao …", "… đồng thời đề nghị …", "… tiếp tục yêu cầu …")
_BEFORE_ASKING = frozenset({"cung", "dong thoi", "tiep tuc", "tiep"})

# predicates after which "chỉ đạo B" is what the subject is charged with
_CHARGED_TO = frozenset({"co trach nhiem", "chiu trach nhiem", "khan truong", "chu dong", "can", "phai", "tiep tuc"})

# "sau sắp xếp", "trước sáp nhập": the state of the bodies named before, reorganised (not "sau khi …, <predicate>")
_REORGANISED = frozenset({"sap xep", "sap nhap", "sat nhap", "hop nhat", "kien toan", "to chuc", "chia tach", "giai the"})

# words a qualifier between owners and their predicate holds that are no predicate themselves
_QUALIFYING = frozenset({"theo", "trong", "tai", "cua", "voi", "cho", "de", "khi", "sau", "truoc", "tren", "duoi",
                         "ngay", "la", "mot so", "nhung", "doi voi", "cung", "tiep"})
_QUALIFIER_TOKENS = 30
# words a qualifier starts with: "trong phạm vi …", "theo chức năng …", "thuộc …" (not "của": "X của Y" is
# mostly what is said of Y)
_QUALIFIER_OPENS = frozenset({"trong", "theo", "thuoc", "o"})
# … and set between commas: "trên cơ sở …", "căn cứ …", "theo …", "trong phạm vi …"
_QUALIFIER_AFTER_COMMA = frozenset({"tren", "can", "theo", "trong"})


def _over_qualifier(toks: list[Tok], ol: OwnerList) -> OwnerList:
    """Owners whose list a qualifier interrupts before their predicate: "Hội đồng Dân tộc, các Ủy ban của
    Quốc hội, các Đoàn đại biểu Quốc hội … trong phạm vi nhiệm vụ, quyền hạn của mình tổ chức giám sát":
    the qualifier is passed (the owners listed after it are kept) up to the predicate; without one in the
    clause, the list is left as it was."""
    n = len(toks)
    m = ol.end
    if m + 1 < n and toks[m].f == "," and toks[m + 1].f in _QUALIFIER_AFTER_COMMA:
        m += 1  # "Các phòng, ban chuyên môn huyện, trên cơ sở chức năng được giao, tích cực tham mưu …"
    elif m >= n or toks[m].f not in _QUALIFIER_OPENS:
        return ol
    names = list(ol.names)
    limit = min(n, ol.end + _QUALIFIER_TOKENS)
    while m < limit:
        f = toks[m].f
        if f in (".", ";", ":", "!", "?", "(", ")"):
            return ol
        if f in (",", "va") and org_at(toks, m + 1):
            more = owner_list(toks, m + 1)
            names += [x for x in more.names if x not in names]
            if more.verb:
                return OwnerList(names=names, end=more.end, verb=more.verb, looked=max(ol.looked, more.looked))
            m = max(more.end, m + 1)
            continue
        v = verb_at(toks, m)
        if v and " ".join(t.f for t in toks[m : m + v]) not in _QUALIFYING:
            return OwnerList(names=names, end=m, verb=v, looked=max(ol.looked, m + 1))
        m += 1
    return ol


def _acts_after(toks: list[Tok], k: int) -> bool:
    """Whether a predicate follows in the clause ("… theo chức năng, nhiệm vụ triển khai …")."""
    for m in range(k, min(len(toks), k + 24)):
        if toks[m].f in (".", ";", ":", "!", "?"):
            return False
        if verb_at(toks, m) and toks[m].f not in ("theo", "trong", "tai", "cua", "voi", "cho", "de", "khi", "sau", "truoc"):
            return True
    return False


def _asks_someone(toks: list[Tok], k: int) -> bool:
    """Whether the request names whom it asks: an owner right after it ("giao Sở X", "yêu cầu các đơn
    vị") or after what is given ("giao nhiệm vụ cho Sở X"); else the subject gives out work to its own
    people ("Ban Thường vụ Hội phân công cán bộ phụ trách các chi hội") and is the owner."""
    n = len(toks)
    if k < n and toks[k].f == "cho":
        k += 1
    if org_at(toks, k):
        return True
    for m in range(k, min(n, k + 5)):
        if toks[m].f in END_PUNCT or toks[m].f == ",":
            return False
        if toks[m].f == "cho" and org_at(toks, m + 1):
            return True
    return False
