import { app, type Session, type WebContents, type WebPreferences } from 'electron';
import type { Logger } from '../../node-common/log.js';
import { navigationAllowed, permissionAllowed } from '../shell-policy/shell-policy.js';

// Every window is a sandboxed page with no Node, isolated from its preload, that cannot leave our
// origin, open windows, embed webviews or gain permissions we did not grant. Set once, for all.

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A wall screen must keep painting when another window covers it or it is unfocused.
    backgroundThrottling: false,
    // A middle click must not open a link in a new window or navigate (Electron's security checklist).
    disableBlinkFeatures: 'Auxclick',
  };
}

/** Before `ready`: sandbox every renderer, including any we forget to configure. */
export function enableSandbox(): void {
  app.enableSandbox();
}

/** After `ready`: deny-by-default permissions on the session, navigation guards on every webContents. */
export function hardenSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const allowed = permissionAllowed(permission, details.requestingUrl);
    if (!allowed) log.warn('permission request denied', { permission, url: clip(details.requestingUrl), contents: contents.id });
    callback(allowed);
  });
  session.setPermissionCheckHandler((contents, permission, requestingOrigin) => {
    const allowed = permissionAllowed(permission, requestingOrigin);
    if (!allowed) log.warn('permission check denied', { permission, origin: clip(requestingOrigin), contents: contents?.id ?? null });
    return allowed;
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents, log));
}

function guardContents(contents: WebContents, log: Logger): void {
  contents.on('will-navigate', (event) => {
    if (navigationAllowed(event.url)) return;
    event.preventDefault();
    log.warn('navigation refused', { url: clip(event.url), contents: contents.id });
  });
  contents.on('will-redirect', (event) => {
    if (navigationAllowed(event.url)) return;
    event.preventDefault();
    log.warn('redirect refused', { url: clip(event.url), contents: contents.id });
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('new window refused', { url: clip(url), contents: contents.id });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event, _prefs, params) => {
    event.preventDefault();
    log.warn('webview refused', { src: clip(params.src), contents: contents.id });
  });
}

const clip = (s: string | undefined): string => (s ?? '').slice(0, 200);
