import { calibrationRanges as R } from '../../../common/calibration/ranges.js';
import { useT } from '../../i18n/use-t.js';
import { useBridge } from '../../state/store-context.js';
import { NumberField } from './number-field.js';
import type { Action } from './use-action.js';
import type { Target } from './use-target.js';

// Brightness, contrast, gamma and red/green/blue gain of the selected screen only (or all of them),
// with the seam-patch pattern a button away for matching a screen to its neighbours.
export function ColourControls({ target, action }: { target: Target; action: Action }) {
  const t = useT();
  const bridge = useBridge();
  const k = target.calibration.colour;
  const disabled = action.busy;
  const showPatches = () => void action.run(() => bridge.setTestPattern({ screenId: null, pattern: { kind: 'seam-patches' } }));
  return (
    <fieldset className="tech-group" data-testid="colour-controls">
      <legend>{t('tech.colour')}</legend>
      <div className="tech-grid">
        <NumberField label={t('tech.brightness')} value={k.brightness} unit="%" step={R.brightness.step} disabled={disabled} testId="colour-brightness" onCommit={(brightness) => target.set({ colour: { brightness } })} />
        <NumberField label={t('tech.contrast')} value={k.contrast} unit="%" step={R.contrast.step} disabled={disabled} testId="colour-contrast" onCommit={(contrast) => target.set({ colour: { contrast } })} />
        <NumberField label={t('tech.gamma')} value={k.gamma} step={0.05} disabled={disabled} testId="colour-gamma" onCommit={(gamma) => target.set({ colour: { gamma } })} />
        <NumberField label={t('tech.gainR')} value={k.gain.r} unit="%" step={R.gain.step} disabled={disabled} testId="colour-gain-r" onCommit={(r) => target.set({ colour: { gain: { r } } })} />
        <NumberField label={t('tech.gainG')} value={k.gain.g} unit="%" step={R.gain.step} disabled={disabled} testId="colour-gain-g" onCommit={(g) => target.set({ colour: { gain: { g } } })} />
        <NumberField label={t('tech.gainB')} value={k.gain.b} unit="%" step={R.gain.step} disabled={disabled} testId="colour-gain-b" onCommit={(b) => target.set({ colour: { gain: { b } } })} />
      </div>
      <div className="tech-row">
        <button type="button" disabled={disabled} onClick={showPatches} data-testid="show-seam-patches">
          {t('tech.seamPatches')}
        </button>
        <button type="button" disabled={disabled} onClick={() => void action.run(() => bridge.resetCalibration(target.screenId, ['colour']))} data-testid="colour-reset">
          {t('tech.resetColour')}
        </button>
        <button type="button" disabled={disabled} onClick={() => void action.run(() => bridge.resetCalibration(target.screenId, ['geometry']))} data-testid="geometry-reset">
          {t('tech.resetGeometry')}
        </button>
      </div>
    </fieldset>
  );
}
