import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AccountRole } from '../../../common/auth.js';
import type { SessionStore, SessionView } from './session-store.js';

const SessionContext = createContext<SessionStore | null>(null);

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSessionStore outside SessionProvider');
  return store;
}

export function useSession(): SessionView {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.getView);
}

/** The signed-in role, or null. */
export function useRole(): AccountRole | null {
  const view = useSession();
  return view.status === 'signed-in' ? view.session.role : null;
}
