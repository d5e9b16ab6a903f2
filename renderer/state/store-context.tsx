import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { WallBridge } from '../../common/contract.js';
import type { StoreView, WallStore } from './wall-store.js';

// The store and bridge reach components through context, so a page (or a test) chooses them once.
interface StoreContextValue {
  store: WallStore;
  bridge: WallBridge;
}

const StoreContext = createContext<StoreContextValue | null>(null);

export function StoreProvider({ store, bridge, children }: StoreContextValue & { children: ReactNode }) {
  return <StoreContext.Provider value={{ store, bridge }}>{children}</StoreContext.Provider>;
}

function useStoreContext(): StoreContextValue {
  const value = useContext(StoreContext);
  if (!value) throw new Error('useWallState outside StoreProvider');
  return value;
}

export function useWallState(): StoreView {
  const { store } = useStoreContext();
  return useSyncExternalStore(store.subscribe, store.getView);
}

export function useBridge(): WallBridge {
  return useStoreContext().bridge;
}
