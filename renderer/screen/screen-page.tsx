import { memo, useEffect, useMemo } from 'react';
import { layerKey, screenLayers } from '../../common/scenario-swap.js';
import { LINK_LOST_CODES } from '../bridge/messages.js';
import { useErrorText, useT } from '../i18n/use-t.js';
import { MapHostPoolProvider } from '../panels/map/map-host-context.js';
import { LayerFaultsProvider } from '../panels/panel-faults.js';
import { preloadPanels } from '../panels/registry.js';
import { useBridge, useWallState } from '../state/store-context.js';
import { useWallCanvas } from '../state/use-wall-canvas.js';
import { StatusPage } from '../ui/status-page.js';
import { markDocument, usePaintEffect } from '../ui/use-painted.js';
import { useWindowSize } from '../ui/use-window-size.js';
import { CalibratedScreen } from './calibrated-screen.js';
import { FaultBoard } from './fault-board.js';
import { FrameMeter } from './frame-meter.js';
import { Rehearsals } from './rehearsals.js';
import { useClockOffset } from './use-clock-offset.js';
import { useScheduledState } from './use-scheduled-state.js';
import { useLiveStills } from './use-live-stills.js';

// A layer whose props have not changed is not rendered again: at a swap only the layers' visibility changes.
const Screen = memo(CalibratedScreen);

// One wall screen. Once a revision is on screen it says so twice: on <html> for tools and tests,
// and to the main process, so the console can show which screens have caught up.
export function ScreenPage({ screenId }: { screenId: string }) {
  const { status, state: latest, error, connected } = useWallState();
  const bridge = useBridge();
  // A scenario switch is drawn hidden first and shown at its apply time, on every screen at once.
  const clock = useClockOffset(bridge);
  useLiveStills(bridge, screenId);
  const layers = useScheduledState(latest, clock);
  const state = layers.shown;
  const t = useT();
  const errorText = useErrorText();
  const size = useWindowSize();
  const wall = state?.wall;
  // The calibrated wall: bezels set by the technician move the screens on the canvas.
  const canvas = useWallCanvas();
  const viewport = canvas?.viewports.find((v) => v.screenId === screenId) ?? null;

  let problem: string | null = null;
  if (status === 'error') problem = t('screen.refused.body', { id: screenId, message: error ? errorText(error) : '' });
  else if (wall && !viewport) problem = t('screen.unknown.body', { wall: wall.name, id: screenId, ids: wall.screens.map((s) => s.id).join(', ') });
  const mode: 'error' | 'ready' | 'loading' = problem ? 'error' : state && viewport ? 'ready' : 'loading';
  const unknown = status === 'error' ? error?.code === 'unknown-screen' : problem !== null;

  // What is wrong with the shown layout's panels, for the console's screen table and the main log.
  const faults = useMemo(
    () =>
      new FaultBoard((list) => {
        void bridge.reportFaults({ screenId, faults: list }).then((r) => {
          if (!r.ok && !LINK_LOST_CODES.has(r.error.code)) console.warn(`panel faults refused: ${r.error.message}`);
        });
      }),
    [bridge, screenId],
  );
  useEffect(() => () => faults.dispose(), [faults]);
  const shownKey = state ? layerKey(state) : null;
  useEffect(() => {
    if (shownKey) faults.show(shownKey);
  }, [faults, shownKey]);
  // The main process drops a screen's faults when it goes offline: back online, they are sent again.
  useEffect(() => {
    if (connected) faults.resend();
  }, [faults, connected]);

  const ready = mode === 'ready';
  // Frame rate, missed frames and memory, for the console's whole-wall view and the hub.
  useEffect(() => {
    if (!ready || !bridge.reportFrames) return;
    const report = bridge.reportFrames;
    const meter = new FrameMeter((sample) => {
      void report({ screenId, ...sample }).then((r) => {
        if (!r.ok && !LINK_LOST_CODES.has(r.error.code)) console.warn(`screen health refused: ${r.error.message}`);
      });
    });
    return () => meter.dispose();
  }, [ready, bridge, screenId]);

  // Once this screen is up, fetch the map and camera code, so a scenario that brings them swaps in on time.
  useEffect(() => {
    if (!ready) return;
    const idle = requestIdleCallback(() => void preloadPanels().catch((e: unknown) => console.warn(`panel code did not load: ${String(e)}`)));
    return () => cancelIdleCallback(idle);
  }, [ready]);

  usePaintEffect(() => {
    markDocument(mode, state?.revision ?? null, state?.language ?? 'vi');
    if (!state || mode === 'loading') return;
    const report = { screenId, appliedRevision: state.revision, state: mode, viewport: size, ...(problem ? { message: problem.slice(0, 500) } : {}) };
    // A report lost with the link is not a warning: the snapshot after reconnecting repaints, and reports.
    void bridge.reportScreen(report).then((r) => {
      if (!r.ok && !LINK_LOST_CODES.has(r.error.code)) console.warn(`screen report refused: ${r.error.message}`);
    });
  }, [mode, state, problem, size, screenId, bridge]);

  if (problem) {
    return (
      <StatusPage tone="error" title={unknown ? t('screen.unknown.title') : t('app.error.title')} testId="screen-error">
        <p>{problem}</p>
      </StatusPage>
    );
  }
  if (!state || !viewport || !canvas) {
    return (
      <StatusPage title={t('app.loading')} testId="screen-loading">
        {!connected && <p>{t('app.connecting')}</p>}
      </StatusPage>
    );
  }
  // One layer per activation, in a fixed order: a swap flips visibility, the drawn layers stay as they are.
  // Their maps take warm Decks from the screen's pool, warmed by rehearsing the scenarios' maps.
  return (
    <MapHostPoolProvider>
      {screenLayers(layers).map(({ key, state: drawn, role }) => (
        <div
          key={key}
          className={role === 'shown' ? 'screen-layer' : 'screen-layer screen-layer--hidden'}
          aria-hidden={role === 'shown' ? undefined : true}
          data-layer={role}
          data-layer-key={key}
          data-layer-revision={drawn.revision}
          {...(role === 'pending' ? { 'data-testid': 'screen-pending' } : {})}
        >
          <LayerFaultsProvider board={faults} layer={key}>
            <Screen state={drawn} canvas={canvas} viewport={viewport} window={size} connected={connected} />
          </LayerFaultsProvider>
        </div>
      ))}
      <Rehearsals bridge={bridge} screen={viewport.rect} base={state} busy={layers.pending !== null || layers.retired !== null}>
        {(drawn) => <Screen state={drawn} canvas={canvas} viewport={viewport} window={size} connected />}
      </Rehearsals>
    </MapHostPoolProvider>
  );
}
