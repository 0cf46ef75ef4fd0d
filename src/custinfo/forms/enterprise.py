"""客户信息管理标准化表单 V2.1 — the enterprise customer-management form (seed 001).

The seed names V2.1 as the latest revision and warns that an outdated template
misses fields. V2.0 is not published; custinfo's ``V2.0`` is the template
without 客户简称 and 档案编号 — the fields V2.1's text introduces for
abbreviations and paper archives — so an old template is reported with what it
lacks. Register the real history of your own templates with
:func:`custinfo.forms.register`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from custinfo import normalize
from custinfo.findings import Check, Problem
from custinfo.model import Field, Form
from custinfo.rules import standard

__all__ = ["MESSAGES", "TEMPLATES", "enterprise", "enterprise_v2_0", "form_version"]

LATEST = "V2.1"

MESSAGES = {
    "enterprise.version": (
        "表单版本号格式应为 V主版本.次版本(如 V2.1)",
        "Form version must look like V2.1",
    ),
}

_VERSION = re.compile(r"[vV]?(\d{1,3})\.(\d{1,3})")


def form_version(value: object) -> Check:
    """Normalize a template version (``v2.1``, ``２．１``, ``V 2.1`` → ``V2.1``)."""
    text = normalize.as_text(value)
    m = _VERSION.fullmatch(normalize.punctuation(text[:32]).replace(" ", "")) if text else None
    if m is None:
        return Check(None, (Problem("enterprise.version"),))
    return Check(f"V{int(m[1])}.{int(m[2])}")


_BASIC, _BUSINESS, _CONTACT, _FOLLOW, _ARCHIVE = (
    "基本信息",
    "业务信息",
    "联系信息",
    "跟进记录",
    "档案信息",
)

_FIELDS = [
    Field(
        "customer_name",
        "客户名称",
        personal="name",
        kind="company_name",
        required=True,
        group=_BASIC,
        label_en="Customer name",
        help="需与公章一致,填写全称;简称在括号中注明,如“科技有限公司(简称:科技)”",
        help_en="As on the company seal: the full legal name; an abbreviation only as '(简称:…)'",
        aliases=("客户全称", "企业名称", "公司名称"),
    ),
    Field(
        "short_name",
        "客户简称",
        personal="name",
        group=_BASIC,
        label_en="Short name",
        help="与客户全称一致的简称",
        help_en="An abbreviation consistent with the full name",
        aliases=("简称",),
    ),
    Field(
        "uscc",
        "统一社会信用代码",
        personal="identifier",
        kind="uscc",
        required=True,
        group=_BASIC,
        label_en="USCC",
        help="填写18位代码,避免空格或特殊字符",
        help_en="The 18-character code, without spaces or special characters",
        aliases=("信用代码", "社会信用代码"),
    ),
    Field(
        "registered_address",
        "注册地址",
        personal="text",
        kind="address",
        options={"require": "city"},
        required=True,
        group=_BASIC,
        label_en="Registered address",
        help="营业执照上的注册地址",
        help_en="The address on the business licence",
    ),
    Field(
        "established_on",
        "成立日期",
        kind="dates",
        required=True,
        group=_BASIC,
        label_en="Established on",
        options={"not_after_today": True},
        help="格式 YYYY-MM-DD,如 2010-05-18",
        help_en="YYYY-MM-DD, e.g. 2010-05-18",
    ),
    Field(
        "industry",
        "所属行业",
        kind="industry",
        required=True,
        group=_BASIC,
        label_en="Industry",
        help="按《国民经济行业分类》填写,如“软件和信息技术服务业”",
        help_en="GB/T 4754-2017, e.g. 软件和信息技术服务业",
        aliases=("行业",),
    ),
    Field(
        "customer_level",
        "客户等级",
        kind="choices",
        required=True,
        group=_BUSINESS,
        label_en="Customer level",
        choices=("战略客户", "重点客户", "普通客户", "潜在客户"),
        help="战略客户/重点客户/普通客户/潜在客户,根据合作时长、年采购额等综合判定",
        help_en="Strategic, key, ordinary or prospect; judged from cooperation length "
        "and annual purchases",
    ),
    Field(
        "project",
        "合作项目",
        required=True,
        group=_BUSINESS,
        label_en="Project",
        help="注明项目名称,如“办公软件采购项目V3.0”",
        help_en="The project name, e.g. 办公软件采购项目V3.0",
        aliases=("项目名称",),
    ),
    Field(
        "contract_no",
        "合同编号",
        kind="codes",
        options={"prefix": "HT"},
        required=True,
        group=_BUSINESS,
        label_en="Contract number",
        help="如 HT-2024-005",
        help_en="e.g. HT-2024-005",
    ),
    Field(
        "contract_amount",
        "合同金额",
        kind="money",
        group=_BUSINESS,
        label_en="Contract amount",
        help="如为框架合同,填写年度预估金额;应与客户规模匹配",
        help_en="For a framework contract, the estimated annual amount",
    ),
    Field(
        "cooperation_start",
        "合作起始时间",
        kind="dates",
        group=_BUSINESS,
        label_en="Cooperation start",
        help="格式 YYYY-MM-DD",
        help_en="YYYY-MM-DD",
        aliases=("合作开始时间",),
    ),
    Field(
        "contact_name",
        "联系人姓名",
        kind="person_name",
        required=True,
        group=_CONTACT,
        label_en="Contact name",
        personal="name",
        help="填写主要对接人",
        help_en="The main contact",
        aliases=("联系人",),
    ),
    Field(
        "contact_title",
        "职位",
        group=_CONTACT,
        label_en="Contact's position",
        help="需与实际职责匹配",
        help_en="Matching the contact's real duties",
        aliases=("联系人职位",),
    ),
    Field(
        "phone",
        "电话",
        kind="phone",
        required=True,
        group=_CONTACT,
        label_en="Phone",
        personal="phone",
        help="常用联系方式,保证畅通",
        help_en="A working phone number",
        aliases=("联系电话", "电话号码"),
    ),
    Field(
        "email",
        "邮箱",
        kind="email",
        group=_CONTACT,
        label_en="Email",
        personal="email",
        help="常用邮箱",
        help_en="A working email address",
        aliases=("电子邮箱", "email"),
    ),
    Field(
        "last_follow_up_on",
        "最近跟进时间",
        kind="dates",
        group=_FOLLOW,
        label_en="Last follow-up",
        options={"not_after_today": True},
        help="精确到日,不得晚于当天",
        help_en="A day, not in the future",
    ),
    Field(
        "follow_up_notes",
        "跟进内容",
        kind="sensitive",
        group=_FOLLOW,
        label_en="Follow-up notes",
        personal="text",
        help="简明扼要,如“确认2024年Q1采购需求”",
        help_en="Concise, e.g. 确认2024年Q1采购需求",
    ),
    Field(
        "archive_no",
        "档案编号",
        kind="codes",
        options={"prefix": "KH"},
        group=_ARCHIVE,
        label_en="Archive number",
        help="如 KH-2024-001",
        help_en="e.g. KH-2024-001",
    ),
    Field(
        "form_version",
        "表单版本号",
        kind=form_version,
        required=True,
        group=_ARCHIVE,
        label_en="Form version",
        help="使用最新修订版(V2.1)",
        help_en="The latest revision (V2.1)",
        aliases=("版本号", "表单版本"),
    ),
]

TEMPLATES: Mapping[str, tuple[str, ...]] = {
    LATEST: tuple(f.key for f in _FIELDS),
    "V2.0": tuple(f.key for f in _FIELDS if f.key not in ("short_name", "archive_no")),
}
"""The field keys of each known template revision."""


enterprise = Form(
    name="enterprise",
    title="客户信息管理标准化表单",
    title_en="Enterprise customer information management form",
    version=LATEST,
    description="审核通过后1个工作日内录入CRM;信息变更3个工作日内更新;档案保存不少于5年。",
    fields=_FIELDS,
    rules=[
        standard.uscc_region_matches_address,
        standard.cooperation_after_established,
        standard.follow_up_after_cooperation,
        standard.follow_up_after_established,
        standard.follow_up_not_in_future,
        standard.cooperation_not_in_future,
        standard.contract_not_before_established,
        standard.archive_not_before_established,
        standard.archive_not_in_future,
        standard.short_name_matches_name,
        standard.amount_fits_level,
        standard.level_fits_history,
        standard.form_version_latest,
    ],
    crm={"customer_name": "客户全称"},
)

enterprise_v2_0 = enterprise.evolve(
    version="V2.0", remove_fields=[k for k in TEMPLATES[LATEST] if k not in TEMPLATES["V2.0"]]
)
