"""The commands besides ``check``: ``forms``, ``schema``, ``inspect`` and ``demo``."""

from __future__ import annotations

import datetime
import importlib
import json
import os
import shutil
from collections.abc import Sequence
from importlib import resources
from typing import Any, BinaryIO, TextIO

from custinfo import forms
from custinfo.cli import check
from custinfo.cli.inspect import KIND_NAMES, explain
from custinfo.cli.readers import InputError, Source, open_input
from custinfo.cli.tables import clean, table
from custinfo.model import Form
from custinfo.schema import json_schema

__all__ = ["demo", "inspect_value", "list_forms", "sample_manifest", "schema", "show_form"]

_WORDS = {
    "zh": {
        "name": "名称",
        "version": "版本",
        "title": "标题",
        "fields": "字段",
        "rules": "规则",
        "key": "键",
        "label": "标签",
        "required": "必填",
        "kind": "类型",
        "group": "分组",
        "help": "填写要求",
        "code": "代码",
        "severity": "级别",
        "reads": "读取字段",
        "message": "说明",
        "yes": "是",
        "no": "",
        "choices": "可选:",
        "sep": "、",
        "none": "(无)",
    },
    "en": {
        "name": "name",
        "version": "version",
        "title": "title",
        "fields": "fields",
        "rules": "rules",
        "key": "key",
        "label": "label",
        "required": "required",
        "kind": "kind",
        "group": "group",
        "help": "help",
        "code": "code",
        "severity": "severity",
        "reads": "reads",
        "message": "message",
        "yes": "yes",
        "no": "",
        "choices": "choices: ",
        "sep": ", ",
        "none": "(none)",
    },
}


def _rich_console(out: TextIO) -> Any | None:
    try:
        console_module = importlib.import_module("rich.console")
    except ImportError:
        return None
    return console_module.Console(file=out, highlight=False)


def _print_table(
    out: TextIO,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    rich: bool,
    title: str | None = None,
) -> None:
    """A table: rich's on a terminal when installed, else aligned plain text
    (wrapped to the terminal's width; unwrapped into a pipe, for grep)."""
    console = _rich_console(out) if rich else None
    if console is not None:
        table_module = importlib.import_module("rich.table")
        markup = importlib.import_module("rich.markup")
        grid = table_module.Table(title=title, show_lines=False, title_justify="left")
        for h in headers:
            grid.add_column(h, overflow="fold")
        for row in rows:
            grid.add_row(*(markup.escape(clean(c)) for c in row))
        console.print(grid)
        return
    if title:
        out.write(clean(title) + "\n")
    columns = shutil.get_terminal_size().columns if out.isatty() else None
    for line in table(headers, rows, max_width=columns):
        out.write(line + "\n")


def list_forms(out: TextIO, *, locale: str, rich: bool) -> int:
    """``custinfo forms``: the registered forms and their versions."""
    w = _WORDS[locale]
    rows = []
    for name in forms.available():
        form = forms.get(name)
        older = [v for v in forms.versions(name) if v != form.version]
        version = form.version + (f" ({', '.join(older)})" if older else "")
        title = (form.title_en if locale == "en" else "") or form.title
        rows.append([name, version, str(len(form.fields)), str(len(form.rules)), title])
    headers = [w["name"], w["version"], w["fields"], w["rules"], w["title"]]
    _print_table(out, headers, rows, rich=rich)
    return 0


def _help(field: dict[str, Any], locale: str) -> str:
    w = _WORDS[locale]
    text = (field["help_en"] if locale == "en" else "") or field["help"]
    if field["choices"]:
        text += ("; " if locale == "en" else ";") + w["choices"] + w["sep"].join(field["choices"])
    return text


def show_form(out: TextIO, form: Form, *, locale: str, rich: bool, as_json: bool = False) -> int:
    """``custinfo forms NAME``: the fields and rules of a form."""
    declared = form.to_dict()
    if as_json:
        out.write(json.dumps(declared, ensure_ascii=False, indent=2) + "\n")
        return 0
    w = _WORDS[locale]
    title = (declared["title_en"] if locale == "en" else "") or declared["title"]
    out.write(clean(f"{form.name} {form.version}: {title}") + "\n")
    if declared["description"]:
        out.write(clean(declared["description"]) + "\n")
    out.write("\n")
    rows = [
        [
            f["group"],
            f["key"],
            (f["label_en"] if locale == "en" else "") or f["label"],
            w["yes"] if f["required"] else w["no"],
            f["kind"],
            _help(f, locale),
        ]
        for f in declared["fields"]
    ]
    headers = [w["group"], w["key"], w["label"], w["required"], w["kind"], w["help"]]
    _print_table(out, headers, rows, rich=rich, title=f"{w['fields']} ({len(rows)})")
    out.write("\n")
    rules = [
        [
            r["code"],
            r["severity"],
            ", ".join(r["reads"]),
            r["message_en"] if locale == "en" else r["message_zh"],
        ]
        for r in declared["rules"]
    ]
    if rules:
        headers = [w["code"], w["severity"], w["reads"], w["message"]]
        _print_table(out, headers, rules, rich=rich, title=f"{w['rules']} ({len(rules)})")
    else:
        out.write(f"{w['rules']}: {w['none']}\n")
    return 0


def schema(out: TextIO, form: Form, *, locale: str) -> int:
    """``custinfo schema NAME``: the form as JSON Schema (draft 2020-12)."""
    out.write(json.dumps(json_schema(form, locale), ensure_ascii=False, indent=2) + "\n")
    return 0


_INSPECT = {
    "zh": {
        "value": "值",
        "valid": "有效",
        "invalid": "无效",
        "none": "无法识别这个值;可用 --kind 指定按哪种校验",
        "hidden": "(详情已隐藏,加 --reveal 显示)",
    },
    "en": {
        "value": "value",
        "valid": "valid",
        "invalid": "invalid",
        "none": "Not recognized; use --kind to check it as a given kind",
        "hidden": "(details hidden; add --reveal to show them)",
    },
}


def inspect_value(
    out: TextIO,
    value: str,
    *,
    kind: str | None,
    reveal: bool,
    today: datetime.date,
    locale: str,
    as_json: bool,
) -> int:
    """``custinfo inspect VALUE``: 0 when the value is valid as some kind, else 1."""
    found = explain(value, kind=kind, reveal=reveal, today=today, locale=locale)
    ok = any(e.valid for e in found)
    if as_json:
        data = {"valid": ok, "kinds": [e.to_dict(locale) for e in found]}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0 if ok else 1
    t = _INSPECT[locale]
    if not found:
        out.write(t["none"] + "\n")
        return 1
    for e in found:
        zh, en = KIND_NAMES.get(e.kind, (e.kind, e.kind))
        verdict = t["valid"] if e.valid else t["invalid"]
        mark = "✓" if e.valid else "✗"
        out.write(clean(f"{mark} {zh if locale == 'zh' else en} ({e.kind}): {verdict}") + "\n")
        if e.value is not None:
            out.write(clean(f"    {t['value']}: {e.value}") + "\n")
        for code, severity, message in e.problems:
            out.write(clean(f"    {severity.value}: {message} [{code}]") + "\n")
        for name, text in e.info:
            out.write(clean(f"    {name}: {text}") + "\n")
        if e.info_hidden:
            out.write(f"    {t['hidden']}\n")
    return 0 if ok else 1


# -- demo -------------------------------------------------------------------------

_SAMPLES = ("collection", "enterprise")


def _samples() -> Any:
    return resources.files("custinfo.data").joinpath("samples")


def sample_manifest() -> dict[str, Any]:
    """The manifest of the bundled sample data (seed, reference day, counts)."""
    text = _samples().joinpath("manifest.json").read_text(encoding="utf-8")
    manifest: dict[str, Any] = json.loads(text)
    return manifest


def _open_sample(spec: str, **options: Any) -> Source:
    stream: BinaryIO = _samples().joinpath(spec).open("rb")
    try:
        source = open_input(spec, stream=stream, **options)
    except BaseException:
        stream.close()
        raise
    source.also_close(stream.close)
    return source


_DEMO = {
    "zh": "custinfo 示例数据:{records} 条模拟记录,由 update/make_samples.py 以固定种子 {seed} "
    "生成,其中约 {share} 的记录有一两处常见错误。参考日期 {today}。",
    "en": "custinfo sample data: {records} simulated records made by update/make_samples.py "
    "with seed {seed}; about {share} of them carry one or two common mistakes. "
    "Reference day {today}.",
}


def demo(
    out: TextIO, err: TextIO, *, locale: str, max_findings: int, form_names: Sequence[str]
) -> int:
    """``custinfo demo``: ``check`` on the bundled sample data, with the accuracy report."""
    try:
        manifest = sample_manifest()
    except (OSError, ValueError) as exc:
        raise InputError(f"the bundled sample data is missing ({type(exc).__name__})") from None
    today = datetime.date.fromisoformat(manifest["today"])
    for i, name in enumerate(form_names or _SAMPLES):
        info = manifest["forms"][name]
        share = f"{info['with_mistakes'] / info['records']:.0%}"
        if i:
            out.write("\n")
        out.write(
            clean(
                _DEMO[locale].format(
                    records=info["records"], seed=manifest["seed"], share=share, today=today
                )
            )
            + "\n"
        )
        path = _samples().joinpath(info["file"])
        shown = os.fspath(path) if isinstance(path, os.PathLike) else info["file"]
        out.write(
            f"$ custinfo check {shown} --form {name} --today {today} "
            f"--max-findings {max_findings}\n\n"
        )
        settings = check.Settings(
            form=forms.get(name), today=today, locale=locale, max_findings=max_findings
        )
        check.run(
            settings, [info["file"]], out=out, err=err, opener=_open_sample, names=[info["file"]]
        )
    return 0
