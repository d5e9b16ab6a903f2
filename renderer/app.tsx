import { useEffect, useState } from 'react';
import { getPageBridge } from './bridge/get-bridge.js';
import { translate } from './i18n/use-t.js';
import type { Route } from './route.js';
import { PairPage } from './screen/pair-page.js';
import { ScreenPage } from './screen/screen-page.js';
import { DataProvider } from './state/data-context.js';
import { DataStore } from './state/data-store.js';
import { StoreProvider } from './state/store-context.js';
import { WallStore } from './state/wall-store.js';
import { StatusPage } from './ui/status-page.js';
import { loadable } from './ui/loadable.js';
import { markDocument, usePaintEffect } from './ui/use-painted.js';

// The console's editors are not needed on a wall screen.
const ConsoleShell = loadable('console', () => import('./console/console-shell.js').then((m) => m.ConsoleShell));

export function App({ route }: { route: Route }) {
  if (route.page === 'not-found') return <NotFound path={route.path} />;
  return <ConnectedApp route={route} />;
}

function ConnectedApp({ route }: { route: Exclude<Route, { page: 'not-found' }> }) {
  const [{ store, bridge, data }] = useState(() => {
    const { bridge, connection } = getPageBridge();
    return { bridge, store: new WallStore(bridge, { role: route.page === 'pair' ? 'screen' : route.page, connection }), data: new DataStore() };
  });
  useEffect(() => store.start(), [store]);
  useEffect(() => data.start(bridge), [data, bridge]);
  return (
    <StoreProvider store={store} bridge={bridge}>
      <DataProvider store={data}>{route.page === 'screen' ? <ScreenPage screenId={route.screenId} /> : route.page === 'pair' ? <PairPage /> : <ConsoleShell />}</DataProvider>
    </StoreProvider>
  );
}

function NotFound({ path }: { path: string }) {
  usePaintEffect(() => markDocument('error', null, 'vi'), [path]);
  return (
    <StatusPage tone="error" title={translate('vi', 'app.notFound.title')} testId="not-found">
      <p>{translate('vi', 'app.notFound.body', { path })}</p>
      <p lang="en">{translate('en', 'app.notFound.body', { path })}</p>
    </StatusPage>
  );
}
