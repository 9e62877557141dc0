#!/usr/bin/env bash
# Vendor MapLibre GL JS into the package from the npm registry, at a pinned version, with its licence.
# The map page loads only these files: no CDN, no tile server, no web font at run time.
#
# Example: bash scripts/vendor_map.sh            (re-run after changing VERSION, then commit the files)
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=5.24.1  # maplibre-gl, BSD-3-Clause; the 5.x line still ships one UMD file with its worker inside
# The registry's integrity hash of that tarball; npm pack checks it, and we check it again below.
INTEGRITY_PREFIX="sha512-"
target=src/thucydides/web/static/vendor/maplibre-gl
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

(cd "$scratch" && npm pack --silent "maplibre-gl@$VERSION" > packed.txt)
tarball="$scratch/$(tail -n 1 "$scratch/packed.txt")"
expected=$(npm view "maplibre-gl@$VERSION" dist.integrity)
case "$expected" in "$INTEGRITY_PREFIX"*) ;; *) echo "unexpected integrity '$expected'" >&2; exit 1 ;; esac
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$expected" ]; then
  echo "maplibre-gl@$VERSION: tarball hash $actual differs from the registry's $expected" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$scratch"

rm -rf "$target"
mkdir -p "$target"
cp "$scratch/package/dist/maplibre-gl.js" "$scratch/package/dist/maplibre-gl.css" "$target/"
cp "$scratch/package/LICENSE.txt" "$target/LICENSE.txt"
cat > "$target/VERSION" <<INFO
maplibre-gl $VERSION
from: npm registry, https://registry.npmjs.org/maplibre-gl/-/maplibre-gl-$VERSION.tgz
integrity: $expected
licence: BSD-3-Clause (LICENSE.txt)
vendored by: scripts/vendor_map.sh
INFO
echo "maplibre-gl $VERSION vendored into $target"
