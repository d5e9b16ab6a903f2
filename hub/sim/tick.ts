import type { DataEntry } from '../../common/protocol/data.js';
import type { Random } from '../../common/prng.js';

/** One step of the simulation: where in the flood we are, and the clocks to stamp values with. */
export interface Tick {
  /** Hours since the timeline started (sim time). */
  hours: number;
  /** Sim clock (ms): for points on a time axis. */
  simTime: number;
  /** Hub clock (ms): when the value is published. */
  now: number;
  rnd: Random;
}

/** A feed keeps what it needs between ticks and returns the entries that changed. */
export type Feed = (tick: Tick) => DataEntry[];
