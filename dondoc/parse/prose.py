"""Requests written as prose: the paragraphs of a dispatch that ask someone to act (pure).

A công văn đôn đốc, a request to report again by a new date, a reply that asks the addressee to
report to its province: no numbered item, but each paragraph that asks someone to do, send, report,
finish or prepare something is a task (keyed "-", or "-1", "-2" in order; gold convention 2). A
paragraph that only tells the background ("Ngày 02/9/2025, Sở Tài chính có Công văn số … đề nghị …"),
introduces a list ("… thực hiện một số nội dung sau:"), states the issuer's own intention ("Bộ … sẽ
thành lập các đoàn kiểm tra"), only asks to carry out "this dispatch" ("… triển khai thực hiện nghiêm
túc./."), or only informs ("… thông báo để các cơ quan biết, thực hiện") asks nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.heads import head_at, verb_at
from dondoc.parse.lines import Line, first_tokens
from dondoc.parse.names import owner_list
from dondoc.parse.owner_headings import only_owners
from dondoc.parse.notice_voice import own_voice, public_asked
from dondoc.parse.prose_subjects import directs_first
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.reports import is_obligation
from dondoc.parse.sections import is_stock_clause

if TYPE_CHECKING:
    from dondoc.parse.outline_nodes import Bullet

# A request to a named addressee (on the folded text): "đề nghị các sở …", "giao Công an tỉnh …",
# "yêu cầu Thủ trưởng …", "kính trình đồng chí …"; the addressee's first letter is checked on the text
# ("… chuyển Tờ trình nêu trên đến Sở Tư pháp xem xét, có ý kiến …": a letter that passes a matter on asks the one it
# goes to; its owner follows "đến")
_ASK = re.compile(r"\b(?:de nghi|yeu cau|giao(?: trach nhiem(?= cho\b))?|kinh trinh|kinh de nghi|kinh bao cao|chuyen [^.;:]{0,160}? (?:den|toi))\s*:?\s+(?:cho\s+)?")
# "X chủ trì", "X có trách nhiệm", "X khẩn trương": the subject charged (its name in capitals before it)
_CHARGED = re.compile(r"\b(?:chu tri|co trach nhiem|chiu trach nhiem|khan truong)\b")
# what happened before ("Ngày 02/9/2025, Sở Tài chính có Công văn …"), what the issuer received, why the work
# is late ("Do các tỉnh phải rà soát …, nên đến ngày 23/9 mới có 29 tỉnh báo cáo")
_BACKGROUND = re.compile(
    r"^(?:ngay\s+\d|(?:uy ban nhan dan|ubnd|bo|so|cuc|tong cuc|van phong)[^,.;]{0,80}\b(?:nhan duoc|da nhan)\b"
    r"|do\b[^.;]{0,400}?\bnen\s+(?:den (?:nay|ngay)|chua|moi)\b)")
# a request cited from another document: "có Công văn số 1905/STC-QLNS đề nghị …"
_CITED = re.compile(r"\b(?:co|tai|theo)\s+(?:cong van|van ban|ke hoach|quyet dinh|thong bao|cong dien|to trinh|chi thi)\b[^.;]{0,120}?\b(de nghi|yeu cau|giao)\b")
# only "carry out this dispatch", only "for information": no request of its own
_ADVERBS = r"(?:\s*,?\s*(?:va\s+)?(?:nghiem tuc|nghiem|co hieu qua|hieu qua|kip thoi|tot|dong bo|khan truong|day du))*"
_CLOSER = re.compile(
    rf"\b(?:trien khai |to chuc )?(?:thuc hien|chap hanh|thi hanh|trien khai)(?: thuc hien)?{_ADVERBS}"
    # "… thực hiện nghiêm tinh thần Thông báo này./.": the spirit of the notice, still the formula
    r"(?:\s+(?:cac )?(?:noi dung|yeu cau|tinh than)(?: tren| neu tren)?)?"
    r"(?:\s+(?:cong van|chi thi|ke hoach|quyet dinh|thong bao|huong dan|van ban|cong dien|nghi quyet|chuong trinh|quy che|quy dinh|de an)\s+nay)?"
    # "…, bảo đảm đúng quy định của pháp luật và tiến độ thời gian./.", "… để thực hiện đầy đủ quyền và trách nhiệm …":
    # how or why, still the formula
    r"(?:\s*,?\s*(?:bao dam|dam bao|de)\s[^.;:\d]{0,110})?\s*[./]*\s*$")
# what the addressee is asked to decide before the work is carried out ("kính trình đồng chí Giám đốc xem
# xét, phê duyệt Kế hoạch để tổ chức thực hiện"): a request of its own (gold convention 18)
_TO_DECIDE = re.compile(r"\b(?:xem xet|phe duyet|quyet dinh|cho y kien)\b")
_FOR_INFORMATION = re.compile(r"\bthong bao\b[^.;]{0,200}\bde\b[^.;]{0,160}\bbiet\b")
_INTENTION = re.compile(r"\bse\s+(?:thanh lap|to chuc|kiem tra|tong hop|xem xet|co van ban|huong dan|bao cao|ra soat|danh gia|"
                        r"nghien cuu|thong tin lai|tra loi)\b")
# a paragraph that opens with what to do, to every addressee ("Tổ chức trực ban nghiêm túc, sẵn sàng
# ứng phó …"), but not "Thực hiện Kế hoạch số …" (what it implements)
_IMPERATIVE = re.compile(
    r"(?:Tổ chức|Triển khai|Tăng cường|Tập trung|Đẩy mạnh|Chủ động|Theo dõi|Rà soát|Kiểm tra|Chỉ đạo|Đôn đốc|Phối hợp|Khẩn trương|"
    r"Thường xuyên|Tiếp tục|Duy trì|Bố trí|Chuẩn bị|Hoàn thành|Nghiêm túc|Sẵn sàng|Thực hiện nghiêm)\s")
_CITING = re.compile(r"(?:\S+\s+){0,2}?(?:cong van|ke hoach|quyet dinh|chi thi|nghi quyet|thong bao|cong dien|huong dan)\s+so\b")
# an ask told in the past ("Phó Thủ tướng đã giao Bộ X …", "Sở đã có văn bản đề nghị …"): what was asked
# before, recalled by an đôn đốc before it asks again
_PAST = re.compile(r"\bda\s+(?:(?:co|tung)\s+(?:y kien|van ban|cong van)\s+)?$")
# a paragraph that only says what the dispatch carries out ("Thực hiện Công văn số 891/UBND … về chế độ thông tin,
# báo cáo định kỳ.") or what it is for ("Nhằm nâng cao chất lượng …, kịp thời tổng hợp báo cáo …."): the report
# words are the cited text's subject or the purpose, nobody is asked
_CONTEXT_ONLY = re.compile(
    r"^(?:(?:thuc hien|can cu|theo|trien khai|tiep theo)\s+(?:\S+\s+){0,3}?(?:cong van|ke hoach|quyet dinh|chi thi|"
    r"nghi quyet|thong bao|cong dien|huong dan|van ban|chuong trinh)\s+so\b|(?:nham|de|voi muc dich)\s)")
_NEWS = re.compile(r"\bphat bieu\b|\bphong vien\b|\bbao chi dua tin\b")
# a subject line ("V/v …", "Về việc …") or a headline of who directs on what ("UBND tỉnh chỉ đạo về việc …"), folded
_TITLE_LINE = re.compile(r"^\W*(?:v\s*/\s*v\b|ve viec\b|[^.;:,]{2,60}?\bchi dao (?:ve viec|ve)\b)")
_CONCLUDES = re.compile(r"\bphat bieu (?:ket luan|chi dao)\b")


# where a sentence may start: the paragraph's start, after a full stop, after an opening phrase's comma
_SENTENCE = re.compile(r"(?:^|[.;!?]\s+)(?=\S)")


def _subject_acts(text: str) -> bool:
    """Whether a sentence of the paragraph opens with owners charged with the work ("Các địa phương chưa
    thực hiện … khẩn trương xây dựng phương án", "các đơn vị có trách nhiệm …", "Trong năm 2026, các sở,
    ngành chủ động rà soát …"), whether their name is written in capitals or not. Only the first words
    of each sentence are read."""
    for m in _SENTENCE.finditer(text):
        s = m.end()
        starts = [s]
        comma = text.find(",", s, s + 120)
        if comma > 0 and not any(c in text[s:comma] for c in ".;!?"):
            starts.append(comma + 1)
        then = text.find(" thì ", s, s + 240)  # "Đối với … thì các cơ quan, đơn vị xác định …": a rule for a case
        if then > 0 and not any(c in text[s:then] for c in ".;!?"):
            starts.append(then + 5)
        for pos in starts:
            toks = first_tokens(text, pos, len(text), 40)
            ol = owner_list(toks, 0)
            if not ol.names:
                continue
            if pos > s and text[pos - 5 : pos] == " thì " and ol.verb:
                return True  # the owners told what to do in that case
            linked = pos > s == 0 and _LINKING.fullmatch(fold_keep_length(text[s : pos - 1]).strip()) is not None
            if (pos == 0 or linked) and directs_first(toks, ol, closed=text.rstrip().endswith((".", ";"))):
                # the paragraph opens with its owners told what to do (not a later sentence of a report), also after
                # the words that link it to the request before ("Song song đó, Sở Y tế … tổ chức …")
                return True
            # "Các địa phương chưa thực hiện chi trả qua bưu điện khẩn trương …": which of them, then the verb
            for j in range(ol.end, min(len(toks), ol.end + 12)):
                if toks[j].f in (".", ";", ":", "!", "?"):
                    break
                v = verb_at(toks, j)
                if v and " ".join(t.f for t in toks[j : j + v]) in _CHARGE_VERBS:
                    return True
    return False


# the words that link a paragraph to the request before it
_LINKING = re.compile(r"song song (?:do|voi do)|dong thoi|ben canh do|ngoai ra|mat khac|them vao do")
# predicates that charge someone with the work even after words that say which of them
_CHARGE_VERBS = frozenset({"khan truong", "chu tri", "co trach nhiem", "chiu trach nhiem", "chu dong", "tham muu",
                           "kip thoi", "tap trung", "nghiem tuc", "phai", "can"})


# the issuer's own clause after a cited document: "Thực hiện đề nghị của Bộ Y tế tại Công văn số 3908/BYT-DP
# ngày 22/7/2020 về việc …, Chủ tịch UBND tỉnh yêu cầu Sở Y tế …" (a subject in capitals after the last comma)
_OWN_SUBJECT = re.compile(r",\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÚÙỦŨỤÝÓÒỎÕỌÉÈẺẼẸ])[^,;.]{2,60}$")


def _own_clause(text: str, start: int, verb: int) -> bool:
    """Whether the request a cited-document match ends with is the paragraph's own: its verb follows a
    comma and a new subject, not the cited document's number and date."""
    return _OWN_SUBJECT.search(text, start, verb) is not None


def _asks_someone(text: str, f: str) -> bool:
    for m in _ASK.finditer(f):
        nxt = text[m.end() : m.end() + 1]
        if nxt.isupper() or f.startswith(("cac ", "tat ca ", "moi ", "ong ", "ba ", "dong chi ", "thu truong ", "bo phan "), m.end()) \
                or head_at(text, f, m.end(), min(len(f), m.end() + 80)):
            # "đề nghị cấp ủy các chi bộ …", "giao công chức Tư pháp - Hộ tịch …", "giao trách nhiệm cho bộ phận ĐC-XD
            # phường …": an owner in lower case
            return True
    for m in _CHARGED.finditer(f):
        before = text[max(0, m.start() - 60) : m.start()]
        if any(w[:1].isupper() for w in before.split()[-4:]):
            return True
        if m.start() <= 160 and only_owners(text[: m.start()].strip()):
            return True  # "Phòng Văn hóa - Xã hội, Ban nhân dân các ấp có trách nhiệm …": owners whose last words are lower case
    return False


_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=\S)")


def _without_stock_clause(text: str) -> str:
    """The paragraph without its sentences that are the stock clause of convention 9 ("Nếu có khó khăn,
    vướng mắc …, phản ánh về …"): a request before it is still a request ("X có trách nhiệm đôn đốc …
    Yêu cầu UBND các xã … Nếu có khó khăn, vướng mắc …, chủ động thông tin về …")."""
    if not is_stock_clause(text):
        return text
    return " ".join(s for s in _SENTENCE_END.split(text) if not is_stock_clause(s)).strip()


def is_request(text: str, *, subjects: bool = False) -> bool:
    """Whether a paragraph asks someone to do, send, report, finish or prepare something.

    With `subjects` (a dispatch written in prose alone), owners charged as the subject of a sentence
    ("Các địa phương … khẩn trương …") ask it too."""
    t = _without_stock_clause(text.strip())
    f = fold_keep_length(t)
    if not t or t.endswith(":") or _BACKGROUND.match(f) or _NEWS.search(f) and not (_CONCLUDES.search(f) and _asks_someone(t, f)):
        # "Phát biểu kết luận, đồng chí Phó Chủ tịch yêu cầu các cơ quan …" (a conclusion's request) still asks;
        # "Phát biểu tại hội nghị, …" is news
        return False
    if _TITLE_LINE.match(f) and ". " not in f.rstrip(". ") and ":" not in f and not _ASK.search(f):
        # "Về việc báo cáo tình hình … (3585/VP-KTN, ngày 23/10/2017).", "UBND tỉnh chỉ đạo về việc tham gia ý kiến dự
        # thảo …": the letter's subject line, a portal's headline over the letter, one sentence that asks no one
        return False
    asked = list(_ASK.finditer(f))
    if not asked and _CONTEXT_ONLY.match(f) and len(_SENTENCE_END.split(t)) == 1 and not _CHARGED.search(f) \
            and not _subject_acts(t) and not _dated(t, DateContext()):
        return False  # what the dispatch carries out, or what it is for: one sentence that asks nobody
    if asked and all(_PAST.search(f, max(0, m.start() - 24), m.start()) for m in asked):
        return False  # every ask of the paragraph is one made before: the background of an đôn đốc
    cited = _CITED.search(f)
    if cited is not None and not _ASK.search(f, cited.end()) and not _own_clause(t, cited.start(), cited.start(1)):
        return False
    intent = _INTENTION.search(f)
    if intent is not None and not _ASK.search(f) and not is_obligation(t[: intent.start()]):
        # "Bộ … sẽ thành lập các đoàn kiểm tra": the issuer's own intention; but "Số liệu phải được gửi về
        # Bộ Nội vụ trước 30/8. Bộ Nội vụ sẽ tổng hợp, báo cáo …" asks first
        return False
    asks = _asks_someone(t, f) or subjects and _subject_acts(t) or _IMPERATIVE.match(t) is not None and _CITING.match(f, _IMPERATIVE.match(t).end()) is None  # type: ignore[union-attr]
    reports = is_obligation(t)
    if not asks and not reports:
        return False
    if asks and not reports:
        # "… yêu cầu các sở, ngành triển khai thực hiện nghiêm túc./.": the closing formula, no request of its own
        m = min((x for x in (_ASK.search(f), _CHARGED.search(f)) if x is not None), key=lambda x: x.start(), default=None)
        closer = _CLOSER.search(f, m.end()) if m is not None else None
        if m is not None and closer is not None and len(f) - m.end() < 200 \
                and not _TO_DECIDE.search(f, m.end(), closer.start()) and ". " not in f[m.end() : closer.start()]:
            return False
    if _FOR_INFORMATION.search(f) and not reports:
        return False
    if asked and not reports and not _CHARGED.search(f) and all(public_asked(t, f, m.end()) for m in asked):
        return False  # "… đề nghị toàn thể cán bộ, đảng viên và Nhân dân trong xã nghiêm túc chấp hành, …": the public, no agency
    return True


# what a news report says and a dispatch does not: speeches, attendance, awards, a reporter
_NEWS_WORDS = re.compile(r"\b(?:phat bieu|du hoi nghi|du buoi|tham du|phong vien|tin,? anh|nhan manh|trao tang|trao quyet dinh|"
                         r"chuc mung|bao cao vien|dai bieu|"
                         # "thay mặt UBND tỉnh, đồng chí … trình bày tóm tắt báo cáo …" at a session
                         r"trinh bay (?:tom tat )?(?:bao cao|to trinh|du thao)|thay mat (?:ubnd|uy ban|hdnd|hoi dong))\b")


# a portal's item that gives a dispatch's requests: "UBND tỉnh ban hành Công văn số 4462/UBND-KTTH …", then "Theo đó, UBND
# tỉnh yêu cầu các sở, ban ngành … triển khai thực hiện các nội dung:" over the requests (folded)
_RELAYS_ON = re.compile(r"(?:theo do|cu the|trong do|noi dung cong van)\b")
_ISSUED = re.compile(r"\bban hanh (?:cong van|chi thi|cong dien|van ban|thong bao|ke hoach)\s+so\b")


def relayed_from(preamble: list[Line]) -> int | None:
    """Where the relayed dispatch is named, when a text without a dispatch's header relays one: it names the dispatch
    issued, then a paragraph asks named owners to carry out what follows it (ending with ":"); the lines before it are
    the item's headline. None when it relays none."""
    texts = [ln.text.strip() for ln in preamble]
    issued = next((k for k, t in enumerate(texts) if _ISSUED.search(fold_keep_length(t))), None)
    # the request after it: a paragraph that asks named owners to carry out what follows it ("…; cụ thể:"), or asks
    # them outright after "Theo đó," / "Cụ thể," (the dispatch's words given as they stand)
    if issued is None or not any((t.endswith(":") or _RELAYS_ON.match(fold_keep_length(t))) and _asks_someone(t, fold_keep_length(t))
                                 for t in texts[issued:]):
        return None
    return preamble[issued].start


# a web page's article about a document: it tells that a body issued it ("Phòng Văn hóa và Thông tin huyện đã ban
# hành công văn về việc …", "Tại Văn bản, UBND huyện yêu cầu …"), or the site's furniture around it ("Các tin khác")
# (not one that names the dispatch by its number, "vừa ban hành Công văn số 1974/UBND-KGVX …; cụ thể:", whose requests
# follow as the dispatch gives them: read as that dispatch)
_RETOLD = re.compile(r"\b(?:da|vua) ban hanh (?:cong van|ke hoach|van ban|chi thi|thong bao|quyet dinh|huong dan)\b(?!\s+so\b)|"
                     r"^tai (?:van ban|cong van)\b|\b(?:cac tin khac|tin lien quan|xem tin theo ngay|tin cung chuyen muc)\b")


def excerpt_asks(prose: list[list[Line]], preamble: list[Line], dates: DateContext) -> bool:
    """Whether an excerpt without a dispatch's header (its body pasted alone) asks for something: a
    request with a date or a report, and no word of a news report anywhere in it."""
    if not prose:
        return False
    if any(_NEWS_WORDS.search(fold_keep_length(ln.text)) for ln in preamble):
        return False
    if relayed_from(preamble) is not None:
        return True  # the dispatch named by its number, its requests after an intro that asks: read as that dispatch
    if any(_RETOLD.search(fold_keep_length(ln.text)) for ln in preamble):
        return False  # a story that a body issued a letter, told in its own words: news
    for p in prose:
        text = " ".join(ln.text for ln in p)
        if is_obligation(text) or any(d.due or d.relative for d in find_deadlines(text, every_year=False, ctx=dates, warnings=[])):
            return True
    # the issuer's own voice: paragraphs that open with its request to a named body ("Đề nghị Tổ trưởng các tổ dân phố …",
    # "Yêu cầu các cơ sở kinh doanh …"), twice; or a page headlined as the notice it is ("Thông báo về việc …")
    return own_voice(prose, preamble)


def nothing_asked(dispatched: bool, calendar: bool = False) -> str:
    """Why a text gives nothing to track, for the one line the admin reads."""
    if calendar:
        return ("a calendar of meetings (lịch công tác, lịch làm việc): its dated entries are meetings with a "
                "chair, not tasks, and no paragraph after them asks anyone to act")
    if not dispatched:
        return ("no numbered instruction to track was found, and the text has no dispatch header (no số hiệu, "
                "no Kính gửi): a news article?")
    return ("no numbered instruction to track was found, and no paragraph asks anyone to do, send, report or "
            "prepare something: a text that only informs or states rules?")


def bullets_ask(intro: str, bullets: Sequence[Bullet]) -> bool:
    """Whether dash bullets under an introduction that ends with ":" are themselves the requests: a
    calendar of reports ("… gửi báo cáo về UBND tỉnh cụ thể như sau:" over "- Báo cáo quý gửi trước ngày
    05 tháng cuối quý"), each bullet a reporting obligation or a dated piece of work."""
    if not intro.rstrip().endswith(":") or not bullets:
        return False
    return all(is_obligation(b.text) or _dated_work(b.text) for b in bullets)


_DEADLINE_LEAD = re.compile(r"\b(?:truoc|cham nhat|muon nhat|han chot|khong qua|hoan thanh)\b")


def _dated_work(text: str) -> bool:
    """Whether a bullet sets a time for its work ("Ban hành kế hoạch năm trước ngày 20/11 hằng năm")."""
    f = fold_keep_length(text)
    return _DEADLINE_LEAD.search(f) is not None and re.search(r"\d", f) is not None


def _dated(text: str, dates: DateContext) -> bool:
    return any(d.due or d.relative for d in find_deadlines(text, every_year=False, ctx=dates, warnings=[]))
