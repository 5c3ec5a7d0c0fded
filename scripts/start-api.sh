#!/usr/bin/env bash
# Starts the API exactly as `npm run start:api` does (package.json holds its malloc setting
# and heap flags, one place), but replaces this shell with it: a caller's $! is the API's
# pid, so its kill reaches the API (npm's sh -c leaves the API running when killed).
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a words <<<"$(node -p "require('./package.json').scripts['start:api']")"
# env applies the NAME=value words, then execs node with its flags and the script.
exec env "${words[@]}"
