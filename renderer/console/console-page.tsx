import './console.css';
import { useErrorText, useLanguage, useT } from '../i18n/use-t.js';
import { useWallState } from '../state/store-context.js';
import { StatusPage } from '../ui/status-page.js';
import { markDocument, usePaintEffect } from '../ui/use-painted.js';
import { ProblemList } from './problem-list.js';
import { ScreenStatusTable } from './screen-status-table.js';
import { WallHealthTable } from './wall-health-table.js';
import { WallControls } from './wall-controls.js';
import { WallMiniature } from './wall-miniature.js';

// The operator's console: problems first, then the switches, the wall map and every screen's status.
export function ConsolePage() {
  const { status, state, error, statuses, connected, wallHealth } = useWallState();
  const t = useT();
  const errorText = useErrorText();
  const language = useLanguage();
  const mode = status === 'error' ? 'error' : state ? 'ready' : 'loading';

  usePaintEffect(() => markDocument(mode, state?.revision ?? null, language), [mode, state, language]);

  if (mode === 'error') {
    return (
      <StatusPage tone="error" title={t('app.error.title')} testId="console-error">
        <p>{error ? errorText(error) : null}</p>
      </StatusPage>
    );
  }
  if (!state) return <StatusPage title={t('app.loading')} testId="console-loading" />;
  return (
    <div className="console">
      <header className="console__header">
        <h1 data-testid="console-title">{t('console.title')}</h1>
        <p>
          {t('console.wall')}: <strong>{state.wall.name}</strong> · {t('console.revision')}: <strong data-testid="current-revision">{state.revision}</strong>
        </p>
        {!connected && (
          <p className="connection-lost connection-lost--inline" role="alert" data-testid="connection-lost">
            {t('app.connectionLost')}
          </p>
        )}
      </header>
      <ProblemList problems={state.problems} />
      <div className="console__body">
        <WallMiniature state={state} statuses={statuses} />
        <WallControls state={state} />
      </div>
      <ScreenStatusTable state={state} statuses={statuses} />
      <WallHealthTable state={state} health={wallHealth} own={new Set(statuses.map((s) => s.screenId))} hubConnected={state.backend?.state === 'connected'} />
    </div>
  );
}
