#!/usr/bin/env bash
# Register Journeyboard with the desktop for the current user (menu entry, icons, the
# .cjm file type), or remove it again with --uninstall. The work is done by
# `journeyboard --install-desktop`; this script finds the Journeyboard to register:
# the checkout's .venv (bash installer/dev.sh), else the `journeyboard` on PATH.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
action=--install-desktop
case "${1:-}" in
    "") ;;
    --uninstall) action=--uninstall-desktop ;;
    *) echo "usage: bash installer/install-desktop.sh [--uninstall]" >&2; exit 2 ;;
esac
if [ -x "$root/.venv/bin/python" ]; then
    cd "$root"
    exec "$root/.venv/bin/python" -m app "$action"
elif command -v journeyboard >/dev/null; then
    exec journeyboard "$action"
fi
echo "install-desktop.sh: no Journeyboard found: run 'bash installer/dev.sh run' once, or" \
     "pip install the project, or use the bundle's 'journeyboard --install-desktop'." >&2
exit 1
