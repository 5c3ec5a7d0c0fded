#!/usr/bin/env bash
# npm run screenshots: builds, seeds the demo into a database of its own, starts the app
# on port 3099 and photographs every page listed in scripts/screenshots/pages/ at phone
# and laptop width into var/screenshots/. Look at them before calling a page done.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-packages.sh
bash scripts/ensure-services.sh
[ -d node_modules ] || npm install --no-audit --no-fund
npm run build >/dev/null

DB=convene_screenshots
PORT=3099
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" postgres
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export REDIS_PREFIX="screenshots"
export PORT PUBLIC_URL="http://127.0.0.1:$PORT"
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@convene.demo}" ADMIN_PASSWORD="${ADMIN_PASSWORD:-convene-admin-2027}"
export MAIL_OUTBOX_DIR="var/screenshots-mail" LOG_LEVEL=warn
node dist/scripts/migrate.js up >/dev/null
node dist/scripts/seed.js >/dev/null

mkdir -p var/log
bash scripts/start-api.sh >var/log/screenshots-api.log 2>&1 &
API=$!
trap 'kill $API 2>/dev/null; wait $API 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/api/health/live" >/dev/null 2>&1 && break
  kill -0 $API 2>/dev/null || { tail -20 var/log/screenshots-api.log; exit 1; }
  sleep 1
done
SCREENSHOT_BASE_URL="http://127.0.0.1:$PORT" node dist/scripts/screenshots/run.js
