import path from 'node:path';
import { resolveStaticPath } from '../web-host/web-static.js';

// The Electron windows load the built renderer from app://toancanh/… rather than file://, so the
// pages get a real origin to check IPC senders and navigation against, and no access to the disk.

export const APP_SCHEME = 'app';
export const APP_HOST = 'toancanh';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const consoleUrl = (): string => `${APP_ORIGIN}/console`;
export const screenUrl = (screenId: string): string => `${APP_ORIGIN}/screen/${encodeURIComponent(screenId)}`;

/** Same origin as our pages: app://toancanh, no user, no port. Accepts a URL or a bare origin. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

// Routes the single-page app draws itself: each is answered with index.html.
const PAGE_ROUTE = /^\/(?:console|screen\/[A-Za-z0-9][A-Za-z0-9_-]{0,31})\/?$/;

export type AppFile = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; message: string };

/** The file under `root` (dist/renderer) an app:// request names; never a file outside it. */
export function appRequestFile(url: string, root: string): AppFile {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 400, message: 'bad URL' };
  }
  if (!isAppUrl(url)) return { ok: false, status: 404, message: `not an ${APP_ORIGIN} URL` };
  if (u.pathname === '/' || PAGE_ROUTE.test(u.pathname)) return { ok: true, file: path.join(root, 'index.html') };
  const file = resolveStaticPath(root, u.pathname);
  if (file === null) return { ok: false, status: 403, message: `refused path ${u.pathname.slice(0, 200)}` };
  return { ok: true, file };
}
