import type { WallBridge } from '../../common/contract.js';
import { createSocketBridge, type SocketLike } from './socket-bridge.js';
import { pageIdentity, socketUrl } from './socket-url.js';

// The page's bridge: the preload's in Electron, else the web host's WebSocket. Same calls either way.

export interface Connection {
  /** Called with true/false as the link to the main process comes and goes; returns the unsubscribe. */
  subscribe(listener: (connected: boolean) => void): () => void;
  /** Electron IPC cannot drop; a WebSocket starts disconnected. */
  initiallyConnected: boolean;
}

export interface PageBridge {
  bridge: WallBridge;
  connection: Connection;
}

// The browser's WebSocket has exactly the members SocketLike names; only its DOM event types are wider.
const browserSocket = (url: string): SocketLike => new WebSocket(url) as unknown as SocketLike;

let cached: PageBridge | undefined;

export function getPageBridge(): PageBridge {
  if (cached) return cached;
  if (window.toanCanh) {
    cached = { bridge: window.toanCanh, connection: { subscribe: () => () => undefined, initiallyConnected: true } };
    return cached;
  }
  const socket = createSocketBridge({ url: socketUrl(window.location, pageIdentity(window.location.pathname)), createSocket: browserSocket });
  cached = { bridge: socket, connection: { subscribe: (l) => socket.onConnection(l), initiallyConnected: false } };
  return cached;
}

export function getBridge(): WallBridge {
  return getPageBridge().bridge;
}
