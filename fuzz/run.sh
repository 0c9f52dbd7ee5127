#!/usr/bin/env bash
# Fuzz foiparse.parse with atheris for a fixed budget (outside CI: it takes minutes).
#
#   fuzz/run.sh [RUNS] [SECONDS] [extra libFuzzer flags...]
#
# RUNS (default 100000) inputs or SECONDS (default 3600) of wall clock, whichever comes first.
# Inputs are capped at 4 KiB (-max_len): big enough for every structure the loaders know,
# small enough for hundreds of executions a second. Findings land in fuzz/artifacts/; the growing corpus in fuzz/corpus/ (both git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
RUNS=${1:-100000}
SECONDS_BUDGET=${2:-3600}
shift $(( $# > 2 ? 2 : $# ))

if ! "$PY" -c "import atheris" 2>/dev/null; then
    # atheris ships manylinux wheels; building from source needs clang (apt-get install -y clang).
    "$PY" -m pip install atheris
fi
mkdir -p fuzz/corpus fuzz/artifacts fuzz/seeds
"$PY" fuzz/make_seeds.py fuzz/seeds
exec "$PY" fuzz/fuzz_parse.py \
    -atheris_runs="$RUNS" -max_total_time="$SECONDS_BUDGET" \
    -timeout=30 -rss_limit_mb=3072 -max_len=4096 \
    -artifact_prefix=fuzz/artifacts/ -print_final_stats=1 \
    "$@" fuzz/corpus fuzz/seeds
