import { z } from 'zod';
import type { Rect } from '../wall/schema.js';
import { normaliseOrigin } from '../web-origins.js';

// Camera panels: one camera (grid 1) or a grid of 4, 9 or 16 cells, filled in order.

/** http(s) URL, or a relative one resolved against the page (a gateway or hub on the same origin). */
export const StreamUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine((url) => !url.startsWith('//'), 'write the scheme: http:// or https://')
  .refine((url) => !/^[a-z][a-z0-9+.-]*:/i.test(url) || /^https?:\/\//i.test(url), 'camera streams must be http:// or https:// (or a relative path such as /cameras/cau-song-han/live.m3u8)');

export const CameraSource = z.strictObject({
  /** Stable id: names the stream on the hub and keeps screens showing it in step. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lower-case letters, digits and dashes, e.g. "cau-song-han"'),
  name: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().min(1).max(120).optional(),
  /** The HLS playlist; without it the hub's /cameras/<id>/live.m3u8. */
  url: StreamUrl.optional(),
});
export type CameraSource = z.infer<typeof CameraSource>;

export const CAMERA_GRIDS = [1, 4, 9, 16] as const;

/** A camera tour: the tile shows each camera for dwellSeconds in turn (all screens on the same wall clock). */
export const CameraTour = z
  .strictObject({
    cameras: z.array(CameraSource).min(2).max(16),
    dwellSeconds: z.number().int().min(3).max(3600),
  })
  .refine((t) => new Set(t.cameras.map((c) => c.id)).size === t.cameras.length, { message: 'a tour lists each camera once', path: ['cameras'] });
export type CameraTour = z.infer<typeof CameraTour>;

/** Which of a tour's cameras is on at `now` (ms on the wall's clock): the same on every screen. */
export function tourIndex(tour: CameraTour, now: number): number {
  return Math.floor(now / (tour.dwellSeconds * 1000)) % tour.cameras.length;
}

/** Milliseconds until the tour moves on from the camera shown at `now`. */
export function tourRemainingMs(tour: CameraTour, now: number): number {
  const dwell = tour.dwellSeconds * 1000;
  return dwell - (now % dwell);
}

export const cameraProps = z
  .strictObject({
    cameras: z.array(CameraSource).min(1).max(16),
    grid: z.literal([1, 4, 9, 16]).default(1),
    fit: z.enum(['cover', 'contain']).default('cover'),
    showNames: z.boolean().default(true),
    /** Delay behind live that every screen steers to; default four target durations of the stream. */
    syncDelaySeconds: z.number().min(1).max(120).optional(),
    /** Cycle these cameras in a one-camera tile instead of showing `cameras`. */
    tour: CameraTour.optional(),
  })
  .superRefine((props, ctx) => {
    if (props.cameras.length > props.grid) {
      ctx.addIssue({ code: 'custom', path: ['cameras'], message: `grid ${props.grid} has ${props.grid} cell(s) but ${props.cameras.length} cameras are listed; use a larger grid (1, 4, 9 or 16) or fewer cameras` });
    }
    if (props.tour && props.grid !== 1) ctx.addIssue({ code: 'custom', path: ['tour'], message: 'a camera tour plays in a one-camera tile: set grid to 1' });
    const seen = new Set<string>();
    props.cameras.forEach((camera, i) => {
      if (seen.has(camera.id)) ctx.addIssue({ code: 'custom', path: ['cameras', i, 'id'], message: `camera id "${camera.id}" is listed twice in this panel` });
      seen.add(camera.id);
    });
  });
export type CameraPanelProps = z.infer<typeof cameraProps>;

export type CameraUrlCheck = { ok: true } | { ok: false; origin: string };

/**
 * Whether a page at `pageOrigin` may load a camera playlist (an absolute URL): its own origin (the hub's
 * /cameras/… relayed by the wall), or one on the wall's webOrigins.cameras list, which the page's CSP
 * connect-src allows. Anything else would only be refused by the CSP, with no word on the wall.
 */
export function checkCameraUrl(url: string, pageOrigin: string, allowed: readonly string[]): CameraUrlCheck {
  const origin = normaliseOrigin(url);
  if (origin === null) return { ok: false, origin: url };
  if (origin === pageOrigin || allowed.includes(origin)) return { ok: true };
  return { ok: false, origin };
}

/**
 * Whether a camera panel's players must keep in step with other screens': only when this screen shows
 * part of the panel (it spans a seam), so other screens play the rest of the same picture. A tile whole
 * on one screen plays at rate 1: every playbackRate change makes the browser re-time its frames, which
 * costs a dropped frame now and then on a page of many tiles, for nothing to line up with.
 */
export function spansScreens(local: Rect, visible: Rect): boolean {
  const cut = (whole: number, shown: number) => shown < whole - 0.5;
  return cut(local.width, visible.width) || cut(local.height, visible.height);
}

/** Where a camera's playlist is: its own URL, or the hub's simulated/gateway path for its id. */
export function cameraStreamUrl(camera: CameraSource): string {
  return camera.url ?? `/cameras/${camera.id}/live.m3u8`;
}
