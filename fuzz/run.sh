#!/usr/bin/env bash
# Fuzz every validator and both forms for a time budget (default 60 s).
#   fuzz/run.sh [SECONDS] [libFuzzer flags...]
# CORPUS=dir keeps the corpus between runs (default: a temporary directory).
# Exits non-zero when the fuzzer finds a crash, a hang or a contract violation.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
budget="${1:-60}"
shift || true
python="${PYTHON:-python}"
export PYTHONPATH="$here/../src${PYTHONPATH:+:$PYTHONPATH}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
corpus="${CORPUS:-$work/corpus}"
mkdir -p "$corpus" "$here/crashes"
"$python" "$here/seeds.py" "$work/seeds"

"$python" "$here/fuzz_custinfo.py" "$corpus" "$work/seeds" \
    -max_total_time="$budget" -timeout=20 -rss_limit_mb=3072 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$here/crashes/" "$@"
