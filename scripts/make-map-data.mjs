// Writes assets/map/vietnam.geojson: Vietnam's outline from world-atlas (Natural Earth 1:50m, public
// domain), plus the Hoàng Sa and Trường Sa archipelagos as labelled points (Natural Earth's country
// polygon leaves them out). Run once: node scripts/make-map-data.mjs. See assets/map/README.md.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const world = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const all = feature(world, world.objects.countries);
const vietnam = all.features.find((f) => f.id === '704');
if (!vietnam) throw new Error('world-atlas has no feature 704 (Vietnam)');

const round = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * 1e4) / 1e4, Math.round(c[1] * 1e4) / 1e4] : c.map(round));
const out = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'Việt Nam', name_en: 'Viet Nam', source: 'Natural Earth 1:50m via world-atlas 2.0 (public domain)' }, geometry: { ...vietnam.geometry, coordinates: round(vietnam.geometry.coordinates) } },
    { type: 'Feature', properties: { name: 'Quần đảo Hoàng Sa', name_en: 'Hoang Sa archipelago' }, geometry: { type: 'Point', coordinates: [112.0, 16.5] } },
    { type: 'Feature', properties: { name: 'Quần đảo Trường Sa', name_en: 'Truong Sa archipelago' }, geometry: { type: 'Point', coordinates: [114.0, 10.0] } },
  ],
};
fs.writeFileSync(new URL('../assets/map/vietnam.geojson', import.meta.url), `${JSON.stringify(out)}\n`);
console.log('wrote assets/map/vietnam.geojson');
