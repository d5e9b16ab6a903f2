// Which page a window shows, from its path: /screen/<id> (Electron app:// and web host alike), /console,
// or /screen alone: a browser page that waits, showing a code, until a technician gives it a position.
export type Route = { page: 'screen'; screenId: string } | { page: 'pair' } | { page: 'console' } | { page: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  if (/^\/console\/?$/.test(pathname)) return { page: 'console' };
  if (/^\/screen\/?$/.test(pathname)) return { page: 'pair' };
  const screen = /^\/screen\/([^/]+)\/?$/.exec(pathname);
  if (screen?.[1]) {
    try {
      return { page: 'screen', screenId: decodeURIComponent(screen[1]) };
    } catch {
      return { page: 'not-found', path: pathname };
    }
  }
  return { page: 'not-found', path: pathname };
}
