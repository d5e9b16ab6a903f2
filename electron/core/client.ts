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
  /** The person acting through this client, when the transport has signed someone in (console accounts). */
  readonly actor?: Actor;
  send<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  /** Data feed and scenario overview events; a transport that does not implement it never gets them. */
  sendFeed?<E extends FeedEventChannel>(event: E, payload: FeedEventPayload<E>): void;
}
