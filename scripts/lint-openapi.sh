#!/usr/bin/env bash
# Writes the API's OpenAPI document from the application itself (Nest's preview mode:
# no database, Redis or port needed) and lints it with Redocly's recommended rules
# (redocly.yaml). Any error fails; the document is left in var/openapi.json.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p var
node --conditions=convene-source --import ./scripts/openapi/register.mjs \
  scripts/openapi/write-spec.ts var/openapi.json
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  npx redocly lint var/openapi.json --config redocly.yaml --format stylish
