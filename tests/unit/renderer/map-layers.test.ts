import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { HexagonLayer } from '@deck.gl/aggregation-layers';
import { describe, expect, it, vi } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { MapLayerBinding, mapProps } from '../../../common/panels/map.js';
import type { DataEntry, DataValue } from '../../../common/protocol/data.js';
import { graticulePaths, labelPoint, tilesFor } from '../../../renderer/panels/map/base-layers.js';
import { CAMERA_COLOURS, CONGESTION_COLOURS, GAUGE_COLOURS, PLACE_COLOURS } from '../../../renderer/panels/map/colours.js';
import { bindingLayers, type LayerContext } from '../../../renderer/panels/map/data-layers.js';
import { placedLabelsLayer } from '../../../renderer/panels/map/map-labels.js';
import { VIETNAMESE_CHARACTER_SET } from '../../../renderer/panels/map/vietnamese-chars.js';
import { fitBounds, projectInPanel } from '../../../common/map/view-state.js';
import { overlaps } from '../../../common/map/label-placement.js';

const ctx: LayerContext = { viewId: 'flood-map', language: 'vi', labelSize: 28, fontsReady: true, onWall: [] };
const entry = (key: string, value: DataValue): DataEntry => ({ key, value, at: 1000 });
const SIZE = { width: 1600, height: 1200 };
const VIEW = fitBounds([107, 15.3, 108.9, 16.9], SIZE);
// Widths as a canvas would measure them, roughly: the test needs boxes, not the font.
const measure = (text: string, size: number) => text.length * size * 0.55;
const binding = (b: unknown) => MapLayerBinding.parse(b);
const propsOf = (layer: Layer) => layer.props as unknown as Record<string, unknown>;
// deck.gl accessors are functions or constants; call them as deck.gl would.
const accessor = <T>(layer: Layer, name: string, d: unknown): T => {
  const a = (layer.props as unknown as Record<string, unknown>)[name];
  return (typeof a === 'function' ? (a as (d: unknown) => T)(d) : a) as T;
};

const gauges = entry('gauges.rivers', {
  type: 'gauges',
  items: [
    { id: 'kim-long', name: 'Kim Long', river: 'Hương', lat: 16.46, lon: 107.55, levelM: 0.5, alarmM: [1, 2, 3.5], at: 1 },
    { id: 'phu-oc', name: 'Phú Ốc', river: 'Bồ', lat: 16.53, lon: 107.49, levelM: 1.6, alarmM: [1.5, 3, 4.5], at: 1 },
    { id: 'ai-nghia', name: 'Ái Nghĩa', river: 'Vu Gia', lat: 15.88, lon: 108.12, levelM: 8.2, alarmM: [6.5, 8, 9], at: 1 },
    { id: 'cau-lau', name: 'Câu Lâu', river: 'Thu Bồn', lat: 15.85, lon: 108.3, levelM: 4.0, alarmM: [2, 3, 4], at: 1 },
  ],
});

describe('layers built from data', () => {
  it('colour water gauges by alarm level and put them at their lon/lat, in the panel’s view', () => {
    const out = bindingLayers(binding({ kind: 'gauges', key: 'gauges.rivers' }), gauges, ctx);
    expect(out.status).toBe('ok');
    const [dots] = out.layers;
    expect(dots).toBeInstanceOf(ScatterplotLayer);
    expect(dots!.id).toBe('flood-map/gauges:gauges.rivers');
    const items = (gauges.value as Extract<DataValue, { type: 'gauges' }>).items;
    expect(items.map((g) => accessor(dots!, 'getFillColor', g))).toEqual([GAUGE_COLOURS[0], GAUGE_COLOURS[1], GAUGE_COLOURS[2], GAUGE_COLOURS[3]]);
    expect(accessor(dots!, 'getPosition', items[0])).toEqual([107.55, 16.46]);
    expect(propsOf(dots!).radiusUnits).toBe('pixels');
  });

  it('label in Vietnamese with the bundled font and the Vietnamese characters passed explicitly', () => {
    const out = bindingLayers(binding({ kind: 'gauges', key: 'gauges.rivers', labels: true }), gauges, ctx);
    expect(out.layers.some((l) => l instanceof TextLayer)).toBe(false);
    // The value in the same string as the name, with the Vietnamese decimal comma.
    expect(out.labels.map((l) => l.text)).toEqual(['Kim Long 0,50 m', 'Phú Ốc 1,60 m', 'Ái Nghĩa 8,20 m', 'Câu Lâu 4,00 m']);
    expect(bindingLayers(binding({ kind: 'gauges', key: 'gauges.rivers', labels: true }), gauges, { ...ctx, language: 'en' }).labels[1]!.text).toBe('Phú Ốc 1.60 m');
    const [text] = placedLabelsLayer('flood-map', out.labels, VIEW, SIZE, 28, measure);
    expect(text).toBeInstanceOf(TextLayer);
    expect(text!.id).toBe('flood-map/labels');
    expect(propsOf(text!).fontFamily).toContain('Be Vietnam Pro');
    expect(propsOf(text!).characterSet).toBe(VIETNAMESE_CHARACTER_SET);
    // No labels until the font is there: the atlas would be drawn in a fallback face.
    expect(bindingLayers(binding({ kind: 'gauges', key: 'gauges.rivers', labels: true }), gauges, { ...ctx, fontsReady: false }).labels).toEqual([]);
  });

  it('draw no two labels over each other: a gauge at a higher alarm level keeps its label, the other moves or goes', () => {
    // Ái Nghĩa and Câu Lâu 0.18° apart: about 60 px in a 1,000 px panel over the two provinces.
    const out = bindingLayers(binding({ kind: 'gauges', key: 'gauges.rivers', labels: true }), gauges, ctx);
    const view = fitBounds([107.9, 15.6, 108.5, 16.1], { width: 500, height: 400 });
    const [text] = placedLabelsLayer('flood-map', out.labels, view, { width: 500, height: 400 }, 28, measure);
    const drawn = text!.props.data as unknown as { text: string; position: [number, number]; textAnchor: string; baseline: string }[];
    const boxes = drawn.map((d) => {
      const [x, y] = projectInPanel(view, { width: 500, height: 400 }, d.position[0], d.position[1]);
      const w = measure(d.text, 28) + 4;
      const h = 28 * 1.2;
      const left = d.textAnchor === 'middle' ? x - w / 2 : d.textAnchor === 'start' ? x + 20 : x - 20 - w;
      const top = d.baseline === 'top' ? y + 20 : d.baseline === 'bottom' ? y - 20 - h : y - h / 2;
      return { x: left, y: top, width: w, height: h };
    });
    expect(drawn.length).toBeGreaterThan(0);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${drawn[i]!.text} / ${drawn[j]!.text}`).toBe(false);
    // Câu Lâu is at level III, Ái Nghĩa at II: Câu Lâu is labelled first, in its first place (below its dot).
    expect(drawn[0]).toMatchObject({ text: 'Câu Lâu 4,00 m', textAnchor: 'middle', baseline: 'top' });
  });

  it('mark the catalogue’s cameras online or offline, ring the ones the wall shows, and label those first', () => {
    const cameras = entry('cameras', {
      type: 'cameras',
      items: [
        { id: 'ham-hai-van', name: { vi: 'Hầm Hải Vân', en: 'Hai Van tunnel' }, place: { vi: 'Liên Chiểu', en: 'Lien Chieu' }, lat: 16.19, lon: 108.13, tags: [], status: 'online' },
        { id: 'cau-song-han', name: { vi: 'Cầu sông Hàn', en: 'Han River Bridge' }, place: { vi: 'Hải Châu', en: 'Hai Chau' }, lat: 16.072, lon: 108.227, tags: [], status: 'offline' },
      ],
    });
    const b = binding({ kind: 'cameras', labels: true });
    expect(b).toMatchObject({ key: 'cameras' });
    const out = bindingLayers(b, cameras, { ...ctx, onWall: ['cau-song-han'] });
    const [dots] = out.layers;
    const items = (cameras.value as Extract<DataValue, { type: 'cameras' }>).items;
    expect(items.map((c) => accessor(dots!, 'getFillColor', c))).toEqual([CAMERA_COLOURS.online, CAMERA_COLOURS.offline]);
    expect(items.map((c) => accessor(dots!, 'getLineColor', c))).toEqual([expect.not.objectContaining(CAMERA_COLOURS.onWall), CAMERA_COLOURS.onWall]);
    expect(items.map((c) => accessor<number>(dots!, 'getRadius', c))).toEqual([8, 12]);
    // Another set of cameras on the wall recomputes the rings even with the same catalogue.
    expect(propsOf(dots!).updateTriggers).toMatchObject({ getRadius: 'cau-song-han' });
    expect(out.labels.map((l) => [l.text, l.priority > out.labels[0]!.priority])).toEqual([['Hầm Hải Vân', false], ['Cầu sông Hàn', true]]);
    expect(bindingLayers(b, cameras, { ...ctx, language: 'en' }).labels.map((l) => l.text)).toEqual(['Hai Van tunnel', 'Han River Bridge']);
    expect(bindingLayers(binding({ kind: 'cameras' }), cameras, ctx).labels).toEqual([]);
  });

  it('colour road segments by congestion and mark incidents, labelled with their kind and time; a failing source says so', () => {
    const at = Date.UTC(2026, 11, 7, 2, 5); // 09:05 in Việt Nam
    const value: DataValue = {
      type: 'traffic',
      segments: [
        { id: 'ham-hai-van', road: 'QL1A', path: [[108.11, 16.22], [108.13, 16.19]], congestion: 'jammed', speedKmh: 9, at },
        { id: 'le-duan', road: 'Lê Duẩn', path: [[108.195, 16.068], [108.227, 16.072]], congestion: 'free', at },
      ],
      incidents: [{ id: 'va-cham', type: 'crash', lat: 16.188, lon: 108.132, road: 'QL1A', description: { vi: 'Va chạm (mô phỏng)', en: 'Collision (simulated)' }, at }],
    };
    const out = bindingLayers(binding({ kind: 'traffic', key: 'traffic.demo', labels: true }), entry('traffic.demo', value), ctx);
    expect(out.status).toBe('ok');
    const [roads, incidents] = out.layers;
    expect(roads!.id).toBe('flood-map/traffic:traffic.demo');
    const segments = (value as Extract<DataValue, { type: 'traffic' }>).segments;
    expect(segments.map((s) => accessor(roads!, 'getColor', s))).toEqual([CONGESTION_COLOURS.jammed, CONGESTION_COLOURS.free]);
    expect((incidents!.props.data as unknown[]).length).toBe(1);
    expect(out.labels.map((l) => l.text)).toEqual(['Va chạm · 09:05']);
    expect(bindingLayers(binding({ kind: 'traffic', key: 'traffic.demo', labels: true }), entry('traffic.demo', value), { ...ctx, language: 'en' }).labels[0]!.text).toBe('Crash · 09:05');
    // The last good value of a failing source: still drawn, and the legend says it is old.
    expect(bindingLayers(binding({ kind: 'traffic', key: 'traffic.demo' }), { ...entry('traffic.demo', value), stale: true }, ctx).status).toBe('stale');
  });

  it('keep only the place kinds a layer asks for, coloured by kind', () => {
    const places = entry('places.flood', {
      type: 'places',
      items: [
        { id: 's1', kind: 'shelter', name: 'Trường THCS Điện Bàn', lat: 15.9, lon: 108.25, count: 320, capacity: 500, at: 1 },
        { id: 't1', kind: 'rescue-team', name: 'Đội cứu hộ số 3', lat: 15.95, lon: 108.2, at: 1 },
      ],
    });
    const [dots] = bindingLayers(binding({ kind: 'places', key: 'places.flood', only: ['shelter'] }), places, ctx).layers;
    expect((dots!.props.data as unknown[]).length).toBe(1);
    expect(accessor(dots!, 'getFillColor', (dots!.props.data as unknown[])[0])).toEqual(PLACE_COLOURS.shelter);
  });

  it('heat only the reports that carry a position', () => {
    const reports = entry('reports.citizen', {
      type: 'reports',
      items: [
        { id: 'pa-1', category: 'flood', commune: 'Điện Bàn', status: 'received', summary: 'Nước ngập sâu', receivedAt: 1, lat: 15.9, lon: 108.2 },
        { id: 'pa-2', category: 'traffic', commune: 'Hòa Vang', status: 'routed', summary: 'Đèn hỏng', receivedAt: 1 },
      ],
    });
    const [heat] = bindingLayers(binding({ kind: 'reports-heatmap', key: 'reports.citizen' }), reports, ctx).layers;
    expect(heat).toBeInstanceOf(HexagonLayer);
    expect((heat!.props.data as unknown[]).length).toBe(1);
    expect(propsOf(heat!).gpuAggregation).toBe(false);
    expect(propsOf(heat!).radius).toBe(3000);
  });

  it('say there is no data yet, and treat a value of the wrong kind as invalid, warned about once', () => {
    expect(bindingLayers(binding({ kind: 'vessels', key: 'vessels.fishing' }), undefined, ctx)).toEqual({ status: 'no-data', layers: [], labels: [] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const wrong = entry('vessels.wrong', { type: 'kpi', value: 3, unit: 'tàu' });
    expect(bindingLayers(binding({ kind: 'vessels', key: 'vessels.wrong' }), wrong, ctx)).toEqual({ status: 'invalid', layers: [], labels: [] });
    expect(bindingLayers(binding({ kind: 'vessels', key: 'vessels.wrong' }), wrong, ctx).status).toBe('invalid');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('vessels.wrong');
    warn.mockRestore();
  });
});

describe('base layers', () => {
  it('draw a graticule line at every multiple of the step inside the bounds', () => {
    const paths = graticulePaths([107.3, 15.2, 109.1, 16.7], 0.5);
    const meridians = paths.filter((p) => p[0]![0] === p[1]![0]).map((p) => p[0]![0]);
    const parallels = paths.filter((p) => p[0]![1] === p[1]![1]).map((p) => p[0]![1]);
    expect(meridians).toEqual([107.5, 108, 108.5, 109]);
    expect(parallels).toEqual([15.5, 16, 16.5]);
  });

  it('ask a tile server only for the tiles a part of the map covers', () => {
    const tiles = mapProps.parse({ bounds: [107, 15, 109, 17], tiles: { url: 'https://gis.example.gov.vn/tiles/{z}/{x}/{y}.png' } }).tiles!;
    const refs = tilesFor([107.9, 16, 108.5, 16.5], 9, tiles);
    // 256-px tiles at zoom 10 for a deck.gl zoom of 9; the usual slippy-map tile numbers.
    expect(new Set(refs.map((r) => r.z))).toEqual(new Set([10]));
    const tx = (lon: number) => Math.floor(((lon + 180) / 360) * 1024);
    const ty = (lat: number) => Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * 1024);
    const expected = [];
    for (let y = ty(16.5); y <= ty(16); y++) for (let x = tx(107.9); x <= tx(108.5); x++) expected.push(`${x}/${y}`);
    expect(refs.map((r) => `${r.x}/${r.y}`)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(1);
    expect(refs[0]!.url).toBe(`https://gis.example.gov.vn/tiles/10/${refs[0]!.x}/${refs[0]!.y}.png`);
    for (const r of refs) {
      const [w, s, e, n] = r.bounds;
      expect(w < 108.5 && e > 107.9 && s < 16.5 && n > 16).toBe(true);
    }
  });

  it('place a boundary’s name at its given label point, else in the middle of its box', () => {
    const square = { type: 'Feature' as const, properties: { name: 'Đà Nẵng' }, geometry: { type: 'Polygon' as const, coordinates: [[[107, 15], [109, 15], [109, 17], [107, 17], [107, 15]]] } };
    expect(labelPoint(square)).toEqual([108, 16]);
    expect(labelPoint({ ...square, properties: { name: 'x', label: [108.2, 16.05] } })).toEqual([108.2, 16.05]);
  });

  it('has every Vietnamese letter in the text character set', () => {
    const chars = new Set(VIETNAMESE_CHARACTER_SET);
    for (const c of 'Trạm đo mực nước Hội An Phú Ốc Ái Nghĩa Câu Lâu Quảng Điền Thừa Thiên Huế ỨNG PHÓ LŨ LỤT ỹỵỷ') expect(chars.has(c), c).toBe(true);
    // ASCII, 12 vowels × 6 tones × 2 cases less the 12 plain ASCII vowels, đ/Đ and 8 punctuation marks.
    expect(chars.size).toBe(95 + 12 * 6 * 2 - 12 + 2 + 8);
  });
});
