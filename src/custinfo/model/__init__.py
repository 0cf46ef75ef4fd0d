"""The declarative schema: :class:`Field`, :class:`Form` and their compiled plan."""

from __future__ import annotations

from custinfo.model.field import CheckFunction, Field, Personal
from custinfo.model.form import Form

__all__ = ["MESSAGES", "CheckFunction", "Field", "Form", "Personal"]

MESSAGES = {
    "required": ("必填字段缺失", "Required field is missing"),
    "unknown_field": (
        "表单没有字段“{key}”,该值未被校验",
        "The form has no field '{key}'; its value was not checked",
    ),
    "form.more_unknown": (
        "另有 {count} 个未知字段",
        "{count} more unknown fields",
    ),
    "form.conflict": (
        "同一字段以不同名称({names})填写了不同的值",
        "The same field was given different values under several names ({names})",
    ),
    "form.not_a_record": (
        "记录应为字段名到值的映射,实际为 {type}",
        "A record must be a mapping of field names to values, not {type}",
    ),
}
