import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { WallConfig } from '../../common/wall/schema.js';
import type { Logger } from '../../node-common/log.js';

// The demo wall's "Trang điều hành hiện có" panel shows a province's existing operations portal; the demo
// has none, so it serves an offline stand-in page itself, on the origin the demo wall lists. Only when the
// wall lists that origin, and not with TOAN_CANH_DEMO_PAGE=off; a port already taken is logged, not fatal.

export const DEMO_PAGE_ORIGIN = 'http://127.0.0.1:4290';

export interface DemoPage {
  close(): Promise<void>;
}

export async function startDemoPage(wall: WallConfig, root: string, log: Logger, env: NodeJS.ProcessEnv = process.env): Promise<DemoPage | null> {
  if (env['TOAN_CANH_DEMO_PAGE'] === 'off' || !(wall.webOrigins?.frames ?? []).includes(DEMO_PAGE_ORIGIN)) return null;
  const file = path.join(root, 'assets', 'demo', 'operations.html');
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`the demo page ${file} cannot be read: ${err.message}`);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  const { port, hostname } = new URL(DEMO_PAGE_ORIGIN);
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (err) => {
      log.warn('the demo operations page is not served: its port is taken (another demo running?)', { origin: DEMO_PAGE_ORIGIN, error: String(err) });
      resolve(false);
    });
    server.listen(Number(port), hostname, () => resolve(true));
  });
  if (!listening) return null;
  server.unref();
  log.info('demo operations page served', { origin: DEMO_PAGE_ORIGIN });
  return { close: () => new Promise((resolve) => server.close(() => resolve())) };
}
