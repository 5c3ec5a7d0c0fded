#!/usr/bin/env bash
# Runs the benchmarks (not tests). Each prints its figures and writes JSON under
# bench/results/. Those that need a running API start one on a scratch database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-services.sh
[ -d node_modules ] || npm install --no-audit --no-fund
npm run build >/dev/null

export PORT="${BENCH_PORT:-3900}"
export BASE_URL="http://127.0.0.1:${PORT}"
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/convene_bench}"
export REDIS_PREFIX="convene-bench"
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@convene.demo}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-convene-admin-2027}"
export LOG_LEVEL=warn
# The rush logs many people in from one address.
export LOGIN_MAX_PER_IP=100000 LOGIN_MAX_PER_EMAIL=100000 SIGNUP_MAX_PER_IP=100000
export WORKER_HEALTH_PORT=0

node dist/scripts/migrate.js up >/dev/null
# The web benchmark measures the demo's pages (seeding is idempotent).
case " ${*:-web} " in *" web "*) node dist/scripts/seed.js >/dev/null ;; esac
# Started as `npm run start:api` starts it (its malloc setting and heap flags), so memory
# figures are the real ones.
bash scripts/start-api.sh &
export API_PID=$!
trap 'kill $API_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fsS "$BASE_URL/api/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

for bench in "${@:-registration-rush rush-after-idle registrations-list read-paths heap-flags framework-cost route-floor statement-path scale email-throughput agenda accommodation organiser-bulk certificates history console-pages web commit-ceiling iso-text}"; do
  for name in $bench; do
    if [ -f "dist/bench/$name.js" ]; then
      echo "== bench/$name"
      node "dist/bench/$name.js"
    fi
  done
done
