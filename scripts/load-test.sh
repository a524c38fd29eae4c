#!/usr/bin/env bash
# Load test on loopback with wrk: hotspots/active, the briefing and a heatmap tile of the demo gemeente.
#   scripts/load-test.sh [SECONDS=60] [CONNECTIONS=32]
# Prints requests/s, latency percentiles and errors per endpoint in steady state, and for hotspots/active again during a
# recompute it asks for (copy them to docs/reliability.md).
set -euo pipefail
duration=${1:-60}; connections=${2:-32}
mkdir -p "$(dirname "${BASH_SOURCE[0]}")/../.artifacts"
source "$(dirname "${BASH_SOURCE[0]}")/lib/api-background.sh"

token=$("$root/scripts/geoh" token --role teamleider)
admin=$("$root/scripts/geoh" token --role admin)

# The newest run id now, and the run this script asks for: the first "handmatig" run with a higher id, so a run of the
# demo import or of another client is never taken for it.
newest_run() { curl -s -H "Authorization: Bearer $token" "$base/api/v1/hotspots/runs" | jq '[.[].id] | max // 0'; }
asked_run() { curl -s -H "Authorization: Bearer $token" "$base/api/v1/hotspots/runs" \
  | jq -c --argjson after "$1" '[.[] | select(.id > $after and (.aanleiding | startswith("handmatig")))] | min_by(.id) // empty'; }
# Asks for a recompute and waits until it has the given status (Bezig or Voltooid); prints the run as JSON.
recompute() {
  local before; before=$(newest_run)
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $admin" "$base/api/v1/hotspots/herbereken"
  for _ in $(seq 1 600); do
    run=$(asked_run "$before")
    if [ -n "$run" ]; then
      status=$(jq -r .status <<<"$run")
      [ "$status" = Mislukt ] && { echo "the recompute failed: $run" >&2; exit 1; }
      { [ "$status" = "$1" ] || [ "$status" = Voltooid ]; } && { echo "$run"; return 0; }
    fi
    sleep 0.2
  done
  echo "the recompute asked for did not reach $1" >&2; exit 1
}
measure() { # path duration
  wrk -t2 -c"$connections" -d"$2" --latency -H "Authorization: Bearer $token" "$base$1" \
    | grep -E "Requests/sec|Latency|50%|75%|90%|99%|requests in|Non-2xx|Socket errors"
}
# Make sure the demo gemeente has a current hotspot run of its own before measuring.
first=$(recompute Voltooid)
run_seconds=$(jq -r '.duurSeconden | ceil' <<<"$first")

# A zoom-14 heatmap tile at the centre of the demo data (from its TileJSON), the tile a planner's map asks first.
center=$(curl -s -H "Authorization: Bearer $token" "$base/api/v1/tiles/heatmap.json" | grep -o '"center":\[[^]]*' | cut -d[ -f2)
tile=$(awk -F, -v z=14 '{ pi = atan2(0, -1); n = 2 ^ z; r = $2 * pi / 180;
  printf "%d/%d/%d", z, int(($1 + 180) / 360 * n), int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / pi) / 2 * n) }' <<<"$center")

echo "date: $(date -u +%FT%TZ)  cores: $(nproc)  load average before: $(cut -d' ' -f1-3 /proc/loadavg)  duration: ${duration}s  connections: $connections"
echo "steady state: no recompute runs while these are measured"
for path in "/api/v1/hotspots/active?dag=di&uur=8" "/api/v1/briefing?datum=2026-12-01&dienst=vroeg" "/api/v1/tiles/heatmap/$tile.mvt"; do
  echo; echo "== GET $path (steady state)"
  curl -s -o /dev/null -w "single request: HTTP %{http_code}, %{size_download} bytes\n" -H "Authorization: Bearer $token" "$base$path"
  # 5 s unmeasured first: the figures are for a warm service (JIT, connection pool, caches), as in a shift.
  wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $token" "$base$path" >/dev/null
  measure "$path" "${duration}s"
done

# During a recompute: from the moment the asked run starts until 10 s after it should have finished (its duration as
# measured above), so the window holds the run, its completion and the loading of its snapshot by the readers.
path="/api/v1/hotspots/active?dag=di&uur=8"
window=$((run_seconds + 10))
echo; echo "== GET $path (during a recompute: ${window}s from the start of the run asked for; the previous run took ${run_seconds}s)"
started=$(recompute Bezig)
measure "$path" "${window}s"
after=$(asked_run "$(($(jq -r .id <<<"$started") - 1))")
echo "the run asked for: $(jq -c '{id, status, gestartOp, voltooidOp, duurSeconden}' <<<"$after")"
[ "$(jq -r .status <<<"$after")" = Voltooid ] || echo "warning: the run had not finished within the window; run again with fewer meldingen or read the figure as 'while busy'"
echo; echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
