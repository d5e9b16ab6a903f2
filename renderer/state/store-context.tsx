import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { camerasOnWall } from '../../common/cameras/on-wall.js';
import { applyOverrides } from '../../common/overrides.js';
import { useStableJson } from '../ui/use-stable-json.js';
import type { WallBridge } from '../../common/contract.js';
import { NO_WEB_ORIGINS, type WebOrigins } from '../../common/web-origins.js';
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

const noSubscription = () => () => undefined;
const noView = () => null;

/**
 * The wall's listed origins (NO_WEB_ORIGINS until it has any), or null outside a wall page (a panel
 * mounted on its own by a test harness), where there is no list to check against.
 */
export function useWallOriginsIfAny(): WebOrigins | null {
  const value = useContext(StoreContext);
  const view = useSyncExternalStore(value ? value.store.subscribe : noSubscription, value ? value.store.getView : noView);
  if (!view) return null;
  return view.state?.wall.webOrigins ?? NO_WEB_ORIGINS;
}

const NONE: readonly string[] = [];

/** Ids of the cameras the wall shows now (its layout with the operators' overrides); none outside a wall page. */
export function useCamerasOnWall(): readonly string[] {
  const value = useContext(StoreContext);
  const view = useSyncExternalStore(value ? value.store.subscribe : noSubscription, value ? value.store.getView : noView);
  const layout = view?.state?.layout;
  const overrides = view?.state?.overrides;
  const ids = useMemo(() => (layout ? camerasOnWall(applyOverrides(layout, overrides)) : NONE), [layout, overrides]);
  // The same array while the same cameras are on: a map's layers are not rebuilt for another change of state.
  return useStableJson(ids);
}

export function useBridge(): WallBridge {
  return useStoreContext().bridge;
}
