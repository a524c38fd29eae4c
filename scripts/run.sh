#!/usr/bin/env bash
# Sets up and runs GeoHandhaving with the demo gemeente on the project-local PostGIS, in the foreground.
# Installs what is missing, starts the database, applies migrations, loads data/demo (once), runs the API.
#   GEOH_PORT=5080 (default)   GEOH_DB_PORT=55432 (default)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${GEOH_PORT:-5080}
cd "$root"

"$root/scripts/install-deps.sh" run
export ConnectionStrings__GeoHandhaving="$("$root/scripts/db.sh" start dev)"
# The demo has no identity provider: people sign in on the local development page, which Production refuses unless
# it is enabled explicitly. With Auth:Authority set, sign-in goes to the provider instead.
export Auth__LokaleAanmelding=${Auth__LokaleAanmelding:-true}
"$root/scripts/geoh" db migrate
"$root/scripts/geoh" import demo --folder "$root/data/demo"
# The melder key's secret (Privacy:MelderSleutelGeheim, required in Production): the one scripts/geoh generated for this checkout.
export Privacy__MelderSleutelGeheim="${Privacy__MelderSleutelGeheim:-$(cat "$root/.artifacts/melder-sleutel-geheim")}"

build_log=$(dotnet build "$root/src/GeoHandhaving.Api/GeoHandhaving.Api.csproj" -c Release -nologo -v q 2>&1) || { echo "$build_log" >&2; exit 1; }
base="http://127.0.0.1:$port"
cat <<MSG

GeoHandhaving runs on $base  (Ctrl+C stops it; scripts/db.sh stop dev stops the database)
  OpenAPI UI        $base/docs          (document: $base/openapi/v1.json)
  Map page          $base/kaart       (signs you in: without Auth:Authority a local page, pick GM9999 and a role)
  OGC API Features  $base/ogc
  Hangfire          $base/hangfire    (sign in with the role platformbeheerder)
  Health            $base/health
  Machine clients, a token for the demo gemeente GM9999:  scripts/geoh token --role planner   (sent as Authorization: Bearer)

MSG
cd "$root/src/GeoHandhaving.Api"
exec dotnet run -c Release --no-build --no-launch-profile --urls "$base"
