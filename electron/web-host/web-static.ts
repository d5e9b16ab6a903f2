import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { WebOrigins } from '../../common/web-origins.js';
import { pageHtml, SECURITY_HEADERS, securityHeaders } from './security-headers.js';

// Built renderer files for the web host: MIME types, security headers, no way out of the folder.

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file under `root` that a URL path names, or null when the path is not a plain one inside it. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((part) => part === '..' || part === '.')) return null;
  const base = path.resolve(root);
  const full = path.resolve(base, `.${decoded}`);
  const rel = path.relative(base, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return full;
}

export interface SendOptions {
  status?: number;
  cache?: string;
  head?: boolean;
  headers?: Readonly<Record<string, string>>;
}

export function sendBody(res: ServerResponse, body: string | Buffer, type: string, opts: SendOptions = {}): void {
  res.writeHead(opts.status ?? 200, {
    ...(opts.headers ?? SECURITY_HEADERS),
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': opts.cache ?? 'no-store',
  });
  res.end(opts.head ? undefined : body);
}

/** Send a file if it exists as a regular file; false when it does not. */
export async function sendFile(res: ServerResponse, file: string, opts: SendOptions = {}): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    sendBody(res, await readFile(file), mimeType(file), opts);
    return true;
  } catch {
    return false;
  }
}

/** index.html for a page, its CSP (header and meta) allowing the wall's listed origins; false when missing. */
export async function sendPage(res: ServerResponse, file: string, origins: WebOrigins | undefined, head: boolean): Promise<boolean> {
  try {
    const html = await readFile(file, 'utf8');
    sendBody(res, pageHtml(html, origins), 'text/html; charset=utf-8', { head, headers: securityHeaders(origins) });
    return true;
  } catch {
    return false;
  }
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small bilingual page for refusals (401, 404 …): no script, no style, nothing to load. */
export function sendMessagePage(res: ServerResponse, status: number, vi: string, en: string, head = false): void {
  const body = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Toàn Cảnh — ${status}</title></head>
<body><h1>Toàn Cảnh — ${status}</h1><p>${escape(vi)}</p><p lang="en">${escape(en)}</p></body></html>
`;
  sendBody(res, body, 'text/html; charset=utf-8', { status, head });
}
