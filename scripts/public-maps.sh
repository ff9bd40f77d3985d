#!/usr/bin/env bash
# Installs the public boundary files that users download (world-atlas and us-atlas, from the npm registry)
# and converts them as users do: TopoJSON to GeoJSON with topojson-client, and zipped Esri shapefiles made
# with mapshaper. Tests read them from the folder this prints (default: artifacts/public-maps).
# Nobody here wrote these files: they are the "data nobody here wrote" the tests must cope with.
# Re-running is cheap: nothing is fetched again while the versions below stay the same.
set -euo pipefail

cd "$(dirname "$0")/.."
out=${1:-"$(pwd)/artifacts/public-maps"}

packages=(world-atlas@2.0.2 us-atlas@3.0.1 topojson-client@3.1.0 mapshaper@0.7.70)
stamp="$out/.versions"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${packages[*]}" ]; then
  echo "$out"
  exit 0
fi

command -v npm > /dev/null || { echo "npm is needed to install the public boundary files (apt-get install npm)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/npm"
npm install --prefix "$out/npm" --no-audit --no-fund --no-save --silent "${packages[@]}" > "$out/npm-install.log" 2>&1 \
  || { cat "$out/npm-install.log" >&2; echo "npm install of ${packages[*]} failed" >&2; exit 1; }

bin="$out/npm/node_modules/.bin"
world="$out/npm/node_modules/world-atlas"
us="$out/npm/node_modules/us-atlas"

# TopoJSON as the packages ship it.
cp "$world/countries-50m.json" "$world/countries-110m.json" "$us/states-10m.json" "$us/counties-10m.json" \
  "$us/states-albers-10m.json" "$out/"

# GeoJSON as topojson-client's topo2geo makes it (feature ids kept as Feature.id).
"$bin/topo2geo" countries="$out/countries-50m.geojson" < "$world/countries-50m.json"
"$bin/topo2geo" countries="$out/countries-110m.geojson" < "$world/countries-110m.json"
"$bin/topo2geo" states="$out/states-10m.geojson" < "$us/states-10m.json"
"$bin/topo2geo" counties="$out/counties-10m.geojson" < "$us/counties-10m.json"
# us-atlas's pre-projected states: planar, in pixel units of a 975 × 610 frame.
"$bin/topo2geo" states="$out/states-albers-10m.geojson" < "$us/states-albers-10m.json"

# Zipped shapefiles as mapshaper writes them (.shp .shx .dbf .prj .cpg).
zip_shapefile() {
  local source=$1 layer=$2 name=$3
  local dir="$out/shp-$name"
  mkdir -p "$dir"
  "$bin/mapshaper" -i "$source" -target "$layer" -proj init=wgs84 crs=wgs84 -o "$dir/" format=shapefile > /dev/null 2>&1 \
    || { echo "mapshaper could not write the $name shapefile" >&2; exit 1; }
  (cd "$dir" && python3 -m zipfile -c "$out/$name.zip" "$layer".*)
  rm -rf "$dir"
}
zip_shapefile "$world/countries-110m.json" countries countries-110m-shapefile
zip_shapefile "$us/states-10m.json" states states-10m-shapefile

echo "${packages[*]}" > "$stamp"
echo "$out"
