#!/usr/bin/env bash
# Installs what Vigil needs to build, run and test on Debian 12 (apt-get, as root or via sudo).
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev libqt6svg6 qt6-translations-l10n
    qt6-charts-dev libqt6opengl6-dev # Qt Charts' CMake package needs Qt6OpenGL(Widgets), which it does not pull in
    libqt6sql6-sqlite libqt6sql6-psql postgresql qtkeychain-qt6-dev libsqlite3-dev libsimdjson-dev libre2-dev zlib1g-dev
    # geo_info_from_ip_address(): MaxMind DB files (libmaxminddb) and Debian's country database in
    # the legacy GeoIP.dat format (geoip-database, read with libGeoIP)
    libmaxminddb-dev libgeoip-dev geoip-database
    # datetime_utc_to_local()/datetime_local_to_utc(): the IANA time zones (US/Pacific, …)
    tzdata
    libgl-dev libglx-dev libvulkan-dev
    xvfb xauth fonts-dejavu-core fonts-wqy-microhei clang-format clang-tidy
    gnome-keyring dbus dbus-x11
)
# Node for the npm test tools below (a Node from elsewhere that brings its own npm is kept).
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
# npm packages the tests run, at exact versions, kept outside the repository in
# ${VIGIL_NPM_CACHE}/<name> (CMake finds them there). azurite: the Azure Storage emulator
# (3.35.0 is the newest that runs on Debian 12's Node 18). @microsoft/microsoft-graph-types:
# Microsoft's published Graph types, which tst_graphtypes holds the Graph mapping against (the
# version is also in tests/core.cmake).
npm_packages=(azurite@3.35.0 @microsoft/microsoft-graph-types@2.43.1)
if [ "$(id -u)" -eq 0 ]; then
    VIGIL_NPM_CACHE=${VIGIL_NPM_CACHE:-/var/cache/vigil-npm}
else
    VIGIL_NPM_CACHE=${VIGIL_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vigil-npm}
fi

install_npm_packages() {
    for spec in "${npm_packages[@]}"; do
        local name=${spec%@*} version=${spec##*@}
        local dir="$VIGIL_NPM_CACHE/${name//\//+}"
        local installed
        installed=$(node -p "require('$dir/node_modules/$name/package.json').version" 2>/dev/null || true)
        if [ "$installed" = "$version" ]; then
            echo "install-deps: npm $name $version is in $dir"
            continue
        fi
        echo "install-deps: installing npm $name $version into $dir"
        mkdir -p "$dir"
        npm install --prefix "$dir" --save-exact --no-audit --no-fund --loglevel=error "$spec"
    done
}

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
install_kql_oracle() {
    install_npm @kusto/language-service-next 12.4.1 || {
        # Only the KQL conformance test needs it: it skips without it, except in CI.
        echo "install-deps: could not install @kusto/language-service-next (set VIGIL_NPM_CACHE to a writable directory)" >&2
        [ "${CI:-}" != true ]
    }
}

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: every Debian package is installed"
    install_npm_packages
    install_kql_oracle
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
install_npm_packages
install_kql_oracle
