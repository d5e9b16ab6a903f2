import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WS_PATH } from '../../common/web-protocol.js';
import type { ClientRole } from '../../common/contract.js';
import { isCameraPath, type CameraRelay } from '../hub-link/camera-relay.js';
import type { Logger } from '../../node-common/log.js';
import type { WallCore } from '../wall/wall-core.js';
import { createSocketHost } from './web-socket.js';
import { resolveStaticPath, sendFile, sendMessagePage, sendPage } from './web-static.js';
import { tokenAllows, type WebTokens } from './web-tokens.js';

// The web host: the same renderer bundle over HTTP, the same core over a WebSocket, so any browser
// on the network can be a wall screen (/screen/<id>) or the console (/console). Plain Node.

export interface WebHostOptions {
  core: WallCore;
  host?: string;
  /** 0 picks any free port. */
  port: number;
  staticDir?: string;
  tokens: WebTokens;
  log: Logger;
  heartbeatMs?: number;
  /** Answers /cameras/… (the hub's simulated or relayed cameras) on this origin; without it they are 404. */
  cameras?: CameraRelay;
}

export interface WebHost {
  origin: string;
  urls: { console: string; screens: Array<{ screenId: string; url: string }> };
  close(): Promise<void>;
}

const SCREEN_ROUTE = /^\/screen\/([A-Za-z0-9][A-Za-z0-9_-]{0,31})\/?$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

const TOKEN_HELP = {
  vi: 'Thiếu mã truy cập hoặc mã không đúng. Hãy mở đúng địa chỉ (có ?token=…) mà máy chủ Toàn Cảnh in ra khi khởi động (npm run web), hoặc hỏi kỹ thuật viên vận hành.',
  en: 'Missing or wrong access token. Open the exact address (with ?token=…) that the Toàn Cảnh host printed when it started (npm run web), or ask the operations technician.',
};

function pageRole(pathname: string): ClientRole | null {
  if (pathname === '/console' || pathname === '/console/') return 'console';
  // /screen alone: a page waiting to be given a wall position by a technician.
  if (pathname === '/screen' || pathname === '/screen/') return 'screen';
  return SCREEN_ROUTE.test(pathname) ? 'screen' : null;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, tokens, log } = options;
  const host = options.host ?? '127.0.0.1';
  const staticDir = path.resolve(options.staticDir ?? 'dist/renderer');
  const sockets = createSocketHost({ core, tokens, log, heartbeatMs: options.heartbeatMs ?? 5000 });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      return sendMessagePage(res, 405, 'Chỉ hỗ trợ GET.', 'Only GET is supported.');
    }
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    if (options.cameras && isCameraPath(pathname) && options.cameras(req, res)) return;
    if (pathname === WS_PATH) return sendMessagePage(res, 426, 'Địa chỉ này chỉ dành cho WebSocket.', 'This address is for WebSocket connections only.', head);

    const role = pageRole(pathname);
    if (role) {
      if (!tokenAllows(tokens, query.get('token'), role)) {
        log.warn('page refused: missing or wrong token', { path: pathname, role });
        return sendMessagePage(res, 401, TOKEN_HELP.vi, TOKEN_HELP.en, head);
      }
      if (await sendPage(res, path.join(staticDir, 'index.html'), core.state.wall.webOrigins, head)) return;
      log.error('renderer not built', { staticDir });
      return sendMessagePage(res, 503, 'Chưa build giao diện: chạy npm run build:renderer.', 'The renderer is not built: run npm run build:renderer.', head);
    }
    if (pathname === '/' || pathname === '/index.html') {
      return sendMessagePage(res, 404, 'Mở /console hoặc /screen/<mã màn hình> bằng địa chỉ máy chủ đã in ra.', 'Open /console or /screen/<screen id> using the address the host printed.', head);
    }
    const file = resolveStaticPath(staticDir, pathname);
    if (!file) {
      log.warn('path refused', { path: pathname.slice(0, 200) });
      return sendMessagePage(res, 400, 'Đường dẫn không hợp lệ.', 'Invalid path.', head);
    }
    const cache = pathname.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
    if (!(await sendFile(res, file, { head, cache }))) sendMessagePage(res, 404, 'Không tìm thấy.', 'Not found.', head);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error('request failed', { url: req.url?.slice(0, 200), error: String(err) });
      if (res.headersSent) res.destroy();
      else sendMessagePage(res, 500, 'Lỗi máy chủ.', 'Server error.');
    });
  });
  server.on('upgrade', (req, socket, head: Buffer) => sockets.handleUpgrade(req, socket, head));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${urlHost(host)}:${port}`;
  const withToken = (p: string, token: string) => `${origin}${p}?token=${encodeURIComponent(token)}`;
  log.info('web host listening', { origin, staticDir });

  return {
    origin,
    urls: {
      console: withToken('/console', tokens.console),
      screens: core.state.wall.screens.map((s) => ({ screenId: s.id, url: withToken(`/screen/${s.id}`, tokens.screen) })),
    },
    async close() {
      await sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      log.info('web host stopped', { origin });
    },
  };
}

/** The host part of printed URLs: a wildcard bind is reached through this machine's LAN address. */
function urlHost(host: string): string {
  let shown = host;
  if (host === '0.0.0.0' || host === '::') {
    const lan = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
    shown = lan?.address ?? '127.0.0.1';
  }
  return shown.includes(':') ? `[${shown}]` : shown;
}
