import type { WebOrigins } from '../../common/web-origins.js';

// One Content-Security-Policy for every page, sent as a header by the web host (and usable by the
// Electron protocol handler). renderer/index.html carries the same policy as a meta tag, minus
// frame-ancestors, which browsers ignore in a meta tag.

export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // Camera tiles play through Media Source Extensions: the <video> source is a blob: URL.
  "media-src 'self' blob:",
  // 'self' covers the page's own ws:/wss: (CSP Level 3); no other host, so no bare ws: wss: (issue 14).
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** The policy as it must appear in the page's meta tag. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The policy for a wall that lists other origins (common/web-origins.ts): frames from exactly its frame
 * origins, images and fetches from exactly its tile servers, fetches (hls.js loads playlists and segments
 * with XHR) from exactly its camera servers and its frame origins (a no-cors probe that the page's server answers). With none listed it is the policy above.
 */
export function cspDirectives(origins?: Partial<WebOrigins>): string[] {
  const frames = origins?.frames ?? [];
  const tiles = origins?.tiles ?? [];
  // Frame origins too: a web panel asks the page's server whether it answers before showing the frame.
  const connect = [...new Set([...tiles, ...(origins?.cameras ?? []), ...frames])];
  const directives: string[] = CSP_DIRECTIVES.map((d) => {
    if (d.startsWith('img-src') && tiles.length) return `${d} ${tiles.join(' ')}`;
    if (d.startsWith('connect-src') && connect.length) return `${d} ${connect.join(' ')}`;
    return d;
  });
  if (frames.length) directives.splice(directives.indexOf("object-src 'none'"), 0, `frame-src ${frames.join(' ')}`);
  return directives;
}

export function securityHeaders(origins?: Partial<WebOrigins>): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': cspDirectives(origins).join('; ') };
}

/** index.html with its meta policy widened the same way (a meta policy and a header both apply). */
export function pageHtml(html: string, origins?: Partial<WebOrigins>): string {
  const meta = cspDirectives(origins).filter((d) => !d.startsWith('frame-ancestors')).join('; ');
  return html.replace(`content="${META_CONTENT_SECURITY_POLICY}"`, `content="${meta}"`);
}
