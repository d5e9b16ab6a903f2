import { useEffect, useState, type ComponentType } from 'react';

// A component whose code is a separate chunk (deck.gl, hls.js, the console's editors): a screen showing
// only text and KPIs starts without parsing them. Not React.lazy: once loaded, a component must render in
// the same commit (a scenario's layout is drawn hidden and swapped at its apply time, and a Suspense
// fallback there would be a blank frame); `preload` fetches the chunk before anyone needs it.

export interface Loadable<P> {
  (props: P): React.JSX.Element;
  preload(): Promise<void>;
}

export function loadable<P extends object>(name: string, load: () => Promise<ComponentType<P>>): Loadable<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (error: unknown) => {
        loading = null; // a failed fetch may be tried again by the next mount
        throw error;
      },
    ));

  function View(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (component) return;
      let live = true;
      start().then(
        (c) => live && setComponent(() => c),
        (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
      );
      return () => {
        live = false;
      };
    }, [component]);
    if (failed) throw new Error(`${name}: its code did not load (${failed}); reload the page`);
    if (!component) return <div className="panel-fill" data-loading={name} />;
    const C = component;
    return <C {...props} />;
  }
  View.displayName = `Loadable(${name})`;
  View.preload = () => start().then(() => undefined);
  return View;
}
