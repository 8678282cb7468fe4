"""In a guidance, a day of a year before the guidance's own that qualifies whom a rule is for ("người đã nghỉ
hưu trước ngày 01/01/1995") is no deadline: the unit states a rule (conventions 25, 37); the stock clause on
difficulties stays no task when the effect clause and the signer follow it unlabelled (convention 9). Invented
texts."""

from __future__ import annotations

from pathlib import Path

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]

GUIDANCE = """BỘ VĂN HÓA
Số: 07/2030/TT-BVH
Hà Nội, ngày 10 tháng 5 năm 2030
THÔNG TƯ
Hướng dẫn bổ sung việc tặng quà nghệ nhân cao tuổi

Căn cứ Quyết định số 11/2029/QĐ-TTg; Bộ Văn hóa hướng dẫn bổ sung việc tặng quà nghệ nhân cao tuổi như sau:

1. Nghệ nhân đã được phong tặng danh hiệu trước ngày 01/01/1995 được tặng quà theo mức cao nhất.

2. Nghệ nhân đã chuyển nơi cư trú trước ngày 15 tháng 3 năm 2020 thì nhận quà tại nơi cư trú mới.

3. Đề nghị các Sở Văn hóa lập danh sách nghệ nhân gửi về Bộ Văn hóa trước ngày 30/6/2030.

4. Trong quá trình thực hiện, nếu có vướng mắc thì các Sở Văn hóa giải quyết theo thẩm quyền. Trường hợp vượt quá thẩm quyền thì báo cáo về Bộ Văn hóa để xem xét.

Thông tư này có hiệu lực thi hành kể từ ngày ký.

Trần Văn B (Đã ký)
"""


def test_past_days_qualify_a_rule_and_the_stock_clause_stays_no_task() -> None:
    ts = parse_dispatch(GUIDANCE, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    keys = [t.key for t in ts.tasks if t.kind != "report" or "." not in t.key]
    assert keys == ["3"]
    assert [t.schedule.due for t in ts.tasks if t.key == "3"] == [["2030-06-30"]]
