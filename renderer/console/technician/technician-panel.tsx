import './technician.css';
import type { ScreenStatus, WallState } from '../../../common/state.js';
import { useT } from '../../i18n/use-t.js';
import { CalibrationBar } from './calibration-bar.js';
import { ColourControls } from './colour-controls.js';
import { DisplayMapping } from './display-mapping.js';
import { GeometryControls } from './geometry-controls.js';
import { ProfilesPanel } from './profiles-panel.js';
import { ScreenPicker } from './screen-picker.js';
import { TestPatternControls } from './test-pattern-controls.js';
import { useAction } from './use-action.js';
import { useTarget } from './use-target.js';

// The technician's tools on the console: pick a screen (it blinks), show a pattern, set bezels,
// geometry and colour (previewed on the wall), map displays, then apply — or go one step back.
export function TechnicianPanel({ state, statuses }: { state: WallState; statuses: ScreenStatus[] }) {
  const t = useT();
  const action = useAction();
  const target = useTarget(state, action);
  return (
    <section className="tech" aria-labelledby="tech-title" data-testid="technician-panel">
      <h2 id="tech-title">{t('tech.title')}</h2>
      <CalibrationBar state={state} action={action} />
      <ScreenPicker state={state} action={action} />
      <div className="tech__columns">
        <TestPatternControls state={state} action={action} />
        {target && <GeometryControls target={target} action={action} />}
        {target && <ColourControls target={target} action={action} />}
      </div>
      <DisplayMapping state={state} statuses={statuses} action={action} />
      <ProfilesPanel state={state} />
    </section>
  );
}
