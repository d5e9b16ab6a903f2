import { calibrationRanges as R } from '../../../common/calibration/ranges.js';
import type { Rotation } from '../../../common/wall/schema.js';
import { useT } from '../../i18n/use-t.js';
import { NumberField } from './number-field.js';
import type { Action } from './use-action.js';
import type { Target } from './use-target.js';

const EDGES = ['top', 'right', 'bottom', 'left'] as const;
const ROTATIONS: Rotation[] = [0, 90, 180, 270];

// Bezels (as seen on the wall), offset, overscan and content rotation of the selected screen, or of
// every screen at once. Each change is previewed on the wall; best done with the crosshatch showing.
export function GeometryControls({ target, action }: { target: Target; action: Action }) {
  const t = useT();
  const { calibration: c, bezelMm } = target;
  const disabled = action.busy;
  return (
    <fieldset className="tech-group" data-testid="geometry-controls">
      <legend>{t('tech.geometry')}</legend>
      <p className="tech-hint">{t('tech.bezelHint')}</p>
      <div className="tech-grid">
        {EDGES.map((edge) => (
          <NumberField key={edge} label={t(`tech.edge.${edge}`)} value={bezelMm[edge]} unit="mm" step={0.1} disabled={disabled} testId={`bezel-${edge}`} onCommit={(v) => target.set({ bezelMm: { [edge]: v } })} />
        ))}
        <NumberField label={t('tech.offsetX')} value={c.offset.x} unit="px" step={R.offsetPx.step} disabled={disabled} testId="offset-x" onCommit={(x) => target.set({ offset: { x } })} />
        <NumberField label={t('tech.offsetY')} value={c.offset.y} unit="px" step={R.offsetPx.step} disabled={disabled} testId="offset-y" onCommit={(y) => target.set({ offset: { y } })} />
        <NumberField label={t('tech.overscanX')} value={c.overscan.x} unit="px" step={R.overscanPx.step} disabled={disabled} testId="overscan-x" onCommit={(x) => target.set({ overscan: { x } })} />
        <NumberField label={t('tech.overscanY')} value={c.overscan.y} unit="px" step={R.overscanPx.step} disabled={disabled} testId="overscan-y" onCommit={(y) => target.set({ overscan: { y } })} />
      </div>
      <label className="tech-field">
        <span className="tech-field__label">{t('tech.contentRotation')}</span>
        <select value={c.rotation} disabled={disabled} data-testid="content-rotation" onChange={(e) => target.set({ rotation: Number(e.currentTarget.value) as Rotation })}>
          {ROTATIONS.map((r) => (
            <option key={r} value={r}>
              {r}°
            </option>
          ))}
        </select>
      </label>
      <p className="tech-hint">{t('tech.rotationHint')}</p>
    </fieldset>
  );
}
