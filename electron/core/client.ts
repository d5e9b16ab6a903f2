import type { ClientRole, EventChannel, EventPayload } from '../../common/contract.js';

/** A connected window or browser page, whatever the transport. */
export interface CoreClient {
  /** Unique per connection, for logs. */
  readonly id: string;
  readonly transport: 'electron' | 'browser';
  readonly role: ClientRole;
  /** Set for screen clients: the one screen this client may report for. */
  readonly screenId?: string;
  send<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
}
