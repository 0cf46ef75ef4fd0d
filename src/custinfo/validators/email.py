"""Email addresses: email-validator decides the syntax; no network is ever used.

What people type is normalized *before* validation: full-width characters
(``＠``, ``．``, full-width letters), the ideographic full stop ``。``, zero-width
characters, surrounding spaces and a ``mailto:`` prefix. The domain comes back
lower-cased, internationalized domains in their Unicode form (as email-validator
returns them), and a near miss of a popular provider's domain is a warning that
carries the suggested address, masked:

>>> validate("Zhang.San＠QQ．COM")
'Zhang.San@qq.com'
>>> validate("用户@例子.广告")
'用户@例子.广告'
>>> c = check("zhangsan@qq.con")
>>> c.ok, c.problems[0].code, c.problems[0].params["suggestion"]
(True, 'email.domain_typo', 'z***@qq.com')
>>> info("zhangsan@qq.con").suggestion
'zhangsan@qq.com'
>>> check("zhangsan#qq.com").problems[0].code
'email.missing_at'

email-validator is called with every option spelled out (its module-level
defaults are mutable globals) and with ``check_deliverability=False``. A fast
path handles the plain ASCII shape (``dot-atom@ldh-domain``) without calling
it, remembering what depends on the domain alone for each domain it sees;
``tests/validators/test_email_differential.py`` proves that it gives
email-validator's verdict and normalized form, and
``tests/validators/test_email_fast_path.py`` that it gives the same Check
(value, problems, info) as the reference path on every kind of input.
"""

from __future__ import annotations

import contextlib
import random
import re

import email_validator
from attrs import define

from custinfo import masking, normalize
from custinfo.findings import Check, InvalidValue, Problem, Severity, slot_builder
from custinfo.validators._email_domains import Provider, provider, repair, typo_of

try:  # the RFC 2142 role mailboxes email-validator lower-cases (mirrored if absent)
    from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES as _ROLE_NAMES
except ImportError:  # pragma: no cover - depends on email-validator's internals
    _ROLE_NAMES = [
        "info",
        "marketing",
        "sales",
        "support",
        "abuse",
        "noc",
        "security",
        "postmaster",
        "hostmaster",
        "usenet",
        "news",
        "webmaster",
        "www",
        "uucp",
        "ftp",
    ]

__all__ = [
    "MAX_LENGTH",
    "MESSAGES",
    "EmailInfo",
    "InvalidEmail",
    "Provider",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "mask",
    "provider",
    "suggest",
    "validate",
]

MAX_LENGTH = 254
"""RFC 5321 §4.5.3.1.3 (with RFC 3696 errata 1690): at most 254 octets."""

MESSAGES = {
    "email.type": ("邮箱的值类型不正确", "Email value has the wrong type"),
    "email.empty": ("邮箱为空", "Email address is empty"),
    "email.too_long": (
        "邮箱过长(最多 {max_length} 字节)",
        "Email address is too long (at most {max_length} bytes)",
    ),
    "email.whitespace": ("邮箱中间含有空格", "Email address contains spaces"),
    "email.display_name": (
        "邮箱中含有姓名和尖括号,只需填写地址本身",
        "Email contains a display name and angle brackets; give the address only",
    ),
    "email.missing_at": ("邮箱缺少 @ 符号", "Email address has no @ sign"),
    "email.multiple_at": ("邮箱含有多个 @ 符号", "Email address has more than one @ sign"),
    "email.local_part": (
        "邮箱 @ 前的用户名部分不合法",
        "The part of the email address before the @ sign is not valid",
    ),
    "email.international": (
        "邮箱 @ 前含有非 ASCII 字符,此处不允许",
        "Non-ASCII characters before the @ sign are not allowed here",
    ),
    "email.domain": (
        "邮箱 @ 后的域名部分不合法",
        "The domain of the email address (after the @ sign) is not valid",
    ),
    "email.syntax": ("邮箱格式不正确", "Email address is not valid"),
    "email.domain_typo": (
        "邮箱域名疑似拼写错误,是否应为 {suggestion}",
        "Email domain looks like a typo; did you mean {suggestion}?",
    ),
    "email.domain_retired": (
        "邮箱服务商 {provider} 已于 {year} 年停止服务",
        "The mail service {provider} closed in {year}",
    ),
}


class InvalidEmail(InvalidValue):
    """Not a valid email address."""


@define(frozen=True, slots=True)
class EmailInfo:
    """Facts read from a valid address.

    ``address`` is the normalized address; ``ascii_email`` its all-ASCII form
    (None when the local part needs SMTPUTF8); ``provider`` the known mail
    provider of the domain; ``suggestion`` the whole address with the domain a
    typo probably meant (None when the domain looks right).
    """

    address: str
    local_part: str
    domain: str
    ascii_domain: str
    ascii_email: str | None
    smtputf8: bool
    provider: Provider | None
    suggestion: str | None


# --- normalization -----------------------------------------------------------------

# Beyond fold_width (U+FF01-FF5E incl. ＠ and ．, and zero-width characters): the
# ideographic full stops and the small commercial at of CJK input methods.
_EXTRA = str.maketrans({"。": ".", "｡": ".", "﹒": ".", "﹫": "@"})
_MAILTO = re.compile(r"mailto:", re.IGNORECASE)
_INPUT_LIMIT = 1024  # anything longer is rejected before any normalization work


def compact(value: str) -> str:
    """Full-width and ideographic punctuation folded, invisible characters removed,
    surrounding spaces and a ``mailto:`` prefix stripped (nothing else changes).

    >>> compact(" mailto:ZhangSan＠163。com\u200b ")
    'ZhangSan@163.com'
    """
    if value.isascii():  # nothing to fold: the common case
        folded = value.strip()
    else:
        folded = normalize.fold_width(value).translate(_EXTRA).strip()
    while folded[:1] in ("m", "M") and _MAILTO.match(folded):
        folded = folded[7:].lstrip()
    return folded


# --- the reference: email-validator ---------------------------------------------------


@define(frozen=True, slots=True)
class _Parsed:
    local: str
    domain: str
    ascii_domain: str
    ascii_email: str | None
    smtputf8: bool


def _reference(address: str, allow_smtputf8: bool) -> _Parsed:
    """email-validator's verdict; raises its ``EmailNotValidError``."""
    result = email_validator.validate_email(
        address,
        allow_smtputf8=allow_smtputf8,
        allow_empty_local=False,
        allow_quoted_local=False,  # RFC 5321 4.1.2: mailboxes SHOULD avoid quoted strings
        allow_domain_literal=False,  # a customer's address is never user@[1.2.3.4]
        allow_display_name=False,
        strict=False,
        check_deliverability=False,  # never any network
        test_environment=False,
        globally_deliverable=True,
    )
    return _Parsed(
        result.local_part,
        result.domain,
        result.ascii_domain,
        result.ascii_email,
        bool(result.smtputf8),
    )


def _octets(address: str) -> int:
    """Length in UTF-8 octets; a lone surrogate (never valid) counts as three."""
    return len(address.encode("utf-8", "surrogatepass"))


def _accepts(address: str, allow_smtputf8: bool = True) -> bool:
    try:
        _reference(address, allow_smtputf8)
    except (email_validator.EmailNotValidError, UnicodeError):
        return False
    return True


def _parse(address: str, allow_smtputf8: bool) -> _Parsed | None:
    try:
        return _reference(address, allow_smtputf8)
    except (email_validator.EmailNotValidError, UnicodeError):  # UnicodeError: surrogates
        return None


def _why(address: str, allow_smtputf8: bool) -> str:
    """The code for an address email-validator rejected: which part is at fault."""
    local, _, domain = address.partition("@")
    if not local or not _accepts(local + "@example.com"):
        return "email.local_part"
    if not allow_smtputf8 and not local.isascii():
        return "email.international"
    if not domain or not _accepts("a@" + domain):
        return "email.domain"
    if _octets(address) > MAX_LENGTH:
        return "email.too_long"
    return "email.syntax"


def _suggestion(local: str, domain: str, valid: bool) -> str | None:
    meant = typo_of(domain) if valid else repair(domain)
    return None if meant is None else f"{local}@{meant}"


# --- the fast path ---------------------------------------------------------------------
#
# The plain ASCII shape ``dot-atom@ldh-domain`` that email-validator accepts as
# it is but for the domain's case. Per call only the local part is matched; all
# that depends on the domain alone (its shape, lower case, provider, typo,
# retirement) is worked out once per distinct domain and kept in a bounded
# table, since addresses repeat their domains far more than their local parts.
# tests/validators/test_email_fast_path.py holds it to the reference path.

_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_LAST_LABEL = r"(?:[A-Za-z0-9][A-Za-z0-9-]{0,61})?[A-Za-z]"  # every TLD ends in a letter
_FAST = re.compile(rf"{_ATEXT}+(?:\.{_ATEXT}+)*")  # the local part, matched on every call
_DOMAIN = re.compile(rf"(?:{_LABEL}\.)+{_LAST_LABEL}")  # matched once per distinct domain
_ROLES = frozenset(_ROLE_NAMES)  # mailboxes email-validator lower-cases (Info@ -> info@)

_Facts = tuple[str, str, Provider | None, str | None, tuple[Problem, ...]]
"""A domain's lower case after an ``@`` and alone, its provider, the domain a
typo of it means, and the warnings that depend on the domain only."""

_FACTS: dict[str, _Facts] = {}
_FACTS_SIZE = 4096  # distinct domains remembered; the oldest is forgotten first
_special_use: list[str] = []  # the SPECIAL_USE_DOMAIN_NAMES _FACTS was built with


def _learn(domain: str) -> _Facts | None:
    """The facts of ``domain`` as it is written, or None when it is not plainly a
    domain email-validator takes as it is (the reference path decides)."""
    if _DOMAIN.fullmatch(domain) is None:
        return None
    lowered = domain.lower()
    for label in lowered.split("."):
        if label[2:4] == "--":  # IDNA (xn--) and reserved R-LDH labels
            return None
    for reserved in _special_use:
        if lowered == reserved or lowered.endswith("." + reserved):
            return None
    known = provider(lowered)
    warnings: tuple[Problem, ...] = ()
    if known is not None and known.retired is not None:
        params = {"provider": known.name_zh, "year": known.retired}
        warnings = (Problem("email.domain_retired", Severity.WARNING, params),)
    facts = ("@" + lowered, lowered, known, typo_of(lowered), warnings)
    if len(_FACTS) >= _FACTS_SIZE:
        with contextlib.suppress(KeyError, RuntimeError, StopIteration):  # a race: harmless
            del _FACTS[next(iter(_FACTS))]
    _FACTS[domain] = facts
    return facts


def _forget_domains() -> None:
    """Start afresh: email-validator's special-use list (users may edit it) changed."""
    _FACTS.clear()
    _special_use[:] = list(email_validator.SPECIAL_USE_DOMAIN_NAMES)


_build_info = slot_builder(EmailInfo)


def _plain_check(
    local: str, facts: _Facts, suggestion: str | None, problems: tuple[Problem, ...]
) -> Check:
    """The check of a plain ASCII address (valid; its ASCII forms are itself, no
    SMTPUTF8). The info's slots are set directly: half the cost of its ``__init__``."""
    address = local + facts[0]
    domain = facts[1]
    found = _build_info(address, local, domain, domain, address, False, facts[2], suggestion)
    return Check(address, problems, found)


# --- the checks -----------------------------------------------------------------


_DISPLAY_NAME = re.compile(r"[^<>]*<[^<>@]+@[^<>]+>")


def _precheck(address: str) -> str | None:
    if not address:
        return "email.empty"
    if "<" in address and _DISPLAY_NAME.fullmatch(address):
        return "email.display_name"  # 张三 <zhangsan@qq.com>, pasted from a mail client
    if len(address) * 4 > MAX_LENGTH and _octets(address) > MAX_LENGTH:  # 4: UTF-8's most
        return "email.too_long"
    spaced = " " in address or not address.isprintable()  # cheap test first
    if spaced and '"' not in address and any(c.isspace() for c in address):
        return "email.whitespace"  # a quoted local part is reported as such, below
    count = address.count("@")
    if count == 0:
        return "email.missing_at"
    return "email.multiple_at" if count > 1 else None


def _problem(code: str) -> Problem:
    params = {"max_length": MAX_LENGTH} if code == "email.too_long" else None
    return Problem(code, params=params)


def _typo_problem(suggestion: str) -> Problem:
    return Problem("email.domain_typo", Severity.WARNING, {"suggestion": masking.email(suggestion)})


def _invalid(address: str, code: str) -> Check:
    problems = [_problem(code)]
    if code in ("email.domain", "email.whitespace"):
        local, _, domain = address.partition("@")
        suggestion = _suggestion(local.strip(), domain.strip(), valid=False)
        if suggestion is not None and _accepts(suggestion):
            problems.append(_typo_problem(suggestion))
    return Check(None, tuple(problems))


def check(value: object, *, allow_smtputf8: bool = True) -> Check:
    """Check an email address; never raises.

    ``allow_smtputf8=False`` rejects non-ASCII characters before the ``@`` (for
    mail systems without SMTPUTF8); internationalized domains are always fine.
    """
    if type(value) is str and len(value) <= MAX_LENGTH:
        quick = _quick(value)  # a plain address needs no normalization either
        if quick is not None:
            return quick
    return _check(value, allow_smtputf8)


def _check(value: object, allow_smtputf8: bool, quick: bool = True) -> Check:
    """:func:`check`; ``quick=False`` is the reference path, email-validator alone."""
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("email.type"),))
    if len(raw) > _INPUT_LIMIT:
        return Check(None, (_problem("email.too_long"),))
    address = compact(raw)
    code = _precheck(address)
    if code is not None:
        return _invalid(address, code)
    if quick:
        found = _quick(address)
        if found is not None:
            return found
    parsed = _parse(address, allow_smtputf8)
    if parsed is None:
        return _invalid(address, _why(address, allow_smtputf8))
    return _valid(parsed)


def _quick(address: str) -> Check | None:
    """The check of an address of at most ``MAX_LENGTH`` characters in the plain
    shape, or None when the reference path must decide."""
    local, _, domain = address.rpartition("@")
    # Most local parts are ASCII letters and digits: two str tests, no regex.
    if not (local.isalnum() and local.isascii()) and _FAST.fullmatch(local) is None:
        return None
    if local.isalpha() and local.lower() in _ROLES:  # every role name is letters only
        local = local.lower()  # as email-validator does (RFC 2142: case-insensitive)
    if _special_use != email_validator.SPECIAL_USE_DOMAIN_NAMES:
        _forget_domains()
    facts = _FACTS.get(domain) or _learn(domain)
    if facts is None:
        return None
    meant = facts[3]
    if meant is None:
        return _plain_check(local, facts, None, facts[4])
    suggestion = local + "@" + meant
    return _plain_check(local, facts, suggestion, (_typo_problem(suggestion), *facts[4]))


def _valid(parsed: _Parsed) -> Check:
    normalized = f"{parsed.local}@{parsed.domain}"
    suggestion = _suggestion(parsed.local, parsed.ascii_domain, valid=True)
    known = provider(parsed.ascii_domain)
    problems = []
    if suggestion is not None:
        problems.append(_typo_problem(suggestion))
    if known is not None and known.retired is not None:
        params = {"provider": known.name_zh, "year": known.retired}
        problems.append(Problem("email.domain_retired", Severity.WARNING, params))
    facts = EmailInfo(
        address=normalized,
        local_part=parsed.local,
        domain=parsed.domain,
        ascii_domain=parsed.ascii_domain,
        ascii_email=parsed.ascii_email,
        smtputf8=parsed.smtputf8,
        provider=known,
        suggestion=suggestion,
    )
    return Check(normalized, tuple(problems), facts)


def validate(value: object, *, allow_smtputf8: bool = True) -> str:
    """The normalized address, or :class:`InvalidEmail`."""
    result: str = check(value, allow_smtputf8=allow_smtputf8).unwrap(InvalidEmail)
    return result


def is_valid(value: object, *, allow_smtputf8: bool = True) -> bool:
    """True when :func:`check` finds no error (a typo warning still counts as valid)."""
    return check(value, allow_smtputf8=allow_smtputf8).ok


def info(value: object) -> EmailInfo:
    """The facts of a valid address, or :class:`InvalidEmail`.

    >>> i = info("a@例子.中国")
    >>> i.ascii_email, i.smtputf8
    ('a@xn--fsqu00a.xn--fiqs8s', False)
    """
    result = check(value)
    result.unwrap(InvalidEmail)
    facts: EmailInfo = result.info
    return facts


def suggest(value: object) -> str | None:
    """The whole address a typo probably meant, for valid and broken addresses alike.

    >>> suggest("li.si@gmial.com"), suggest("li.si@qq,com"), suggest("li.si@qq.com")
    ('li.si@gmail.com', 'li.si@qq.com', None)
    >>> suggest("李四 <li.si@qq.com>")
    'li.si@qq.com'

    """
    raw = normalize.as_text(value)
    if raw is None or len(raw) > _INPUT_LIMIT:
        return None
    result = check(raw)
    if result.ok:
        facts: EmailInfo = result.info
        return facts.suggestion
    address = compact(raw)
    if _DISPLAY_NAME.fullmatch(address):
        inner = address[address.index("<") + 1 : -1].strip()
        return suggest(inner) or (inner if is_valid(inner) else None)
    if address.count("@") != 1:
        return None
    local, _, domain = address.partition("@")
    found = _suggestion(local.strip(), domain.strip(), valid=False)
    return found if found is not None and _accepts(found) else None


def format(value: str) -> str:
    """The normalized address (see :func:`validate`)."""
    return validate(value)


def mask(value: str) -> str:
    """The first character of the local part and the whole domain.

    >>> mask("zhangsan＠qq．com")
    'z***@qq.com'
    """
    return masking.email(compact(value))


_SYLLABLES = ("zhang", "wang", "li", "liu", "chen", "yang", "zhao", "huang", "wei", "fang")
_DOMAINS = ("qq.com", "163.com", "126.com", "foxmail.com", "gmail.com", "outlook.com", "139.com")


def generate(rng: random.Random, *, international: bool = False) -> str:
    """A valid address at a popular provider (``international``: a Chinese one)."""
    if international:
        return rng.choice(("用户", "联系人", "销售部")) + "@" + rng.choice(("例子.中国", "公司.cn"))
    if rng.random() < 0.3:
        local = str(rng.randrange(10_000, 3_000_000_000))  # a QQ number
    else:
        local = rng.choice(_SYLLABLES) + rng.choice(("", ".", "_")) + rng.choice(_SYLLABLES)
        local += str(rng.randrange(100)) if rng.random() < 0.5 else ""
    return f"{local}@{rng.choice(_DOMAINS)}"
