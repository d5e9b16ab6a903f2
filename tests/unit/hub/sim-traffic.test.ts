import { describe, expect, it } from 'vitest';
import { DataEntrySchema, type DataEntry } from '../../../common/protocol/data.js';
import { createRandom } from '../../../common/prng.js';
import { DEMO_ROADS, trafficFeed } from '../../../hub/sim/traffic.js';

// The demo's traffic: congestion by road segment and incidents, from the sim clock alone.

const START = Date.UTC(2026, 11, 7, 3, 0); // 10:00 in Việt Nam: no rush hour
const at = (feed: ReturnType<typeof trafficFeed>, hours: number, now = START + hours * 3600_000) => {
  const [entry] = feed({ hours, simTime: START + hours * 3600_000, now, rnd: createRandom(1) }) as [DataEntry];
  expect(DataEntrySchema.safeParse(entry).success).toBe(true);
  if (entry.value.type !== 'traffic') throw new Error('not traffic');
  return entry.value;
};
const level = (v: ReturnType<typeof at>, id: string) => v.segments.find((s) => s.id === id)?.congestion;

describe('demo traffic', () => {
  it('flows freely outside rush hours with no crash, roadworks standing', () => {
    const v = at(trafficFeed(), 0.5);
    expect(v.segments.map((s) => s.congestion)).toEqual(DEMO_ROADS.map(() => 'free'));
    expect(v.incidents.map((i) => i.type)).toEqual(['roadworks']);
  });

  it('jams the Hải Vân tunnel during the crash, slows its approaches, and clears it after; the crash keeps its time', () => {
    const feed = trafficFeed();
    at(feed, 1.5);
    const first = at(feed, 2.5);
    expect(level(first, 'ham-hai-van')).toBe('jammed');
    expect(level(first, 'ql1a-lang-co')).toBe('slow');
    expect(level(first, 'cao-toc-la-son')).toBe('free');
    const crash = first.incidents.find((i) => i.type === 'crash')!;
    expect(crash.description.vi).toContain('hầm Hải Vân');
    expect(crash.description.vi).toContain('mô phỏng');
    expect(at(feed, 3.5).incidents.find((i) => i.type === 'crash')?.at).toBe(crash.at);
    const after = at(feed, 4.5);
    expect(level(after, 'ham-hai-van')).toBe('free');
    expect(after.incidents.some((i) => i.type === 'crash')).toBe(false);
  });

  it('slows and jams the busy city roads at the evening rush hour (17:00 in Việt Nam)', () => {
    const v = at(trafficFeed(), 7); // 10:00 + 7 h
    expect(level(v, 'le-duan')).toBe('jammed');
    expect(level(v, 'hue-le-loi')).toBe('slow');
    expect(level(v, 'cao-toc-la-son')).toBe('free');
    expect(v.segments.find((s) => s.id === 'le-duan')!.speedKmh).toBeLessThan(DEMO_ROADS.find((r) => r.id === 'le-duan')!.speedKmh / 2);
  });

  it('keeps its roads in the demo area (Huế – Đà Nẵng)', () => {
    for (const r of DEMO_ROADS) for (const [lon, lat] of r.path) expect(lon >= 107.5 && lon <= 108.4 && lat >= 15.9 && lat <= 16.6, r.id).toBe(true);
  });
});
