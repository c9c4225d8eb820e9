#!/usr/bin/env bash
# Smoke-test the built bundle the way a user gets it: unpack the .tar.gz into a temporary
# folder and run it with an empty environment, a fresh HOME and no Python on PATH:
# --version, new, import (non-Latin text), export --pdf/--png, --install-desktop, and the
# editor started offscreen until its window is up, then quit.
#   bash installer/smoke-test-bundle.sh [dist/journeyboard-VERSION-OS-ARCH.tar.gz]
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:-$(ls -t dist/journeyboard-*.tar.gz 2>/dev/null | head -n 1)}
if [ -z "$archive" ] || [ ! -f "$archive" ]; then
    echo "smoke-test: no bundle archive; build one with: bash installer/build-bundle.sh" >&2
    exit 2
fi
validator=$(command -v desktop-file-validate || true)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
keep=${SMOKE_KEEP:-}  # a folder to copy the exported files and the screenshot into
mkdir -p "$tmp/bundle" "$tmp/home" "$tmp/work" "$tmp/bin"
tar -C "$tmp/bundle" -xzf "$archive"
jb="$tmp/bundle/journeyboard/journeyboard"
# PATH holds only the few tools this script uses and the desktop cache tools (when
# installed) that --install-desktop calls: no python anywhere.
for tool in cat grep head od timeout \
        update-mime-database update-desktop-database gtk-update-icon-cache; do
    if command -v "$tool" >/dev/null; then ln -s "$(command -v "$tool")" "$tmp/bin/$tool"; fi
done

run() {  # run a command as a fresh user with no Python: empty environment, new HOME
    env -i HOME="$tmp/home" PATH="$tmp/bin" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        XDG_DATA_HOME="$tmp/home/.local/share" "$@"
}
fail() { echo "smoke-test FAILED: $*" >&2; exit 1; }
step() { echo "-- $*"; }

step "no Python on the test PATH"
if run "$BASH" -c 'command -v python3 || command -v python'; then fail "a python is on PATH"; fi

step "journeyboard --version"
version=$(run "$jb" --version) || fail "--version exited with $?"
echo "$version"
[[ $version =~ ^journeyboard\ [0-9]+\.[0-9]+ ]] || fail "unexpected version line: $version"

step "journeyboard new"
run "$jb" new "$tmp/work/map.cjm" --template cjm7 --journey "Checkout" || fail "new"
[ "$(head -c 15 "$tmp/work/map.cjm")" = "SQLite format 3" ] || fail "new wrote no project file"

step "journeyboard import"
cat > "$tmp/work/cards.csv" <<'CSV'
journey,stage,lane,kind,text
Checkout,Awareness,Actions,action,Sees an advert for the Früh-Tarif
Checkout,Awareness,Thoughts,thought,"Is it cheaper? 价格 合适吗"
Checkout,Purchase,Pain points,pain_point,Payment page times out — كلمة المرور
CSV
run "$jb" import "$tmp/work/cards.csv" --into "$tmp/work/map.cjm" || fail "import"

step "journeyboard export --pdf --png"
run "$jb" export "$tmp/work/map.cjm" --journey Checkout --pdf "$tmp/work/poster.pdf" \
    --paper A3 --png "$tmp/work/map.png" --dpi 72 || fail "export"
[ "$(head -c 5 "$tmp/work/poster.pdf")" = "%PDF-" ] || fail "poster.pdf is not a PDF"
png_magic=$(od -An -c -N4 "$tmp/work/map.png" | grep -o 'P   N   G' || true)
[ -n "$png_magic" ] || fail "map.png is not a PNG"
grep -aq "DejaVuSans" "$tmp/work/poster.pdf" || fail "the bundled DejaVu font is not in the PDF"
grep -aq "DroidSansFallback" "$tmp/work/poster.pdf" || fail "the CJK fallback font is not in the PDF"

step "a file that is not a project is refused with one line"
echo "not a map" > "$tmp/work/bad.cjm"
if run "$jb" export "$tmp/work/bad.cjm" --pdf "$tmp/work/bad.pdf" 2> "$tmp/work/err"; then
    fail "a bad file was exported"
fi
cat "$tmp/work/err"
if grep -q Traceback "$tmp/work/err"; then fail "traceback for a bad file"; fi

step "journeyboard --install-desktop"
run "$jb" --install-desktop || fail "--install-desktop"
entry="$tmp/home/.local/share/applications/journeyboard.desktop"
grep -qx "Exec=$jb %f" "$entry" || fail "Exec= is not the bundle's program: $(grep ^Exec= "$entry")"
if [ -n "$validator" ]; then
    "$validator" "$entry" || fail "desktop-file-validate"
    echo "desktop-file-validate: ok"
fi
run "$jb" --uninstall-desktop >/dev/null || fail "--uninstall-desktop"
[ ! -e "$entry" ] || fail "--uninstall-desktop left the menu entry"

step "the editor starts (offscreen), shows its window and quits"
run timeout 120 "$jb" --quit-after 3 "$tmp/work/map.cjm" > "$tmp/work/gui.out" 2>&1 \
    || { cat "$tmp/work/gui.out"; fail "the editor did not start and quit cleanly"; }
grep "^shown:" "$tmp/work/gui.out"
grep -q "^shown: map.*Checkout" "$tmp/work/gui.out" || fail "the window does not show map.cjm"

if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$tmp"/work/*.pdf "$tmp"/work/*.png "$keep"/; fi
echo "smoke test passed: $archive"
