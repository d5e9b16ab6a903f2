import { useEffect, useState } from 'react';
import { procedureProgress, type Procedure } from '../../../common/procedure.js';
import { formatDateTime, inLanguage } from '../../i18n/locale.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { formatElapsed } from '../../panels/procedure/format-elapsed.js';
import { useBridge, useWallState } from '../../state/store-context.js';
import { useNow } from '../../ui/use-now.js';
import { useSession } from '../auth/session-context.js';
import { StepRow } from './step-row.js';
import './procedure.css';

// The live response procedure: every signed-in console sees the same steps (they come in the wall
// state, patched live); ticks and notes go to the main process, which records who and when.
export function ProcedureArea() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const procedure = useWallState().state?.procedure ?? null;
  const now = useNow(5_000);
  const role = session.status === 'signed-in' ? session.session.role : '';
  return (
    <div className="procedure-area">
      {procedure ? (
        <section aria-labelledby="procedure-title" data-testid="procedure" data-procedure={procedure.id}>
          <h2 id="procedure-title">
            {t('procedure.title')}: {inLanguage(language, procedure.scenarioName.vi, procedure.scenarioName.en)}
          </h2>
          <ProgressLine procedure={procedure} now={now} />
          <ol className="steps">
            {procedure.steps.map((s, i) => (
              <StepRow key={s.id} step={s} index={i} startedAt={procedure.startedAt} now={now} role={role} />
            ))}
          </ol>
        </section>
      ) : (
        <p className="procedure-area__none" data-testid="procedure-none">
          {t('procedure.none')}
        </p>
      )}
      <History refresh={procedure?.id ?? null} />
    </div>
  );
}

function ProgressLine({ procedure, now }: { procedure: Procedure; now: number }) {
  const t = useT();
  const language = useLanguage();
  const p = procedureProgress(procedure, now);
  return (
    <p className="procedure-area__progress" data-testid="procedure-progress" data-done={p.done} data-total={p.total}>
      <strong>{t('procedure.progress', { done: p.done, total: p.total })}</strong>
      {p.overdue.length > 0 && <span className="procedure-area__overdue"> · {t('procedure.overdue', { n: p.overdue.length })}</span>}
      <span className="procedure-area__since"> · {t('procedure.since', { elapsed: formatElapsed(now - procedure.startedAt, language) })}</span>
    </p>
  );
}

/** Closed procedures: the record kept after a scenario was switched or reverted. */
function History({ refresh }: { refresh: string | null }) {
  const t = useT();
  const language = useLanguage();
  const bridge = useBridge();
  const [items, setItems] = useState<Procedure[] | null>(null);
  useEffect(() => {
    let live = true;
    void bridge.procedureHistory(10).then((r) => {
      if (live && r.ok) setItems(r.value);
    });
    return () => {
      live = false;
    };
  }, [bridge, refresh]);
  if (!items) return null;
  return (
    <section className="procedure-history" aria-labelledby="procedure-history-title" data-testid="procedure-history">
      <h3 id="procedure-history-title">{t('procedure.history')}</h3>
      {items.length === 0 && <p>{t('procedure.noHistory')}</p>}
      <ul>
        {items.map((p) => (
          <li key={p.id} data-procedure={p.id}>
            <strong>{inLanguage(language, p.scenarioName.vi, p.scenarioName.en)}</strong> — {formatDateTime(language, p.startedAt)} ·{' '}
            {t('procedure.closedAt', { at: p.closed ? formatDateTime(language, p.closed.at) : '—', done: p.steps.filter((s) => s.done).length, total: p.steps.length })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** In the top bar of every console: the running procedure's progress, a click away from its steps. */
export function ProcedureChip({ onOpen }: { onOpen: () => void }) {
  const t = useT();
  const procedure = useWallState().state?.procedure ?? null;
  const now = useNow(5_000);
  if (!procedure) return null;
  const p = procedureProgress(procedure, now);
  return (
    <button type="button" className="procedure-chip" data-testid="procedure-chip" data-done={p.done} data-total={p.total} data-overdue={p.overdue.length} onClick={onOpen}>
      {t('procedure.title')}: {t('procedure.progress', { done: p.done, total: p.total })}
      {p.overdue.length > 0 && <span className="procedure-chip__late"> · {t('procedure.overdue', { n: p.overdue.length })}</span>}
    </button>
  );
}
