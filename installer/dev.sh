#!/usr/bin/env bash
# One entry point for a fresh Debian machine with Python 3.11:
#   bash installer/dev.sh run [FILE]   set up everything, then start the editor
#   bash installer/dev.sh test         set up everything, then run the whole test suite
# Setup is idempotent: apt packages only when missing, the venv only when pyproject changed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=${JOURNEYBOARD_VENV:-$ROOT/.venv}
PYTHON=${PYTHON:-python3}

# Qt's xcb platform, fonts, poppler (PDF checks in tests), Xvfb for a screenless run.
APT_PACKAGES="libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 poppler-utils xvfb
 sqlite3 desktop-file-utils xdg-utils libglib2.0-bin shared-mime-info"

# apt/dpkg are locked while another program installs packages (unattended-upgrades,
# a software centre): say so in one line and wait instead of failing with apt's error.
apt_run() {
    local log tries=0
    log=$(mktemp)
    while ! DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=60 "$@" \
            >"$log" 2>&1; do
        if grep -qiE "could not get lock|unable to acquire the dpkg|is another process using it" "$log" \
                && [ $tries -lt 20 ]; then
            [ $tries -eq 0 ] && echo "journeyboard: another program is installing packages (apt/dpkg is locked); waiting for it to finish…" >&2
            tries=$((tries + 1))
            sleep "${JOURNEYBOARD_APT_WAIT:-5}"
            continue
        fi
        echo "journeyboard: apt-get $1 failed:" >&2
        tail -n 5 "$log" >&2
        rm -f "$log"
        exit 1
    done
    rm -f "$log"
}

apt_setup() {
    command -v dpkg-query >/dev/null || return 0
    local missing=()
    # Debian's python3 has no venv/ensurepip until python3-venv is installed.
    "$PYTHON" -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
    for p in $APT_PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null; then
            echo "journeyboard: these system packages are missing: ${missing[*]}" >&2
            echo "  install them as root (apt-get install ${missing[*]}), then run this again." >&2
            exit 1
        fi
        sudo="sudo"
    fi
    echo "journeyboard: installing system packages: ${missing[*]}" >&2
    apt_run update -qq
    apt_run install -y -qq --no-install-recommends "${missing[@]}"
}

venv_setup() {
    local stamp="$VENV/.journeyboard-installed"
    if [ -f "$stamp" ] && [ "$stamp" -nt pyproject.toml ]; then return 0; fi
    # A venv left half-made (e.g. venv failed for want of ensurepip) is made again.
    if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
        "$PYTHON" -m venv --clear "$VENV"
    fi
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
    # setuptools warns about editable installs in general; nothing here to act on.
    PYTHONWARNINGS=ignore "$VENV/bin/python" -m pip install -q -e ".[test]"
    touch "$stamp"
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
apt_setup
venv_setup
case "$cmd" in
    run)  exec "$VENV/bin/python" -m app "$@" ;;
    test) export QT_QPA_PLATFORM=offscreen; exec "$VENV/bin/python" -m pytest -q "$@" ;;
    *)    echo "usage: bash installer/dev.sh run [FILE] | test [PYTEST-ARGS]" >&2; exit 2 ;;
esac
