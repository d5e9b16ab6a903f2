import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRequestFile, consoleUrl, isAppUrl, screenUrl } from '../../../electron/shell-policy/app-protocol.js';
import { navigationAllowed, permissionAllowed, senderRefusal } from '../../../electron/shell-policy/shell-policy.js';

const root = path.resolve('/srv/toan-canh/dist/renderer');
const file = (url: string) => appRequestFile(url, root);

describe('app:// requests', () => {
  it('answers the page routes with index.html', () => {
    for (const url of ['app://toancanh/', 'app://toancanh/console', 'app://toancanh/screen/A1', 'app://toancanh/screen/B2/', screenUrl('A1'), consoleUrl()]) {
      expect(file(url)).toEqual({ ok: true, file: path.join(root, 'index.html') });
    }
  });

  it('serves built files by path, query ignored', () => {
    expect(file('app://toancanh/assets/index-abc.js?v=1')).toEqual({ ok: true, file: path.join(root, 'assets/index-abc.js') });
  });

  it('refuses paths that leave the renderer folder', () => {
    for (const url of ['app://toancanh/assets/..%2F..%2F..%2Fetc%2Fpasswd', 'app://toancanh/a%5C..%5C..%5Cx', 'app://toancanh/x%00.js', 'app://toancanh/%E0%A4%A']) {
      expect(file(url)).toMatchObject({ ok: false, status: 403 });
    }
    // Plain dot segments are resolved by the URL parser first, so they end inside the folder.
    expect(file('app://toancanh/%2e%2e/%2e%2e/etc/passwd')).toEqual({ ok: true, file: path.join(root, 'etc/passwd') });
  });

  it('answers 404 for another host or scheme', () => {
    expect(file('app://elsewhere/console')).toMatchObject({ ok: false, status: 404 });
    expect(file('file:///etc/passwd')).toMatchObject({ ok: false, status: 404 });
    expect(file('not a url')).toMatchObject({ ok: false, status: 400 });
  });

  it('recognises only our origin', () => {
    expect(isAppUrl('app://toancanh')).toBe(true);
    expect(isAppUrl('app://toancanh/screen/A1#x')).toBe(true);
    expect(isAppUrl('app://toancanh.evil.com/')).toBe(false);
    expect(isAppUrl('app://user@toancanh/')).toBe(false);
    expect(isAppUrl('https://toancanh/')).toBe(false);
  });
});

describe('shell policy', () => {
  it('allows only fullscreen, and only to our pages', () => {
    expect(permissionAllowed('fullscreen', 'app://toancanh/screen/A1')).toBe(true);
    expect(permissionAllowed('fullscreen', 'https://example.com/')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'window-management']) {
      expect(permissionAllowed(p, 'app://toancanh')).toBe(false);
    }
    expect(permissionAllowed('fullscreen', null)).toBe(false);
  });

  it('lets windows navigate within the app only', () => {
    expect(navigationAllowed('app://toancanh/console')).toBe(true);
    expect(navigationAllowed('https://example.com/')).toBe(false);
    expect(navigationAllowed('file:///etc/passwd')).toBe(false);
  });

  it('refuses IPC from unknown windows, sub-frames and other origins', () => {
    const good = { known: true, mainFrame: true, origin: 'app://toancanh' };
    expect(senderRefusal(good)).toBeNull();
    expect(senderRefusal({ ...good, known: false })).toBe('sender is not a Toàn Cảnh window');
    expect(senderRefusal({ ...good, mainFrame: false })).toBe('sender is not the main frame');
    expect(senderRefusal({ ...good, origin: 'https://evil.example' })).toBe('sender origin https://evil.example is not app://toancanh');
    expect(senderRefusal({ ...good, origin: null })).toBe('sender frame is gone');
  });
});
