// Which page a window shows, from its path: /screen/<id> (Electron app:// and web host alike) or /console.
export type Route = { page: 'screen'; screenId: string } | { page: 'console' } | { page: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  if (/^\/console\/?$/.test(pathname)) return { page: 'console' };
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
