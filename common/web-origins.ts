import { z } from 'zod';

// Other origins a wall may load from: dashboards in web page panels (frames), a province's own map
// tile server (tiles) and camera servers or media gateways whose playlists camera panels name by URL
// (cameras; the hub's own /cameras/… needs no entry, the wall serves it on its own origin). The wall config lists them; a panel may only name origins on that list, and the
// page's Content-Security-Policy allows exactly those origins and no others.

/** scheme://host[:port], http or https, nothing after it. */
export const OriginSchema = z
  .string()
  .max(200)
  .refine((s) => normaliseOrigin(s) === s, 'write an origin exactly as scheme://host[:port], lower case, with no path or trailing slash, e.g. "https://ioc.danang.gov.vn"');

export const WebOriginsSchema = z.strictObject({
  frames: z.array(OriginSchema).max(32).default([]),
  tiles: z.array(OriginSchema).max(8).default([]),
  cameras: z.array(OriginSchema).max(32).default([]),
});
export type WebOrigins = z.infer<typeof WebOriginsSchema>;
export const NO_WEB_ORIGINS: WebOrigins = { frames: [], tiles: [], cameras: [] };

/** The origin of an http(s) URL in its canonical form, or null for anything else. */
export function normaliseOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed.origin;
}

export type OriginCheck = { ok: true; origin: string } | { ok: false; reason: 'not-http' | 'not-listed'; origin: string | null };

/** Whether `url` may be loaded: its origin must be on the wall's list (and on the panel's, when it has one). */
export function checkOrigin(url: string, wallList: readonly string[], panelList?: readonly string[]): OriginCheck {
  const origin = normaliseOrigin(url);
  if (!origin) return { ok: false, reason: 'not-http', origin: null };
  if (!wallList.includes(origin) || (panelList && !panelList.includes(origin))) return { ok: false, reason: 'not-listed', origin };
  return { ok: true, origin };
}
