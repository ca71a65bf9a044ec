#!/usr/bin/env bash
# Re-fetch the vendored browser libraries from the npm registry at the pinned versions, check each
# package against the integrity hash recorded here, and copy the distributed files (with their
# licences) into src/inducult/static/vendor/. Run it to update a library: change the version and
# the hash (npm view <pkg>@<version> dist.integrity), run, review the diff, commit. Decision 0011.
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=src/inducult/static/vendor
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fetch() {  # package version integrity
  local package=$1 version=$2 integrity=$3
  (cd "$WORK" && npm pack --silent "$package@$version" >/dev/null)
  local tarball="$WORK/${package}-${version}.tgz"
  local actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [ "$actual" != "$integrity" ]; then
    echo "$package@$version: integrity $actual does not match the pinned $integrity" >&2
    exit 1
  fi
  mkdir -p "$WORK/$package" && tar -xzf "$tarball" -C "$WORK/$package"
}

fetch leaflet 1.9.4 "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA=="
fetch leaflet.markercluster 1.5.3 "sha512-vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA=="
# The network view's graph (issue #6): one island on the network analytics page.
fetch cytoscape 3.35.0 "sha512-sMvBIXiGMnhkCaWz2R06FwF/27MNlS+Tqvi17foO9UhnUg3XGZccKjxsvEqQFAQYMSSZmN5SxYzUYlQ0DOJJ3g=="
# axe-core runs only in the accessibility tests (tests/e2e), never on the platform's pages.
fetch axe-core 4.14.1 "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="

rm -rf "$VENDOR/leaflet" "$VENDOR/leaflet.markercluster"
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/leaflet.markercluster"
cp "$WORK"/leaflet/package/dist/{leaflet.js,leaflet.js.map,leaflet.css} "$VENDOR/leaflet/"
cp "$WORK"/leaflet/package/dist/images/*.png "$VENDOR/leaflet/images/"
cp "$WORK"/leaflet/package/LICENSE "$VENDOR/leaflet/LICENSE"
cp "$WORK"/leaflet.markercluster/package/dist/{leaflet.markercluster.js,leaflet.markercluster.js.map,MarkerCluster.css,MarkerCluster.Default.css} \
  "$VENDOR/leaflet.markercluster/"
cp "$WORK"/leaflet.markercluster/package/MIT-LICENCE.txt "$VENDOR/leaflet.markercluster/LICENCE.txt"
rm -rf "$VENDOR/cytoscape" && mkdir -p "$VENDOR/cytoscape"
cp "$WORK"/cytoscape/package/dist/cytoscape.min.js "$WORK"/cytoscape/package/LICENSE "$VENDOR/cytoscape/"
AXE=tests/e2e/vendor/axe-core
rm -rf "$AXE" && mkdir -p "$AXE"
cp "$WORK"/axe-core/package/{axe.min.js,LICENSE,LICENSE-3RD-PARTY.txt} "$AXE/"
echo "Vendored leaflet 1.9.4, leaflet.markercluster 1.5.3 and cytoscape 3.35.0 into $VENDOR, axe-core 4.14.1 into $AXE"
