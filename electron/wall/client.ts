import type { ClientRole, EventChannel, EventPayload, FeedEventChannel, FeedEventPayload } from '../../common/contract.js';
import type { Actor } from '../../common/protocol/primitives.js';

/** A connected window or browser page, whatever the transport. */
export interface CoreClient {
  /** Unique per connection, for logs. */
  readonly id: string;
  readonly transport: 'electron' | 'browser';
  readonly role: ClientRole;
  /** Set for screen clients: the one screen this client may report for. */
  readonly screenId?: string;
  /** A screen page opened without a screen id: the code it shows until a technician gives it a position. */
  readonly pairCode?: string;
  /** The person signed in on this connection; set and cleared by the console's sign-in (auth/console-auth.ts). */
  actor?: Actor;
  /** Where the connection comes from (a browser's IP address), for the audit log. */
  readonly address?: string;
  send<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  /** Data feed and scenario overview events; a transport that does not implement it never gets them. */
  sendFeed?<E extends FeedEventChannel>(event: E, payload: FeedEventPayload<E>): void;
}
