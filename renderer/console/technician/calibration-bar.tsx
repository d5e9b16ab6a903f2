import type { WallState } from '../../../common/state.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { formatDateTime } from '../../i18n/locale.js';
import { useBridge } from '../../state/store-context.js';
import { FeedbackView } from './feedback-view.js';
import type { Action } from './use-action.js';

// Where the calibration stands: previewed on the wall (not applied yet) or applied, and the three
// decisions — apply the preview, drop it, or go one step back to the calibration applied before.
export function CalibrationBar({ state, action }: { state: WallState; action: Action }) {
  const t = useT();
  const language = useLanguage();
  const bridge = useBridge();
  const c = state.technician?.calibration;
  if (!c) return null;
  const preview = c.draft !== null;
  const needsAcceptance = action.feedback?.code === 'calibration/mapping-issues';
  return (
    <div className={`tech-bar${preview ? ' tech-bar--preview' : ''}`} data-testid="calibration-bar" data-preview={String(preview)}>
      <p className="tech-bar__state">
        {preview ? t('tech.previewing') : t('tech.applied')}
        {!preview && c.appliedBy && c.appliedAt !== null && (
          <span className="tech-bar__by"> — {t('tech.appliedBy', { by: c.appliedBy, at: formatDateTime(language, c.appliedAt) })}</span>
        )}
      </p>
      <div className="tech-bar__actions">
        <button type="button" className="primary" disabled={!preview || action.busy} onClick={() => void action.run(() => bridge.confirmCalibration(false))} data-testid="calibration-confirm">
          {t('tech.confirm')}
        </button>
        {needsAcceptance && (
          <button type="button" className="danger" disabled={action.busy} onClick={() => void action.run(() => bridge.confirmCalibration(true))} data-testid="calibration-confirm-anyway">
            {t('tech.confirmAnyway')}
          </button>
        )}
        <button type="button" disabled={!preview || action.busy} onClick={() => void action.run(() => bridge.cancelCalibration())} data-testid="calibration-cancel">
          {t('tech.cancel')}
        </button>
        <button type="button" disabled={c.previous === null || action.busy} onClick={() => void action.run(() => bridge.undoCalibration())} data-testid="calibration-undo">
          {t('tech.undo')}
        </button>
      </div>
      <FeedbackView feedback={action.feedback} testId="tech-feedback" />
    </div>
  );
}
