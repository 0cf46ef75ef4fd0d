"""Hand-built tables and helpers for the pandas, Dask and Spark integrations.

The form uses only the text, choices and dates validators, so the expectations
below (computed by hand) hold whichever other validators are installed.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from custinfo import Check, Field, Form
from custinfo.validators import text

TODAY = datetime.date(2024, 6, 30)

VISIT = Form(
    "visit",
    "客户拜访登记",
    "1.0",
    fields=[
        Field("customer_name", "客户名称", required=True, personal="name"),
        Field(
            "customer_level",
            "客户等级",
            kind="choices",
            required=True,
            choices=("战略客户", "重点客户", "普通客户", "潜在客户"),
        ),
        Field("phone", "联系电话", personal="phone", options={"max_length": 11}),
        Field(
            "visited_on", "拜访日期", kind="dates", required=True, options={"not_after_today": True}
        ),
        Field("collector", "信息收集人员", required=True, personal="name"),
        Field("confirmed_at", "客户确认时间", kind="dates"),
        Field("notes", "跟进内容", options={"max_length": 20}),
    ],
)

# Headers as a Chinese CRM export writes them, one English key, one column the
# form does not know (备注). Phones are numbers, as Excel stores them.
RECORDS: list[dict[str, Any]] = [
    {"客户名称": "甲科技有限公司", "客户等级": "重点客户", "联系电话": 13800138000,
     "visited_on": "2024-05-06", "信息收集人员": "王芳", "客户确认时间": "2024-05-06",
     "跟进内容": "电话沟通", "备注": None},
    {"客户名称": None, "客户等级": "重点", "联系电话": 13900139000,
     "visited_on": "2024-05-07", "信息收集人员": "王芳", "客户确认时间": "2024-05-08",
     "跟进内容": "", "备注": None},
    {"客户名称": "乙贸易有限公司", "客户等级": "钻石客户", "联系电话": 139001390001,
     "visited_on": "2024/5/7", "信息收集人员": "李雷", "客户确认时间": "2024-05-20",
     "跟进内容": "上门拜访", "备注": None},
    {"客户名称": "丙", "客户等级": "普通客户", "联系电话": None,
     "visited_on": "2030-01-01", "信息收集人员": "李雷", "客户确认时间": "2024-06-01",
     "跟进内容": "客户希望下周再次沟通采购清单并确认最终报价和交付时间", "备注": None},
    {"客户名称": "丁", "客户等级": "潜在客户", "联系电话": 13700137000,
     "visited_on": "2024-02-30", "信息收集人员": None, "客户确认时间": None,
     "跟进内容": None, "备注": None},
    {"客户名称": " 戊商贸有限公司 ", "客户等级": "战略客户", "联系电话": 13600136000,
     "visited_on": "2024-06-03", "信息收集人员": "李雷", "客户确认时间": "2024-06-03",
     "跟进内容": "见面", "备注": "老客户"},
]  # fmt: skip

UNKNOWN = ("unknown_field", "warning")

# Row → (field, code, severity) in the order form.validate reports them: the
# unknown column first (resolving names), then the fields in form order.
EXPECTED: dict[int, list[tuple[str | None, str, str]]] = {
    0: [(None, *UNKNOWN)],
    1: [(None, *UNKNOWN), ("customer_name", "required", "error"),
        ("customer_level", "choices.variant", "info")],
    2: [(None, *UNKNOWN), ("customer_level", "choices.unknown", "error"),
        ("phone", "text.too_long", "error"), ("visited_on", "dates.lenient", "warning")],
    3: [(None, *UNKNOWN), ("visited_on", "dates.future", "error"),
        ("notes", "text.too_long", "error")],
    4: [(None, *UNKNOWN), ("visited_on", "dates.invalid", "error"),
        ("collector", "required", "error")],
    5: [(None, *UNKNOWN)],
}  # fmt: skip

# Collection-form rows (Chinese headers) for engine-equivalence checks only: their
# findings depend on which validators are installed, but must be the same everywhere.
_COLLECTION_HEADERS = ("客户类型", "客户名称", "统一社会信用代码/证件号码", "所属行业", "联系方式")
_COLLECTION_HEADERS += ("电子邮箱", "需求类型", "预算范围", "信息收集人员", "客户确认时间")
COLLECTION_RECORDS: list[dict[str, Any]] = [
    dict(zip(_COLLECTION_HEADERS, row, strict=True))
    for row in [
        ("企业", "北京星辰科技有限公司", "91110105MA01ABCD3X", "软件和信息技术服务业",
         "13800138000", "info@example.com", "产品采购", "1-5万", "王芳", "2024-05-06"),
        ("个人", "张三", "11010519491231002X", "批发业", "1380013800", "zhang@qq.con",
         "随便", "一万以下", "李雷", "2024/6/1"),
        (None, None, None, None, None, None, None, None, None, "2031-01-01"),
        ("公司", "上海某某贸易有限公司", "913100001322000000", "F51", "021-12345678", "a@b",
         "技术咨询", "10万以上", "赵敏", "2024-06-31"),
    ]
]  # fmt: skip


def blank(value: Any) -> bool:
    """None, NaN or pandas' NA: a missing value, whatever the engine made of it."""
    import pandas as pd

    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def finding_rows(rows: Iterable[Iterable[Any]]) -> list[tuple[Any, ...]]:
    """Findings as plain tuples, missing values as None, ordered by row (stable)."""
    plain = [tuple(None if blank(v) else v for v in r) for r in rows]
    return sorted(plain, key=lambda r: r[0])


def frame_rows(frame: Any) -> list[tuple[Any, ...]]:
    """:func:`finding_rows` of a pandas findings frame."""
    return finding_rows(frame.itertuples(index=False, name=None))


def visit_frame() -> Any:
    """RECORDS as pandas builds them: the phone column becomes float64 (it has a blank)."""
    import pandas as pd

    return pd.DataFrame([dict(r) for r in RECORDS])


def counted_text(value: object, *, log: str) -> Check:
    """The text check, leaving one line in the file ``log`` per call (in any process)."""
    with open(log, "a", encoding="utf-8") as f:
        f.write("x\n")
    return text.check(value)


def counted_form(log: str) -> Form:
    """A one-field form whose check writes to ``log``: to count how often rows are validated."""
    return Form("counted", "计数", "1.0", fields=[Field("notes", "跟进内容", kind=counted_text,
                                                       options={"log": log})])  # fmt: skip


DOC = Path(__file__).resolve().parents[2] / "docs" / "integrations.md"


def doc_blocks(section: str) -> list[str]:
    """The ```python blocks of a ``## section`` of the page (```py blocks are not run)."""
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.M)
    body = next(p for p in parts if p.startswith(section + "\n"))
    return re.findall(r"```python\n(.*?)```", body, re.S)


def run_blocks(blocks: list[str], namespace: dict[str, Any]) -> dict[str, Any]:
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)
    return namespace
