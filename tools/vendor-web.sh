#!/usr/bin/env bash
# Refreshes the explorer's third-party browser assets from the npm registry (pinned versions) into
# src/tacitus/web/static/vendor/. The files are committed: the explorer ships them and never loads
# anything from a CDN. Needs npm; run by hand when bumping a version, never at install or run time.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/tacitus/web/static/vendor
PKGS=(leaflet@1.9.4 leaflet.markercluster@1.5.3 topojson-client@3.1.0 world-atlas@2.0.2)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent "${PKGS[@]}" >/dev/null && for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done)
rm -rf "$DEST" && mkdir -p "$DEST"/{leaflet/images,markercluster,topojson-client,world-atlas}
cp "$TMP"/leaflet-1.9.4/package/dist/{leaflet.js,leaflet.css} "$DEST"/leaflet/
cp "$TMP"/leaflet-1.9.4/package/dist/images/*.png "$DEST"/leaflet/images/
cp "$TMP"/leaflet-1.9.4/package/LICENSE "$DEST"/leaflet/LICENSE
cp "$TMP"/leaflet.markercluster-1.5.3/package/dist/{leaflet.markercluster.js,MarkerCluster.css,MarkerCluster.Default.css} "$DEST"/markercluster/
cp "$TMP"/leaflet.markercluster-1.5.3/package/MIT-LICENCE.txt "$DEST"/markercluster/LICENSE
cp "$TMP"/topojson-client-3.1.0/package/dist/topojson-client.min.js "$DEST"/topojson-client/
cp "$TMP"/topojson-client-3.1.0/package/LICENSE "$DEST"/topojson-client/LICENSE
cp "$TMP"/world-atlas-2.0.2/package/countries-50m.json "$DEST"/world-atlas/
cp "$TMP"/world-atlas-2.0.2/package/LICENSE "$DEST"/world-atlas/LICENSE
{
  echo "# Vendored browser assets"
  echo
  echo "Copied from the npm registry by tools/vendor-web.sh; do not edit by hand."
  echo
  echo "| package | version | licence | files |"
  echo "| --- | --- | --- | --- |"
  echo "| leaflet | 1.9.4 | BSD-2-Clause | leaflet/ |"
  echo "| leaflet.markercluster | 1.5.3 | MIT | markercluster/ |"
  echo "| topojson-client | 3.1.0 | ISC | topojson-client/ |"
  echo "| world-atlas (Natural Earth 1:50m admin-0 countries, public domain) | 2.0.2 | ISC | world-atlas/ |"
  echo
  echo "sha256:"
  echo
  (cd "$DEST" && find . -type f ! -name README.md | sort | xargs sha256sum | sed 's/^/    /')
} > "$DEST"/README.md
echo "vendored into $DEST"
