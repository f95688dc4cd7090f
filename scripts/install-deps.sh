#!/usr/bin/env bash
# Installs what Vigil needs to build, run and test on Debian 12 (apt-get, as root or via sudo).
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev libqt6svg6 qt6-translations-l10n
    libqt6sql6-sqlite libqt6sql6-psql qtkeychain-qt6-dev libsqlite3-dev libsimdjson-dev
    libgl-dev libglx-dev libvulkan-dev
    xvfb xauth fonts-dejavu-core fonts-wqy-microhei clang-format clang-tidy
    gnome-keyring dbus dbus-x11
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Microsoft's KQL language service, the oracle of the KQL conformance test: pinned, outside the
# repository, skipped when that version is already there.
install_npm() {
    local pkg=$1 version=$2
    local name=${pkg#@}
    local dir="${VIGIL_NPM_CACHE:-/var/cache/vigil-npm}/${name//\//-}"
    if [ -f "$dir/node_modules/$pkg/package.json" ] &&
        grep -Eq "\"version\": *\"$version\"" "$dir/node_modules/$pkg/package.json"; then
        return 0
    fi
    command -v npm >/dev/null || { echo "install-deps: npm is missing, cannot install $pkg" >&2; return 1; }
    echo "install-deps: installing npm $pkg@$version into $dir"
    mkdir -p "$dir"
    (cd "$dir" && { [ -f package.json ] || echo '{"name": "vigil-npm-cache", "private": true}' >package.json; } &&
        npm install --no-audit --no-fund --save-exact "$pkg@$version" >/dev/null)
}
install_npm @kusto/language-service-next 12.4.1 || {
    # Only the KQL conformance test needs it: it skips without it, except in CI.
    echo "install-deps: could not install @kusto/language-service-next (set VIGIL_NPM_CACHE to a writable directory)" >&2
    [ "${CI:-}" != true ]
}

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
