#!/usr/bin/env bash
# The whole test run: type-check, lint, then every Jest suite (unit, PostgreSQL-backed
# and end-to-end through the real API) against local PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-packages.sh
bash scripts/ensure-services.sh
[ -d node_modules ] || npm install --no-audit --no-fund

echo "== type-check"
npx tsc -p tsconfig.json --noEmit
echo "== lint"
npx eslint . --max-warnings 0
bash scripts/lint-openapi.sh
npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "Run npm run format" >&2; exit 1; }
echo "== tests"
mkdir -p var
status=0
NODE_OPTIONS='--experimental-vm-modules --no-warnings' npx jest --json --outputFile=var/jest-results.json "$@" || status=$?
# One plain closing line that any CI can read.
node -e 'const r = JSON.parse(require("fs").readFileSync("var/jest-results.json", "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""))' || true
exit $status
