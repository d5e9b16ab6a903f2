import { errorMessage } from '../../../node-common/db/errors.js';
import type { Logger } from '../../../node-common/db/logger.js';

export type TableName = 'walls' | 'layouts' | 'settings' | 'calibration_profiles';

/** A row was written or removed; views re-read it. Emitted after the commit, never for a rollback. */
export interface ChangeEvent {
  table: TableName;
  id: string;
}

export interface DbEvents {
  change: ChangeEvent;
}

export type Unsubscribe = () => void;

export class DbEmitter {
  private readonly listeners: { [K in keyof DbEvents]: Set<(data: DbEvents[K]) => void> } = { change: new Set() };

  constructor(private readonly logger: Logger) {}

  on<K extends keyof DbEvents>(event: K, listener: (data: DbEvents[K]) => void): Unsubscribe {
    this.listeners[event].add(listener);
    return () => this.off(event, listener);
  }

  off<K extends keyof DbEvents>(event: K, listener: (data: DbEvents[K]) => void): void {
    this.listeners[event].delete(listener);
  }

  // A failing listener must not turn a committed write into an exception for the writer.
  emit<K extends keyof DbEvents>(event: K, data: DbEvents[K]): void {
    for (const listener of [...this.listeners[event]]) {
      try {
        listener(data);
      } catch (error) {
        this.logger.warn(`database "${event}" listener failed: ${errorMessage(error)}`);
      }
    }
  }

  clear(): void {
    for (const set of Object.values(this.listeners)) set.clear();
  }
}
