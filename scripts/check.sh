#!/usr/bin/env bash
# The checks to run before pushing:
#   1. formatting (swift-format, with the checked-in .swift-format);
#   2. a build with no compiler warnings from our own targets;
#   3. every example policy loads and renders its notice;
#   4. the whole test suite, with PostgreSQL and the Python validators (scripts/test.sh).
# Pass --quick to skip the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Formatting (scripts/format.sh fixes what this finds)"
swift format lint --strict --recursive Sources Tests Examples Package.swift

echo "==> Building"
log=$(mktemp)
swift build --build-tests 2>&1 | tee "$log" >/dev/null
if grep -E "^$PWD/(Sources|Tests)/.*: (warning|error):" "$log"; then
  echo "The build has warnings or errors in our own code (above)." >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"

echo "==> Example policies"
for policy in Examples/*.yaml; do
  swift run --skip-build custos policy notice "$policy" -o /dev/null
  swift run --skip-build custos policy check "$policy" >/dev/null || true
done

if [ "${1:-}" != "--quick" ]; then
  echo "==> Tests"
  scripts/test.sh
fi
echo "All checks passed."
