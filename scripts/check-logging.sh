#!/usr/bin/env bash
# Fails when product code logs without a category: every message goes through qC*(lcX) so that
# QT_LOGGING_RULES can turn each component up or down (vigil.core, vigil.store, vigil.sync, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
if git grep -n -E '\bq(Debug|Info|Warning|Critical)\s*\(' -- '*.cpp' '*.h' ':!tests/'; then
    echo "check-logging: log through a category (qCWarning(lcX) ...), not the bare calls above" >&2
    exit 1
fi
echo "check-logging: every message has a category"
