import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Debian's mosquitto on loopback with a free port and its config in a temp folder, for tests that
// prove the MQTT client against a real broker. `stop` and `start` again keep the port (a broker that
// goes away and comes back).

export const MOSQUITTO = '/usr/sbin/mosquitto';
export const hasMosquitto = fs.existsSync(MOSQUITTO);

export interface Broker {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startMosquitto(extraConfig = ''): Promise<Broker> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-mqtt-'));
  const port = await freePort();
  const conf = path.join(dir, 'mosquitto.conf');
  fs.writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n${extraConfig}`);
  let child: ChildProcess | null = null;
  const broker: Broker = {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn(MOSQUITTO, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
      const started = Date.now();
      while (!(await accepts(port))) {
        if (child.exitCode !== null) throw new Error(`mosquitto exited with ${child.exitCode}`);
        if (Date.now() - started > 5000) throw new Error('mosquitto did not listen within 5 s');
        await new Promise((r) => setTimeout(r, 30));
      }
    },
    async stop() {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
      });
    },
  };
  await broker.start();
  return broker;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
