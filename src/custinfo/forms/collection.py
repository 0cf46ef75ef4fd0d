"""标准化客户信息收集表 — the customer-information collection form (seed 000).

Fields, labels and filling rules as the seed writes them; keys are English.
"""

from __future__ import annotations

from custinfo.model import Field, Form

__all__ = ["collection"]

_BASIC, _CONTACT, _BUSINESS, _CONFIRM = "基础信息", "联系信息", "业务信息", "确认信息"

collection = Form(
    name="collection",
    title="标准化客户信息收集表",
    title_en="Standard customer information collection form",
    version="1.0",
    description="信息收集人员在24小时内录入系统;审核抽样率不低于30%。",
    fields=[
        Field("customer_type", "客户类型", kind="choices", required=True, group=_BASIC,
              label_en="Customer type", choices=("企业", "个人"),
              help="企业或个人(由“客户姓名(企业/个人)”一栏确定)",
              help_en="Enterprise or person", aliases=("客户类别",)),
        Field("customer_name", "客户姓名(企业/个人)", required=True, group=_BASIC,
              label_en="Customer name", personal="name",
              help="企业客户需提供全称,个人客户需提供真实姓名",
              help_en="Enterprises: the full legal name; persons: the real name",
              aliases=("客户姓名", "客户名称", "姓名/名称")),
        Field("id_number", "统一社会信用代码/证件号码", required=True, group=_BASIC,
              label_en="USCC / ID number", personal="identifier",
              help="企业填写18位统一社会信用代码,个人填写18位证件号码",
              help_en="Enterprises: the 18-character USCC; persons: the 18-digit ID number",
              aliases=("统一社会信用代码/证件号码号", "证件号码", "证件号码号", "证件号")),
        Field("industry", "所属行业", required=True, group=_BASIC, label_en="Industry",
              help="参照《国民经济行业分类》(GB/T 4754-2017)标准选项",
              help_en="A section or division of GB/T 4754-2017", aliases=("行业",)),
        Field("scale", "规模", kind="choices", group=_BASIC, label_en="Scale",
              choices=("大型", "中型", "小型", "微型"),
              help="企业规模:大型、中型、小型、微型", help_en="Enterprise size class",
              aliases=("企业规模",)),
        Field("phone", "联系方式", required=True, group=_CONTACT, label_en="Phone",
              personal="phone", help="11位数字,系统自动校验格式",
              help_en="11 digits, format checked", aliases=("手机号", "手机号码", "联系电话")),
        Field("email", "电子邮箱", group=_CONTACT, label_en="Email", personal="email",
              help="需包含“@”及域名后缀", help_en="Contains @ and a domain suffix",
              aliases=("邮箱", "email", "e-mail")),
        Field("address", "联系地址", group=_CONTACT, label_en="Address", personal="text",
              help="详细到省、市、区(县)、街道",
              help_en="Down to province, city, district (county) and street", aliases=("地址",)),
        Field("contact_person", "对接人姓名", group=_CONTACT, label_en="Contact person",
              personal="name", help="对接人的真实姓名", help_en="The contact's real name",
              aliases=("对接人",)),
        Field("contact_title", "对接人职务", group=_CONTACT, label_en="Contact's title",
              help="对接人的职务", help_en="The contact's job title", aliases=("职务",)),
        Field("demand_type", "需求类型", kind="choices", required=True, group=_BUSINESS,
              label_en="Demand type", choices=("产品采购", "技术咨询", "合作咨询"),
              help="如“产品采购”“技术咨询”“合作咨询”等",
              help_en="Product purchase, technical consulting or cooperation"),
        Field("intent_level", "合作意向等级", kind="choices", group=_BUSINESS,
              label_en="Intent level", choices=("高意向", "中意向", "低意向", "潜在客户"),
              help="“高意向”“中意向”“低意向”“潜在客户”单选",
              help_en="High, medium, low intent or prospect", aliases=("合作意向", "意向等级")),
        Field("budget_range", "预算范围", kind="choices", group=_BUSINESS,
              label_en="Budget range", choices=("1万以下", "1-5万", "5-10万", "10万以上"),
              help="如“1万以下”“1-5万”“5-10万”“10万以上”",
              help_en="Under 10k, 10k-50k, 50k-100k or over 100k yuan", aliases=("预算",)),
        Field("timeline", "项目时间节点", kind="dates", group=_BUSINESS, label_en="Timeline",
              help="项目关键时间节点,格式 YYYY-MM-DD", help_en="Project milestone, YYYY-MM-DD",
              aliases=("时间节点",)),
        Field("collector", "信息收集人员", required=True, group=_CONFIRM,
              label_en="Collector", personal="name", help="填写收集人姓名(如*经理)",
              help_en="The collector's name", aliases=("收集人", "信息收集人")),
        Field("confirmed_at", "客户确认时间", kind="dates", required=True, group=_CONFIRM,
              label_en="Confirmed on", options={"not_after_today": True},
              help="格式:YYYY-MM-DD", help_en="YYYY-MM-DD, not in the future",
              aliases=("确认时间",)),
    ],
)
