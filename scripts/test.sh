#!/usr/bin/env bash
# The whole test suite against its own fresh PostGIS database (project-local cluster "test").
# Installs what is missing, prints "N passed, N failed, N skipped" last and exits with the test run's code.
#   scripts/test.sh [extra dotnet test args, e.g. --filter FullyQualifiedName~Wijken]
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/install-deps.sh" test || exit 1
conn=$("$root/scripts/db.sh" recreate test) || { echo "could not start the test database" >&2; exit 1; }
export ConnectionStrings__GeoHandhaving="$conn"

results="$root/.artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
dotnet test "$root/GeoHandhaving.sln" -c Release --logger "trx" --results-directory "$results" "$@"
code=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "dotnet test failed before or outside the tests (build error?)" >&2; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$code"
