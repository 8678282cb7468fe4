#!/usr/bin/env bash
# The command line's message catalogs: gettext (Python's standard library) reads them at run time;
# Babel (a test dependency) extracts the strings and compiles the catalogs.
#
#   scripts/catalogs.sh            extract the strings of dondoc/cli and dondoc/errors.py into
#                                  dondoc/locale/dondoc.pot, merge them into each language's .po
#                                  (new strings arrive untranslated), and compile the .mo files
#   scripts/catalogs.sh compile    only compile the .mo files (after translating in a .po)
#
# The .mo files are committed; tests/unit/test_i18n.py fails when a string lacks its Vietnamese
# translation or a .mo file is older than its .po.
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
LOCALE=dondoc/locale
if [ "${1:-all}" != compile ]; then
  "$PYBABEL" extract -F babel.cfg -o "$LOCALE/dondoc.pot" --sort-by-file --no-wrap --add-location=file \
    --project dondoc --version 0.1 --copyright-holder "dondoc" --msgid-bugs-address "-" .
  for lang in vi en; do
    "$PYBABEL" update -i "$LOCALE/dondoc.pot" -d "$LOCALE" -D dondoc -l "$lang" --init-missing --no-wrap \
      --ignore-obsolete --no-fuzzy-matching
  done
fi
"$PYBABEL" compile -d "$LOCALE" -D dondoc --statistics
