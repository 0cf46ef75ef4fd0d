"""MkDocs hook: replace ``<!-- custinfo:fields NAME -->`` and ``<!-- custinfo:rules NAME -->``
markers with tables generated from the form declarations, so the docs cannot drift
from the code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from custinfo import forms

_MARKER = re.compile(r"<!-- custinfo:(fields|rules) ([\w.-]+) -->")
_CHANGELOG = "<!-- custinfo:changelog -->"
_ROOT = Path(__file__).resolve().parents[2]


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def fields_table(name: str) -> str:
    form = forms.get(name)
    rows = [
        "| group | key | label | kind | required | filling rule |",
        "|---|---|---|---|---|---|",
    ]
    for f in form.fields:
        choices = f" ({'、'.join(f.choices)})" if f.choices else ""
        rows.append(
            f"| {_cell(f.group)} | `{f.key}` | {_cell(f.label)} | {_cell(f.kind_name)} | "
            f"{'yes' if f.required else 'no'} | {_cell(f.help + choices)} |"
        )
    return "\n".join(rows)


def rules_table(name: str) -> str:
    form = forms.get(name)
    rows = ["| code | reads | severity | message |", "|---|---|---|---|"]
    for r in form.rules:
        d = r.to_dict()
        rows.append(
            f"| `{d['code']}` | {', '.join(d['reads'])} | {d['severity']} | "
            f"{_cell(d['message_zh'])} / {_cell(d['message_en'])} |"
        )
    return "\n".join(rows)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    def replace(m: re.Match[str]) -> str:
        return fields_table(m[2]) if m[1] == "fields" else rules_table(m[2])

    if _CHANGELOG in markdown:
        changelog = (_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
        markdown = markdown.replace(_CHANGELOG, changelog.split("\n", 1)[1])
    return _MARKER.sub(replace, markdown)
