import type { DataEntry } from '../../common/protocol/data.js';
import { createRandom } from '../../common/prng.js';
import { floodAreasFeed } from './flood-areas.js';
import { TIMELINE_HOURS } from './flood-timeline.js';
import { kpisFeed } from './kpis.js';
import { placesFeed } from './places.js';
import { reportsFeed } from './reports.js';
import { riversFeed } from './rivers.js';
import type { Feed } from './tick.js';
import { trafficFeed } from './traffic.js';
import { vesselsFeed } from './vessels.js';

// Runs the feeds tick by tick. Ticks are numbered and each advances sim time by a fixed step, so a
// seed gives the same values whatever the machine's speed; the time scale only sets how fast
// ticks come (60 = one sim hour per real minute), and tests can step it without waiting.

export interface SimulatorOptions {
  seed?: number;
  /** Sim seconds per real second. */
  timeScale?: number;
  /** Sim seconds between ticks. */
  tickSeconds?: number;
  /** Start again at hour 0 after the timeline's 48 hours (default true). */
  loop?: boolean;
  /** Sim hour the timeline starts at (default 0): 16 starts a demo two hours before level III. */
  startHour?: number;
  /**
   * config/sources/demo: the hub sends gauges, rain and the one-stop shop's figures through these sources
   * (an embedded MQTT broker, a loopback HTTP endpoint: hub/sim/demo-feeds.ts); omitted: all published directly.
   */
  feedsDir?: string;
}

export interface Simulator {
  /** Produce the next `count` ticks now (no waiting); returns the last tick's entries. */
  step(count?: number): DataEntry[];
  /** Sim hours since the start of the current flood. */
  readonly hours: number;
  readonly ticks: number;
  stop(): void;
}

export function createSimulator(options: SimulatorOptions, publish: (entries: DataEntry[]) => void, now: () => number = Date.now): Simulator {
  const tickSeconds = options.tickSeconds ?? 300;
  const rnd = createRandom(options.seed ?? 20251104);
  const startSim = now();
  let feeds: Feed[] = [];
  // Hours are counted from the tick number, so a later start is a higher first tick.
  let ticks = Math.max(0, Math.round(((options.startHour ?? 0) % TIMELINE_HOURS) * 3600 / tickSeconds));
  let hours = 0;

  const reset = () => {
    // The flood map's and the traffic feeds draw no random numbers, so adding them left the other feeds' values as they were.
    feeds = [riversFeed(), kpisFeed(), reportsFeed(), vesselsFeed(), floodAreasFeed(), placesFeed(), trafficFeed()];
  };
  reset();

  const tick = (): DataEntry[] => {
    const elapsed = ticks * tickSeconds;
    hours = (elapsed / 3600) % (options.loop === false ? Number.POSITIVE_INFINITY : TIMELINE_HOURS);
    if (ticks > 0 && hours < tickSeconds / 3600 && options.loop !== false) reset();
    ticks++;
    const entries = feeds.flatMap((feed) => feed({ hours, simTime: startSim + elapsed * 1000, now: now(), rnd }));
    publish(entries);
    return entries;
  };

  return {
    step(count = 1) {
      let last: DataEntry[] = [];
      for (let i = 0; i < count; i++) last = tick();
      return last;
    },
    get hours() {
      return hours;
    },
    get ticks() {
      return ticks;
    },
    stop() {},
  };
}

/** The simulator with its own timer: one tick every tickSeconds / timeScale real seconds. */
export function startSimulator(options: SimulatorOptions, publish: (entries: DataEntry[]) => void, now: () => number = Date.now): Simulator {
  const sim = createSimulator(options, publish, now);
  const intervalMs = Math.max(20, ((options.tickSeconds ?? 300) * 1000) / (options.timeScale ?? 1));
  sim.step();
  const timer = setInterval(() => sim.step(), intervalMs);
  timer.unref();
  return {
    step: (count) => sim.step(count),
    get hours() {
      return sim.hours;
    },
    get ticks() {
      return sim.ticks;
    },
    stop: () => clearInterval(timer),
  };
}
