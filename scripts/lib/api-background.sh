# Sourced by load-test.sh and fault-test.sh: the API with the demo gemeente on its own ports, in the background.
#   GEOH_DB_PORT (default 55473)  GEOH_PORT (default 5093)
# Sets: root, base (URL), api_pid, ConnectionStrings__GeoHandhaving; start_api starts it again; stops the API on exit.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export GEOH_DB_PORT=${GEOH_DB_PORT:-55473}
port=${GEOH_PORT:-5093}
base="http://127.0.0.1:$port"

"$root/scripts/install-deps.sh" run >/dev/null
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
export ConnectionStrings__GeoHandhaving="$("$root/scripts/db.sh" start dev)"
"$root/scripts/geoh" db migrate >/dev/null
# `geoh import demo` is newer than some branches; without it the demo gemeente is empty and the figures say less.
"$root/scripts/geoh" import demo --folder "$root/data/demo" >/dev/null
# The melder key's secret (required in Production), as for scripts/run.sh: the one scripts/geoh generated for this checkout.
export Privacy__MelderSleutelGeheim="${Privacy__MelderSleutelGeheim:-$(cat "$root/.artifacts/melder-sleutel-geheim")}"
dotnet build "$root/src/GeoHandhaving.Api/GeoHandhaving.Api.csproj" -c Release -nologo -v q "-clp:ErrorsOnly;NoSummary"

# Runs the built API itself (not `dotnet run`), so $api_pid is the API process and kill -9 hits it.
# One token is one rate-limit client; lift the limit so the figures measure the API, not the limiter.
start_api() {
  (cd "$root/src/GeoHandhaving.Api" && Logging__LogLevel__Default=Warning Limits__RequestsPerMinutePerClient=100000000 \
    exec dotnet bin/Release/net10.0/GeoHandhaving.Api.dll --urls "$base") >>"$root/.artifacts/api-background.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ] && return 0
    sleep 1
  done
  echo "API did not become healthy; see .artifacts/api-background.log" >&2
  exit 1
}
: >"$root/.artifacts/api-background.log"
trap 'kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null' EXIT
start_api
