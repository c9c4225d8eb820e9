#!/usr/bin/env bash
# Translations: collect every tr()/qtr()/QT_TR_NOOP string into resources/i18n/*.ts
# (pyside6-lupdate keeps existing translations), then compile them to the .qm files
# the app loads (pyside6-lrelease). Run it after adding or changing visible strings;
# translate the new entries in Qt Linguist (pyside6-linguist) or any editor, run it again.
#   bash installer/update-translations.sh          # lupdate + lrelease
#   bash installer/update-translations.sh --release  # only compile the .qm files
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${VENV_BIN:-.venv/bin}"
[ -x "$bin/pyside6-lupdate" ] || bin="$(dirname "$(command -v pyside6-lupdate)")"
languages=(de)
if [ "${1:-}" != "--release" ]; then
    mapfile -t sources < <(find app widgets model -name '*.py' -not -path '*/__pycache__/*' | sort)
    for lang in "${languages[@]}"; do
        # qtr() is tr() outside a QObject (widgets/i18n.py): the same unnamed context.
        "$bin/pyside6-lupdate" -locations none -no-obsolete -tr-function-alias tr+=qtr \
            "${sources[@]}" -ts "resources/i18n/journeyboard_${lang}.ts"
    done
    # English is the source language; its catalogue holds only the plural forms of the
    # "%n" strings ("1 card", "2 cards" for "%n card(s)"), as Qt's documentation advises.
    "$bin/pyside6-lupdate" -locations none -no-obsolete -pluralonly -tr-function-alias tr+=qtr \
        "${sources[@]}" -ts resources/i18n/journeyboard_en.ts
fi
for lang in "${languages[@]}" en; do
    "$bin/pyside6-lrelease" "resources/i18n/journeyboard_${lang}.ts" \
        -qm "resources/i18n/journeyboard_${lang}.qm"
done
