#!/usr/bin/env bash
# Register Journeyboard with the desktop for the current user: menu entry, icon, and
# the .cjm file type (double-click a map to open it). Run after `pip install .`.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${XDG_DATA_HOME:-$HOME/.local/share}
install -Dm644 resources/desktop/journeyboard.desktop "$data/applications/journeyboard.desktop"
install -Dm644 resources/desktop/journeyboard.svg "$data/icons/hicolor/scalable/apps/journeyboard.svg"
install -Dm644 resources/desktop/journeyboard-mime.xml "$data/mime/packages/journeyboard.xml"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Journeyboard registered in $data (menu entry, icon, .cjm files)."
