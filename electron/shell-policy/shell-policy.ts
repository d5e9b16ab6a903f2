import { APP_ORIGIN, isAppUrl } from './app-protocol.js';

// Security decisions of the Electron shell, kept apart from Electron so they are tested directly.

/** Permissions a page of ours may have; everything else is denied (and logged). */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

export function permissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && typeof requestingUrl === 'string' && isAppUrl(requestingUrl);
}

/** A window may only navigate within our origin (the SPA's own routes); anything else is refused. */
export const navigationAllowed = (url: string): boolean => isAppUrl(url);

export interface SenderFacts {
  /** The webContents is one of our windows, registered by the main process. */
  known: boolean;
  /** The message came from that window's main frame, not an iframe. */
  mainFrame: boolean;
  /** The sending frame's origin, null when the frame is already gone. */
  origin: string | null;
}

/** Why an IPC message must be refused, or null when it may be handled. */
export function senderRefusal(facts: SenderFacts): string | null {
  if (!facts.known) return 'sender is not a Toàn Cảnh window';
  if (facts.origin === null) return 'sender frame is gone';
  if (!facts.mainFrame) return 'sender is not the main frame';
  if (facts.origin !== APP_ORIGIN) return `sender origin ${facts.origin.slice(0, 100)} is not ${APP_ORIGIN}`;
  return null;
}
