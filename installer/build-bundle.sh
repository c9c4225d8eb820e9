#!/usr/bin/env bash
# Build the standalone Journeyboard: dist/journeyboard/ (one folder, runs without Python)
# and dist/journeyboard-VERSION-OS-ARCH.tar.gz, then print their sizes and the build time.
# Uses its own venv (build/bundle-venv, or $BUNDLE_VENV) with the "bundle" extra, so the
# development .venv is left alone. Needs python3 with venv (bash installer/dev.sh sets it up).
# Check the result with: bash installer/smoke-test-bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=${BUNDLE_VENV:-$root/build/bundle-venv}
python=${PYTHON:-python3}
start=$(date +%s)

# A venv left half-made is made again; dependencies only when pyproject.toml changed.
if ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
fi
stamp="$venv/.journeyboard-pyproject"
if ! cmp -s pyproject.toml "$stamp"; then
    "$venv/bin/python" -m pip install -q -e ".[bundle]"
    cp pyproject.toml "$stamp"
fi

rm -rf dist/journeyboard dist/journeyboard-*.tar.gz build/journeyboard-256.png
"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/journeyboard.spec

version=$(dist/journeyboard/journeyboard --version | awk '{print $2}')
os=$(uname -s | tr '[:upper:]' '[:lower:]')
tarball="dist/journeyboard-$version-$os-$(uname -m).tar.gz"
tar -C dist -czf "$tarball" journeyboard
end=$(date +%s)

echo
echo "bundle:  dist/journeyboard/  $(du -sh dist/journeyboard | cut -f1)" \
     "($(find dist/journeyboard -type f | wc -l) files)"
echo "archive: $tarball  $(du -h "$tarball" | cut -f1)"
echo "built in $((end - start)) s"
