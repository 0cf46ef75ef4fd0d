"""Coverage-guided fuzzing of every validator and both forms with atheris.

Usage (see fuzz/README.md): ``fuzz/run.sh 60`` for a one-minute run, or
``python fuzz/fuzz_custinfo.py CORPUS_DIR SEED_DIR -max_total_time=1800`` with
any libFuzzer flag; ``python fuzz/fuzz_custinfo.py crash-file`` replays a crash.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pkgutil
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["custinfo"]):
    import custinfo
    from custinfo import forms, validators

    for module in pkgutil.walk_packages(custinfo.__path__, "custinfo."):
        if module.name.endswith("__main__"):  # running it would start the command line
            continue
        # an optional integration whose extra is not installed stays out
        with contextlib.suppress(ImportError):
            importlib.import_module(module.name)
    for name in validators.available():
        validators.get(name)
    for name in forms.available():
        forms.get(name).plan  # noqa: B018  (compile every plan before fuzzing)

import targets

# Known, reported contract violations to step over in a long run, so the fuzzer
# keeps looking for new ones: CUSTINFO_FUZZ_KNOWN="text one;text two".
KNOWN = tuple(k for k in os.environ.get("CUSTINFO_FUZZ_KNOWN", "").split(";") if k)


def test_one_input(data: bytes) -> None:
    """One fuzz input; any exception is a finding (its input is printed first)."""
    try:
        targets.run(data)
    except targets.contract.ContractViolation as exc:
        if any(k in str(exc) for k in KNOWN):
            return
        print("\n== custinfo fuzz failure:", targets.describe(data), file=sys.stderr)
        raise
    except BaseException:
        print("\n== custinfo fuzz failure:", targets.describe(data), file=sys.stderr)
        raise


def main() -> None:
    """Run libFuzzer with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
