import { useState } from 'react';
import { isOverdue, mayTick, type ProcedureStepState } from '../../../common/procedure.js';
import type { AppError } from '../../../common/result.js';
import { formatDateTime, inLanguage } from '../../i18n/locale.js';
import { useErrorText, useLanguage, useT } from '../../i18n/use-t.js';
import { useBridge } from '../../state/store-context.js';

// One live step: its role, the tick (who and when), a note, and its deadline.
export function StepRow({ step, index, startedAt, now, role }: { step: ProcedureStepState; index: number; startedAt: number; now: number; role: string }) {
  const t = useT();
  const language = useLanguage();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const late = isOverdue(step, startedAt, now);
  const allowed = mayTick(step, role);

  const run = (call: () => Promise<{ ok: true } | { ok: false; error: AppError }>) => {
    setBusy(true);
    setFailure(null);
    void call().then((r) => {
      setBusy(false);
      if (!r.ok) setFailure(r.error);
      else setNote(null);
    });
  };
  const saveNote = () => {
    if (note !== null && note.trim() !== (step.note?.text ?? '')) run(() => bridge.noteStep(step.id, note));
  };

  return (
    <li className="step" data-testid={`step-${step.id}`} data-done={step.done !== null} data-overdue={late}>
      <button
        type="button"
        className="step__tick"
        data-testid={`tick-${step.id}`}
        aria-pressed={step.done !== null}
        disabled={busy || !allowed}
        aria-label={step.done ? t('procedure.untick') : t('procedure.tick')}
        title={step.done ? t('procedure.untick') : t('procedure.tick')}
        onClick={() => run(() => bridge.tickStep(step.id, step.done === null))}
      >
        {step.done ? '✓' : ''}
      </button>
      <div className="step__body">
        <div className="step__text">
          <span className="step__number">{index + 1}.</span> {inLanguage(language, step.text.vi, step.text.en)}
        </div>
        <div className="step__meta">
          <span className="step__role">{step.role ? t(`role.${step.role}`) : t('procedure.anyone')}</span>
          {step.dueMinutes !== null && <span className={late ? 'step__due step__due--late' : 'step__due'}>{late ? t('procedure.overdueMark') : t('procedure.due', { minutes: step.dueMinutes })}</span>}
          {step.done && (
            <span className="step__done" data-testid={`done-${step.id}`}>
              {t('procedure.doneBy', { by: step.done.by.name, at: formatDateTime(language, step.done.at) })}
            </span>
          )}
        </div>
        <div className="step__note">
          <input
            aria-label={t('procedure.note')}
            data-testid={`note-${step.id}`}
            placeholder={t('procedure.notePlaceholder')}
            maxLength={500}
            value={note ?? step.note?.text ?? ''}
            disabled={busy}
            onChange={(e) => setNote(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') saveNote();
              if (e.key === 'Escape') setNote(null);
            }}
            onBlur={saveNote}
          />
          {step.note && note === null && <span className="step__note-by">{t('procedure.noteBy', { by: step.note.by.name, at: formatDateTime(language, step.note.at) })}</span>}
        </div>
        {failure && (
          <p className="command-error" role="alert" data-code={failure.code}>
            {errorText(failure)}
          </p>
        )}
      </div>
    </li>
  );
}
