#!/usr/bin/env bash
# Installs the Debian packages GeoHandhaving needs when they are missing (idempotent, quick when present).
#   scripts/install-deps.sh run    PostgreSQL 15 + PostGIS 3
#   scripts/install-deps.sh test   + GDAL (ogrinfo: the real OGC API / MVT client in tests) + Chromium and Node (map page test)
#                                  + QGIS (python3-qgis, qgis-providers: the OAPIF client in tests)
set -euo pipefail
purpose=${1:-run}
need=()
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15 postgresql-contrib-15 postgresql-15-postgis-3)
if [ "$purpose" = test ]; then
  command -v ogrinfo >/dev/null || need+=(gdal-bin)
  # The map page's browser test: the system Chromium, driven by playwright-core from npm (tests/…/Heatmap/browser).
  command -v chromium >/dev/null || need+=(chromium)
  command -v npm >/dev/null || need+=(nodejs npm)
  # QGIS as the GIS analyst's client (OGC API Features over HTTP Basic), headless: tests/…/Ogc/qgis. ~2 min, 243 packages.
  [ -f /usr/lib/python3/dist-packages/qgis/core/__init__.py ] || need+=(python3-qgis)
  [ -f /usr/lib/qgis/plugins/libprovider_wfs.so ] || need+=(qgis-providers)
fi
command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (https://dot.net)" >&2; exit 1; }
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then echo "missing packages (${need[*]}); run as root or install them: apt-get install ${need[*]}" >&2; exit 1; fi
echo "installing ${need[*]} ..." >&2
apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >&2
