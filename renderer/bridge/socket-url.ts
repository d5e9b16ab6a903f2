import type { ClientRole } from '../../common/contract.js';
import { WS_PATH } from '../../common/web-protocol.js';
import { parseRoute } from '../route.js';

export interface PageIdentity {
  role: ClientRole;
  screenId?: string;
}

/** Who this page is, from its path: a screen page connects as that screen, anything else as the console. */
export function pageIdentity(pathname: string): PageIdentity {
  const route = parseRoute(pathname);
  return route.page === 'screen' ? { role: 'screen', screenId: route.screenId } : { role: 'console' };
}

/** ws(s)://<host>/ws?token=…&role=…[&screen=…], with the token taken from the page's own URL. */
export function socketUrl(location: { protocol: string; host: string; search: string }, who: PageIdentity): string {
  const query = new URLSearchParams({ token: new URLSearchParams(location.search).get('token') ?? '', role: who.role });
  if (who.role === 'screen' && who.screenId !== undefined) query.set('screen', who.screenId);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WS_PATH}?${query.toString()}`;
}
