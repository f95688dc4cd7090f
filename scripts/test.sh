#!/usr/bin/env bash
# Installs what is missing, builds Vigil with warnings as errors and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DVIGIL_WERROR=ON -DVIGIL_BUILD_TESTS=ON
cd build
ctest --output-on-failure --timeout 600 -j "$(nproc)"
