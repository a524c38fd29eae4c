#!/usr/bin/env bash
# Fault test: stop PostgreSQL while the API is under load; the API must answer 503 problem details meanwhile
# and recover by itself after the database is back.
#   scripts/fault-test.sh [OUTAGE_SECONDS=10]
set -euo pipefail
outage=${1:-10}
mkdir -p "$(dirname "${BASH_SOURCE[0]}")/../.artifacts"
source "$(dirname "${BASH_SOURCE[0]}")/lib/api-background.sh"
token=$("$root/scripts/geoh" token --role teamleider)
url="$base/api/v1/meldingen?limit=10"

status() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url"; }
wrk -t1 -c8 -d"$((outage + 30))s" -H "Authorization: Bearer $token" "$url" >"$root/.artifacts/fault-wrk.txt" &
load_pid=$!
sleep 5
echo "before outage: HTTP $(status)"
"$root/scripts/db.sh" stop dev
stopped=$(date +%s.%N)
sleep 2
body=$(curl -s -D - -H "Authorization: Bearer $token" "$url")
echo "during outage:"; echo "$body" | grep -iE "^HTTP|^content-type|^retry-after|database-unavailable" | sed 's/^/  /'
echo "health during outage: HTTP $(curl -s -o /dev/null -w '%{http_code}' "$base/health")"
sleep "$outage"
"$root/scripts/db.sh" start dev >/dev/null
started=$(date +%s.%N)
until [ "$(status)" = 200 ]; do sleep 0.1; done
recovered=$(date +%s.%N)
echo "outage: $(echo "$started - $stopped" | bc) s; first 200 after restart: $(echo "$recovered - $started" | bc) s"
echo "health after: HTTP $(curl -s -o /dev/null -w '%{http_code}' "$base/health")"
wait "$load_pid" || true
echo "load during the test (wrk, mixed 200/503):"; grep -E "requests in|Non-2xx|Socket errors|Requests/sec" "$root/.artifacts/fault-wrk.txt" | sed 's/^/  /'
