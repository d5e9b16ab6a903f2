import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { HUB_NAMESPACE, HUB_SOCKET_PATH } from '../../common/protocol/handshake.js';
import { MAX_EVENT_BYTES } from '../../common/protocol/validate.js';

// A socket.io server on the hub's path and namespace that the test drives by hand: it accepts every
// node, says hello, and records what the node sends, so a test can send what a real hub never would.

export const hello = { protocol: 1, hubId: 'bare-hub', hubTime: Date.now(), revision: 0, heartbeat: { pingInterval: 4000, pingTimeout: 4000 }, maxEventBytes: MAX_EVENT_BYTES };

export interface BareHub {
  url: string;
  connections: Socket[];
  received: Array<{ event: string; payload: unknown }>;
  close(): Promise<void>;
}

export interface BareHubOptions {
  /** What clock:sync is answered with (default: a correct { ok, value: { t0, t1, t2 } }). */
  clockAnswer?: (payload: { t0: number }) => unknown;
}

export async function startBareHub(options: BareHubOptions = {}): Promise<BareHub> {
  const server = http.createServer();
  const io = new Server(server, { path: HUB_SOCKET_PATH, serveClient: false });
  const connections: Socket[] = [];
  const received: Array<{ event: string; payload: unknown }> = [];
  io.of(HUB_NAMESPACE).on('connection', (socket) => {
    connections.push(socket);
    socket.onAny((event: string, payload: unknown, ack?: unknown) => {
      received.push({ event, payload });
      const clock = options.clockAnswer ?? ((p: { t0: number }) => ({ ok: true, value: { ...p, t1: Date.now(), t2: Date.now() } }));
      if (typeof ack === 'function') ack(event === 'clock:sync' ? clock(payload as { t0: number }) : { ok: true, value: null });
    });
    socket.emit('hub:hello', { ...hello, hubTime: Date.now() });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections,
    received,
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}
