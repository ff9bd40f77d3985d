// Builds the boundaries of the starter library (GoCart.Site/StarterMaps) from the npm packages world-atlas and
// us-atlas, as installed by scripts/public-maps.sh. Run through scripts/starter-maps.sh, which passes:
//   node starter-maps.mjs NODE_MODULES ISO_3166_JSON OUT_DIR
// Writes, per map, a GeoJSON whose features carry the id the map's CSV uses, and one line per map on stdout
// with the feature count. What it changes from the packages, and why:
// - world: Antarctica is left out (no permanent population; its ring runs round the pole); rings that cross the
//   antimeridian uncut (Russia, Fiji) are cut there, so that every ring is a plain polygon in -180..180; ids are
//   ISO 3166-1 alpha-3 codes from the numeric ids (features without one get a user-assigned code, or join the
//   country whose UN figure counts them); features with the same code become one region; simplified by
//   mapshaper to about half the points of the 1:50m file.
// - US by state: the 50 states and DC (territories left out); US by county: the contiguous 48 states and DC,
//   Falls Church city (a line in us-atlas) counted with Fairfax County; the counties simplified by mapshaper to
//   60% of their points (with every point, the engine as it is stalls on this map at its first lattice).
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [modules, isoFile, out] = process.argv.slice(2).map((p) => path.resolve(p));
const require = createRequire(path.join(modules, 'noop.js'));
const topojson = require('topojson-client');
const polygonClipping = require('polygon-clipping');
const mapshaper = path.join(modules, '.bin', 'mapshaper');

const topology = (file) => JSON.parse(fs.readFileSync(path.join(modules, file), 'utf8'));
const features = (file, object) => {
  const t = topology(file);
  return topojson.feature(t, t.objects[object]).features;
};

// ISO 3166-1 numeric to alpha-3; world-atlas leaves these without a numeric id.
const alpha3 = new Map(JSON.parse(fs.readFileSync(isoFile, 'utf8'))['3166-1'].map((c) => [c.numeric, c.alpha_3]));
const unnumbered = new Map([
  ['Kosovo', 'XKX'], ['Indian Ocean Ter.', 'XIO'], ['Siachen Glacier', 'XSG'],
  // The UN's figures for Somalia and Cyprus count the whole of each: their parts are joined to them.
  ['Somaliland', 'SOM'], ['N. Cyprus', 'CYP'],
]);

const round = (x) => Math.round(x * 1e5) / 1e5;

// A ring as a continuous line: each longitude within 180° of the one before.
function unwrap(ring) {
  let shift = 0;
  return ring.map(([x, y], i) => {
    if (i > 0) {
      const previous = ring[i - 1][0] + shift;
      while (x + shift - previous > 180) shift -= 360;
      while (x + shift - previous < -180) shift += 360;
    }
    return [x + shift, y];
  });
}

// Polygons whose unwrapped rings leave -180..180 are cut at the antimeridian, the parts moved back into range.
function cutAtAntimeridian(polygons) {
  const pieces = [];
  for (const polygon of polygons) {
    const rings = polygon.map(unwrap);
    const xs = rings.flat().map(([x]) => x);
    const [min, max] = [Math.min(...xs), Math.max(...xs)];
    if (min >= -180 && max <= 180) {
      pieces.push(polygon);
      continue;
    }
    for (let offset = -720; offset <= 720; offset += 360) {
      const box = [[[-180 + offset, -90], [180 + offset, -90], [180 + offset, 90], [-180 + offset, 90], [-180 + offset, -90]]];
      for (const part of polygonClipping.intersection(rings, box)) {
        pieces.push(part.map((ring) => ring.map(([x, y]) => [x - offset, y])));
      }
    }
  }
  return polygonClipping.union(...pieces.map((p) => [p]));
}

const polygonsOf = (feature) => (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates);

function geometry(polygons) {
  const cut = cutAtAntimeridian(polygons).map((p) => p.map((ring) => ring.map(([x, y]) => [round(x), round(y)])));
  return cut.length === 1 ? { type: 'Polygon', coordinates: cut[0] } : { type: 'MultiPolygon', coordinates: cut };
}

function write(folder, name, collection, simplify) {
  const dir = path.join(out, folder);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${folder}.geojson`);
  const text = JSON.stringify(collection);
  if (simplify) {
    const raw = path.join(out, `${folder}.raw.geojson`);
    fs.writeFileSync(raw, text);
    execFileSync(mapshaper, ['-i', raw, '-simplify', simplify, 'keep-shapes', '-o', file, 'precision=0.00001', 'format=geojson'], { stdio: 'ignore' });
    fs.rmSync(raw);
  } else {
    fs.writeFileSync(file, text);
  }
  console.log(`${folder}: ${collection.features.length} ${name}`);
}

const collection = (list) => ({ type: 'FeatureCollection', features: list });

// Features with the same code (Australia and its Ashmore and Cartier Islands, Somalia and Somaliland, the two
// parts of Cyprus) become one region, named after the first.
const countries = new Map();
for (const f of features('world-atlas/countries-50m.json', 'countries').filter((c) => c.id !== '010')) {
  const code = f.id ? alpha3.get(f.id) : unnumbered.get(f.properties.name);
  if (!code) throw new Error(`no ISO code for ${f.properties.name}`);
  const country = countries.get(code) ?? { name: f.properties.name, polygons: [] };
  country.polygons.push(...polygonsOf(f));
  countries.set(code, country);
}
const world = [...countries].map(([code, c]) => ({ type: 'Feature', properties: { ISO_CODE: code, name: c.name }, geometry: geometry(c.polygons) }));
write('world_by_country', 'countries', collection(world), '50%');

const territories = new Set(['60', '66', '69', '72', '78']);
const states = features('us-atlas/states-10m.json', 'states').filter((f) => !territories.has(f.id));
const stateNames = new Map(states.map((f) => [f.id, f.properties.name]));
write('usa_by_state', 'states', collection(states.map((f) => ({
  type: 'Feature', properties: { name: f.properties.name, STATEFP: f.id }, geometry: geometry(polygonsOf(f)),
}))));

// us-atlas quantizes Falls Church city (Virginia, about 5 km²) to a line: it is counted with Fairfax County,
// which surrounds it on most sides (the CSV adds its people to Fairfax County's).
const notContiguous = new Set(['02', '15', ...territories]);
const joinedToNeighbour = new Set(['51610']);
const counties = features('us-atlas/counties-10m.json', 'counties')
  .filter((f) => !notContiguous.has(f.id.slice(0, 2)) && !joinedToNeighbour.has(f.id));
write('contiguous_usa_by_county', 'counties', collection(counties.map((f) => ({
  type: 'Feature',
  properties: { GEOID: f.id, name: `${f.properties.name}, ${stateNames.get(f.id.slice(0, 2))}` },
  geometry: geometry(polygonsOf(f)),
}))), '60%');
