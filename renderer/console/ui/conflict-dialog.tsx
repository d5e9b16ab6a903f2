import type { AppError } from '../../../common/result.js';
import { useErrorText, useT } from '../../i18n/use-t.js';

/** A save refused because another console saved first: take theirs, or put mine on top. Nothing is dropped unasked. */
export function ConflictDialog({ question, conflict, busy, onReload, onOverwrite }: { question: string; conflict: AppError; busy: boolean; onReload: () => void; onOverwrite: () => void }) {
  const t = useT();
  const text = useErrorText();
  return (
    <div className="conflict" role="alertdialog" data-testid="conflict" aria-label={t('editor.conflictTitle')}>
      <p>{question}</p>
      <p className="conflict__detail">{text(conflict)}</p>
      <button type="button" data-testid="conflict-reload" disabled={busy} onClick={onReload}>
        {t('editor.reload')}
      </button>
      <button type="button" className="danger" data-testid="conflict-overwrite" disabled={busy} onClick={onOverwrite}>
        {t('editor.overwrite')}
      </button>
    </div>
  );
}
