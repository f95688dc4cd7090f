#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) on C++ sources, using build/compile_commands.json.
#   scripts/tidy.sh            the sources changed in the last 20 commits (what CI checks)
#   scripts/tidy.sh --all      every source
#   scripts/tidy.sh REV        the sources changed since REV (e.g. main, HEAD~3)
# Headers are checked through the sources that include them. Exits non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-tidy >/dev/null || { echo "tidy: clang-tidy is not installed" >&2; exit 1; }
[ -f build/compile_commands.json ] || { echo "tidy: configure first (scripts/build.sh)" >&2; exit 1; }

in_build() { grep -q "\"file\": \"$PWD/$1\"" build/compile_commands.json; }

if [ "${1:-}" = "--all" ]; then
    mapfile -t candidates < <(git ls-files '*.cpp')
else
    base="${1:-HEAD~20}"
    git rev-parse -q --verify "$base^{commit}" >/dev/null \
        || base="$(git rev-list --max-parents=0 HEAD | tail -n 1)"
    mapfile -t candidates < <(git diff --name-only --diff-filter=d "$base" HEAD -- '*.cpp')
fi
files=()
for f in "${candidates[@]}"; do
    in_build "$f" && files+=("$f")
done
if [ ${#files[@]} -eq 0 ]; then
    echo "tidy: no C++ source to check"
    exit 0
fi
echo "tidy: checking ${#files[@]} files"
# One clang-tidy per core; -quiet keeps the output to the findings.
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p build -quiet 2>&1 \
    | grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$|^Suppressed [0-9]+ warnings|^Use -header-filter' \
    > build/tidy.log || true
if grep -q -E ': (warning|error):' build/tidy.log; then
    cat build/tidy.log
    echo "tidy: findings above (see .clang-tidy)" >&2
    exit 1
fi
echo "tidy: ${#files[@]} files clean"
