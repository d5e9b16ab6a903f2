import { bindWallBridge } from '../../common/contract.js';
import { SocketLink, type SocketLike, type SocketLinkOptions } from './socket-link.js';

// WallBridge over the web host's WebSocket: the contract's functions bound over a SocketLink, plus the
// link's own connection state and close.

export type { SocketLike };
export type SocketBridgeOptions = SocketLinkOptions;

export type SocketBridge = ReturnType<typeof bindWallBridge> & {
  /** Called with true/false as the link to the host comes and goes; returns the unsubscribe. */
  onConnection(listener: (connected: boolean) => void): () => void;
  /** Stop for good: no reconnect, requests still waiting answered 'closed', timers and listeners released. */
  close(): void;
};

export function createSocketBridge(options: SocketBridgeOptions): SocketBridge {
  const link = new SocketLink(options);
  return {
    ...bindWallBridge(link),
    onConnection: (listener) => link.onConnection(listener),
    close: () => link.close(),
  };
}
