import { useEffect, useMemo } from 'react';
import { useT } from '../i18n/use-t.js';
import { useWallState } from '../state/store-context.js';
import { StatusPage } from '../ui/status-page.js';
import { markDocument, usePaintEffect } from '../ui/use-painted.js';
import { pairCode } from './pair-code.js';

// A browser opened at /screen with no screen id: it shows a code, large, until a technician drags that
// code onto a wall position on the console; then it reopens as that screen (same token, same tab).
export function PairPage() {
  const { state, connected } = useWallState();
  const t = useT();
  const code = useMemo(() => pairCode(), []);
  const assigned = state?.technician?.pendingPages.find((p) => p.code === code)?.assignedTo ?? null;

  useEffect(() => {
    if (assigned) window.location.replace(`/screen/${encodeURIComponent(assigned)}${window.location.search}`);
  }, [assigned]);
  usePaintEffect(() => {
    markDocument(state ? 'ready' : 'loading', state?.revision ?? null, state?.language ?? 'vi');
    document.documentElement.dataset.pairCode = code;
  }, [state, code]);

  return (
    <StatusPage title={t('pair.title')} testId="pair-page">
      <p className="pair__code" data-testid="pair-code">{code}</p>
      <p>{assigned ? t('pair.assigned', { id: assigned }) : t('pair.body')}</p>
      {!connected && <p>{t('app.connecting')}</p>}
    </StatusPage>
  );
}
