import { readFile, stat } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, appRequestFile, isAppUrl } from '../shell-policy/app-protocol.js';
import { isCameraPath, isRelayedCameraPath } from '../hub-link/camera-relay.js';
import type { Logger } from '../../node-common/log.js';
import type { WebOrigins } from '../../common/web-origins.js';
import { pageHtml, SECURITY_HEADERS, securityHeaders } from '../web-host/security-headers.js';
import { mimeType } from '../web-host/web-static.js';

// app://toancanh/… serves the built renderer: a standard, secure origin for our pages, with the
// same CSP and security headers as the web host. No CORS privilege: other origins cannot read it.
// app://toancanh/cameras/… is the hub's /cameras/… (simulated or relayed cameras), as on the web host.

/** Before `ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After `ready`: answer app:// requests from `root` (dist/renderer), and /cameras/… from `camerasUrl` (the hub). */
export function serveRenderer(
  root: string,
  log: Logger,
  webOrigins: () => WebOrigins | undefined = () => undefined,
  camerasUrl: () => string | null = () => null,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, `${request.method} is not allowed`);
    const pathname = new URL(request.url).pathname;
    if (isAppUrl(request.url) && isCameraPath(pathname)) return relayCamera(request, pathname, camerasUrl(), log);
    const found = appRequestFile(request.url, root);
    if (!found.ok) {
      log.warn('app request refused', { url: request.url.slice(0, 200), status: found.status, reason: found.message });
      return text(found.status, found.message);
    }
    try {
      if (!(await stat(found.file)).isFile()) return text(404, 'not found');
      const page = found.file.endsWith('index.html');
      const origins = page ? webOrigins() : undefined;
      const file = request.method === 'HEAD' ? null : await readFile(found.file);
      const body = page && file ? pageHtml(file.toString('utf8'), origins) : file;
      const headers = page ? securityHeaders(origins) : SECURITY_HEADERS;
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': mimeType(found.file), 'Cache-Control': 'no-cache' } });
    } catch {
      return text(404, 'not found');
    }
  });
}

let relayFailing = false;

/** The hub's answer for a camera path; a hub that does not answer is a network error, as for a dead camera. */
async function relayCamera(request: Request, pathname: string, hub: string | null, log: Logger): Promise<Response> {
  if (!hub) {
    return text(404, 'no camera source: this wall runs without a hub (TOAN_CANH_HUB=off) or without simulated cameras (TOAN_CANH_SIMULATE=0); give each camera its own "url" in the layout');
  }
  if (!isRelayedCameraPath(pathname)) return text(404, 'not found');
  const target = new URL(pathname, hub);
  try {
    const answer = await fetch(target, { method: request.method, signal: AbortSignal.any([request.signal, AbortSignal.timeout(15_000)]) });
    relayFailing = false;
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    const type = answer.headers.get('content-type');
    if (type) headers['Content-Type'] = type;
    return new Response(request.method === 'HEAD' ? null : answer.body, { status: answer.status, headers });
  } catch (err) {
    if (!relayFailing) log.warn('camera relay: the hub does not answer', { url: target.origin, error: err instanceof Error ? err.message : String(err) });
    relayFailing = true;
    return Response.error();
  }
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
