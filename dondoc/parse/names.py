"""The span of each owner in a list of them ("Sở Y tế, Công an tỉnh và UBND các huyện chủ trì"), and its text (pure).

Owners are cut from the text as written ("UBND các huyện, thị xã, thành phố" stays one owner);
resolving them against the directory happens later. The text of each span, as written, is
written_names.py's (name_texts, importable from here too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from dondoc.parse.heads import DETERMINER_BY_FIRST, END_PUNCT, HEAD_WORDS, NAME_STOP, name_stops, org_at, phrase_len, verb_at
from dondoc.parse.lines import Tok
from dondoc.parse.collective_names import (
    bare_series, collective_at, every_level, listed, longer_head, members, noun_at, places_go_on, qualifies,
    set_phrase_goes_on,
)
from dondoc.parse.name_levels import levels_of
from dondoc.parse.name_units import (
    HOW,
    PEOPLE,
    PLACES,
    after_dash,
    charged_after,
    described,
    descriptive,
    duty_after,
    joint_office,
    joint_topic,
    kept_word,
    level_ends_name,
    name_goes_on,
    placed_name_goes_on,
    unit_of,
)
from dondoc.parse.name_tails import past_where, whose_end
from dondoc.parse.team_names import team_name_end
from dondoc.parse.vocab import COLLECTIVE_NEXT, ORG_WORDS, TOPICS
from dondoc.parse.vocab import BARE_HEADS as _BARE, MANAGED as _MANAGED, PAIRED as _PAIRED
from dondoc.parse.vocab import TEAM_TASKS as _TEAM_TASKS, TEAMS as _TEAMS
from dondoc.parse.written_names import name_texts

__all__ = ["END_PUNCT", "MAX_NAME_TOKENS", "OwnerList", "name_texts", "owner_list"]

MAX_NAME_TOKENS: Final = 22
# the councils' abbreviations a unit may belong to ("các Ban của HĐND tỉnh")
_COUNCILS = frozenset({"hdnd", "ubnd"})


def _add(out: OwnerList, toks: list[Tok], start: int, last: int, head: int) -> None:
    """Add the name toks[start:last + 1] to the list, unless it is a head alone ("Cơ quan", "Đơn vị")."""
    if not toks[start].upper and (last == start + head - 1 or last == start + head + 1 and toks[last].f == "truc"
                                  and toks[last - 1].f == "thuong") and " ".join(t.f for t in toks[start : last + 1]) in _BARE:
        return  # "Cơ quan thường trực" too: a role, whose name the text gives after it
    out.names.append((toks[start].start, toks[last].end))


@dataclass
class OwnerList:
    names: list[tuple[int, int]] = field(default_factory=list)  # character spans
    end: int = 0  # token index after the list
    verb: int = 0  # length of the predicate that ends it (0: ended otherwise)
    looked: int = 0  # token index past the last one read looking for a ")" that never came

    @property
    def reach(self) -> int:
        """The tokens read lie before this index (a predicate is at most 4 words, read past `end`;
        a unit's name that goes on past one reads up to 5 more words and a predicate)."""
        return max(self.end + 16, self.looked)


def owner_list(toks: list[Tok], i: int) -> OwnerList:
    """Parse "A, B và các C" starting at token i."""
    out = OwnerList(end=i)
    n = len(toks)
    first = i
    while i < n:
        head = org_at(toks, i) or (collective_at(toks, i, first, i) or int(team_name_end(toks, i, 1) > 0) if i > first else 0)
        if not head:
            break
        start = i
        j = i + head
        last = j - 1
        stop = False
        inner = False
        team = team_name_end(toks, start, head)
        if team:
            j, last = team, team - 1  # "tổ quản lý trật tự đô thị": a team named by its task, up to the list's mark
        while j < n and j - start < MAX_NAME_TOKENS:
            t = toks[j]
            if t.f == "(":
                close = next((k for k in range(j + 1, min(n, j + 40)) if toks[k].f == ")"), None)
                if close is None:
                    out.looked = max(out.looked, min(n, j + 40))
                    stop = True
                    break
                j = close + 1
                continue
            if t.f == "/" and j + 1 < n and toks[j + 1].word and not toks[j + 1].cap and toks[j + 1].start == t.end \
                    and toks[j - 1].end == t.start and toks[j - 1].word:
                j += 1  # "Hội nạn nhân chất độc da cam/dioxin": two words joined by a slash
                continue
            if t.f in END_PUNCT or t.f == ")":
                stop = True
                break
            if t.f == "neu" and j + 1 < n and toks[j + 1].f == "tren" and toks[start].f in DETERMINER_BY_FIRST:
                last = j + 1  # "các đơn vị nêu trên": the ones named above, part of the name
                j += 2
                continue
            if t.f == "cung" and j + 1 < n and toks[j + 1].f in ("cap", "ung") and (toks[j + 1].f == "cap" or t.cap):
                last = j + 1  # "Ủy ban Mặt trận Tổ quốc cùng cấp": of the same level; "Trung tâm Cung ứng dịch vụ công"
                j += 2
                continue
            if t.f == "," or t.f == "va" or t.f == "cung":
                k = j + 1
                if k < n and t.f == "cung" and toks[k].f == "voi":
                    k += 1
                if t.f == "," and not team and k < n and not toks[k].cap and toks[k].f in COLLECTIVE_NEXT and noun_at(toks, k) \
                        and not team_name_end(toks, k, 1) \
                        and (not toks[start].cap or listed(toks, start, j) or phrase_len(PLACES, toks, k)
                             or bare_series(toks, start, head, last)):
                    # a noun that is a predicate elsewhere ("tổ chức") is passed whole, and so is a head of several
                    # words, which may hold one ("ban cán sự các thôn")
                    v = verb_at(toks, k) or longer_head(toks, k)
                    j, last = (k + v, k + v - 1) if v else (k, last)
                    continue  # "các sở, ngành, cơ quan", "các cơ quan, tổ chức, doanh nghiệp": one collective owner
                if t.f in (",", "va") and k < n and (toks[j - 1].f, toks[k].f) in _PAIRED:
                    j = k  # "Ban Chỉ đạo phòng, chống tội phạm", "Phòng Cảnh sát phòng cháy, chữa cháy"
                    if toks[k].f == "xa" and k + 1 < n and toks[k + 1].f == "hoi":
                        j = k + 1  # "Thương binh và xã hội": the two words of society
                    continue
                if t.f == "va" and k < n and not toks[k].cap and phrase_len(PLACES, toks, k) and listed(toks, start, j):
                    j = k  # "UBND các huyện, thị xã và thành phố Huế": the places of one collective owner
                    continue
                if t.f in ("va", "cung", ","):
                    # "Công an tỉnh và Nhân dân cùng tham gia …", "các HTX, nhân dân khẩn trương …": the
                    # people are no owner, the list ends here
                    m = k + phrase_len(PEOPLE, toks, k)
                    if m > k:
                        m += m < n and toks[m].f == "cung"
                        m = past_where(toks, m)  # "… và các hộ gia đình trên địa bàn Thành phố treo cờ"
                        v = verb_at(toks, m)
                        if v:
                            _add(out, toks, start, last, head)
                            out.end, out.verb = m, v
                            return out
                if t.f == "," and k < n and levels_of(toks, j, k):
                    j = k  # "các cơ quan, đơn vị của tỉnh, TW đóng trên địa bàn huyện": the levels whose bodies they are
                    continue
                if t.f == "," and unit_of(toks, start, last, k):
                    j = k  # "Ban Gia đình - Xã hội, Hội LHPN tỉnh": a unit and the body it belongs to, one owner
                    continue
                if k < n and toks[k].upper and toks[k].f in TOPICS and toks[j - 1].f in TOPICS:
                    j = k  # "Ban Chỉ huy PCTT và TKCN": two topics of one body's name
                    continue
                if joint_topic(toks, start, j, k) and (t.f == "va" or k + 2 < n and toks[k + 1].f == "va" and toks[k + 2].upper):
                    j = k  # "Sở NN và PTNT", "Sở VH, TT và DL": the abbreviated words of one name
                    continue
                if t.f == "va" and joint_office(toks, start, last, k):
                    j = k  # "Văn phòng HĐND và UBND xã": one office serving both
                    continue
                if t.f == "," and every_level(toks, start, last, k):
                    last, j = k + 1, k + 2  # "Ban Chỉ huy … các ngành, các cấp": of every sector and level, one name
                    continue
                if t.f == "," and set_phrase_goes_on(toks, start, last, k):
                    j = k  # "các Sở, Ban, ngành": the set phrase written with capitals, one collective owner
                    continue
                if places_go_on(toks, start, j, k):
                    j = k  # "UBND các Huyện, Thị xã, Thành phố": the places of one collective owner, in capitals
                    continue
                if org_at(toks, k) or team_name_end(toks, k, 1) or t.f == "va" and collective_at(toks, k, start, j):
                    break  # the next owner of the list ("… và tổ chức, đoàn thể có liên quan" too)
                if t.f != "cung" and k < n and toks[k].cap and toks[k].word and not verb_at(toks, k):
                    j = k  # "Sở Kế hoạch và Đầu tư", "Sở Văn hóa, Thể thao và Du lịch"
                    continue
                if t.f == "va" and descriptive(toks, start, head, j) and k < n and toks[k].word and not toks[k].cap \
                        and toks[k].f not in NAME_STOP and not verb_at(toks, k) and not phrase_len(PEOPLE, toks, k):
                    j = k  # "Hội đồng Giáo dục quốc phòng và an ninh xã": two words of one name
                    continue
                stop = True
                break
            if t.f in ("-", "–", "—"):
                go, ends = after_dash(toks, start, last, j)
                if go:
                    j = go
                    continue
                if ends:  # apposition: "Công an tỉnh - Cơ quan Thường trực ...", up to its predicate
                    _add(out, toks, start, last, head)
                    out.end, out.verb = ends, verb_at(toks, ends)
                    return out
                stop = True
                break
            if kept_word(toks, j):
                last = j  # "các cấp ủy đảng", "Đoàn cấp trên"
                j += 1
                continue
            whose = whose_end(toks, j) if t.f == "cua" else 0
            if whose:
                last, j = whose - 1, whose  # "các cơ quan, đơn vị của Trung ương": whose, part of the name
                continue
            if t.f in ("trong", "cua") and members(toks, start, j) and org_at(toks, j + 1):
                last, j, inner = j + org_at(toks, j + 1), j + 1 + org_at(toks, j + 1), True
                continue  # "các thành viên khác trong tiểu ban", "thành viên của Ban Chỉ đạo": members of a body
            if t.f in ("tren", "trong", "tai") and j + 1 < n and not toks[j + 1].cap:
                m = j + 1 + (2 if toks[j + 1].f == "dia" and j + 2 < n and toks[j + 2].f == "ban" else 0)
                loc = phrase_len(PLACES, toks, m) if m < n and not toks[m].cap else 0
                if m > j + 1 or loc:
                    # "các doanh nghiệp trên địa bàn tỉnh", "các sở, ban ngành trong tỉnh": where, part of the name
                    last = m - 1 + loc
                    j = last + 1
                    continue
            v = verb_at(toks, j) or (t.f == "tu" and not t.cap and toks[j - 1].f not in ("dau", "thu") and j + 1 < n
                                     and verb_at(toks, j + 1) and 1 + verb_at(toks, j + 1))  # "tự kiểm tra", not "đầu tư"
            if v and t.f == "duoc" and toks[start].f in DETERMINER_BY_FIRST and j + 1 < n and toks[j + 1].f in ("giao", "phan"):
                # "các cơ quan, đơn vị được giao chủ trì / nhiệm vụ", "các đơn vị được phân công": which of them, not what they do
                m = j + 2 + (1 if toks[j + 1].f == "phan" and j + 2 < n and toks[j + 2].f == "cong" else 0)
                if m + 1 < n and (toks[m].f, toks[m + 1].f) in (("chu", "tri"), ("nhiem", "vu")):
                    m += 2
                if toks[j + 1].f == "giao" or m > j + 2:
                    last, j = m - 1, m
                    continue
            if v and t.f == "duoc" and toks[start].f in DETERMINER_BY_FIRST:
                # "Các cơ quan, đơn vị, địa phương được phân bổ kế hoạch vốn năm 2023 nêu tại Điều 1 chịu trách
                # nhiệm …": which of them, up to the predicate that charges them
                m = charged_after(toks, j + 1)
                if m:
                    last, j = m - 1, m
                    continue
            if v and (not toks[start].cap or start + 1 < n and not toks[start + 1].cap) and qualifies(toks, j, v):
                m = duty_after(toks, j)
                if m:
                    last, j = m - 1, m  # "cơ quan, tổ chức, đơn vị giới thiệu người ứng cử có trách nhiệm …": which ones
                    continue
            if v == 2 and j == start + head and t.f == "quan" and toks[j + 1].f == "ly" and toks[start].f in DETERMINER_BY_FIRST:
                # "các đơn vị quản lý đường bộ", "các cơ quan quản lý nhà nước", "các cơ quan quản lý trực tiếp cơ sở
                # giáo dục": the units that manage, a name
                m = j + 2 + (2 if j + 3 < n and toks[j + 2].f == "truc" and toks[j + 3].f == "tiep" else 0)
                noun = m < n and toks[m].word and (toks[m].f not in HOW or m + 1 < n and (toks[m].f, toks[m + 1].f) in _MANAGED)
                if noun and not verb_at(toks, m):
                    last, j, inner = m - 1, m, True
                    continue
            if v and j == start + head and toks[start].cap and not toks[start].upper and j + v < n \
                    and (verb_at(toks, j + v) or toks[j + v].cap and toks[start].f == "uy") \
                    and " ".join(x.f for x in toks[start:j]) in _TEAMS and " ".join(x.f for x in toks[j : j + v]) in _TEAM_TASKS:
                # "Đoàn giám sát có nhiệm vụ …", "Tổ kiểm tra có trách nhiệm …": a body named by what it does
                last, j = j + v - 1, j + v
                continue
            if v:
                more = name_goes_on(toks, start, head, j, v) or placed_name_goes_on(toks, start, head, j, v)
                if more:
                    last, j = more - 1, more
                    continue
                _add(out, toks, start, last, head)
                out.end, out.verb = j, v
                return out
            if t.f == "cua" and j + 1 < n and not toks[j + 1].cap:
                loc = phrase_len(PLACES, toks, j + 1)
                if loc:
                    last = j + loc  # "các cơ quan báo chí của tỉnh": the place belongs to the name
                    j = last + 1
                    continue
            if t.f == "cua" and j + 1 < n and toks[j + 1].cap and org_at(toks, j + 1) \
                    and (not toks[j + 1].upper or toks[j + 1].f in _COUNCILS) \
                    and (toks[start].f not in DETERMINER_BY_FIRST or j == start + head and toks[j - 1].cap):
                # "Tổ công tác đặc biệt của Công an xã", "các Ban của Hội đồng nhân dân" (a capitalised head right
                # before "của"): a unit and its body
                last, j, inner = j, j + 1, True
                continue
            if t.f == "tai" and toks[j - 1].f == "thien" and not t.cap:
                last = j  # "Ban Chỉ huy Phòng, chống thiên tai": "tai" of "thiên tai", not "tại"
                j += 1
                continue
            if t.f == "chiu" and not t.cap and j + 2 < n and toks[j + 1].f == "su" and toks[start].f in DETERMINER_BY_FIRST \
                    and toks[j + 2].word and not toks[j + 2].cap:
                # "các cơ quan chịu sự giám sát thực hiện …": which bodies (those supervised), then what they do
                k = j + 3 + (j + 3 < n and toks[j + 3].word and not toks[j + 3].cap and not verb_at(toks, j + 3))
                last, j = k - 1, k
                continue
            if t.f == "chiu" and not t.cap and j + 1 < n and toks[j + 1].f == "su":
                stop = True  # "Sở Y tế chịu sự chỉ đạo của …": what it is under, no word of its name
                break
            if t.f == "co" and not t.cap and j + 2 < n and toks[j + 1].f == "ban" and toks[j - 1].f != "dung" \
                    and verb_at(toks, j + 2):
                stop = True  # "Hội đồng nhân dân tỉnh cơ bản thống nhất": an adverb ("basically"), not "xây dựng cơ bản"
                break
            if level_ends_name(toks, start, last, j) and not verb_at(toks, j):
                stop = True  # "Giao Ủy ban nhân dân tỉnh chỉnh sửa …": the name ends at its level
                break
            if t.word and not t.cap and not t.f.isdigit() and (
                name_stops(toks, j) or (t.f not in ORG_WORDS and not toks[start + (head > 1 and toks[start].f in ("cac", "nhung"))].cap
                                        and not inner)
            ):
                more = described(toks, start, head, j) if not name_stops(toks, j) else 0
                if more:
                    last, j = more - 1, more  # "Các chủ công trình hồ chứa nước thủy lợi, thủy điện": what they are
                    continue
                stop = True
                break
            if t.cap and t.f in HEAD_WORDS:
                inner = True  # "các đơn vị trực thuộc Sở Nội vụ": a proper name inside takes its lower-case words
            last = j
            j += 1
        _add(out, toks, start, last, head)
        out.end = j
        if stop or j >= n or toks[j].f not in (",", "va", "cung"):
            out.verb = verb_at(toks, j) if j < n else 0
            return out
        i = j + 1
        if i < n and toks[j].f == "cung" and toks[i].f == "voi":
            i += 1
    return out


