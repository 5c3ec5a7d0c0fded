#!/usr/bin/env bash
# The whole test run: type-check, lint, then every Jest suite (unit, PostgreSQL-backed
# and end-to-end through the real API) against local PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-packages.sh
bash scripts/ensure-services.sh
[ -d node_modules ] || npm install --no-audit --no-fund

# The four checks are single-threaded: two at a time use both cores. Each one's output
# is kept and shown when it fails.
mkdir -p var/checks
check() {
  local name=$1
  shift
  if "$@" >"var/checks/$name.log" 2>&1; then echo "== $name: ok"; else
    echo "== $name: FAILED"
    cat "var/checks/$name.log"
    return 1
  fi
}
prettier_check() {
  npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "Run npm run format"; return 1; }
}
failed=0
check type-check npx tsc -p tsconfig.json --noEmit & a=$!
check lint npx eslint . --max-warnings 0 & b=$!
wait $a || failed=1
wait $b || failed=1
check openapi-lint bash scripts/lint-openapi.sh & a=$!
check format prettier_check & b=$!
wait $a || failed=1
wait $b || failed=1
[ "$failed" = 0 ] || exit 1
echo "== tests"
mkdir -p var
status=0
NODE_OPTIONS='--experimental-vm-modules --no-warnings' npx jest --json --outputFile=var/jest-results.json "$@" || status=$?
# One plain closing line that any CI can read.
node -e 'const r = JSON.parse(require("fs").readFileSync("var/jest-results.json", "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""))' || true
exit $status
