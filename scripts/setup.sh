#!/usr/bin/env bash
# Set up the project: a virtual environment in .venv with dondoc and its test tools installed,
# and the parser compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test,bench]"
# The parser compiled with mypyc (about a third faster); without a C compiler it stays pure Python.
.venv/bin/python scripts/build_native.py
