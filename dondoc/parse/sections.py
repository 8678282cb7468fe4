"""Parts of a document that hold no task, though they are numbered like tasks (pure).

A clerk skips them: mục đích, yêu cầu, quan điểm, đối tượng, phạm vi, căn cứ; the rules a guidance
or a regulation states ("HƯỚNG DẪN CHUNG", "QUY ĐỊNH CỤ THỂ"); a statement of the source of funds;
the promulgation, effect and execution clauses of a decision; the stock clause that asks to report
difficulties ("nếu có khó khăn, vướng mắc … phản ánh về …", gold convention 9); and a decision stated
as a rule from a date ("Từ ngày 01/01/2009, điều chỉnh tăng thêm 15% …", gold convention 15).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.scan import skipping

_SECTION = re.compile(
    r"^(?:mục đích|yêu cầu|mục tiêu|đối tượng|phạm vi|căn cứ|ý nghĩa|quan điểm|sự cần thiết|bối cảnh|"
    r"thực trạng|tình hình|kết quả|đánh giá|nguyên tắc|kinh phí(?: thực hiện)?)(?:[,\s\-–]+(?:và\s+)?(?:mục đích|yêu cầu|mục tiêu|"
    r"phạm vi|đối tượng|ý nghĩa|nguyên tắc))*(?:\s+chung)?(?:\s*[:.]|\s*$|[ \t]*\n)"
    # the rules a guidance or a regulation states: "HƯỚNG DẪN CHUNG", "NHỮNG QUY ĐỊNH CHUNG", "QUY ĐỊNH CỤ THỂ"
    r"|^(?:những\s+)?(?:quy định|hướng dẫn)\s+(?:chung|cụ thể)\s*[:.]?\s*$"
    # "Giải thích từ ngữ", "Khẩu hiệu tuyên truyền", "Thành phần tham dự", "Thời gian, địa điểm": no task
    r"|^(?:trách nhiệm thi hành|hiệu lực thi hành|điều khoản thi hành|tổ chức thi hành|giải thích từ ngữ|khẩu hiệu(?: tuyên truyền)?|thành phần(?: tham dự| mời| dự)?|(?:thời gian,\s*)?địa điểm"
    r"|chương trình (?:hội nghị|buổi lễ|lễ|làm việc|buổi làm việc)"
    # "Trình tự tổ chức hội nghị cử tri (theo quy định tại …)": the meeting's agenda, step by step (convention 3)
    r"|trình tự (?:tổ chức )?(?:hội nghị|buổi lễ|lễ)(?: [^:.\n]{0,80})?)\s*(?:[:.]|$|\n)"
    # "Biểu mẫu báo cáo:", "Hệ thống mẫu biểu" alone on their line: the forms named below, no task (not "Mẫu
    # báo cáo: … gửi về Sở trước ngày …", which says where and when)
    r"|^(?:hệ thống\s+)?(?:biểu mẫu|mẫu biểu|mẫu báo cáo)(?:\s+báo cáo)?\s*:?\s*$",
    re.IGNORECASE,
)
# the fields of a phiếu trình (the form that submits a matter to the leaders): "Vấn đề trình:", "Hồ sơ kèm theo:",
# "Ý kiến của các cơ quan liên quan:", "Ý kiến chuyên viên:", "Thời gian xử lý hồ sơ:", "Giải quyết của Lãnh đạo
# UBND tỉnh:": what the form records (the agencies' opinions, the officer's draft), no task of the form
_FORM_FIELD = re.compile(
    r"^(?:van de trinh|ho so kem theo|y kien (?:cua\s+[^:\n]{0,60}|chuyen vien)|thoi gian xu ly(?: ho so)?|"
    r"giai quyet cua lanh dao[^:\n]{0,40})\s*(?:[:.]|$|\n)")


def is_form_field(text: str) -> bool:
    """Whether a numbered unit is a field of a phiếu trình ("3. Ý kiến của các cơ quan liên quan: …")."""
    return _FORM_FIELD.match(fold_keep_length(text.strip()[:90]).lower()) is not None


# on the folded text: an OCR that lost a tone mark ("có hiệu lực thi hành kẻ từ ngày ký") still says it
_PROMULGATION = re.compile(
    r"ban hanh kem theo|co hieu luc (?:thi hanh )?(?:ke )?tu|chiu trach nhiem thi hanh|thay the quyet dinh|"
    r"bai bo|co hieu luc ke tu ngay ky"
)
# what a promulgation clause cannot do without (folded)
_PROMULGATION_WORDS = ("hieu luc", "kem theo", "thi hanh", "thay the", "bai bo")
# "Các cấp uỷ, thủ trưởng … có trách nhiệm thực hiện Hướng dẫn này.": the execution clause
_EXECUTION = re.compile(
    r"\b(?:co|chiu) trach nhiem (?:thi hanh|thuc hien|(?:to chuc\s+)?(?:trien khai\s+)?thuc hien)\s+(?:nghiem tuc\s+)?"
    r"(?:quyet dinh|chi thi|huong dan|ke hoach|nghi quyet|quy che|quy dinh|thong bao|van ban|thong tu|nghi dinh) nay\b"
    # "… tổ chức triển khai và thực hiện nghiêm túc chế độ … theo nội dung của Thông tư này." closing the article
    # "… trong phạm vi nhiệm vụ, quyền hạn của mình có trách nhiệm thực hiện Nghị quyết." ending the text
    r"|\b(?:co|chiu) trach nhiem (?:thi hanh|thuc hien|to chuc thuc hien)\s+(?:nghi quyet|quyet dinh|chi thi|thong tu|nghi dinh)\s*\.?\s*$"
    # a nghị quyết's standing clause that named bodies supervise its execution (gold convention 9)
    # (its words may wrap or be listed: "giám sát việc thực⏎hiện Nghị quyết này", "giám sát triển khai, thực hiện Nghị quyết")
    r"|\b(?:co\s+trach\s+nhiem\s+|thuc\s+hien\s+)?giam\s+sat\s+(?:viec\s+|qua\s+trinh\s+)?"
    r"(?:(?:to\s+chuc|trien\s+khai|thuc\s+hien|thi\s+hanh)[\s,]+(?:va\s+)?)*"
    r"(?:thuc\s+hien|thi\s+hanh|trien\s+khai)\s+(?:nghi\s+quyet|quyet\s+dinh|chi\s+thi)(?:\s+nay)?\s*\.?\s*$"
    r"|\bthuc hien nghiem tuc\b.{0,160}\btheo (?:noi dung |quy dinh )?(?:cua )?(?:quyet dinh|chi thi|thong tu|nghi dinh) nay\s*\.?\s*$"
    # "Chịu trách nhiệm theo quy định về nội dung báo cáo và đề xuất tại Tờ trình số …": the proposer answers for its
    # own submission, no work
    r"|^\s*(?:[^.;,:]{0,80}\s)?chiu trach nhiem (?:theo quy dinh |truoc phap luat |toan dien )*(?:ve )?(?:noi dung|tinh chinh xac)\b"
    r"[^;]{0,300}?\b(?:to trinh|van ban so|ho so trinh)\b[^;]*$"
)
# A title that names a part of no task: "Căn cứ đánh giá tình hình …", "Yêu cầu lập kế hoạch",
# "Phạm vi điều chỉnh", "Đối tượng áp dụng" (a word in lower case after it: not "Yêu cầu các sở …")
_TITLE_WORD = re.compile(
    # a regulation's criteria, conditions and appeal route: "Tiêu chuẩn xét tặng", "Điều kiện
    # được hỗ trợ", "Khiếu nại, tố cáo và giải quyết …" (not the rights it grants: a duty may stand among them)
    r"^(?i:căn cứ|mục đích|mục tiêu|yêu cầu|phạm vi|đối tượng|nguyên tắc|quan điểm|ý nghĩa|sự cần thiết|bối cảnh|"
    r"tiêu chuẩn|điều kiện|khiếu nại, tố cáo)"
    r"\s+(?!(?:các|tất cả|toàn thể|mọi|mỗi|những|từng)\b)[a-zàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]"
)
# "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc … phản ánh về …" (convention 9); so is the escalation
# of what exceeds the owner's power ("trường hợp vượt thẩm quyền, báo cáo Thủ tướng Chính phủ"): a condition, no report
# ("… phát hiện thấy có những vấn đề chưa phù hợp hoặc những vấn đề mới cần sửa đổi, bổ sung, báo cáo …": the same)
# "Trong quá trình thực hiện, có khó khăn vướng mắc, phát sinh đề nghị … báo cáo kịp thời …": the same condition, its "nếu" left out
_STOCK = re.compile(r"\b(?:neu|truong hop|khi)\s+(?:co\s+)?(?:phat sinh\s*,?\s*)?(?:kho khan|vuong mac|vuot (?:qua )?(?:tham quyen|kha nang))\b"
                    r"|\btrong qua trinh (?:to chuc )?(?:thuc hien|trien khai)(?: [a-z]+){0,4}\s*,\s*co\s+(?:phat sinh\s*,?\s*)?(?:kho khan|vuong mac)\b"
                    r"|\bphat hien (?:thay )?(?:co )?(?:nhung )?van de (?:chua phu hop|moi|phat sinh|bat cap)\b"
                    # "Trong quá trình thực hiện, nếu thấy cần sửa đổi, bổ sung …, đề xuất gửi Bộ Y tế tổng hợp": the same
                    r"|\b(?:neu|truong hop|khi)\s+(?:thay\s+)?(?:can\s+(?:thiet\s+)?(?:phai\s+)?)(?:sua doi|bo sung|dieu chinh)\b")
_STOCK_WORDS = ("kho khan", "vuong mac", "vuot", "van de", "sua doi", "bo sung", "dieu chinh")
# the same escalation with its condition after the report ("… báo cáo Thủ tướng Chính phủ xem xét, quyết định đối
# với các nội dung / những vấn đề vượt thẩm quyền"): what exceeds the owner's power, no report of its own
_ESCALATED = re.compile(r"\b(?:doi voi|ve) (?:cac |nhung )?(?:noi dung|van de|truong hop|kien nghi|de xuat)"
                        r"(?: [a-z]+){0,3} vuot (?:qua )?tham quyen\b")
_FUNDS = re.compile(r"^(?:nguon )?kinh phi(?: thuc hien)?(?:\s+(?:ke hoach|de an|chuong trinh|du an)(?: nay)?)?\s*(?:[:.]|$)")
# "Từ ngày 01 tháng 01 năm 2009, điều chỉnh …": a rule from a date, asking nobody to act
_RULE_FROM = re.compile(
    r"^(?:ke )?tu (?:ngay )?\d{1,2}\s*(?:/|thang)\s*\d{1,2}\s*(?:/|nam)\s*\d{4}\s*,")


# the first words _SECTION can match (folded): asked before the pattern, which is slow to fail
_SECTION_STARTS = ("muc dich", "yeu cau", "muc tieu", "doi tuong", "pham vi", "can cu", "y nghia", "quan diem",
                   "su can thiet", "boi canh", "thuc trang", "tinh hinh", "ket qua", "danh gia", "nguyen tac",
                   "kinh phi", "nhung quy dinh", "quy dinh", "nhung huong dan", "huong dan", "trach nhiem thi hanh",
                   "hieu luc thi hanh", "dieu khoan thi hanh", "to chuc thi hanh", "giai thich tu ngu", "khau hieu",
                   "thanh phan", "thoi gian", "dia diem", "chuong trinh", "he thong", "bieu mau", "mau", "trinh tu")


# the decision a quyết định's article makes itself ("Điều 1. Phê duyệt …", "Phân bổ chi tiết … như sau:",
# "Thành lập Ban Chỉ đạo …", "Công bố kèm theo …"): the act, not a task it gives
_DECIDES = re.compile(
    r"^(?:phe duyet|phan bo|cong bo|thanh lap|cong nhan|bo nhiem|dieu dong|khen thuong|tang|cho phep|"
    r"dieu chinh|sua doi|bo sung|thu hoi|giai the|quy dinh|ban hanh)\b")
# A nghị quyết's own act: "Điều 1. Thông qua Quy hoạch … với một số nội dung chủ yếu sau:", "Điều 1. Thống
# nhất phương án điều chỉnh … như sau:": what the council approves, with its contents, not work it gives
# ("Tán thành nội dung Báo cáo kết quả giám sát …", "Hội đồng nhân dân tỉnh tán thành nội dung báo cáo …, đồng thời
# nhấn mạnh:": the council's approval of the report it heard, its subject written or not)
# "Thông qua …", "Thống nhất …", "tán thành báo cáo …"; with the council named, only what approves or assesses ("Hội đồng
# nhân dân tỉnh thống nhất thông qua phương hướng, nhiệm vụ …", "… thống nhất đánh giá kết quả …"), not its stance over the
# requests that follow ("Hội đồng nhân dân tỉnh thống nhất với nội dung chất vấn …, cụ thể như sau:", convention 29)
_APPROVES = re.compile(r"^(?:thong qua|thong nhat)\b|^(?:(?:hoi dong nhan dan|hdnd|uy ban thuong vu quoc hoi|quoc hoi)"
                       r"(?: (?:tinh|huyen|xa|thanh pho))?\s+)?(?:tan thanh (?:noi dung )?(?:voi )?bao cao|"
                       r"thong qua|thong nhat (?:thong qua|danh gia))\b")


def decides_itself(text: str) -> bool:
    """Whether an article of a decision is the decision's own act ("Phân bổ …", "Phê duyệt …"), not work given."""
    t = text.strip()
    return _DECIDES.match(fold_keep_length(t[:24])) is not None


def approves(text: str) -> bool:
    """Whether an article of a nghị quyết is the council's approval ("Thông qua …", "Thống nhất …")."""
    return _APPROVES.match(fold_keep_length(text.strip()[:64]).lower()) is not None


# a heading in capitals that names such a part with its topic: "NGUYÊN TẮC, YÊU CẦU SẮP XẾP THÔN, TỔ DÂN PHỐ",
# "QUAN ĐIỂM XÂY DỰNG TRUNG TÂM DỮ LIỆU" (not "MỤC TIÊU, NHIỆM VỤ …": the tasks come with it)
_TITLED_PART = re.compile(r"^(?:NGUYÊN TẮC|QUAN ĐIỂM|MỤC ĐÍCH|YÊU CẦU)(?:[,\s]+(?:VÀ\s+)?(?:NGUYÊN TẮC|QUAN ĐIỂM|MỤC ĐÍCH|YÊU CẦU))*"
                          r"\s+(?!(?:[^\n]*\b(?:NHIỆM VỤ|GIẢI PHÁP|TỔ CHỨC THỰC HIỆN|HOẠT ĐỘNG|NỘI DUNG)\b))[^\n:.;]{3,90}[:.]?$")


def is_section(text: str) -> bool:
    """Headings that hold no instruction: Mục đích, Yêu cầu, Đối tượng, căn cứ, rules, promulgation clauses."""
    t = text.strip()
    if fold_keep_length(t[:24]).startswith(_SECTION_STARTS) and _SECTION.match(t):
        return True
    if t[:1] in "NQMY" and t.isupper() and _TITLED_PART.match(t):
        return True
    f = fold_keep_length(text)
    if not any(w in f for w in _PROMULGATION_WORDS):
        return False
    return bool(_PROMULGATION.search(f))


# where a sentence of an article ends and the next begins ("… thực hiện Nghị quyết. Hội đồng nhân dân tỉnh giao …")
_NEXT_SENTENCE = re.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])")


def without_closing_clauses(text: str) -> str:
    """An article's text without the standing clauses that close it: "Hội đồng nhân dân tỉnh giao Thường trực … giám sát
    quá trình thực hiện Nghị quyết." (convention 9) and "Nghị quyết này đã được … thông qua …" after the charge it
    gives ("… giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết."): they name no owner and set no time of it."""
    if "giám sát" not in text and "trách nhiệm" not in text and "thông qua" not in text and "hiệu lực" not in text:
        return text  # (asked of the text as written: a closing clause writes these words in lower case)
    starts = [m.end() for m in _NEXT_SENTENCE.finditer(text)]
    end = len(text)
    for at in reversed(starts):
        tail = text[at:end]
        if not (is_execution_clause(tail) or is_section(tail)):
            break
        end = at
    return text[:end].rstrip() if end < len(text) else text


# the issuer's office following up a công điện or chỉ thị: "Văn phòng Chính phủ theo chức năng, nhiệm vụ được giao, theo
# dõi, đôn đốc việc thực hiện Công điện này; báo cáo … những vấn đề vượt thẩm quyền" (its standing clause, convention 9)
_FOLLOWS_UP = re.compile(
    r"^\W*(?:[0-9a-z]{1,3}[.)]\s*)?van phong\b[^.;]{0,120}?\btheo doi\s*,?\s*(?:va\s+)?don doc(?:\s*,?\s*(?:va\s+)?kiem tra)?\s+(?:viec\s+)?"
    r"(?:(?:to chuc|trien khai)\s+)?(?:thuc hien|thi hanh)\s+(?:cong dien|chi thi|cong van|thong bao|ket luan|van ban) nay\b"
    r"(?:\s*[;,]\s*(?:kip thoi\s+)?bao cao[^.;]{0,120}?\bvuot (?:qua )?tham quyen\b[^.;]*)?\s*[.;]?\s*$")


def is_execution_clause(text: str) -> bool:
    """"… có trách nhiệm thực hiện Hướng dẫn này", "… chịu trách nhiệm thi hành Quyết định này", "Văn phòng … theo dõi,
    đôn đốc việc thực hiện Công điện này"."""
    if "đôn đốc" in text and _FOLLOWS_UP.match(fold_keep_length(text.strip()).lower()):
        return True
    if "trách nhiệm" not in text and "TRÁCH NHIỆM" not in text and "Trách nhiệm" not in text and (
            "nghiêm túc" not in text or "này" not in text[-40:]) and "giám sát" not in text:
        return False
    # behind a look-ahead for its first letters: each branch starts with \b, tried at every character otherwise
    return skipping(_EXECUTION).search(fold_keep_length(text)) is not None


_TITLE_STARTS = ("can cu", "muc dich", "muc tieu", "yeu cau", "pham vi", "doi tuong", "nguyen tac", "quan diem",
                 "y nghia", "su can thiet", "boi canh", "tieu chuan", "dieu kien", "khieu nai")


# an article that sets how a claim is handled: "Hồ sơ, trình tự giải quyết chế độ", "Thủ tục …", "Cách tính …"
# ("Quy trình xét tặng" of a yearly award runs on the award's calendar: not here)
_PROCEDURE = re.compile(r"^(?:ho so|trinh tu|thu tuc|cach tinh)\b(?!.*\b(?:trach nhiem|nhiem vu)\b)")
# a time the procedure keeps: then it runs on a calendar, and its steps are work to follow
# (not "trợ cấp hàng tháng", an allowance paid monthly, nor the days each step takes from receipt: "trong thời hạn 05 ngày
# làm việc, kể từ ngày nhận đủ hồ sơ", "chậm nhất là 10 ngày làm việc", nor a title's "Trình tự, thời hạn giải quyết")
_KEEPS_TIME = re.compile(r"\b(?<!tro cap )(?<!phu cap )(?:hang nam|hang quy|hang thang)\b"
                         r"|\b(?:dinh ky|truoc ngay|cham nhat(?! (?:la )?\d{1,3} ngay)|thoi han(?! \d)(?! giai quyet))\b"
                         r"|\d{1,2}\s*/\s*\d{1,2}\b")


def procedure_title(first_line: str, text: Callable[[], str]) -> bool:
    """Whether an article (its title `first_line`, all its text from `text()`) sets a procedure with no time of its own
    ("Hồ sơ, trình tự giải quyết chế độ trợ cấp"): its units say who takes each step (the commune receives
    the file, the district reviews it), which is the rule itself, applied to each claim as it comes, not
    work the decision gives (convention 15)."""
    t = first_line.strip().rstrip(":").strip()
    if t.endswith((".", ";")) or len(t.split()) > 20:
        return False
    return _PROCEDURE.match(fold_keep_length(t).lower()) is not None and not _KEEPS_TIME.search(fold_keep_length(text()).lower())


def titled_section(first_line: str) -> bool:
    """Whether an item's first line is the title of a part that holds no task ("Căn cứ đánh giá …",
    "Yêu cầu lập kế hoạch"): a few words, no full stop, a section's word then a word in lower case."""
    t = first_line.strip().rstrip(":").strip()
    if t.endswith((".", ";")) or not fold_keep_length(t[:14]).startswith(_TITLE_STARTS):
        return False
    return len(t.split()) <= 20 and _TITLE_WORD.match(t) is not None


def is_stock_clause(text: str) -> bool:
    """Whether a text is the stock clause that asks to report difficulties (gold convention 9)."""
    if not any(w in text for w in ("khó khăn", "vướng mắc", "Khó khăn", "Vướng mắc", "vượt", "vấn đề", "sửa đổi", "bổ sung",
                                   "điều chỉnh")):
        return False
    return _STOCK.search(fold_keep_length(text)) is not None


def before_stock_clause(text: str) -> str:
    """The text before the sentence that holds the stock clause ("…; báo cáo kết quả về UBND huyện trước
    ngày 20/12/2026. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo về …"): what the
    paragraph asks besides it; the whole text when it holds none."""
    f = fold_keep_length(text)
    m = _STOCK.search(f)
    if m is None:
        return text
    return text[: max(f.rfind(". ", 0, m.start()) + 1, f.rfind(";", 0, m.start()) + 1, 0)]


def stock_clause_at(f: str, at: int) -> bool:
    """Whether the sentence of folded text `f` around offset `at` is the stock clause of convention 9."""
    reach = max(0, at - 400)  # the clause's start, looked for no further back than a clause runs
    # (the words are looked for in that reach only: asked at every report verb of a long text, a
    # search of the whole text each time would take time in the square of its length)
    if any(f.find(w, reach, at) >= 0 for w in _STOCK_WORDS):
        s = max(reach, f.rfind(". ", reach, at) + 1, f.rfind("\n", reach, at) + 1, f.rfind(";", reach, at) + 1)
        if _STOCK.search(f, s, at) is not None:
            return True
    # the condition said after the verb: "báo cáo Chính phủ xem xét, chỉ đạo đối với các nội dung vượt thẩm quyền"
    stops = [i for i in (f.find(". ", at, at + 300), f.find(";", at, at + 300)) if i >= 0]
    end = min(stops, default=min(len(f), at + 300))
    return f.find("vuot", at, end) >= 0 and _ESCALATED.search(f, at, end) is not None


def is_funding(text: str) -> bool:
    """Whether a text opens a statement of the funds ("Kinh phí thực hiện: do ngân sách … bảo đảm")."""
    t = text.strip()
    if not t[:14].lower().startswith(("kinh phí", "kinh phi", "nguồn kinh phí", "nguon kinh phi")):
        return False
    return _FUNDS.match(fold_keep_length(t[:80])) is not None


def is_rule_from_date(text: str) -> bool:
    """Whether a text states a rule from a date ("Từ ngày 01/5/2009, điều chỉnh tăng thêm 5% …")."""
    t = text.strip()
    if not t[:3].lower().startswith(("từ", "kể")):
        return False
    return _RULE_FROM.match(fold_keep_length(t[:48])) is not None


# what the one who concludes says of the work done, asking nothing: "Ghi nhận, biểu dương …", "Đánh giá cao …",
# "Cơ bản thống nhất với báo cáo …", "Hoan nghênh …"
_ACKNOWLEDGES = re.compile(
    # ("Hội đồng nhân dân tỉnh đánh giá cao …", "Ủy ban thường vụ Quốc hội ghi nhận …": the one who concludes may name
    # itself first)
    r"^(?:(?:hoi dong nhan dan|hdnd|uy ban nhan dan|ubnd|uy ban thuong vu quoc hoi|quoc hoi)(?: tinh| huyen| thanh pho| xa)? )?(?:ghi nhan|bieu duong|bieu duong|danh gia cao|tran trong|hoan nghenh|khen ngoi|chuc mung|"
    r"(?:co ban )?(?:thong nhat|dong y|nhat tri) (?:voi )?(?:bao cao|danh gia|noi dung bao cao|ket qua))\b")


def acknowledges(text: str) -> bool:
    """Whether an item of a conclusion only acknowledges the work done ("Ghi nhận, biểu dương những kết
    quả Sở đã đạt được"): no task."""
    return _ACKNOWLEDGES.match(fold_keep_length(text.strip()[:90]).lower()) is not None


# the council's own supervisors: "Thường trực HĐND tỉnh", "các Ban HĐND tỉnh", "Tổ đại biểu", "đại biểu HĐND"
_COUNCIL_BODY = re.compile(r"^(?:cac )?(?:thuong truc|ban|to dai bieu|dai bieu)\b.*\b(?:hoi dong nhan dan|hdnd)\b|^(?:cac )?(?:to )?dai bieu\b")


def supervises_only(text: str, leads: list[str]) -> bool:
    """Whether a request asks only the council's own bodies to supervise ("Đề nghị Thường trực HĐND tỉnh, các
    Ban HĐND tỉnh và đại biểu HĐND tỉnh tiếp tục tăng cường giám sát nội dung này"): the council's standing
    supervision (gold convention 9), whose bodies lead no task of the item it sits in."""
    if not leads or "giám sát" not in text and "giam sat" not in text:
        return False
    return all(_COUNCIL_BODY.search(fold_keep_length(x).lower()) for x in leads)
