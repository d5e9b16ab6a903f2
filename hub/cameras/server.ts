import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCameraSimulator, type CameraSimulator, type CameraSimulatorOptions } from './simulator.js';

// The simulator on its own port, for tests and demos; the hub or web host can mount `sim.handle` instead.

export interface CameraServer {
  origin: string;
  sim: CameraSimulator;
  close(): Promise<void>;
}

export async function startCameraServer(options: CameraSimulatorOptions & { host?: string; port?: number }): Promise<CameraServer> {
  const sim = createCameraSimulator(options);
  const server = http.createServer((req, res) => {
    if (!sim.handle(req, res)) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    sim,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
