#!/usr/bin/env bash
# Load test on loopback with wrk: hotspots/active, the briefing and a heatmap tile of the demo gemeente.
#   scripts/load-test.sh [SECONDS=60] [CONNECTIONS=32]
# Prints requests/s, latency percentiles and errors per endpoint (copy them to docs/reliability.md).
set -euo pipefail
duration=${1:-60}; connections=${2:-32}
mkdir -p "$(dirname "${BASH_SOURCE[0]}")/../.artifacts"
source "$(dirname "${BASH_SOURCE[0]}")/lib/api-background.sh"

token=$("$root/scripts/geoh" token --role teamleider)
admin=$("$root/scripts/geoh" token --role admin)
# Make sure the demo gemeente has a current hotspot run before measuring.
curl -s -o /dev/null -X POST -H "Authorization: Bearer $admin" "$base/api/v1/hotspots/herbereken"
for _ in $(seq 1 60); do
  curl -s -H "Authorization: Bearer $token" "$base/api/v1/hotspots/runs" | grep -q '"status":"Voltooid"' && break
  sleep 2
done

# A zoom-14 heatmap tile at the centre of the demo data (from its TileJSON), the tile a planner's map asks first.
center=$(curl -s -H "Authorization: Bearer $token" "$base/api/v1/tiles/heatmap.json" | grep -o '"center":\[[^]]*' | cut -d[ -f2)
tile=$(awk -F, -v z=14 '{ pi = atan2(0, -1); n = 2 ^ z; r = $2 * pi / 180;
  printf "%d/%d/%d", z, int(($1 + 180) / 360 * n), int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / pi) / 2 * n) }' <<<"$center")

echo "date: $(date -u +%FT%TZ)  cores: $(nproc)  load average before: $(cut -d' ' -f1-3 /proc/loadavg)  duration: ${duration}s  connections: $connections"
for path in "/api/v1/hotspots/active?dag=di&uur=8" "/api/v1/briefing?datum=2026-12-01&dienst=vroeg" "/api/v1/tiles/heatmap/$tile.mvt"; do
  echo; echo "== GET $path"
  curl -s -o /dev/null -w "single request: HTTP %{http_code}, %{size_download} bytes\n" -H "Authorization: Bearer $token" "$base$path"
  # 5 s unmeasured first: the figures are for a warm service (JIT, connection pool, caches), as in a shift.
  wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $token" "$base$path" >/dev/null
  wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer $token" "$base$path" \
    | grep -E "Requests/sec|Latency|50%|75%|90%|99%|requests in|Non-2xx|Socket errors"
done
echo; echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
