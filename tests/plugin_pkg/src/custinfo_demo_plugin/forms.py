"""A visit form that uses the plugin's own validator."""

from __future__ import annotations

from custinfo import Field, Form

visit = Form(
    "visit",
    "拜访登记",
    "1.0",
    fields=[
        Field("customer_name", "客户名称", required=True),
        Field("wechat", "微信号", kind="wechat", personal="name"),
    ],
)
