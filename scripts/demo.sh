#!/usr/bin/env bash
# Installs what is missing, builds Vigil and starts it on the embedded demo tenant.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "demo: no display found, so Vigil renders its window to build/vigil-demo.png instead"
    exec env QT_QPA_PLATFORM=offscreen build/app/vigil --demo --screenshot build/vigil-demo.png
fi
exec build/app/vigil --demo "$@"
