#!/usr/bin/env bash
# Crash test with real kill -9:
#  1. the API process killed during a hotspot recompute: the previous run must keep being served after a restart, the
#     abandoned run must be marked failed and the next run must complete;
#  2. `geoh import meldingen` of 200,000 rows killed halfway: re-running it must end complete, without duplicates.
#   scripts/crash-test.sh
set -euo pipefail
mkdir -p "$(dirname "${BASH_SOURCE[0]}")/../.artifacts"
source "$(dirname "${BASH_SOURCE[0]}")/lib/api-background.sh"
gemeente=GM9999
token=$("$root/scripts/geoh" token --role teamleider)
admin=$("$root/scripts/geoh" token --role admin)
sql() { "$root/scripts/db.sh" psql dev -qAt -c "$1"; }
current_run() { curl -s -H "Authorization: Bearer $token" "$base/api/v1/briefing?datum=2026-12-0$1&dienst=vroeg" | grep -o '"hotspotRun":[0-9]*' | cut -d: -f2; }
now() { date +%s.%N; }
# Prints the first non-empty answer of a query, polling every 0.1 s for at most $2 seconds.
poll() { local answer; for _ in $(seq 1 $(($2 * 10))); do answer=$(sql "$1"); [ -n "$answer" ] && { echo "$answer"; return; }; sleep 0.1; done; }

echo "== 1. kill -9 during a hotspot recompute"
previous=$(sql "SELECT max(id) FROM hotspot_run WHERE gemeente_id = '$gemeente' AND status = 'Voltooid'")
curl -s -o /dev/null -X POST -H "Authorization: Bearer $admin" "$base/api/v1/hotspots/herbereken"
killed=$(poll "SELECT id FROM hotspot_run WHERE gemeente_id = '$gemeente' AND status = 'Bezig' ORDER BY id DESC LIMIT 1" 30)
[ -n "$killed" ] || { echo "no recompute started" >&2; exit 1; }
sleep 1
kill -9 "$api_pid"; wait "$api_pid" 2>/dev/null || true
echo "killed the API during run $killed (previous completed run: $previous)"
echo "  run $killed after the kill: $(sql "SELECT status FROM hotspot_run WHERE id = $killed"), hotspots stored: $(sql "SELECT count(*) FROM hotspot WHERE run_id = $killed")"
start_api
echo "  after restart the briefing shows run $(current_run 1) (expected $previous); hotspots/active:" \
  "$(curl -s -H "Authorization: Bearer $token" "$base/api/v1/hotspots/active?dag=di&uur=8&limit=5" | grep -o '"rang"' | wc -l) features"
asked=$(now)
curl -s -o /dev/null -X POST -H "Authorization: Bearer $admin" "$base/api/v1/hotspots/herbereken"
next=$(poll "SELECT id FROM hotspot_run WHERE gemeente_id = '$gemeente' AND status = 'Voltooid' AND id > $killed ORDER BY id LIMIT 1" 180)
[ -n "$next" ] || { echo "the next run did not complete" >&2; exit 1; }
echo "  next run $next completed $(echo "$(now) - $asked" | bc) s after it was asked; run $killed is now:" \
  "$(sql "SELECT status || ' (' || fout || ')' FROM hotspot_run WHERE id = $killed")"
sleep 6  # the snapshot and output cache (5 s) pick the new run up
echo "  the briefing now shows run $(current_run 2)"

echo; echo "== 2. kill -9 during geoh import meldingen (the demo meldingen four times over, into gemeente GM9998)"
file="$root/.artifacts/crash-meldingen.csv"
# Four copies of the demo file with distinct extern_ids: 200,000 rows, long enough to be killed halfway.
awk -F, -v OFS=, 'NR == 1 { print; next } { line = $0; for (k = 1; k <= 4; k++) { $0 = line; $2 = $2 "-" k; print } }' \
  "$root/data/demo/meldingen.csv" >"$file"
rows=$(($(wc -l <"$file") - 1))
sql "DELETE FROM melding WHERE gemeente_id = 'GM9998'" >/dev/null
"$root/scripts/geoh" import meldingen "$file" --gemeente GM9998 >/dev/null 2>&1 &
import_pid=$!
sleep 6
kill -9 "$import_pid" 2>/dev/null || { echo "the import ended within 6 s; nothing to interrupt" >&2; exit 1; }
wait "$import_pid" 2>/dev/null || true
echo "killed the import after 6 s: $(sql "SELECT count(*) FROM melding WHERE gemeente_id = 'GM9998'") of $rows meldingen stored"
"$root/scripts/geoh" import meldingen "$file" --gemeente GM9998 2>/dev/null | tail -1 | sed 's/^/  re-run: /'
echo "  stored: $(sql "SELECT count(*) FROM melding WHERE gemeente_id = 'GM9998'") of $rows," \
  "distinct (bron, extern_id): $(sql "SELECT count(DISTINCT (bron, extern_id)) FROM melding WHERE gemeente_id = 'GM9998'")"
