import { describe, expect, it } from 'vitest';
import { defaultLiveDelayMs, STEP_SYNC, StepKeeper, stepDecision } from '../../../common/media/step-sync.js';
import { dateAtPosition, positionAtDate, type DatedFragment } from '../../../common/media/program-date.js';

const T = Date.UTC(2025, 5, 1, 8, 0, 0);

describe('stepDecision', () => {
  it('leaves the rate at 1 within half a frame', () => {
    expect(stepDecision(T + 19, T)).toEqual({ action: 'rate', rate: 1, errorMs: 19 });
    expect(stepDecision(T - 20, T)).toMatchObject({ action: 'rate', rate: 1 });
  });

  it('slows a player that is ahead and speeds one that is behind, in proportion', () => {
    const ahead = stepDecision(T + 40, T);
    const behind = stepDecision(T - 40, T);
    const farBehind = stepDecision(T - 80, T);
    expect(ahead).toMatchObject({ action: 'rate', rate: 0.99 });
    expect(behind).toMatchObject({ action: 'rate', rate: 1.01 });
    expect(farBehind).toMatchObject({ action: 'rate', rate: 1.02 });
  });

  it('never leaves 0.97–1.03 however far off, short of the seek threshold', () => {
    expect(stepDecision(T + 1500, T)).toMatchObject({ action: 'rate', rate: 0.97 });
    expect(stepDecision(T - 1999, T)).toMatchObject({ action: 'rate', rate: 1.03 });
  });

  it('seeks only beyond 2 s, to the target', () => {
    expect(stepDecision(T - 2500, T)).toEqual({ action: 'seek', toDateMs: T, errorMs: -2500 });
    expect(stepDecision(T + 2001, T).action).toBe('seek');
  });
});

describe('StepKeeper', () => {
  it('seeks once to land near the target at start, then only nudges', () => {
    const keeper = new StepKeeper();
    expect(keeper.update(T - 600, T).action).toBe('seek');
    expect(keeper.update(T - 30, T)).toMatchObject({ action: 'rate', rate: 1.01 }); // 0.75 % in 0.5 % steps
    // Settled: 600 ms off is now nudged, not jumped.
    expect(keeper.update(T - 600, T).action).toBe('rate');
  });

  it('learns how long a seek takes to land and aims that far ahead next time', () => {
    // A player whose seeks land late: at the next reading (500 ms on) it shows 400 ms before the date it
    // was sent to, so it is 900 ms behind.
    const keeper = new StepKeeper();
    let target = T;
    let shown = T - 3000;
    const seeks: number[] = [];
    for (let step = 0; step < 10; step++) {
      const d = keeper.update(shown, target);
      if (d.action === 'seek') {
        seeks.push(d.toDateMs - target);
        shown = d.toDateMs - 400;
      } else {
        shown += 500 * d.rate;
      }
      target += 500;
    }
    expect(seeks).toEqual([0, 900]); // the second seek leads by the 900 ms the first fell short
    expect(Math.abs(shown - target)).toBeLessThanOrEqual(STEP_SYNC.deadBandMs * 2);
  });

  it('moves the rate in steps and back to 1 only once settled, so jitter does not keep changing it', () => {
    const keeper = new StepKeeper();
    keeper.update(T, T);
    // A player 30 ms behind whose readings jitter by ±6 ms while it catches up.
    let shown = T - 30;
    let target = T;
    const rates: number[] = [];
    for (let step = 0; step < 60; step++) {
      const d = keeper.update(shown + (step % 2 ? 6 : -6), target);
      if (d.action === 'rate') rates.push(d.rate);
      shown += 500 * (d.action === 'rate' ? d.rate : 1);
      target += 500;
    }
    const changes = rates.filter((r, i) => i > 0 && r !== rates[i - 1]).length;
    expect(rates.every((r) => Math.abs(Math.round((r - 1) / 0.005) * 0.005 - (r - 1)) < 1e-9)).toBe(true);
    expect(changes).toBeLessThanOrEqual(3);
    expect(rates.at(-1)).toBe(1);
    expect(Math.abs(shown - target)).toBeLessThanOrEqual(STEP_SYNC.deadBandMs);
  });

  it('smooths jittery readings', () => {
    const keeper = new StepKeeper();
    keeper.update(T, T);
    const d = keeper.update(T + 60, T); // one reading 60 ms ahead is taken at half weight
    expect(d).toMatchObject({ action: 'rate', errorMs: 30 });
  });

  it('converges two players on different screens to within a frame by rate alone', () => {
    // Simulate two players 0.4 s apart, each steering towards the shared target every 0.5 s.
    const keepers = [new StepKeeper(), new StepKeeper()];
    const positions = [T - 400, T + 300];
    for (const k of keepers) k.update(T, T); // settled at start, so no seek
    let target = T;
    let seeks = 0;
    for (let step = 0; step < 240; step++) {
      keepers.forEach((keeper, i) => {
        const d = keeper.update(positions[i]!, target);
        if (d.action === 'seek') seeks++;
        positions[i]! += 500 * (d.action === 'rate' ? d.rate : 1);
      });
      target += 500;
    }
    expect(seeks).toBe(0);
    expect(Math.abs(positions[0]! - positions[1]!)).toBeLessThanOrEqual(40);
    expect(Math.abs(positions[0]! - target)).toBeLessThanOrEqual(STEP_SYNC.deadBandMs + 1);
  });
});

describe('programme date mapping', () => {
  const frags: DatedFragment[] = [
    { start: 10, duration: 2, programDateTime: T },
    { start: 12, duration: 2, programDateTime: T + 2000 },
    { start: 14.01, duration: 2, programDateTime: T + 4000 }, // a sliver of gap on the player's timeline
  ];

  it('maps a timeline position to its programme date and back', () => {
    expect(dateAtPosition(frags, 13.5)).toBe(T + 3500);
    expect(positionAtDate(frags, T + 3500)).toBe(13.5);
    expect(dateAtPosition(frags, 14.005)).toBeCloseTo(T + 4005, 6);
    expect(positionAtDate(frags, T + 5000)).toBeCloseTo(15.01, 6);
  });

  it('answers null outside the dated fragments or without PDT', () => {
    expect(dateAtPosition(frags, 9)).toBeNull();
    expect(dateAtPosition(frags, 17)).toBeNull();
    expect(positionAtDate(frags, T + 7000)).toBeNull();
    expect(dateAtPosition([{ start: 0, duration: 2, programDateTime: null }], 1)).toBeNull();
  });
});

describe('defaultLiveDelayMs', () => {
  it('uses the server hold-back when given, else four target durations', () => {
    expect(defaultLiveDelayMs({ targetduration: 2 })).toBe(8000);
    expect(defaultLiveDelayMs({ targetduration: 6, holdBack: 18 })).toBe(19_000);
    expect(defaultLiveDelayMs({ targetduration: 4, holdBack: 12, partTarget: 1, partHoldBack: 3 })).toBe(4000);
    // Parts without a part hold-back: fall back to the segment hold-back.
    expect(defaultLiveDelayMs({ targetduration: 4, holdBack: 12, partTarget: 1, partHoldBack: 0 })).toBe(13_000);
  });
});
