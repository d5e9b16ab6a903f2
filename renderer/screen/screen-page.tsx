import { useMemo } from 'react';
import { wallCanvas } from '../../common/wall/geometry.js';
import { useT } from '../i18n/use-t.js';
import { useBridge, useWallState } from '../state/store-context.js';
import { StatusPage } from '../ui/status-page.js';
import { markDocument, usePainted } from '../ui/use-painted.js';
import { useWindowSize } from '../ui/use-window-size.js';
import { ScreenViewport } from './screen-viewport.js';
import { useClockOffset } from './use-clock-offset.js';
import { useScheduledState } from './use-scheduled-state.js';

// One wall screen. Once a revision is on screen it says so twice: on <html> for tools and tests,
// and to the main process, so the console can show which screens have caught up.
export function ScreenPage({ screenId }: { screenId: string }) {
  const { status, state: latest, error, connected } = useWallState();
  const bridge = useBridge();
  // A scenario switch is drawn hidden first and shown at its apply time, on every screen at once.
  const clock = useClockOffset(bridge);
  const { shown: state, pending } = useScheduledState(latest, clock);
  const t = useT();
  const size = useWindowSize();
  const wall = state?.wall;
  const canvas = useMemo(() => (wall ? wallCanvas(wall, { bezelCompensation: wall.bezelCompensation }) : null), [wall]);
  const viewport = canvas?.viewports.find((v) => v.screenId === screenId) ?? null;

  let problem: string | null = null;
  if (status === 'error') problem = t('screen.refused.body', { id: screenId, message: error?.message ?? '' });
  else if (wall && !viewport) problem = t('screen.unknown.body', { wall: wall.name, id: screenId, ids: wall.screens.map((s) => s.id).join(', ') });
  const mode: 'error' | 'ready' | 'loading' = problem ? 'error' : state && viewport ? 'ready' : 'loading';
  const unknown = status === 'error' ? error?.code === 'unknown-screen' : problem !== null;

  usePainted([mode, state, problem, size.width, size.height], () => {
    markDocument(mode, state?.revision ?? null, state?.language ?? 'vi');
    if (!state || mode === 'loading') return;
    const report = { screenId, appliedRevision: state.revision, state: mode, viewport: size, ...(problem ? { message: problem.slice(0, 500) } : {}) };
    void bridge.reportScreen(report).then((r) => {
      if (!r.ok && r.error.code !== 'disconnected') console.warn(`screen report refused: ${r.error.message}`);
    });
  });

  if (problem) {
    return (
      <StatusPage tone="error" title={unknown ? t('screen.unknown.title') : t('app.error.title')} testId="screen-error">
        <p>{problem}</p>
      </StatusPage>
    );
  }
  if (!state || !viewport) {
    return (
      <StatusPage title={t('app.loading')} testId="screen-loading">
        {!connected && <p>{t('app.connecting')}</p>}
      </StatusPage>
    );
  }
  const scale = Math.min(size.width / viewport.rect.width, size.height / viewport.rect.height);
  return (
    <div className="screen" data-screen-id={screenId}>
      <ScreenViewport state={state} viewport={viewport} scale={scale} />
      {!connected && (
        <div className="connection-lost" role="status" data-testid="connection-lost">
          {t('app.connectionLost')}
        </div>
      )}
      {pending && (
        <div className="screen-pending" aria-hidden="true" data-testid="screen-pending" data-pending-revision={pending.revision}>
          <ScreenViewport state={pending} viewport={viewport} scale={scale} />
        </div>
      )}
    </div>
  );
}
