import { readFile, stat } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, appRequestFile } from '../core/app-protocol.js';
import type { Logger } from '../core/log.js';
import type { WebOrigins } from '../../common/web-origins.js';
import { pageHtml, SECURITY_HEADERS, securityHeaders } from '../core/security-headers.js';
import { mimeType } from '../core/web-static.js';

// app://toancanh/… serves the built renderer: a standard, secure origin for our pages, with the
// same CSP and security headers as the web host. No CORS privilege: other origins cannot read it.

/** Before `ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After `ready`: answer app:// requests from `root` (dist/renderer). */
export function serveRenderer(root: string, log: Logger, webOrigins: () => WebOrigins | undefined = () => undefined): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, `${request.method} is not allowed`);
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

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
