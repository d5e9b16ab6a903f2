import http from 'node:http';
import https from 'node:https';
import type { Logger } from '../../node-common/log.js';

// Camera streams on the page's own origin. A camera panel without its own URL plays
// /cameras/<id>/live.m3u8 relative to the page, so the wall's hosts (the web host, and the Electron
// app's app:// protocol) answer that path from the hub: in-process when the hub is embedded, through
// HTTP when it is remote. The page's CSP then needs nothing beyond 'self' (and blob: for MSE) for them.

/** The embedded hub's cameras, answered in-process: true when it handled the request. */
export interface CameraSource {
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

/** A node:http handler for /cameras/…: true when it answered (or is answering) the request. */
export type CameraRelay = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/** Paths the relay passes on: the list, or one file of one camera. Nothing else reaches the hub. */
const CAMERA_PATH = /^\/cameras\/?$|^\/cameras\/[a-z0-9][a-z0-9-]{0,63}\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isCameraPath(pathname: string): boolean {
  return pathname === '/cameras' || pathname.startsWith('/cameras/');
}

/** Whether a /cameras/… path is one the relay forwards (a list or one camera file, no dot segments). */
export function isRelayedCameraPath(pathname: string): boolean {
  return CAMERA_PATH.test(pathname) && !pathname.split('/').some((part) => part === '..' || part === '.');
}

const NO_SOURCE =
  'no camera source: this wall runs without a hub (TOAN_CANH_HUB=off) or its hub serves no simulated cameras (TOAN_CANH_SIMULATE=0).\n' +
  'Give each camera its own "url" in the layout (its origin listed in the wall\'s webOrigins.cameras), or run with a hub.\n';

function plain(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

/** The embedded hub's simulator, answered in-process. */
export function localCameraRelay(sim: CameraSource): CameraRelay {
  return (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (!isCameraPath(pathname)) return false;
    if (!sim.handle(req, res)) plain(res, 404, 'not found\n');
    return true;
  };
}

/** No hub to ask: every camera path says why, once per request, and how to fix it. */
export function noCameraRelay(): CameraRelay {
  return (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (!isCameraPath(pathname)) return false;
    plain(res, 404, NO_SOURCE);
    return true;
  };
}

/**
 * A remote hub's /cameras/…, fetched per request and streamed back. When the hub cannot be reached the
 * page's connection is dropped, so the tile says "cannot reach the camera server" as for a dead camera.
 */
export function remoteCameraRelay(hubUrl: string | (() => string), log: Logger, ca?: Buffer): CameraRelay {
  let failing = false;
  return (req, res) => {
    // The hub the node follows now (it may have moved to another of its hubs).
    const base = new URL(typeof hubUrl === 'string' ? hubUrl : hubUrl());
    const client = base.protocol === 'https:' ? https : http;
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (!isCameraPath(pathname)) return false;
    if (!isRelayedCameraPath(pathname)) {
      plain(res, 404, 'not found\n');
      return true;
    }
    const target = new URL(pathname, base);
    const tlsOptions = base.protocol === 'https:' ? { rejectUnauthorized: true, ...(ca ? { ca } : {}) } : {};
    const upstream = client.request(target, { method: req.method === 'HEAD' ? 'HEAD' : 'GET', headers: { accept: req.headers.accept ?? '*/*' }, ...tlsOptions }, (answer) => {
      failing = false;
      const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
      for (const name of ['content-type', 'content-length']) {
        const value = answer.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    upstream.setTimeout(15_000, () => upstream.destroy(new Error('no answer within 15 s')));
    upstream.on('error', (err) => {
      if (!failing) log.warn('camera relay: the hub does not answer', { url: target.origin, error: err.message });
      failing = true;
      if (res.headersSent) res.destroy();
      else req.socket.destroy();
    });
    req.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end();
    return true;
  };
}
