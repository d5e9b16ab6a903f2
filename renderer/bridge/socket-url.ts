import type { ClientRole } from '../../common/contract.js';
import { WS_PATH } from '../../common/web-protocol.js';
import { parseRoute } from '../route.js';
import { pairCode } from '../screen/pair-code.js';

export interface PageIdentity {
  role: ClientRole;
  screenId?: string;
  /** A /screen page without an id: the code it shows until it is given a position. */
  pairCode?: string;
}

/** Who this page is, from its path: a screen page connects as that screen, anything else as the console. */
export function pageIdentity(pathname: string, code: () => string = pairCode): PageIdentity {
  const route = parseRoute(pathname);
  if (route.page === 'pair') return { role: 'screen', pairCode: code() };
  return route.page === 'screen' ? { role: 'screen', screenId: route.screenId } : { role: 'console' };
}

/**
 * ws(s)://<host>/ws?role=…[&screen=…]: a web page is let in by its page cookie (its token left the address
 * at load, renderer/forget-url-token.ts); a token still in `location` (a test, a tool) is passed on.
 */
export function socketUrl(location: { protocol: string; host: string; search: string }, who: PageIdentity): string {
  const token = new URLSearchParams(location.search).get('token');
  const query = new URLSearchParams({ ...(token ? { token } : {}), role: who.role });
  if (who.role === 'screen' && who.screenId !== undefined) query.set('screen', who.screenId);
  if (who.role === 'screen' && who.screenId === undefined && who.pairCode !== undefined) query.set('pair', who.pairCode);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WS_PATH}?${query.toString()}`;
}
