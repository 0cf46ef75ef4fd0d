"""Helpers for running the ``custinfo`` command as a subprocess on temporary files."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
TODAY = "2025-06-30"

HEADER = [
    "客户类型",
    "客户姓名",
    "证件号码",
    "所属行业",
    "联系方式",
    "需求类型",
    "信息收集人员",
    "客户确认时间",
]
# Valid by the standards: the USCC's check characters (GB 32100-2015, GB 11714-1997)
# and the resident ID of GB 11643-1999's worked example.
ENTERPRISE = ["企业", "北京华信网络科技有限公司", "911101086810687129", "软件和信息技术服务业",
              "13800138000", "产品采购", "李娜", "2025-06-01"]  # fmt: skip
PERSON = ["个人", "张伟", "11010519491231002X", "软件和信息技术服务业", "13912345678",
          "技术咨询", "王敏", "2025-05-20"]  # fmt: skip


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args: str, stdin: bytes | str | None = None, cwd: Path | None = None) -> Result:
    """``python -m custinfo ARGS`` with this worktree's sources."""
    env = {k: v for k, v in os.environ.items() if k not in ("CUSTINFO_LOCALE", "PYTHONPATH")}
    env["PYTHONPATH"] = str(SRC)
    data = stdin.encode() if isinstance(stdin, str) else stdin
    done = subprocess.run(
        [sys.executable, "-m", "custinfo", *args],
        input=data if data is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )
    return Result(
        done.returncode,
        done.stdout.decode("utf-8", errors="replace"),
        done.stderr.decode("utf-8", errors="replace"),
    )


def csv_bytes(
    rows: Sequence[Sequence[str]], encoding: str = "utf-8", delimiter: str = ","
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def writer(directory: Path) -> Callable[[str, bytes | str], Path]:
    """A function that writes a file into ``directory`` and returns its path."""

    def write(name: str, content: bytes | str) -> Path:
        path = directory / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return path

    return write
