import net from 'node:net';
import type { AddressInfo } from 'node:net';

// A TCP relay that can go silent without closing anything: the way a cut cable or a dead switch
// looks to both ends, which only a heartbeat can notice.

export interface TcpProxy {
  url: string;
  /** Stop relaying on current connections (they stay open) and refuse to relay new ones. */
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ a: net.Socket; b: net.Socket }>();
  let frozen = false;
  const server = net.createServer((a) => {
    const b = net.connect(target.port, target.host);
    const pair = { a, b };
    pairs.add(pair);
    a.on('data', (d) => frozen || b.write(d));
    b.on('data', (d) => frozen || a.write(d));
    const end = () => {
      a.destroy();
      b.destroy();
      pairs.delete(pair);
    };
    a.on('close', end).on('error', end);
    b.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      // What went silent stays dead, as after a real outage; new connections relay again.
      for (const { a, b } of pairs) {
        a.destroy();
        b.destroy();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const { a, b } of pairs) {
          a.destroy();
          b.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
