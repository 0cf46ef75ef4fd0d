"""The ``custinfo`` command: argument parsing, dispatch, exit codes.

Exit codes: 0 nothing reached the fail level (or the command succeeded), 1
something did (``inspect``: the value is not valid), 2 the command could not
run — bad usage or unreadable input — with a one-line reason on stderr, never a
traceback.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import NoReturn, TextIO

import custinfo
from custinfo import forms, messages
from custinfo.cli import check, commands
from custinfo.cli.readers import FORMATS, InputError
from custinfo.cli.writers import WRITERS
from custinfo.findings import DefinitionError, Severity
from custinfo.model import Form

__all__ = ["UsageError", "main"]

USAGE_ERROR = 2


class UsageError(Exception):
    """Bad arguments: the message is the one-line reason."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def _date(text: str) -> datetime.date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, not {text!r}")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"no such day: {text}") from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _default_locale() -> str:
    chosen = os.environ.get("CUSTINFO_LOCALE", "zh")
    return chosen if chosen in messages.LOCALES else "zh"


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--locale",
        choices=messages.LOCALES,
        default=_default_locale(),
        help="language of messages (default: zh, or $CUSTINFO_LOCALE)",
    )


def _form_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--version",
        dest="form_version",
        metavar="V",
        help="form version (default: the latest)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``custinfo`` and its subcommands."""
    parser = _Parser(
        prog="custinfo",
        description="Validate Chinese customer information against the standard forms.",
    )
    parser.add_argument("--version", action="version", version=f"custinfo {custinfo.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("check", help="validate the records of CSV, JSON Lines or .xlsx files")
    p.add_argument("files", nargs="+", metavar="FILE", help="files to check; - reads stdin")
    p.add_argument("--form", required=True, metavar="NAME", help="form name (custinfo forms)")
    _form_options(p)
    p.add_argument("--format", choices=tuple(WRITERS), default="text", help="output format")
    _common(p)
    p.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help="exit 1 when a finding reaches this level (default: error)",
    )
    p.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="reference day")
    p.add_argument("--mapping", metavar="FILE", help="JSON object: form key -> CRM column name")
    p.add_argument("--id-column", metavar="COL", help="column that names a record in findings")
    p.add_argument(
        "--max-findings", type=_count, metavar="N", help="print at most N findings (counts stay)"
    )
    p.add_argument("--encoding", metavar="ENC", help="text encoding (default: detected)")
    p.add_argument("--input-format", choices=FORMATS, help="input format (default: detected)")
    p.add_argument("--sheet", metavar="NAME", help=".xlsx sheet (default: the first)")
    p.add_argument("-o", "--output", metavar="FILE", help="write results to FILE, not stdout")
    p.add_argument("--no-progress", action="store_true", help="never show a progress line")

    p = sub.add_parser("demo", help="check the bundled sample data and show the accuracy report")
    _common(p)
    p.add_argument("--form", action="append", choices=("collection", "enterprise"), default=[])
    p.add_argument("--max-findings", type=_count, default=8, metavar="N")

    p = sub.add_parser("forms", help="list the forms, or show one form's fields and rules")
    p.add_argument("name", nargs="?", metavar="NAME")
    _form_options(p)
    _common(p)
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("inspect", help="recognize and explain a single value")
    p.add_argument("value", metavar="VALUE")
    p.add_argument("--kind", metavar="KIND", help="check as this validator only")
    p.add_argument("--reveal", action="store_true", help="show the value and its details unmasked")
    p.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="reference day")
    _common(p)
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("schema", help="print a form as JSON Schema (draft 2020-12)")
    p.add_argument("name", metavar="NAME")
    _form_options(p)
    _common(p)
    return parser


def _form(name: str, version: str | None) -> Form:
    try:
        return forms.get(name, version)
    except DefinitionError as exc:
        raise UsageError(str(exc)) from None


def _mapping(path: str | None, form: Form) -> Mapping[str, str]:
    if path is None:
        return {}
    try:
        with open(path, encoding="utf-8-sig") as f:
            data = json.load(f)
    except OSError as exc:
        raise UsageError(f"cannot read mapping {path}: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise UsageError(f"mapping {path} is not valid JSON ({type(exc).__name__})") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise UsageError(f"mapping {path} must be a JSON object of form key -> column name")
    unknown = sorted(k for k in data if k not in form.keys)
    if unknown:
        raise UsageError(f"mapping {path}: {form.name} has no fields {', '.join(unknown)}")
    return data


def _kind(name: str | None) -> str | None:
    if name is not None and name not in custinfo.validators.available():
        known = ", ".join(custinfo.validators.available())
        raise UsageError(f"unknown kind {name!r}; available: {known}")
    return name


def _run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    form = _form(args.form, args.form_version)
    settings = check.Settings(
        form=form,
        today=args.today or datetime.date.today(),
        format=args.format,
        locale=args.locale,
        fail_on=Severity(args.fail_on),
        mapping=_mapping(args.mapping, form),
        id_column=args.id_column,
        max_findings=args.max_findings,
        encoding=args.encoding,
        input_format=args.input_format,
        sheet=args.sheet,
        progress=not args.no_progress and err.isatty(),
    )
    check.preflight(args.files)
    if args.output is None:
        return check.run(settings, args.files, out=out, err=err)
    try:
        target = open(args.output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    with target:
        return check.run(settings, args.files, out=target, err=err)


def _dispatch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    command = args.command
    rich = out.isatty() and "NO_COLOR" not in os.environ
    if command == "check":
        return _run_check(args, out, err)
    if command == "demo":
        return commands.demo(
            out, err, locale=args.locale, max_findings=args.max_findings, form_names=args.form
        )
    if command == "forms":
        if args.name is None:
            return commands.list_forms(out, locale=args.locale, rich=rich)
        form = _form(args.name, args.form_version)
        return commands.show_form(
            out, form, locale=args.locale, rich=rich, as_json=args.format == "json"
        )
    if command == "inspect":
        return commands.inspect_value(
            out,
            args.value,
            kind=_kind(args.kind),
            reveal=args.reveal,
            today=args.today or datetime.date.today(),
            locale=args.locale,
            as_json=args.format == "json",
        )
    form = _form(args.name, args.form_version)
    return commands.schema(out, form, locale=args.locale)


def _utf8(stream: TextIO, *, strict: bool) -> None:
    # Machine output is UTF-8 whatever the locale; text degrades instead of crashing.
    if isinstance(stream, io.TextIOWrapper):
        try:
            if strict:
                stream.reconfigure(encoding="utf-8")
            else:
                stream.reconfigure(errors="backslashreplace")
        except (ValueError, io.UnsupportedOperation):
            pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``custinfo`` with ``argv`` (default: the command line); return the exit code."""
    out, err = sys.stdout, sys.stderr
    try:
        args = build_parser().parse_args(argv)
        _utf8(out, strict=getattr(args, "format", "text") != "text")
        _utf8(err, strict=False)
        return _dispatch(args, out, err)
    except (UsageError, InputError) as exc:
        err.write(f"custinfo: error: {exc}\n")
        return USAGE_ERROR
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    except KeyboardInterrupt:
        err.write("custinfo: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader of our output went away (| head): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return USAGE_ERROR
    except Exception as exc:  # never a traceback; the type only (a message may hold data)
        if os.environ.get("CUSTINFO_TRACEBACK"):
            raise
        err.write(
            f"custinfo: internal error ({type(exc).__name__}); please report it "
            "(CUSTINFO_TRACEBACK=1 shows where)\n"
        )
        return USAGE_ERROR
