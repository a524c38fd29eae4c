#!/usr/bin/env bash
# The whole test suite against its own fresh PostGIS database (project-local cluster "test").
# Installs what is missing, prints "N passed, N failed, N skipped" last and exits with the test run's code; the whole
# suite also checks the format (dotnet format --verify-no-changes, .editorconfig) and that no C# line is over 160 characters.
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

# The style checks (the whole suite only, as CI runs it: a filtered run is a developer's quick loop). A format difference
# counts as one failed check in the closing line and fails the run, and so do lines over 160 characters (listed).
if [ "$#" -eq 0 ]; then
  if ! dotnet format "$root/GeoHandhaving.sln" --verify-no-changes --no-restore -v q; then
    echo "dotnet format --verify-no-changes: the code differs from .editorconfig; run 'dotnet format GeoHandhaving.sln'" >&2
    failed=$((failed + 1)); code=1
  fi
  long=$(git -C "$root" ls-files '*.cs' ':!:**/Migrations/**' | (cd "$root" && xargs awk 'length > 160 { print FILENAME ":" FNR ": " length " characters" }'))
  if [ -n "$long" ]; then
    echo "lines over 160 characters (wrap them):" >&2; echo "$long" >&2
    failed=$((failed + 1)); code=1
  fi
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$code"
