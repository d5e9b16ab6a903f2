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
  "connect-src 'self' ws: wss:",
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
 * origins, images and fetches from exactly its tile servers. With none listed it is the policy above.
 */
export function cspDirectives(origins?: WebOrigins): string[] {
  const frames = origins?.frames ?? [];
  const tiles = origins?.tiles ?? [];
  const directives: string[] = CSP_DIRECTIVES.map((d) => (tiles.length && (d.startsWith('img-src') || d.startsWith('connect-src')) ? `${d} ${tiles.join(' ')}` : d));
  if (frames.length) directives.splice(directives.indexOf("object-src 'none'"), 0, `frame-src ${frames.join(' ')}`);
  return directives;
}

export function securityHeaders(origins?: WebOrigins): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': cspDirectives(origins).join('; ') };
}

/** index.html with its meta policy widened the same way (a meta policy and a header both apply). */
export function pageHtml(html: string, origins?: WebOrigins): string {
  const meta = cspDirectives(origins).filter((d) => !d.startsWith('frame-ancestors')).join('; ');
  return html.replace(`content="${META_CONTENT_SECURITY_POLICY}"`, `content="${meta}"`);
}
