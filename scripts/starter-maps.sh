#!/usr/bin/env bash
# Builds the boundaries of the starter library that ships with the site (GoCart.Site/StarterMaps, the library
# when CARTOGRAM_MAPS_DIR is empty) from public-domain npm packages: world-atlas (Natural Earth) and us-atlas
# (US Census Bureau), installed by scripts/public-maps.sh. Writes each map's GeoJSON and provenance note; the
# population CSVs beside them are data (figures with their sources named in the notes) and are left as they are.
# The output is committed; GoCart.Site.Tests/Maps/StarterLibraryTests runs this again and compares.
# Usage: scripts/starter-maps.sh [OUT_DIR]   (default GoCart.Site/StarterMaps; needs node, npm, iso-codes)
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
out=${1:-"$root/GoCart.Site/StarterMaps"}
iso=/usr/share/iso-codes/json/iso_3166-1.json
[ -f "$iso" ] || { echo "the ISO 3166-1 table is missing: apt-get install iso-codes" >&2; exit 1; }
command -v node > /dev/null || { echo "node is needed: apt-get install nodejs" >&2; exit 1; }

public=$("$root/scripts/public-maps.sh")
modules="$public/npm/node_modules"
version() { node -p "require('$modules/$1/package.json').version"; }
world_atlas=$(version world-atlas)
us_atlas=$(version us-atlas)
mapshaper=$(version mapshaper)
clipping=$(version polygon-clipping)
topojson=$(version topojson-client)

mkdir -p "$out"
node "$root/scripts/starter-maps.mjs" "$modules" "$iso" "$out"

tools="Converted by \`scripts/starter-maps.sh\` with topojson-client $topojson, polygon-clipping $clipping and mapshaper $mapshaper."

cat > "$out/world_by_country/world_by_country.md" << MD
# Sources

## world_by_country.geojson

Natural Earth 1:50m Admin 0 country boundaries, version 4.1.0 (public domain, https://www.naturalearthdata.com),
as packaged by the npm package world-atlas $world_atlas (\`countries-50m.json\`, by Mike Bostock, ISC licence for the packaging).
$tools

Changes: Antarctica is left out (no permanent population). Rings that cross the antimeridian uncut (Russia,
Fiji) are cut at 180°. Region ids are ISO 3166-1 alpha-3 codes (from Debian's iso-codes table) in the property
\`ISO_CODE\`; Kosovo is XKX, Siachen Glacier XSG and the Australian Indian Ocean Territories XIO (user-assigned
codes). Somaliland is part of Somalia and Northern Cyprus part of Cyprus, as in the UN's figures; the Ashmore and
Cartier Islands are part of Australia. Simplified by mapshaper to half of the points (keeping every shape).

## world_population_by_country.csv

Population (people) of each country: the UN Department of Economic and Social Affairs, Population Division,
World Population Prospects, as in go-cart.io's \`world_by_country_since_2022\` data (downloaded from
https://population.un.org/wpp/ in July 2022). Territories that data lacks (Hong Kong, Macao, Palestine, Puerto
Rico and most small island territories, 40 in all) take their figure from
go-cart.io's \`world_by_region_wo_antarctica\` data, whose source and year upstream does not state. Siachen Glacier
has no figure (blank): it keeps the mean density of the others.
MD

cat > "$out/usa_by_state/usa_by_state.md" << MD
# Sources

## usa_by_state.geojson

US Census Bureau cartographic state boundaries, 2017 edition (public domain: a work of the US federal
government), as packaged by the npm package us-atlas $us_atlas (\`states-10m.json\`, by Mike Bostock, ISC licence
for the packaging). $tools

Changes: the 50 states and the District of Columbia; the territories (American Samoa, Guam, the Northern
Mariana Islands, Puerto Rico, the US Virgin Islands) are left out. Region ids are the state names (property
\`name\`); \`STATEFP\` holds the FIPS code.

## usa_population_by_state_2020.csv

Resident population on 1 April 2020, 2020 Census: US Census Bureau (https://www.census.gov), as in
go-cart.io's \`usa_by_state_since_1959\` data. \`Inset\`: Alaska is drawn to the left (L) and Hawaii below (B).
MD

cat > "$out/contiguous_usa_by_county/contiguous_usa_by_county.md" << MD
# Sources

## contiguous_usa_by_county.geojson

US Census Bureau cartographic county boundaries, 2017 edition (public domain: a work of the US federal
government), as packaged by the npm package us-atlas $us_atlas (\`counties-10m.json\`, by Mike Bostock, ISC licence
for the packaging). $tools

Changes: the counties (and county equivalents) of the 48 contiguous states and the District of Columbia.
Falls Church city, Virginia, which us-atlas quantizes to a line, is counted with Fairfax County (51059).
Simplified by mapshaper to 60% of the points (keeping every shape).
Region ids are the five-digit FIPS codes (property \`GEOID\`); \`name\` is the county and its state.

## usa_population_by_county_2021.csv

Resident population estimates for 1 July 2021: US Census Bureau, County Population Totals 2020–2021
(https://www2.census.gov/programs-surveys/popest/tables/2020-2021/counties/totals/), as in go-cart.io's
\`contiguous_usa_by_county_since_2001\` data; Fairfax County's figure includes Falls Church city's (14,658).
MD

echo "$out"
