import type { WallState } from '../../../common/state.js';
import type { TechnicianState } from '../../../common/calibration/technician-state.js';
import type { ProfileStore } from './ports.js';

/** What a technician command sees of the core: the state, who acts, and how to commit and record. */
export interface TechnicianContext {
  state: WallState;
  /** The person (or, before sign-in exists, the console connection) acting. */
  actor: string;
  now: number;
  profiles: ProfileStore | null;
  isOnline(screenId: string): boolean;
  commit(technician: TechnicianState, command: string): number;
}
