"""WeChat IDs: 6–20 characters, a letter first, then letters, digits, _ or -."""

from __future__ import annotations

import random
import re

from custinfo import Check, InvalidValue, Problem, masking, normalize

MESSAGES = {"wechat.format": ("微信号格式不正确", "Not a WeChat ID")}
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{5,19}")


class InvalidWeChat(InvalidValue):
    """Not a WeChat ID."""


def compact(value: str) -> str:
    return normalize.text(value)


def check(value: object) -> Check:
    text = normalize.as_text(value)
    if text is None or not _ID.fullmatch(compact(text[:64])):
        return Check(None, (Problem("wechat.format"),))
    return Check(compact(text))


def validate(value: object) -> str:
    result: str = check(value).unwrap(InvalidWeChat)
    return result


def is_valid(value: object) -> bool:
    return check(value).ok


def format(value: str) -> str:
    return compact(value)


def mask(value: str) -> str:
    return masking.name(value)


def generate(rng: random.Random) -> str:
    return "wx_" + "".join(rng.choice("abcdefgh0123456789") for _ in range(8))
