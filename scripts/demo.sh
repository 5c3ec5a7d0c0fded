#!/usr/bin/env bash
# One command for a newcomer: install, build, migrate, seed the Tangier demo, and run
# the web pages with the API (one process, one URL) and the worker until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-services.sh
npm install --no-audit --no-fund
npm run build

export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@convene.demo}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-convene-admin-2027}"
export PORT="${PORT:-3000}"

npm run migrate
npm run seed

# Structured JSON logs go to files; the terminal keeps the summary below readable.
mkdir -p var/log
# With the memory settings of `npm run start:api` (README, Speed).
bash scripts/start-api.sh >>var/log/api.log 2>&1 &
API_PID=$!
node dist/apps/worker/src/main.js >>var/log/worker.log 2>&1 &
WORKER_PID=$!
trap 'kill -TERM $API_PID $WORKER_PID 2>/dev/null; wait' INT TERM EXIT

ready=""
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:${PORT}/api/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 $API_PID 2>/dev/null || break
  sleep 1
done
if [ -z "$ready" ]; then
  echo "The API did not become ready; the end of var/log/api.log says:" >&2
  tail -20 var/log/api.log >&2
  exit 1
fi

cat <<INFO

Convene is running.
  Web       http://localhost:${PORT}/e/tangier-2027   (the event's page; organisers: /console)
  API       http://localhost:${PORT}/api
  API docs  http://localhost:${PORT}/docs
  Health    http://localhost:${PORT}/api/health/ready   worker: http://localhost:${WORKER_HEALTH_PORT:-3001}/health/ready
  Emails    written as .eml files under ${MAIL_OUTBOX_DIR:-var/mail}/ (set SMTP_URL to send for real)
  Logs      var/log/api.log, var/log/worker.log
  Logins    admin ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}
            organiser@convene.demo, awa@convene.demo, lucia@convene.demo ... / convene-demo-2027
Press Ctrl-C to stop.
INFO
wait
