import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WS_PATH } from '../../common/web-protocol.js';
import type { ClientRole } from '../../common/contract.js';
import { isCameraPath, type CameraRelay } from '../hub-link/camera-relay.js';
import type { Logger } from '../../node-common/log.js';
import { bindAllowed, createServer, HSTS, type TlsIdentity } from '../../node-common/tls.js';
import type { WallCore } from '../wall/wall-core.js';
import { SocketHost } from './web-socket.js';
import { resolveStaticPath, sendFile, sendMessagePage, sendPage } from './web-static.js';
import { tokenAllows, type WebTokens } from './web-tokens.js';
import { cookieAllows, issuePageCookie } from './page-cookie.js';

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
  /** HTTPS and WSS with this certificate (node-common/tls.ts); required beyond loopback unless insecureLan. */
  tls?: TlsIdentity | null;
  /** Serve cleartext on a non-loopback address anyway (--insecure-lan): the console shows a warning. */
  insecureLan?: boolean;
  /** Origins besides the host's own whose pages may open its WebSocket and send it requests (--allowed-origin). */
  allowedOrigins?: readonly string[];
}

export interface WebHostUrls {
  console: string;
  screens: Array<{ screenId: string; url: string }>;
}

const SCREEN_ROUTE = /^\/screen\/([A-Za-z0-9][A-Za-z0-9_-]{0,31})\/?$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

const TOKEN_HELP = {
  vi: 'Thiếu mã truy cập hoặc mã không đúng. Hãy mở đúng địa chỉ (có ?token=…) mà máy chủ Toàn Cảnh in ra khi khởi động (npm run web), hoặc hỏi kỹ thuật viên vận hành.',
  en: 'Missing or wrong access token. Open the exact address (with ?token=…) that the Toàn Cảnh host printed when it started (npm run web), or ask the operations technician.',
};

const CAMERA_HELP = {
  vi: 'Luồng camera chỉ dành cho các trang của bức tường (màn hình, bảng điều khiển) đã mở bằng địa chỉ có mã truy cập; công cụ thêm ?token=<mã màn hình>.',
  en: "Camera streams are only for the wall's own pages (screens, console) opened with their access address; tools add ?token=<screen token>.",
};

function pageRole(pathname: string): ClientRole | null {
  if (pathname === '/console' || pathname === '/console/') return 'console';
  // /screen alone: a page waiting to be given a wall position by a technician.
  if (pathname === '/screen' || pathname === '/screen/') return 'screen';
  return SCREEN_ROUTE.test(pathname) ? 'screen' : null;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = new WebHost(options);
  await host.listen();
  return host;
}

export class WebHost {
  private readonly core: WallCore;
  private readonly tokens: WebTokens;
  private readonly log: Logger;
  private readonly staticDir: string;
  private readonly sockets: SocketHost;
  private readonly server: http.Server;
  private bound: { origin: string; urls: WebHostUrls } | null = null;
  /** The origins a browser's Origin header may name: the host's own addresses and the listed ones. */
  private origins: ReadonlySet<string> = new Set();

  constructor(private readonly options: WebHostOptions) {
    this.core = options.core;
    this.tokens = options.tokens;
    this.log = options.log;
    this.staticDir = path.resolve(options.staticDir ?? 'dist/renderer');
    this.sockets = new SocketHost({ core: this.core, log: this.log, heartbeatMs: options.heartbeatMs ?? 5000, originAllowed: (o) => this.originAllowed(o), allows: (token, cookie, role) => this.allows(token, cookie, role) });
    this.server = createServer(options.tls ?? null);
    this.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      // Browsers that once reached the wall over HTTPS keep to it (no downgrade by a man in the middle).
      if (options.tls) res.setHeader('Strict-Transport-Security', HSTS);
      this.handle(req, res).catch((err: unknown) => {
        this.log.error('request failed', { path: (req.url ?? '/').split('?')[0]?.slice(0, 200), error: String(err) });
        if (res.headersSent) res.destroy();
        else sendMessagePage(res, 500, 'Lỗi máy chủ.', 'Server error.');
      });
    });
    this.server.on('upgrade', (req, socket, head: Buffer) => this.sockets.handleUpgrade(req, socket, head));
  }

  get origin(): string {
    return this.listening().origin;
  }

  get urls(): WebHostUrls {
    return this.listening().urls;
  }

  /** Binds the port; when that fails the WebSocket side is closed too and the error is thrown. */
  async listen(): Promise<void> {
    const host = this.options.host ?? '127.0.0.1';
    const allowed = bindAllowed({ host, tls: this.options.tls ?? null, insecureLan: this.options.insecureLan ?? false, what: 'the web host' });
    if (!allowed.ok) {
      await this.sockets.close();
      throw new Error(allowed.error.message);
    }
    if (allowed.value.insecure) this.log.warn('serving the wall in cleartext on the network (--insecure-lan): passwords and tokens can be read on the LAN', { host });
    try {
      await new Promise<void>((resolve, reject) => {
        this.server.once('error', reject);
        this.server.listen(this.options.port, host, () => {
          this.server.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      await this.sockets.close();
      throw err;
    }
    const { port } = this.server.address() as AddressInfo;
    const scheme = this.options.tls ? 'https' : 'http';
    const origin = `${scheme}://${urlHost(host)}:${port}`;
    this.origins = new Set([origin, ...ownOrigins(host, port, scheme), ...(this.options.allowedOrigins ?? [])]);
    const withToken = (p: string, token: string) => `${origin}${p}?token=${encodeURIComponent(token)}`;
    this.bound = {
      origin,
      urls: {
        console: withToken('/console', this.tokens.console),
        // Only this node's screens: another PC serves the rest of a wall driven by several.
        screens: this.core.state.wall.screens.filter((s) => this.core.drives(s.id)).map((s) => ({ screenId: s.id, url: withToken(`/screen/${s.id}`, this.tokens.screen) })),
      },
    };
    this.log.info('web host listening', { origin, staticDir: this.staticDir, tls: this.options.tls ? this.options.tls.files.cert : false });
  }

  /** Says goodbye to every page, then closes the port and every HTTP connection. */
  async close(): Promise<void> {
    await this.sockets.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    this.log.info('web host stopped', { origin: this.bound?.origin });
  }

  /** A browser's Origin header: absent (a navigation, or a tool with the token) or one of this host's origins. */
  originAllowed(origin: string | undefined): boolean {
    return origin === undefined || this.origins.has(origin);
  }

  /**
   * Whether a request may take `role`: by the token in its query when it has one (the printed URLs, the
   * Electron shell, scripts), else by the page cookie that token was exchanged for (page-cookie.ts).
   */
  allows(token: string | null, cookieHeader: string | undefined, role: ClientRole): boolean {
    if (token !== null) return tokenAllows(this.tokens, token, role);
    const port = this.bound ? (this.server.address() as AddressInfo).port : null;
    return port !== null && cookieAllows(this.tokens, cookieHeader, role, port);
  }

  private listening(): { origin: string; urls: WebHostUrls } {
    if (!this.bound) throw new Error('the web host is not listening yet: await listen() (or use startWebHost) first');
    return this.bound;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      return sendMessagePage(res, 405, 'Chỉ hỗ trợ GET.', 'Only GET is supported.');
    }
    // Pages of another origin (DNS rebinding: evil.example resolving to this host) get nothing.
    if (!this.originAllowed(req.headers.origin)) {
      this.log.warn('request refused: foreign origin', { origin: String(req.headers.origin).slice(0, 200) });
      return sendMessagePage(res, 403, 'Nguồn (Origin) không được phép.', 'Origin not allowed.', head);
    }
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    if (this.options.cameras && isCameraPath(pathname)) {
      // Camera streams only for the wall's own pages (their cookie) or a holder of a page token (issue 14).
      if (!this.allows(query.get('token'), req.headers.cookie, 'screen')) {
        this.log.warn('camera stream refused: no page cookie or token', { path: pathname.slice(0, 200) });
        return sendMessagePage(res, 401, CAMERA_HELP.vi, CAMERA_HELP.en, head);
      }
      if (this.options.cameras(req, res)) return;
    }
    if (pathname === WS_PATH) return sendMessagePage(res, 426, 'Địa chỉ này chỉ dành cho WebSocket.', 'This address is for WebSocket connections only.', head);
    const role = pageRole(pathname);
    if (role) return this.servePage(req, res, role, pathname, query, head);
    if (pathname === '/' || pathname === '/index.html') {
      return sendMessagePage(res, 404, 'Mở /console hoặc /screen/<mã màn hình> bằng địa chỉ máy chủ đã in ra.', 'Open /console or /screen/<screen id> using the address the host printed.', head);
    }
    return this.serveFile(res, pathname, head);
  }

  private async servePage(req: http.IncomingMessage, res: http.ServerResponse, role: ClientRole, pathname: string, query: URLSearchParams, head: boolean): Promise<void> {
    const token = query.get('token');
    if (!this.allows(token, req.headers.cookie, role)) {
      this.log.warn('page refused: missing or wrong token', { path: pathname, role });
      return sendMessagePage(res, 401, TOKEN_HELP.vi, TOKEN_HELP.en, head);
    }
    const screenId = SCREEN_ROUTE.exec(pathname)?.[1];
    if (screenId !== undefined && this.core.state.wall.screens.some((s) => s.id === screenId) && !this.core.drives(screenId)) {
      const owner = this.core.screenOwner(screenId);
      this.log.warn('page refused: another node drives this screen', { screenId, owner });
      const vi = owner ? `Màn hình ${screenId} do máy "${owner}" điều khiển, không phải máy này: hãy mở nó trên máy đó.` : `Màn hình ${screenId} không do máy này điều khiển: hãy mở nó trên máy điều khiển màn hình đó.`;
      return sendMessagePage(res, 404, vi, this.core.notMine(screenId), head);
    }
    // The token is exchanged for the page cookie; the page then drops it from its address (renderer/forget-url-token.ts).
    if (token !== null) res.setHeader('Set-Cookie', issuePageCookie(token, role, (this.server.address() as AddressInfo).port, Boolean(this.options.tls)));
    if (await sendPage(res, path.join(this.staticDir, 'index.html'), this.core.state.wall.webOrigins, head)) return;
    this.log.error('renderer not built', { staticDir: this.staticDir });
    return sendMessagePage(res, 503, 'Chưa build giao diện: chạy npm run build:renderer.', 'The renderer is not built: run npm run build:renderer.', head);
  }

  private async serveFile(res: http.ServerResponse, pathname: string, head: boolean): Promise<void> {
    const file = resolveStaticPath(this.staticDir, pathname);
    if (!file) {
      this.log.warn('path refused', { path: pathname.slice(0, 200) });
      return sendMessagePage(res, 400, 'Đường dẫn không hợp lệ.', 'Invalid path.', head);
    }
    const cache = pathname.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
    if (!(await sendFile(res, file, { head, cache }))) sendMessagePage(res, 404, 'Không tìm thấy.', 'Not found.', head);
  }
}

/**
 * The origins this host is reached at from its own bind address: every interface address for a wildcard
 * bind, localhost too on loopback. A name (wall.ioc.local) is not known here: --allowed-origin lists it.
 */
function ownOrigins(host: string, port: number, scheme: string): string[] {
  const wildcard = host === '0.0.0.0' || host === '::';
  const addresses = wildcard
    ? Object.values(os.networkInterfaces()).flat().flatMap((a) => (a && (a.family === 'IPv4' || host === '::') ? [a.address] : []))
    : [host];
  if (wildcard || host.startsWith('127.') || host === '::1' || host === 'localhost') addresses.push('localhost', '127.0.0.1');
  return addresses.map((a) => `${scheme}://${a.includes(':') ? `[${a}]` : a}:${port}`);
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
