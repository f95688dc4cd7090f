#!/usr/bin/env bash
# Installs what Vigil needs to build, run and test on Debian 12 (apt-get, as root or via sudo).
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev libqt6svg6 qt6-translations-l10n
    libqt6sql6-sqlite libqt6sql6-psql qtkeychain-qt6-dev libsqlite3-dev libsimdjson-dev zlib1g-dev
    libgl-dev libglx-dev libvulkan-dev
    xvfb xauth fonts-dejavu-core fonts-wqy-microhei clang-format clang-tidy
    gnome-keyring dbus dbus-x11
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: everything is installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root (apt-get needs it)" >&2; exit 1; }
    SUDO=sudo
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
