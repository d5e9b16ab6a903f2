import { isOverdue, procedureProgress } from '../../../common/procedure.js';
import { inLanguage } from '../../i18n/locale.js';
import { translate } from '../../i18n/translate.js';
import { useWallState } from '../../state/store-context.js';
import { useNow } from '../../ui/use-now.js';
import type { PanelViewProps } from '../types.js';
import { formatElapsed } from './format-elapsed.js';
import './procedure.css';

// "Tiến độ ứng phó": steps done of total, a bar, the steps (overdue ones in red), time since activation.
export function ProcedureView({ props, language }: PanelViewProps<'procedure'>) {
  const procedure = useWallState().state?.procedure ?? null;
  const now = useNow(5_000);
  const title = inLanguage(language, props.title, props.titleEn) ?? translate(language, 'procedure.title');
  if (!procedure) {
    return (
      <div className="panel-fill procedure" style={{ fontSize: props.fontSize }} data-testid="procedure-panel" data-state="none">
        <div className="procedure__title">{title}</div>
        <div className="procedure__none">{translate(language, 'procedure.none')}</div>
      </div>
    );
  }
  const progress = procedureProgress(procedure, now);
  const shown = procedure.steps.slice(0, props.maxSteps);
  const share = progress.total ? progress.done / progress.total : 0;
  return (
    <div
      className="panel-fill procedure"
      style={{ fontSize: props.fontSize }}
      data-testid="procedure-panel"
      data-state="running"
      data-done={progress.done}
      data-total={progress.total}
      data-overdue={progress.overdue.length}
    >
      <div className="procedure__head">
        <span className="procedure__title">{title}</span>
        <span className="procedure__since">{translate(language, 'procedure.since', { elapsed: formatElapsed(now - procedure.startedAt, language) })}</span>
      </div>
      <div className="procedure__figure">
        <strong data-testid="procedure-progress">{translate(language, 'procedure.progress', { done: progress.done, total: progress.total })}</strong>
        {progress.overdue.length > 0 && <span className="procedure__overdue-count">{translate(language, 'procedure.overdue', { n: progress.overdue.length })}</span>}
      </div>
      <div className="procedure__bar" role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
        <div className="procedure__bar-fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <ol className="procedure__steps">
        {shown.map((s) => {
          const late = isOverdue(s, procedure.startedAt, now);
          return (
            <li key={s.id} className="procedure__step" data-step={s.id} data-done={s.done !== null} data-overdue={late}>
              <span className="procedure__mark" aria-hidden="true">{s.done ? '✓' : late ? '!' : '○'}</span>
              <span className="procedure__text">{inLanguage(language, s.text.vi, s.text.en)}</span>
              {late && <span className="procedure__late">{translate(language, 'procedure.overdueMark')}</span>}
            </li>
          );
        })}
      </ol>
      {procedure.steps.length > shown.length && shown.length > 0 && (
        <div className="procedure__more">{translate(language, 'procedure.more', { n: procedure.steps.length - shown.length })}</div>
      )}
    </div>
  );
}
