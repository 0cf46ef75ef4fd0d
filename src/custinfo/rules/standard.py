"""The seeds' cross-field rules (spec §3), as :class:`~custinfo.rules.Rule` objects.

The standard forms list them (``forms.enterprise.rules``); users add them to
their own forms, or build variants with their own policy tables:

>>> import datetime
>>> from custinfo.rules import RuleContext
>>> ctx = RuleContext({"customer_type": "个人", "id_number": "91350100M000100Y43"})
>>> [f.code for f in customer_type_matches_id.evaluate(ctx)]
['rule.customer_type_vs_id']
>>> ctx = RuleContext({"demand_type": "技术咨询", "budget_range": "10万以上"})
>>> budget_fits_demand.evaluate(ctx)[0].message("en")
'Budget range 10万以上 is unusual for demand type 技术咨询 (expected: 1万以下, 1-5万, 5-10万)'

Rules read cleaned values (ISO date strings, ``Decimal`` amounts, compact
codes) and use the validators' info only as a bonus, so they also work on forms
whose fields are plain text. Anything they cannot read is "no opinion".
Severities: ``error`` where two facts cannot both be true (a cooperation that
starts before the company exists), ``warning`` where a reviewer should look (a
policy table, a region that differs after a move).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection

from custinfo import normalize
from custinfo.findings import DefinitionError, Severity
from custinfo.rules import _ids, _values, policies
from custinfo.rules.blocks import TODAY, consistent_with, not_after
from custinfo.rules.engine import Outcome, Rule, RuleContext
from custinfo.rules.policies import Levels, Policy

__all__ = [
    "MESSAGES",
    "amount_fits_level",
    "amount_rule",
    "archive_not_before_established",
    "archive_not_in_future",
    "budget_fits_demand",
    "budget_rule",
    "confirmed_not_in_future",
    "contract_not_before_established",
    "cooperation_after_established",
    "cooperation_not_in_future",
    "customer_type_matches_id",
    "follow_up_after_cooperation",
    "follow_up_after_established",
    "follow_up_not_in_future",
    "form_version_latest",
    "identifier_rule",
    "level_fits_history",
    "level_rule",
    "region_rule",
    "short_name_matches_name",
    "uscc_region_matches_address",
]

MESSAGES = {
    "rule.customer_type_vs_id": (
        "客户类型为“{customer_type}”,应填写{expected_zh},所填号码为{found_zh}",
        "Customer type is {customer_type}: expected {expected_en}, found {found_en}",
    ),
    "rule.budget_vs_demand": (
        "预算范围“{value}”与需求类型“{key}”不匹配(通常为:{allowed})",
        "Budget range {value} is unusual for demand type {key} (expected: {allowed})",
    ),
    "rule.amount_vs_level": (
        "合同金额不在“{key}”的常规范围({band_zh})内",
        "Contract amount is outside the usual band for {key} ({band_en})",
    ),
    "rule.level_vs_history": (
        "客户等级“{level}”缺少依据:{reason_zh}",
        "Customer level {level} is not supported: {reason_en}",
    ),
    "rule.uscc_region_vs_address": (
        "注册地址所在地({address_region})与统一社会信用代码的登记地({uscc_region})不一致",
        "Registered address ({address_region}) is outside the USCC's region of "
        "registration ({uscc_region})",
    ),
    "rule.cooperation_before_established": (
        "合作起始时间早于成立日期",
        "Cooperation starts before the customer was established",
    ),
    "rule.follow_up_before_cooperation": (
        "最近跟进时间早于合作起始时间",
        "Last follow-up is before the start of cooperation",
    ),
    "rule.follow_up_before_established": (
        "最近跟进时间早于成立日期",
        "Last follow-up is before the customer was established",
    ),
    "rule.follow_up_in_future": (
        "最近跟进时间晚于当前日期",
        "Last follow-up is after the reference day",
    ),
    "rule.cooperation_in_future": (
        "合作起始时间晚于当前日期,请确认",
        "Cooperation starts after the reference day; please confirm",
    ),
    "rule.confirmed_in_future": (
        "客户确认时间晚于当前日期",
        "Customer confirmation is after the reference day",
    ),
    "rule.contract_before_established": (
        "合同编号中的年份 {year} 早于成立年份 {established}",
        "Contract number year {year} is before the year of establishment {established}",
    ),
    "rule.archive_before_established": (
        "档案编号中的年份 {year} 早于成立年份 {established}",
        "Archive number year {year} is before the year of establishment {established}",
    ),
    "rule.archive_in_future": (
        "档案编号中的年份 {year} 晚于当前年份 {current}",
        "Archive number year {year} is after the current year {current}",
    ),
    "rule.short_name_vs_name": (
        "客户简称与客户名称不一致:{reason_zh}",
        "Short name is not consistent with the full name: {reason_en}",
    ),
    "rule.form_version": (
        "表单版本 {version} 不是最新版 {latest},旧模板缺少:{missing}",
        "Form version {version} is not the latest ({latest}); the old template lacks: {missing}",
    ),
}

# -- customer type against identifier kind -------------------------------------

_EXPECTED = {
    "enterprise": ("18位统一社会信用代码", "an 18-character unified social credit code"),
    "person": ("居民身份证号码或其他个人证件号码", "a resident ID or another personal ID number"),
}
_FOUND = {
    "uscc": ("统一社会信用代码", "a unified social credit code"),
    "ric": ("居民身份证号码", "a resident ID number"),
    "other": ("无法识别为统一社会信用代码的号码", "a number that is not a valid USCC"),
}


def _kind_from_info(info: object) -> _ids.Kind | None:
    # the uscc and ric validators' info objects say which kind the field accepted
    if hasattr(info, "organization_code") and hasattr(info, "authority"):
        return "uscc"
    if hasattr(info, "birth_date") and hasattr(info, "gender"):
        return "ric"
    return None


def identifier_rule(
    type_field: str = "customer_type",
    id_field: str = "id_number",
    *,
    enterprise: Collection[str] = ("企业",),
    person: Collection[str] = ("个人",),
) -> Rule:
    """Customer type against identifier kind: an enterprise gives a USCC, a person a
    personal ID (a resident ID, or a passport and the like, which are not judged).
    """

    def check(ctx: RuleContext) -> Outcome:
        customer_type = ctx.values.get(type_field)
        kind = _kind_from_info(ctx.info.get(id_field))
        if kind is None:  # the field's validator said nothing: judge the shape
            today = None if ctx.today == datetime.date.min else ctx.today
            kind = _ids.kind(ctx.values.get(id_field), today)
        if customer_type in enterprise and kind not in ("uscc", "ambiguous"):
            side = "enterprise"
        elif customer_type in person and kind == "uscc":
            side = "person"
        else:
            return True
        expected, found = _EXPECTED[side], _FOUND[kind]
        return {
            "customer_type": customer_type,
            "expected_zh": expected[0],
            "expected_en": expected[1],
            "found_zh": found[0],
            "found_en": found[1],
        }

    code = "rule.customer_type_vs_id"
    return Rule(
        code,
        (type_field, id_field),
        check,
        Severity.ERROR,
        MESSAGES[code],
        field=id_field,
        description="An enterprise is identified by its USCC, a person by a personal ID "
        "(GB 32100-2015 MOD 31-3 and GB 11643-1999 MOD 11-2 tell them apart).",
    )


customer_type_matches_id = identifier_rule()

# -- policy tables -------------------------------------------------------------


def budget_rule(table: Policy = policies.BUDGET_BY_DEMAND) -> Rule:
    """Budget range against demand type, by ``table`` (default ``BUDGET_BY_DEMAND``)."""
    code = "rule.budget_vs_demand"
    return consistent_with("demand_type", "budget_range", table, code=code, message=MESSAGES[code])


def amount_rule(bands: Policy = policies.AMOUNT_BY_LEVEL) -> Rule:
    """Contract amount against customer level, by ``bands`` (default ``AMOUNT_BY_LEVEL``)."""
    code = "rule.amount_vs_level"
    return consistent_with(
        "customer_level", "contract_amount", bands, code=code, message=MESSAGES[code]
    )


def level_rule(
    criteria: Levels = policies.LEVEL_CRITERIA,
    *,
    level: str = "customer_level",
    since: str | None = "cooperation_start",
    annual: str | None = None,
) -> Rule:
    """Customer level against whole years of cooperation since ``since`` and the
    annual purchases in ``annual`` (a field of the user's form; the standard form has
    none, so by default only the years are weighed).
    """
    reads = tuple(k for k in (level, since, annual) if k is not None)

    def check(ctx: RuleContext) -> Outcome:
        start = _values.as_date(ctx.values.get(since), ctx.info.get(since)) if since else None
        known_day = ctx.today != datetime.date.min
        years = _values.full_years(start, ctx.today) if start and known_day else None
        amount = _values.as_amount(ctx.values.get(annual)) if annual else None
        return criteria.judge(ctx.values.get(level), years=years, annual=amount) or True

    code = "rule.level_vs_history"
    return Rule(
        code,
        reads,
        check,
        Severity.WARNING,
        MESSAGES[code],
        field=level,
        description=criteria.description,
        needs_all=False,
    )


budget_fits_demand = budget_rule()
amount_fits_level = amount_rule()
level_fits_history = level_rule()

# -- USCC region against registered address --------------------------------------


def region_rule(uscc: str = "uscc", address: str = "registered_address") -> Rule:
    """The USCC's region code (positions 3-8) against the division the address lies in."""

    def check(ctx: RuleContext) -> Outcome:
        from custinfo.rules import _regions  # the division table loads on first use

        code = _ids.compact(ctx.values.get(uscc))
        text = _values.as_text(ctx.values.get(address))
        if code is None or len(code) != 18 or text is None:
            return True
        resolved = _values.attribute(ctx.info.get(address), "code")
        found = _regions.conflict(code[2:8], resolved if isinstance(resolved, str) else None, text)
        if found is None:
            return True
        return {"uscc_region": found[0], "address_region": found[1]}

    code = "rule.uscc_region_vs_address"
    return Rule(
        code,
        (uscc, address),
        check,
        Severity.WARNING,
        MESSAGES[code],
        field=address,
        description="GB 32100-2015: positions 3-8 are the registering authority's "
        "division code; compared at province and prefecture level, historic names allowed, "
        "national registrations (100000) exempt. A warning: the code stays when a company moves.",
    )


uscc_region_matches_address = region_rule()

# -- date order -------------------------------------------------------------------

cooperation_after_established = not_after(
    "established_on",
    "cooperation_start",
    code="rule.cooperation_before_established",
    message=MESSAGES["rule.cooperation_before_established"],
    severity=Severity.ERROR,
    description="established ≤ cooperation start: nobody cooperates with a company "
    "before it exists.",
)
follow_up_after_cooperation = not_after(
    "cooperation_start",
    "last_follow_up_on",
    code="rule.follow_up_before_cooperation",
    message=MESSAGES["rule.follow_up_before_cooperation"],
    description="cooperation start ≤ last follow-up: the latest follow-up of a customer "
    "in cooperation is not older than the cooperation.",
)
follow_up_after_established = not_after(
    "established_on",
    "last_follow_up_on",
    code="rule.follow_up_before_established",
    message=MESSAGES["rule.follow_up_before_established"],
    unless_known=("cooperation_start",),
    description="established ≤ last follow-up, checked directly only when there is no "
    "cooperation start to check it through.",
)
follow_up_not_in_future = not_after(
    "last_follow_up_on",
    TODAY,
    code="rule.follow_up_in_future",
    message=MESSAGES["rule.follow_up_in_future"],
    severity=Severity.ERROR,
    description="last follow-up ≤ reference day (the standard form's date field "
    "checks this itself; the rule serves forms that do not).",
)
cooperation_not_in_future = not_after(
    "cooperation_start",
    TODAY,
    code="rule.cooperation_in_future",
    message=MESSAGES["rule.cooperation_in_future"],
    description="cooperation start ≤ reference day; a warning, as a signed contract "
    "may start next month.",
)
confirmed_not_in_future = not_after(
    "confirmed_at",
    TODAY,
    code="rule.confirmed_in_future",
    message=MESSAGES["rule.confirmed_in_future"],
    severity=Severity.ERROR,
    description="customer confirmation ≤ reference day.",
)

# -- contract and archive number years --------------------------------------------


def _year_rule(number: str, code: str, description: str) -> Rule:
    def check(ctx: RuleContext) -> Outcome:
        year = _values.code_year(ctx.values.get(number), ctx.info.get(number))
        born = _values.as_date(ctx.values.get("established_on"), ctx.info.get("established_on"))
        if year is None or born is None or year >= born.year:
            return True
        return {"year": year, "established": born.year}

    return Rule(
        code,
        (number, "established_on"),
        check,
        Severity.ERROR,
        MESSAGES[code],
        field=number,
        description=description,
    )


contract_not_before_established = _year_rule(
    "contract_no",
    "rule.contract_before_established",
    "The year in the contract number (HT-2024-005) is not before the year of establishment.",
)
archive_not_before_established = _year_rule(
    "archive_no",
    "rule.archive_before_established",
    "The year in the archive number (KH-2024-001) is not before the year of establishment.",
)


def _archive_not_in_future(ctx: RuleContext) -> Outcome:
    year = _values.code_year(ctx.values.get("archive_no"), ctx.info.get("archive_no"))
    if year is None or ctx.today == datetime.date.min or year <= ctx.today.year:
        return True
    return {"year": year, "current": ctx.today.year}


archive_not_in_future = Rule(
    "rule.archive_in_future",
    ("archive_no",),
    _archive_not_in_future,
    Severity.ERROR,
    MESSAGES["rule.archive_in_future"],
    description="The archive number's year (the year the file was opened) is not after "
    "the reference day's year.",
)

# -- short name against full name ---------------------------------------------------

_DECLARED = re.compile(r"\((?:以下)?简称[:]?[“\"']?([^)”\"']+)[”\"']?\)")
_DROP = re.compile(r"[\s()\"'“”‘’·.,:;-]")


def _plain(name: str) -> str:
    return _DROP.sub("", name).casefold()


def _in_order(short: str, full: str) -> bool:
    """Every character of ``short`` occurs in ``full``, in order (华为 in 华为技术有限公司)."""
    rest = iter(full)
    return all(c in rest for c in short)


_REASONS = {
    "declared": (
        "与客户名称中注明的简称不同",
        "it differs from the abbreviation declared in the full name",
    ),
    "letters": (
        "简称中的字不全出现在客户名称中",
        "its characters do not all occur in the full name, in order",
    ),
}


def _short_name(ctx: RuleContext) -> Outcome:
    short = _values.as_text(ctx.values.get("short_name"))
    full = _values.as_text(ctx.values.get("customer_name"))
    if not short or not full:
        return True
    full = normalize.brackets(full)
    declared = _DECLARED.search(full)
    plain = _plain(normalize.brackets(short))
    if declared is not None:
        if plain == _plain(declared[1]):
            return True
        reason = "declared"
    elif _in_order(plain, _plain(full)):
        return True
    else:
        reason = "letters"
    zh, en = _REASONS[reason]
    return {"reason_zh": zh, "reason_en": en}


short_name_matches_name = Rule(
    "rule.short_name_vs_name",
    ("short_name", "customer_name"),
    _short_name,
    Severity.WARNING,
    MESSAGES["rule.short_name_vs_name"],
    description="The short name equals the abbreviation declared as '(简称:…)' in the full "
    "name, or else is made of the full name's characters in order (华为 for "
    "华为技术有限公司, 工行 for 中国工商银行股份有限公司). A brand that is not part of the "
    "legal name (美团 for 北京三快在线科技有限公司) is flagged for a look.",
)

# -- form version -------------------------------------------------------------------


def _form_version(ctx: RuleContext) -> Outcome:
    from custinfo import forms  # the forms import this module: resolve at run time

    version = ctx.values.get("form_version")
    try:
        latest = forms.get(ctx.form)
    except DefinitionError:
        return True  # a form nobody registered has no version history to compare with
    if not isinstance(version, str) or version == latest.version:
        return True
    try:
        old = forms.get(ctx.form, version)
    except DefinitionError:
        missing: tuple[str, ...] = ("?",)
    else:
        if old.version == latest.version:
            return True
        present = set(old.keys)
        missing = tuple(f.label for f in latest.fields if f.key not in present)
    return {"version": version, "latest": latest.version, "missing": missing}


form_version_latest = Rule(
    "rule.form_version",
    ("form_version",),
    _form_version,
    Severity.WARNING,
    MESSAGES["rule.form_version"],
    description="The seed requires the latest template revision; an older one is "
    "reported with the fields it lacks (from the versions in custinfo.forms' registry).",
)
