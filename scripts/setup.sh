#!/usr/bin/env bash
# Set up the project: a virtual environment in .venv with dondoc and its test tools installed, and
# var/, the folder of the default database. Installs with uv when it can (uv on PATH, `python -m uv`,
# or uv fetched once from PyPI into ~/.cache/dondoc/bootstrap), with pip otherwise.
#
# The parser's compiled build (scripts/build_native.py, about a minute) does not hold up the first
# use: it starts in the background when setup is done, its log in var/log/build-native.log, and the
# parser runs as pure Python until it has finished.
#   --native=wait   build it before returning (what .ci/run does)
#   --native=skip   do not build it (run scripts/build_native.py later, on demand)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
NATIVE=background
for arg in "$@"; do
  case "$arg" in
    --native=background|--native=wait|--native=skip) NATIVE=${arg#--native=} ;;
    *) echo "setup.sh: unknown option $arg (use --native=background|wait|skip)" >&2; exit 2 ;;
  esac
done

BOOT=${XDG_CACHE_HOME:-$HOME/.cache}/dondoc/bootstrap
UV=()
find_uv() {
  if command -v uv >/dev/null 2>&1; then UV=(uv); return 0; fi
  if "$PY" -m uv --version >/dev/null 2>&1; then UV=("$PY" -m uv); return 0; fi
  if [ ! -x "$BOOT/bin/uv" ]; then
    echo "fetching uv from PyPI into $BOOT" >&2
    "$PY" -m pip install --quiet --disable-pip-version-check --target "$BOOT" uv >/dev/null 2>&1 || return 1
  fi
  [ -x "$BOOT/bin/uv" ] && UV=("$BOOT/bin/uv")
}

# uv does not read pip's configuration: hand it the indexes, local wheel folders, constraints and CA
# bundle that pip is configured with (pip.conf files and PIP_* variables), so both resolve alike.
uv_args() {
  "$PY" - <<'EOF'
import subprocess, sys
try:
    out = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True).stdout
except OSError:
    out = ""
rank = {":env:": 3, "site": 2, "user": 1, "global": 0}
best = {}
for line in out.splitlines():
    name, _, value = line.partition("=")
    scope, _, key = name.rpartition(".")
    if key and value[:1] in "'\"":
        r = rank.get(scope, 0)
        if key not in best or r >= best[key][0]:
            best[key] = (r, value.strip("'\""))
get = lambda k: best.get(k, (0, ""))[1].split()
args = []
for url in get("index-url"):
    args += ["--index-url", url]
for url in get("extra-index-url"):
    args += ["--extra-index-url", url]
for path in get("find-links"):
    args += ["--find-links", path]
for path in get("constraint"):
    args += ["--constraint", path]
if get("extra-index-url") or get("find-links"):
    args += ["--index-strategy", "unsafe-best-match"]  # pip picks the best version across all indexes
if get("cert"):
    args += ["--cert", get("cert")[0]]
print("\n".join(args))
EOF
}

install_with_uv() {
  local args=() line cert=""
  while IFS= read -r line; do [ -n "$line" ] && args+=("$line"); done < <(uv_args)
  # --cert is pip's; uv reads the bundle from SSL_CERT_FILE
  local i out=()
  for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[$i]}" = "--cert" ]; then cert=${args[$((i + 1))]}; i=$((i + 1)); else out+=("${args[$i]}"); fi
  done
  if [ ! -x .venv/bin/python ]; then
    "${UV[@]}" venv --quiet --seed --python "$PY" .venv || return 1
  fi
  # --compile-bytecode: pip writes .pyc files at install, uv only when asked; without them every
  # command compiles its libraries again where PYTHONDONTWRITEBYTECODE is set (seconds, not 0.2 s)
  SSL_CERT_FILE=${SSL_CERT_FILE:-$cert} "${UV[@]}" pip install --quiet --compile-bytecode \
    --python .venv/bin/python ${out[@]+"${out[@]}"} -e ".[test,bench]"
}

install_with_pip() {
  if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
  fi
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test,bench]"
}

if find_uv && install_with_uv; then
  echo "installed with uv ($("${UV[@]}" --version))"
else
  echo "uv is not available here: installing with pip (slower)" >&2
  install_with_pip
fi

# The project's own modules (installed editable, so not compiled by the installer).
.venv/bin/python -m compileall -q -j 0 dondoc flows tasks migrations >/dev/null

# The default database (sqlite:///<repo>/var/dondoc.db) lives here; dondoc never creates a
# missing folder for a database on its own, so that a mistyped path cannot start an empty one.
mkdir -p var/log

case "$NATIVE" in
  wait) .venv/bin/python scripts/build_native.py ;;
  skip) echo "parser: pure Python (compile it any time with .venv/bin/python scripts/build_native.py)" ;;
  background)
    nohup nice -n 10 .venv/bin/python scripts/build_native.py >var/log/build-native.log 2>&1 </dev/null &
    echo "parser: compiling with mypyc in the background (about a minute, log in var/log/build-native.log);" \
         "dondoc runs meanwhile, with the parser as pure Python"
    ;;
esac
echo "ready: .venv/bin/dondoc demo"
