import { describe, expect, it } from 'vitest';
import { DataEntrySchema, type DataEntry } from '../../common/protocol/data.js';
import { FloodRule } from '../../hub/flood-rule.js';
import { alarmLevel, STATIONS } from '../../hub/sim/flood-timeline.js';
import { createSimulator } from '../../hub/sim/simulator.js';

// The flood timeline is deterministic (a seed and a tick count fix every value) and drives the
// rule that proposes the flood scenario.

const clock = () => {
  let t = 1_760_000_000_000;
  return () => (t += 1000);
};

function run(seed: number, ticks: number, tickSeconds = 600) {
  const published: DataEntry[][] = [];
  const sim = createSimulator({ seed, tickSeconds }, (e) => published.push(e), clock());
  sim.step(ticks);
  return { sim, published };
}

const gauges = (entries: DataEntry[]) => {
  const g = entries.find((e) => e.key === 'gauges.rivers')?.value;
  if (g?.type !== 'gauges') throw new Error('no gauges entry');
  return g.items;
};

describe('flood simulator', () => {
  it('starts at the hour asked for, and the flood rule proposes within the next few sim hours', () => {
    const published: DataEntry[][] = [];
    const sim = createSimulator({ seed: 5, tickSeconds: 600, startHour: 16 }, (e) => published.push(e), clock());
    sim.step();
    expect(sim.hours).toBe(16);
    const rule = new FloodRule();
    const first = gauges(published[0]!);
    expect(first.every((g) => alarmLevel(g.levelM, g.alarmM) < 3), 'below level III at hour 16').toBe(true);
    let proposedAt: number | null = null;
    for (let i = 0; i < 6 * 6 && proposedAt === null; i++) {
      const entries = sim.step();
      if (entries.some((e) => rule.check(e))) proposedAt = sim.hours;
    }
    expect(proposedAt, 'a proposal within six sim hours of hour 16').not.toBeNull();
    expect(proposedAt!).toBeGreaterThan(16);
  });

  it('gives the same values for the same seed, whatever the pace, and other values for another seed', () => {
    const a = run(7, 40).published;
    const b = run(7, 40).published;
    const c = run(8, 40).published;
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('publishes only values the protocol accepts, across the whole timeline', () => {
    const { published } = run(3, 48 * 6);
    const keys = new Set<string>();
    for (const tick of published) {
      for (const e of tick) {
        const parsed = DataEntrySchema.safeParse(e);
        expect(parsed.success, `${e.key}: ${parsed.error?.message ?? ''}`).toBe(true);
        keys.add(e.key);
      }
    }
    for (const k of ['gauges.rivers', 'alerts.active', 'reports.citizen', 'vessels.fishing', 'kpi.econ.budget-revenue', 'kpi.services.on-time-rate', 'kpi.health.bed-occupancy', 'kpi.education.schools-closed', 'kpi.tourism.visitors-today', 'kpi.flood.evacuated-households', 'series.rainfall.coast']) {
      expect(keys.has(k), k).toBe(true);
    }
  });

  it('raises Kim Long through alarm levels I, II and III in order, then lets it recede', () => {
    const { published } = run(1, 48 * 6);
    const levels = published.map((tick) => {
      const kimLong = gauges(tick).find((g) => g.id === 'kim-long')!;
      return alarmLevel(kimLong.levelM, kimLong.alarmM);
    });
    const firstHour = (level: number) => levels.findIndex((l) => l >= level) / 6;
    expect(firstHour(1)).toBeGreaterThan(4);
    expect(firstHour(2)).toBeGreaterThan(firstHour(1));
    expect(firstHour(3)).toBeGreaterThan(firstHour(2));
    expect(firstHour(3)).toBeGreaterThan(16);
    expect(firstHour(3)).toBeLessThan(21);
    expect(levels.slice(44 * 6)).toEqual(levels.slice(44 * 6).map(() => 0));
  });

  it('reaches level III at some stations but not all (the rivers differ)', () => {
    const { published } = run(1, 48 * 6);
    const reached = new Set(published.flatMap((t) => gauges(t).filter((g) => alarmLevel(g.levelM, g.alarmM) === 3).map((g) => g.id)));
    expect(reached.size).toBeGreaterThan(0);
    expect(reached.size).toBeLessThan(STATIONS.length);
  });
});

describe('flood rule', () => {
  it('proposes once per flood: when a gauge first reaches level III, again only after all fall below level II', () => {
    const rule = new FloodRule();
    const findings: string[] = [];
    // Two floods back to back: the timeline loops after 48 hours.
    const sim = createSimulator({ seed: 5, tickSeconds: 600 }, (entries) => {
      for (const e of entries) {
        const f = rule.check(e);
        if (f) findings.push(f.reason.vi);
      }
    }, clock());
    sim.step(48 * 6);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^Mực nước sông .+ vượt báo động III/);
    sim.step(48 * 6);
    expect(findings).toHaveLength(2);
  });

  it('ignores data that is not a gauge reading', () => {
    const rule = new FloodRule();
    expect(rule.check({ key: 'gauges.rivers', value: { type: 'kpi', value: 99, unit: 'm' }, at: 1 })).toBeNull();
    const high = { id: 'g', name: 'Kim Long', river: 'Hương', lat: 16, lon: 107, levelM: 4, alarmM: [1, 2, 3.5] as [number, number, number], at: 1 };
    expect(rule.check({ key: 'other.rivers', value: { type: 'gauges', items: [high] }, at: 1 })).toBeNull();
    expect(rule.check({ key: 'gauges.rivers', value: { type: 'gauges', items: [high] }, at: 1 })?.reason.en).toMatch(/Hương river at Kim Long: 4\.00 m, above alarm level III \(3\.50 m\)/);
  });
});
